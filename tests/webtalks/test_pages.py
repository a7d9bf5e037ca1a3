import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import ProviderFactory, make_member
from tests.webtalks.conftest import QUESTION
from webtalks import selectors, services
from webtalks.models import EventSpeaker, Registration

pytestmark = pytest.mark.django_db


def test_index_lists_upcoming_events_and_the_archive_with_filters(client, make_event):
    make_event(title="WebTalk Vitale Innenstadt", kind="webtalk")
    make_event(title="Roundtable Leerstand", kind="roundtable")
    past = make_event(
        title="Nachlese Quartiersmanagement",
        start=timezone.now() - datetime.timedelta(days=30),
        recording_url="https://www.youtube.com/watch?v=abcdef12345",
    )
    past.topics.add("Leerstand")
    past.save_revision().publish()
    response = client.get("/veranstaltungen/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "WebTalk Vitale Innenstadt" in html and "Roundtable Leerstand" in html
    assert "Nachlese Quartiersmanagement" in html and "mit Aufzeichnung" in html
    filtered = client.get("/veranstaltungen/", {"art": "roundtable"}).content.decode()
    assert "Roundtable Leerstand" in filtered and "WebTalk Vitale Innenstadt" not in filtered
    by_topic = client.get("/veranstaltungen/", {"thema": "leerstand"}).content.decode()
    assert "Nachlese Quartiersmanagement" in by_topic and "Roundtable Leerstand" not in by_topic


def _index_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/veranstaltungen/").status_code == 200
    return len(queries)


def test_index_query_count_does_not_grow_with_events(client, make_event):
    provider = ProviderFactory()

    def add(n):
        for _ in range(n):
            event = make_event()
            event.topics.add("Digitalisierung", "Frequenz")
            EventSpeaker.objects.create(page=event, name="Dr. Eva Beispiel", organisation=provider)
            event.save_revision().publish()

    add(2)
    small = _index_queries(client)
    add(8)
    assert _index_queries(client) <= small


def test_join_link_only_for_confirmed_registrants(client, make_event):
    event = make_event(capacity=1)
    confirmed, waiting = make_member(), make_member()
    services.register_for_event(event, user=confirmed)
    services.register_for_event(event, user=waiting)
    assert event.join_url not in client.get(event.url).content.decode()
    client.force_login(waiting)
    assert event.join_url not in client.get(event.url).content.decode()
    client.force_login(confirmed)
    assert event.join_url in client.get(event.url).content.decode()


def test_member_registers_through_the_page(client, make_event):
    event = make_event(questions=[("question", QUESTION)])
    member = make_member()
    client.force_login(member)
    question_field = f"question_{event.question_list()[0]['id']}"
    response = client.post(
        event.url, {"action": "register", question_field: "Austausch"}, follow=True
    )
    assert response.status_code == 200
    assert Registration.objects.get(user=member).status == "confirmed"
    assert "Sie sind angemeldet" in response.content.decode()


def test_visitor_form_error_keeps_what_was_typed(client, make_event):
    event = make_event(questions=[("question", QUESTION)])
    question_field = f"question_{event.question_list()[0]['id']}"
    response = client.post(
        event.url,
        {
            "action": "register",
            "name": "Lena Gast",
            "email": "nicht-gültig",
            question_field: "Viel lernen",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "gültige E-Mail-Adresse" in html
    assert 'value="Lena Gast"' in html and "Viel lernen" in html
    assert not Registration.objects.exists()


def test_visitor_confirms_by_link_with_a_post(
    client, make_event, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            event.url,
            {
                "action": "register",
                "name": "Lena Gast",
                "email": "lena@example.org",
                "consent": "on",
            },
        )
    registration = Registration.objects.get()
    link = f"/anmeldungen/{registration.token}/bestaetigen/"
    assert link in mailoutbox[0].body
    client.get(link)  # link scanners only GET: nothing happens
    registration.refresh_from_db()
    assert registration.status == "pending_confirmation"
    client.post(link)
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_members_only_page_shows_no_form_to_visitors(client, make_event):
    event = make_event(audience="members")
    html = client.get(event.url).content.decode()
    assert "nur für Mitglieder" in html
    assert 'name="action" value="register"' not in html


def test_upcoming_events_selector_for_the_home_page(make_event):
    later = make_event(start=timezone.now() + datetime.timedelta(days=20))
    sooner = make_event(start=timezone.now() + datetime.timedelta(days=2))
    make_event(start=timezone.now() - datetime.timedelta(days=2))
    draft = make_event()
    draft.unpublish()
    assert selectors.upcoming_events(5) == [sooner, later]
    assert selectors.upcoming_events(1) == [sooner]


def test_events_of_an_organisation(make_event):
    provider = ProviderFactory()
    event = make_event()
    EventSpeaker.objects.create(page=event, name="Eva", organisation=provider)
    make_event()
    assert selectors.events_of(provider) == [event]


def test_past_event_shows_recording_only_after_click_markup(client, make_event):
    event = make_event(
        start=timezone.now() - datetime.timedelta(days=3),
        recording_url="https://www.youtube.com/watch?v=abcdef12345",
        summary="<p>Die wichtigsten Erkenntnisse.</p>",
    )
    html = client.get(event.url).content.decode()
    assert "data-two-click-video" in html and "<iframe" not in html
    assert "Die wichtigsten Erkenntnisse." in html


def test_cancel_link_asks_first_then_cancels(client, make_event):
    event = make_event()
    registration = services.register_for_event(event, user=make_member())
    link = f"/anmeldungen/{registration.token}/abmelden/"
    assert "Ja, abmelden" in client.get(link).content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    client.post(link)
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_series_and_session_pages_render(client, make_series):
    series = make_series(sessions=2, capacity=10)
    html = client.get(series.url).content.decode()
    assert all(s.title in html for s in series.sessions_list())
    session_html = client.get(series.sessions_list()[0].url).content.decode()
    assert "gilt für alle Termine" in session_html


def test_editors_can_open_the_event_pages_in_the_admin(client, make_event, make_series):
    from tests.factories import UserFactory

    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    event = make_event(questions=[("question", QUESTION)])
    series = make_series(sessions=1)
    for page in (event, series, event.get_parent()):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    index = event.get_parent()
    assert client.get(f"/admin/pages/add/webtalks/eventpage/{index.pk}/").status_code == 200
