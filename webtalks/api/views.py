"""GET /api/v1/events/: public events."""

from config.api import (
    api_view,
    choice_params,
    date_param,
    int_param,
    page_of,
    paged_response,
    slug_params,
)
from webtalks.api import selectors, serialisers
from webtalks.models import EventKind


def parse_filters(query):
    return {
        "kind": choice_params(query, "kind", EventKind.values),
        "topic": slug_params(query, "topic"),
        "start_from": date_param(query, "start_from"),
        "start_to": date_param(query, "start_to"),
        "series": int_param(query, "series", minimum=1, maximum=2**31 - 1),
    }


@api_view
def events(request):
    filters = parse_filters(request.GET)
    return paged_response(
        request,
        version=selectors.event_version(),
        fetch=lambda paging: page_of(selectors.events(filters), paging),
        serialise=serialisers.event,
    )
