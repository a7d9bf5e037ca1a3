"""Cached facet counts: computed once per library state, forgotten on publish, unpublish,
restriction and organisation changes, the same correct numbers for visitors and members."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _counts(client, query=""):
    response = client.get("/praxisbeispiele/" + query)
    assert response.status_code == 200
    context = response.context
    facets = {
        facet["key"]: {option["value"]: option["count"] for option in facet["options"]}
        for facet in context["facets"]
    }
    return context["result_count"], facets


def _queries(client, query=""):
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/praxisbeispiele/" + query).status_code == 200
    return len(captured.captured_queries)


def test_counts_are_computed_once_and_served_from_the_cache(client, make_case_study):
    make_case_study("Leerstandslotsin", topics=["Leerstand"])
    first = _queries(client, "?thema=leerstand")
    second = _queries(client, "?thema=leerstand")
    # Five facet aggregations and the result count are not repeated.
    assert second <= first - 6


def test_publishing_shows_up_in_the_counts_at_once(client, make_case_study):
    make_case_study("Leerstandslotsin", topics=["Leerstand"])
    assert _counts(client)[1]["thema"] == {"leerstand": 1}
    draft = make_case_study("Kataster", topics=["Leerstand", "Digitalisierung"], live=False)
    assert _counts(client)[0] == 1  # a draft counts for nobody
    draft.save_revision().publish()
    total, facets = _counts(client)
    assert total == 2
    assert facets["thema"] == {"leerstand": 2, "digitalisierung": 1}


def test_unpublishing_through_the_admin_removes_the_page_from_the_counts(
    client, make_case_study
):
    make_case_study("Leerstandslotsin", topics=["Leerstand"])
    second = make_case_study("Kataster", topics=["Leerstand"])
    assert _counts(client)[1]["thema"] == {"leerstand": 2}
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    response = client.post(f"/admin/pages/{second.pk}/unpublish/", {"include_descendants": ""})
    assert response.status_code == 302
    client.logout()
    total, facets = _counts(client)
    assert total == 1
    assert facets["thema"] == {"leerstand": 1}


def test_a_restricted_page_is_counted_for_nobody_and_restricting_invalidates(
    client, make_case_study
):
    town = OrganisationFactory(bundesland="BY")
    member = UserFactory()
    MembershipFactory(user=member, organisation=town)
    make_case_study("Offen", topics=["Leerstand"])
    hidden = make_case_study("Intern", topics=["Leerstand", "Intern"])
    assert _counts(client)[0] == 2
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    visitor_view = _counts(client)
    client.force_login(member)
    member_view = _counts(client)
    assert visitor_view == member_view
    assert visitor_view[0] == 1
    assert visitor_view[1]["thema"] == {"leerstand": 1}


def test_a_town_changing_its_bundesland_moves_its_case_studies_in_the_counts(
    client, make_case_study
):
    town = OrganisationFactory(bundesland="BY", population=20_000)
    make_case_study("Leerstandslotsin", organisation=town, topics=["Leerstand"])
    assert _counts(client)[1]["land"] == {"BY": 1}
    town.bundesland = "NW"
    town.save()
    assert _counts(client)[1]["land"] == {"NW": 1}
