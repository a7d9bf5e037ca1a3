"""GET /api/v1/organisations/: approved organisations.

Organisations carry no change stamp, so their ETag is a digest of the answer
(`version=None`, see config/api.py)."""

from config.api import api_view, choice_params, page_of, paged_response, slug_params
from network.api import selectors, serialisers
from network.models import Bundesland, Organisation


def parse_filters(query):
    return {
        "kind": choice_params(query, "kind", Organisation.Kind.values),
        "bundesland": choice_params(query, "bundesland", Bundesland.values),
        "topic": slug_params(query, "topic"),
    }


@api_view
def organisations(request):
    filters = parse_filters(request.GET)
    return paged_response(
        request,
        version=None,
        fetch=lambda paging: page_of(selectors.organisations(filters), paging),
        serialise=serialisers.organisation,
    )
