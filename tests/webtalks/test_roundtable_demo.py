"""The demo roundtables of `seed_demo`: one upcoming and one past, each with an overlay,
slots and talks; the past one with results in its Nachlese and contact outcomes. Twice in
a row changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from matchmaking.models import ContactOutcome, ContactRequest
from network.models import User
from webtalks import roundtable_selectors as selectors
from webtalks.models import (
    EventPage,
    Registration,
    RoundtableBooking,
    RoundtableContribution,
    RoundtableMeeting,
    RoundtableSlot,
)

pytestmark = pytest.mark.django_db

MODELS = (EventPage, Registration, RoundtableContribution, RoundtableSlot, RoundtableMeeting,
          RoundtableBooking, ContactRequest)


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_demo_roundtables(client):
    call_command("seed_demo", stdout=StringIO())
    first = _counts()
    call_command("seed_demo", stdout=StringIO())
    assert _counts() == first

    upcoming = EventPage.objects.get(slug="roundtable-nachvermietung")
    past = EventPage.objects.get(slug="roundtable-zwischennutzung-bilanz")
    assert not upcoming.is_past and past.is_past
    for event in (upcoming, past):
        overlay = selectors.overlay(event)
        assert overlay.cells, event.title
        assert RoundtableSlot.objects.filter(event=event).count() >= 2
        assert RoundtableMeeting.objects.filter(event=event, status="accepted").exists()
    assert RoundtableMeeting.objects.filter(event=upcoming, status="requested").exists()
    results = selectors.recap_results(past)
    assert len(results) == 3
    assert ContactRequest.objects.filter(outcome=ContactOutcome.TALKED).count() >= 2

    html = client.get(past.url).content.decode()
    assert "Was aus den Gesprächen am Roundtable wurde" in html
    organiser = User.objects.get(email="leerstand@einbeck.example")
    client.force_login(organiser)
    assert client.get(reverse("roundtables:overlay", args=[upcoming.pk])).status_code == 200
    provider = User.objects.get(email="nachfolge@staffelstab.example")
    client.force_login(provider)
    plan = client.get(reverse("roundtables:plan", args=[upcoming.pk])).content.decode()
    assert "Mit wem Sie sprechen sollten" in plan
    assert "Anfragen an Sie" in plan
