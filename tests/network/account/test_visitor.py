"""Visitors without an account reach their registration data through the signed link in
their registration mails: see, export, cancel and erase."""

import json
import re

import pytest
from django.core import signing
from django.urls import reverse

from network.account import services
from webtalks import services as webtalks_services
from webtalks.models import CalendarFeed, Registration

pytestmark = pytest.mark.django_db


def _data_link(mail):
    match = re.search(r"https?://\S+/meine-daten/(\S+)/", mail.body)
    assert match, mail.body
    return reverse("network:visitor_data", kwargs={"token": match.group(1)})


@pytest.fixture
def full_event_with_waitlist(make_event, mailoutbox, django_capture_on_commit_callbacks):
    event = make_event(capacity=1, title="Roundtable Innenstadtfonds")
    with django_capture_on_commit_callbacks(execute=True):
        first = webtalks_services.register_for_event(event, name="Vera Gast",
                                                     email="vera@example.org")
        webtalks_services.confirm_registration(first.token)
        second = webtalks_services.register_for_event(event, name="Wim Warte",
                                                      email="wim@example.org")
        webtalks_services.confirm_registration(second.token)
    return event


def test_link_in_the_confirmation_mail_shows_exports_and_erases(
        client, full_event_with_waitlist, mailoutbox, django_capture_on_commit_callbacks):
    confirmation = next(m for m in mailoutbox
                        if m.to == ["vera@example.org"] and "angemeldet" in m.body)
    url = _data_link(confirmation)

    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Roundtable Innenstadtfonds" in html and "Vera Gast" in html
    assert "Wim Warte" not in html
    assert html.count("<h1") == 1

    exported = client.post(url, {"action": "export"})
    assert exported["Content-Type"].startswith("application/json")
    data = json.loads(exported.content)
    assert data["veranstaltungs_anmeldungen"][0]["email"] == "vera@example.org"

    refused = client.post(url, {"action": "erase"})  # without the confirmation tick
    assert refused.status_code == 400
    assert Registration.objects.filter(email="vera@example.org").exists()

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, {"action": "erase", "confirm": "on"})
    assert "Ihre Daten sind gelöscht" in done.content.decode()
    assert not Registration.objects.filter(email="vera@example.org").exists()
    assert not CalendarFeed.objects.filter(email="vera@example.org").exists()
    wim = Registration.objects.get(email="wim@example.org")
    assert wim.status == Registration.Status.CONFIRMED
    assert [m.to for m in mailoutbox] == [["wim@example.org"]]


def test_forged_or_expired_link_is_refused(client, full_event_with_waitlist, settings):
    forged = signing.dumps("wim@example.org", salt="something-else")
    response = client.get(reverse("network:visitor_data", kwargs={"token": forged}))
    assert response.status_code == 404
    assert "ungültig" in response.content.decode()

    token = services.visitor_token("wim@example.org")
    services_max_age = services.VISITOR_LINK_MAX_AGE
    try:
        services.VISITOR_LINK_MAX_AGE = -1
        response = client.get(reverse("network:visitor_data", kwargs={"token": token}))
    finally:
        services.VISITOR_LINK_MAX_AGE = services_max_age
    assert response.status_code == 404
    assert "abgelaufen" in response.content.decode()
    assert Registration.objects.filter(email="wim@example.org").exists()


def test_members_get_a_link_to_their_account_page(make_event, mailoutbox, world,
                                                  django_capture_on_commit_callbacks):
    event = make_event(title="Workshop Innenstadtfonds")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        webtalks_services.register_for_event(event, user=world.ben)
    mail = next(m for m in mailoutbox
                if m.to == ["ben@lemgo.example"] and "Workshop Innenstadtfonds" in m.body)
    assert "/konto/meine-daten/" in mail.body
