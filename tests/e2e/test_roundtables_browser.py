"""Roundtables in a real browser, without JavaScript of their own: the organiser lays needs
over offers, adds a slot and seats a pair; the town sees its plan; after the event the
organiser records the result, which shows in the Nachlese. Every page is axe-clean."""

import datetime

import pytest
from django.utils import timezone

from tests.e2e.browser import assert_accessible, log_in
from tests.factories import DEFAULT_PASSWORD
from tests.webtalks.roundtable_helpers import build_roundtable
from webtalks.models import EventIndexPage, EventPage, RoundtableMeeting, RoundtableSlot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def events_index(home_page):
    return home_page.add_child(
        instance=EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
    )


def test_overlay_plan_and_results(page, events_index):
    table = build_roundtable(events_index)
    event = table.event

    log_in(page, table.organiser.email, DEFAULT_PASSWORD)
    page.goto(event.url)
    page.get_by_role("link", name="Bedarfe und Angebote im Überblick").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Übersicht: Bedarfe × Angebote").is_visible()
    assert page.get_by_text("gemeinsame Themen").first.is_visible()
    assert_accessible(page)

    start = timezone.localtime(event.start + datetime.timedelta(minutes=30))
    page.get_by_label("Bezeichnung (freiwillig)").fill("Runde 1")
    page.get_by_label("Beginn").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Ende").fill((start + datetime.timedelta(minutes=25)).strftime(
        "%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Zeitfenster anlegen").click()
    page.wait_for_load_state()
    assert page.get_by_text("Das Zeitfenster ist angelegt.").is_visible()
    assert RoundtableSlot.objects.filter(event=event).count() == 1

    page.get_by_role("button", name="Gespräch einteilen").first.click()
    page.wait_for_load_state()
    assert page.get_by_text("Das Gespräch ist eingeteilt").is_visible()
    assert_accessible(page)
    meeting = RoundtableMeeting.objects.get(event=event)
    assert meeting.status == "accepted"

    page.context.clear_cookies()
    # The town of the seated pair looks at its plan.
    town, member = next((org, person) for org, person in table.towns
                        if org.pk in meeting.organisation_ids())
    partner = meeting.recipient if meeting.requester == town else meeting.requester
    log_in(page, member.email, DEFAULT_PASSWORD)
    page.goto(event.url)
    page.get_by_role("link", name="Ihr Gesprächsplan: Mit wem Sie sprechen sollten").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Mit wem Sie sprechen sollten").is_visible()
    assert page.get_by_text(partner.name).first.is_visible()
    assert_accessible(page)

    # The roundtable takes place.
    shift = event.start - (timezone.now() - datetime.timedelta(days=1))
    EventPage.objects.filter(pk=event.pk).update(start=event.start - shift,
                                                 end=event.end - shift)
    page.context.clear_cookies()
    log_in(page, table.organiser.email, DEFAULT_PASSWORD)
    page.goto(event.url)
    page.get_by_role("link", name="Ergebnisse der Gespräche").first.click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_label("Ja", exact=True).check()
    page.get_by_label("Was versuchen sie als Nächstes?").fill("Probeladen ab März")
    page.get_by_role("button", name="Ergebnis speichern").click()
    page.wait_for_load_state()
    assert page.get_by_text("Ergebnis gespeichert").is_visible()

    page.goto(event.url)
    assert page.get_by_text("Probeladen ab März").is_visible()
    assert_accessible(page)
