"""GET /api/v1/funding-programmes/."""

from config.api import api_view, choice_params, date_param, page_of, paged_response, slug_params
from matchmaking.api import selectors, serialisers
from matchmaking.models import ApplicantKind, Funder
from network.models import Bundesland


def parse_filters(query):
    return {
        "topic": slug_params(query, "topic"),
        "funder": choice_params(query, "funder", Funder.values),
        "bundesland": choice_params(query, "bundesland", Bundesland.values),
        "applicant_kind": choice_params(query, "applicant_kind", ApplicantKind.values),
        "deadline_from": date_param(query, "deadline_from"),
        "deadline_to": date_param(query, "deadline_to"),
    }


@api_view
def funding_programmes(request):
    filters = parse_filters(request.GET)
    return paged_response(
        request,
        version=selectors.funding_version(),
        fetch=lambda paging: page_of(selectors.funding_programmes(filters), paging),
        serialise=serialisers.funding_programme,
    )
