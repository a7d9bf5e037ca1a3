"""The editors' dashboard in the Wagtail admin: figures for editors, refused for members,
the same number of queries however much there is to count."""

import itertools

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matchmaking.models import ContactOutcome, ContactRequest, ContactStatus
from network.models import Organisation, Subscription, SubscriptionStatus
from tests.factories import OrganisationFactory, ProviderFactory, UserFactory, make_member
from tests.html_checks import html_problems
from tests.matchmaking.factories import OfferFactory, PainPointFactory
from tests.webtalks.conftest import build_event
from webtalks.models import EventIndexPage, Registration

pytestmark = pytest.mark.django_db
URL = "/admin/kennzahlen/"
_serial = itertools.count()


def make_editor():
    user = UserFactory()
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    user.groups.add(group)
    return user


@pytest.fixture
def events_index(home_page):
    return home_page.add_child(
        instance=EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
    )


def _network(events_index, size):
    """`size` of everything the dashboard counts."""
    for number in range(size):
        serial = next(_serial)
        town = OrganisationFactory(bundesland="BY" if number % 2 else "SN")
        provider = ProviderFactory()
        make_member(town)
        event = build_event(events_index, capacity=20)
        for status in (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED):
            Registration.objects.create(
                event=event, name="Gast", email=f"gast{serial}{status}@example.org",
                status=status,
            )
        ContactRequest.objects.create(
            pain_point=PainPointFactory(organisation=town),
            offer=OfferFactory(organisation=provider),
            sender_organisation=town,
            recipient_organisation=provider,
            message="Wir würden gern sprechen.",
            status=ContactStatus.ACCEPTED,
            outcome=ContactOutcome.IMPLEMENTED if number == 0 else ContactOutcome.TALKED,
        )
        Subscription.objects.create(
            email=f"leser{serial}@example.org", status=SubscriptionStatus.CONFIRMED
        )


def test_editor_sees_charts_and_tables(client, events_index):
    _network(events_index, 2)
    client.force_login(make_editor())
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kennzahlen des Netzwerks" in html
    for title in ("Organisationen nach Art", "Organisationen nach Bundesland",
                  "Anmeldungen je kommender Veranstaltung", "wie weit sie kamen",
                  "Wochenübersicht: Abonnements"):
        assert title in html
    assert html.count('role="img"') == 5
    assert '<th scope="row">Bayern</th><td>1</td>' in html
    assert '<th scope="row">umgesetzt</th><td>1</td>' in html
    assert '<th scope="row">Gespräch geführt</th><td>2</td>' in html
    assert '<th scope="row">bestätigt</th><td>2</td>' in html
    figures = response.context["members"]
    assert figures["members"] == 2
    assert figures["approved"] == Organisation.objects.approved().count()
    events = response.context["events"]
    assert [(event["confirmed"], event["waitlisted"]) for event in events] == [(1, 1), (1, 1)]
    assert not [problem for problem in html_problems(html) if "external" in problem]


def test_the_menu_links_to_the_dashboard(client):
    client.force_login(make_editor())
    assert URL in client.get("/admin/").content.decode()


def test_plain_member_and_visitor_are_refused(client):
    assert client.get(URL).status_code == 302  # to the login
    client.force_login(make_member())
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert "Kennzahlen des Netzwerks" not in response.content.decode()


def _queries(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    return len(captured.captured_queries)


def test_query_count_does_not_grow_with_the_network(client, events_index):
    client.force_login(make_editor())
    _network(events_index, 1)
    small = _queries(client)
    _network(events_index, 6)
    assert _queries(client) <= small
