"""The "Lösungsweg" dashboard and the public list of funding programmes."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from matchmaking import selectors
from matchmaking.forms import FundingFilterForm

from .common import Viewer, paginate


@require_http_methods(["GET", "HEAD"])
def index(request):
    """Each pain point with its solution path, each offer with its matching pain points;
    visitors and members of other organisations get an explanation instead."""
    viewer = Viewer(request.user)
    pain_points = selectors.pain_points_of_organisations(viewer.municipal)
    offers = selectors.offers_of_organisations(viewer.providers)
    return render(
        request,
        "matchmaking/index.html",
        {
            "viewer": viewer,
            "paths": selectors.solution_paths(pain_points, request.user),
            "offer_matches": selectors.provider_matches(offers, request.user),
            "pending_contacts": (
                selectors.pending_contact_count(viewer.organisations)
                if viewer.organisations else 0
            ),
        },
    )


@require_http_methods(["GET", "HEAD"])
def funding_list(request):
    """Open programmes; members of a municipality see first what they may apply for."""
    viewer = Viewer(request.user)
    data = request.GET.copy()
    data.pop("page", None)
    if viewer.is_municipal and not data:
        data["fuer_mich"] = "on"  # the default for municipalities: "für Sie beantragbar"
    form = FundingFilterForm(data or None)
    filters = form.filters()
    for_me = filters.pop("for_me") and viewer.is_municipal
    programmes = selectors.open_funding_programmes(
        **filters, organisations=viewer.municipal if for_me else None
    )
    return render(
        request,
        "matchmaking/funding_list.html",
        {"filter_form": form, "viewer": viewer, "for_me": for_me,
         **paginate(request, programmes)},
    )
