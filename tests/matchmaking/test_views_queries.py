"""The matchmaking pages keep a constant number of SQL queries however many matches they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.bestpractice import conftest as library_fixtures
from tests.factories import OrganisationFactory, make_member
from tests.matchmaking.factories import FundingProgrammeFactory
from tests.matchmaking.pages import page
from tests.webtalks import conftest as event_fixtures

pytestmark = pytest.mark.django_db

# Shared fixtures, bound here so pytest finds them in this module.
library, make_case_study = library_fixtures.library, library_fixtures.make_case_study
events_index, make_event = event_fixtures.events_index, event_fixtures.make_event


def publish_event(make_event, title, topics):
    event = make_event(title=title, intro="Wie Zwischennutzung leere Läden belebt.")
    event.topics.add(*topics)
    event.save_revision().publish()
    return event


def count_queries(client, url):
    page(client, url)  # warm: the engine's indexes are built once per process and change
    with CaptureQueriesContext(connection) as captured:
        html = page(client, url)
    return len(captured), html


def test_dashboard_query_count_does_not_grow_with_matches(
    client, home_page, town_member, provider_member, publish_need, publish_offer,
    make_case_study, make_event, committed,
):
    for number in range(2):
        make_case_study(f"Leerstand gelöst {number}", topics=["Leerstand"])
        FundingProgrammeFactory(name=f"Leerstandsprogramm {number}", topics=["Leerstand"])
        publish_event(make_event, f"WebTalk Leerstand {number}", ["Leerstand"])
    first = publish_need(town_member, "Leere Läden am Markt", ["Leerstand"])
    second = publish_need(town_member, "Leere Läden am Bahnhof", ["Leerstand", "Zwischennutzung"])
    for number in range(2):
        publish_offer(provider_member, f"Leerstandsmanagement {number}", ["Leerstand"])
    client.force_login(town_member)

    small, html = count_queries(client, "/matching/")
    assert html.count('class="match__title"') == 4

    other_provider = make_member(OrganisationFactory(kind="anbieter", name="Zweiter Anbieter"))
    for number in range(2, 8):
        publish_offer(other_provider, f"Leerstandsmanagement {number}", ["Leerstand"])
    with committed():  # the worker brings the stored library indexes up to date
        for number in range(2, 5):
            make_case_study(f"Leerstand gelöst {number}", topics=["Leerstand"])
            publish_event(make_event, f"WebTalk Leerstand {number}", ["Leerstand"])

    large, html = count_queries(client, "/matching/")
    # The dashboard shows three offers per pain point and links to all of them.
    assert html.count('class="match__title"') == 6
    assert "Alle 8 passenden Angebote ansehen" in html
    assert first.title in html and second.title in html
    assert html.count("Leerstandsprogramm ") >= 4  # two programmes on each solution path
    assert html.count("Praxisbeispiel: ") == 6  # three solvers on each solution path
    assert html.count(">WebTalk Leerstand ") == 6  # three events on each solution path
    assert large == small


def test_pain_point_page_query_count_does_not_grow_with_matches(
    client, home_page, town_member, provider_member, publish_need, publish_offer,
):
    need = publish_need(town_member)
    for number in range(2):
        publish_offer(provider_member, f"Leerstandsmanagement {number}")
    client.force_login(town_member)
    small, _ = count_queries(client, f"/matching/bedarfe/{need.pk}/")
    for number in range(2, 8):
        publish_offer(provider_member, f"Leerstandsmanagement {number}")
    large, html = count_queries(client, f"/matching/bedarfe/{need.pk}/")
    assert html.count('class="match__title"') == 8
    assert large == small


def test_provider_dashboard_query_count_does_not_grow_with_matches(
    client, home_page, provider_member, publish_need, publish_offer,
):
    publish_offer(provider_member, "Leerstandsmanagement Nord")
    publish_offer(provider_member, "Leerstandsmanagement Süd")
    towns = [make_member(OrganisationFactory(name=f"Stadt {n}")) for n in range(8)]
    for person in towns[:2]:
        publish_need(person)
    client.force_login(provider_member)
    small, _ = count_queries(client, "/matching/")
    for person in towns[2:]:
        publish_need(person)
    large, html = count_queries(client, "/matching/")
    assert html.count('class="match__title"') == 6
    assert "Alle 8 passenden Bedarfe ansehen" in html
    assert large == small


@pytest.mark.parametrize("url", ["/matching/bedarfe/", "/matching/angebote/",
                                 "/matching/foerderprogramme/"])
def test_listing_query_count_does_not_grow_with_rows(client, home_page, town_member,
                                                     provider_member, publish_need,
                                                     publish_offer, url):
    def add(count):
        for _ in range(count):
            publish_need(town_member, visibility="public")
            publish_offer(provider_member)
            FundingProgrammeFactory(topics=["Leerstand"])

    add(2)
    client.force_login(town_member)
    small, _ = count_queries(client, url)
    add(8)
    large, html = count_queries(client, url)
    assert "10 " in html
    assert large == small
