"""Roundtables in "Meine Daten": what a member brought, the talks they asked for or were
asked for, the results they recorded are exported; on deletion the talks stay for the
organisations without the person, what they brought goes with their registration."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from network.account import services as account_services
from network.models import User
from network.personal_data import export_user
from tests.factories import DEFAULT_PASSWORD, make_member
from tests.webtalks.conftest import events_index  # noqa: F401 - fixture
from tests.webtalks.roundtable_helpers import add_slots, build_roundtable
from webtalks import services
from webtalks.models import (
    EventPage,
    Registration,
    RoundtableBooking,
    RoundtableContribution,
    RoundtableMeeting,
    RoundtableSlot,
)

pytestmark = pytest.mark.django_db

ANNA_MESSAGE = ("Wir möchten über Zwischennutzung für elf Schaufenster sprechen. "
                "Viele Grüße, Anna Schmidt")
OMAR_MESSAGE = "Gern stellen wir Ihnen unseren Probeladen vor."


@pytest.fixture(autouse=True)
def _private_storage(settings, tmp_path):
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"


@pytest.fixture
def table(events_index, django_capture_on_commit_callbacks):  # noqa: F811
    """Anna (town 0, which has a colleague and so stays) brings the town's pain point, asks
    provider 0 for a talk (agreed) and is asked by provider 1 (open)."""
    table = build_roundtable(events_index)
    town, anna = table.towns[0]
    User.objects.filter(pk=anna.pk).update(first_name="Anna", last_name="Schmidt")
    anna.refresh_from_db()
    make_member(town, first_name="Ben", last_name="Kollege")
    (provider, omar), (other_provider, olga) = table.providers
    slots = add_slots(table.event, table.organiser)
    with django_capture_on_commit_callbacks(execute=True):
        registration = Registration.objects.get(event=table.event, user=anna)
        services.set_contributions(anna, registration, [f"pp-{table.pain_points[0].pk}"])
        asked = services.request_meeting(anna, table.event, slot=slots[0], recipient=provider,
                                         pain_point=table.pain_points[0],
                                         offer=table.offers[0], message=ANNA_MESSAGE)
        services.answer_meeting(omar, asked, accept=True)
        received = services.request_meeting(olga, table.event, slot=slots[1], recipient=town,
                                            message=OMAR_MESSAGE)
    table.anna, table.omar, table.olga = anna, omar, olga
    table.asked, table.received = asked, received
    return table


def _move_to_past(event):
    shift = event.start - (timezone.now() - datetime.timedelta(days=2))
    EventPage.objects.filter(pk=event.pk).update(start=event.start - shift, end=event.end - shift)
    for slot in RoundtableSlot.objects.filter(event=event):
        RoundtableSlot.objects.filter(pk=slot.pk).update(start=slot.start - shift,
                                                         end=slot.end - shift)


def test_export_holds_what_she_brought_and_her_talks(table):
    data = export_user(table.anna)

    [brought] = data["roundtable_beitraege"]
    assert brought["veranstaltung"] == table.event.title
    assert brought["titel"] == table.pain_points[0].title
    assert brought["art"] == "Bedarf"

    talks = {t["rolle"]: t for t in data["roundtable_gespraeche"]}
    assert set(talks) == {"von Ihnen angefragt", "an Ihre Organisation"}
    sent = talks["von Ihnen angefragt"]
    assert sent["nachricht"] == ANNA_MESSAGE
    assert sent["an"] == "Anbieter Probe 0" and sent["status"] == "vereinbart"
    assert talks["an Ihre Organisation"]["von"] == "Anbieter Probe 1"
    assert talks["an Ihre Organisation"]["nachricht"] == OMAR_MESSAGE
    assert data["roundtable_ergebnisse"] == []
    # Another provider's member sees neither Anna's contribution nor a talk of theirs.
    other = export_user(table.providers[1][1])
    assert other["roundtable_beitraege"] == []
    assert [t["rolle"] for t in other["roundtable_gespraeche"]] == ["von Ihnen angefragt"]


def test_export_of_the_organiser_holds_the_results_she_recorded(table):
    _move_to_past(table.event)
    services.record_meeting_result(table.organiser, RoundtableMeeting.objects.get(
        pk=table.asked.pk), meets_again=True, next_step="Begehung der Mittelstraße")
    [result] = export_user(table.organiser)["roundtable_ergebnisse"]
    assert result["naechster_schritt"] == "Begehung der Mittelstraße"
    assert result["treffen_sich_wieder"] is True
    assert result["von"] == "Stadt Probe 0" and result["an"] == "Anbieter Probe 0"


def test_deletion_keeps_the_talks_for_the_organisations_without_her(client, table):
    anna = table.anna
    registration = Registration.objects.get(event=table.event, user=anna)
    account_services.delete_account(anna, anna, DEFAULT_PASSWORD)

    assert not User.objects.filter(pk=anna.pk).exists()
    # What she brought went with her registration.
    assert not Registration.objects.filter(pk=registration.pk).exists()
    assert not RoundtableContribution.objects.filter(registration_id=registration.pk).exists()
    # Her talk stays agreed and booked for both organisations, without her and her name.
    asked = RoundtableMeeting.objects.get(pk=table.asked.pk)
    assert asked.status == RoundtableMeeting.Status.ACCEPTED
    assert asked.requested_by is None
    assert "Anna Schmidt" not in asked.message and "ehemaliges Mitglied" in asked.message
    assert "elf Schaufenster" in asked.message
    assert RoundtableBooking.objects.filter(meeting=asked).count() == 2
    # The talk asked of her town stays for the town and for the provider who asked.
    received = RoundtableMeeting.objects.get(pk=table.received.pk)
    assert received.requested_by == table.olga and received.message == OMAR_MESSAGE

    client.force_login(table.omar)
    page = client.get(reverse("roundtables:plan", args=[table.event.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Stadt Probe 0" in html and "Anna Schmidt" not in html


def test_deleting_the_organiser_keeps_the_results(table):
    _move_to_past(table.event)
    services.record_meeting_result(table.organiser, RoundtableMeeting.objects.get(
        pk=table.asked.pk), meets_again=False, next_step="Erst einmal nichts")
    organiser = table.organiser
    account_services.delete_account(organiser, organiser, DEFAULT_PASSWORD)
    asked = RoundtableMeeting.objects.get(pk=table.asked.pk)
    assert asked.result_recorded_by is None
    assert asked.meets_again is False and asked.next_step == "Erst einmal nichts"
    assert asked.result_recorded_at is not None
