"""Events in a real browser: register for an event, axe-clean event pages, and two people
in the live room who see each other's chat message and question."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.browser import assert_accessible, log_in
from tests.e2e.conftest import BrowserSession
from tests.factories import DEFAULT_PASSWORD, make_member
from tests.webtalks.conftest import QUESTION, build_event
from webtalks import services
from webtalks.models import EventIndexPage, Registration

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def events_index(home_page):
    return home_page.add_child(
        instance=EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
    )


def test_member_registers_and_event_pages_are_accessible(page, events_index):
    event = build_event(
        events_index,
        title="WebTalk: Digital unterstützte vitale Innenstädte",
        capacity=20,
        questions=[("question", QUESTION)],
    )
    event.topics.add("Digitalisierung")
    event.save_revision().publish()
    build_event(
        events_index,
        title="Nachlese: Frequenzmessung",
        start=timezone.now() - datetime.timedelta(days=20),
        recording_url="https://www.youtube.com/watch?v=abcdef12345",
        summary="<p>Die wichtigsten Erkenntnisse.</p>",
    )
    member = make_member(first_name="Miriam", last_name="Kessler")

    page.goto("/veranstaltungen/")
    assert_accessible(page)
    log_in(page, member.email, DEFAULT_PASSWORD)
    page.goto(event.url)
    assert_accessible(page)
    page.get_by_label(QUESTION["label"]).fill("Beispiele aus Kleinstädten")
    page.get_by_role("button", name="Verbindlich anmelden").click()
    page.wait_for_load_state()
    assert page.get_by_text("Sie sind angemeldet.").first.is_visible()
    assert page.get_by_role("link", name="Zur Videokonferenz").is_visible()
    assert_accessible(page)
    registration = Registration.objects.get(user=member)
    assert registration.status == "confirmed"
    assert registration.answers[0]["answer"] == "Beispiele aus Kleinstädten"


def test_two_people_in_the_live_room_see_each_others_posts(browser, asgi_server, events_index):
    event = build_event(
        events_index,
        title="WebTalk: Zukunft der Städte",
        start=timezone.now() - datetime.timedelta(minutes=5),
        registration_closes_at=timezone.now() + datetime.timedelta(hours=1),
    )
    anna, ben = make_member(first_name="Anna"), make_member(first_name="Ben")
    for person in (anna, ben):
        services.register_for_event(event, user=person)

    session = BrowserSession(browser, asgi_server)
    try:
        page_a, page_b = session.new_page(), session.new_page()
        for page, person in ((page_a, anna), (page_b, ben)):
            log_in(page, person.email, DEFAULT_PASSWORD)
            page.goto(event.url + "live/")
            page.wait_for_selector("[data-live-room][data-connected]")
        assert_accessible(page_a)

        page_a.get_by_label("Nachricht an alle").fill("Hallo aus Iserlohn!")
        page_a.get_by_role("button", name="Senden").click()
        page_b.locator('[data-live-list="chat"]').get_by_text("Hallo aus Iserlohn!").wait_for()

        page_b.get_by_label("Ihre Frage").fill("Wie messen Sie die Frequenz?")
        page_b.get_by_role("button", name="Frage stellen").click()
        questions_a = page_a.locator('[data-live-list="question"]')
        questions_a.get_by_text("Wie messen Sie die Frequenz?").wait_for()
        questions_a.get_by_role("button", name="Frage unterstützen").first.click()
        page_b.locator('[data-live-list="question"]').get_by_text("Stimmen: 1").wait_for()
        # The count goes out at most once a second, so it may arrive after the votes.
        expect(page_a.locator("[data-live-count]")).to_have_text("2")
    finally:
        session.close()
    assert session.blocked_requests == []
