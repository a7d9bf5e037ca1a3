"""GET /api/v1/case-studies/: public case studies with their facets."""

from bestpractice.api import selectors, serialisers
from bestpractice.models import BudgetRange
from config.api import (
    api_view,
    choice_params,
    date_param,
    int_param,
    page_of,
    paged_response,
    slug_params,
)
from network.models import Bundesland, SizeClass


def parse_filters(query):
    return {
        "topic": slug_params(query, "topic"),
        "bundesland": choice_params(query, "bundesland", Bundesland.values),
        "size_class": choice_params(query, "size_class", SizeClass.values),
        "budget": choice_params(query, "budget", BudgetRange.values),
        "year_from": int_param(query, "year_from", minimum=1990, maximum=2100),
        "year_to": int_param(query, "year_to", minimum=1990, maximum=2100),
        "published_from": date_param(query, "published_from"),
        "published_to": date_param(query, "published_to"),
    }


@api_view
def case_studies(request):
    filters = parse_filters(request.GET)
    return paged_response(
        request,
        version=selectors.case_study_version(),
        fetch=lambda paging: page_of(selectors.case_studies(filters), paging),
        serialise=serialisers.case_study,
    )
