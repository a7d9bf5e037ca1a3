"""Double opt-in with expiry, no enumeration, one-click unsubscribe without CSRF, members'
choices, consent records for every path, retention, the editors' consent export."""

import datetime
import re
import time

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from network.digest import selectors, services
from network.models import (
    ConsentRecord,
    DigestIssue,
    Subscription,
    SubscriptionStatus,
)
from tests.factories import UserFactory

from .conftest import confirmed

pytestmark = pytest.mark.django_db


def _link(message, pattern):
    body = message.get_payload(decode=True).decode() if not message.is_multipart() else \
        message.get_payload(0).get_payload(decode=True).decode()
    return re.search(pattern, body).group(0)


def _trail(email):
    return [
        (r.purpose, r.action, r.method)
        for r in ConsentRecord.objects.filter(email=email).order_by("created_at", "pk")
    ]


def test_double_opt_in(client, smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/newsletter/", {"email": "leser@example.org"})
    assert response.status_code == 302 and response["Location"] == "/newsletter/danke/"
    subscription = Subscription.objects.get(email="leser@example.org")
    assert subscription.status == SubscriptionStatus.PENDING
    issue = DigestIssue(personal_only=False)
    assert not selectors.active_recipients(issue).filter(pk=subscription.pk).exists()

    assert smtp_server.wait_for(1)
    (message,) = smtp_server.messages()
    assert message["To"] == "leser@example.org"
    url = _link(message, r"http\S+/newsletter/bestaetigen/\S+/")
    path = url.split("127.0.0.1:8000", 1)[-1] if "127.0.0.1:8000" in url else url
    page = client.get(path)
    assert page.status_code == 200 and "Ja, Anmeldung bestätigen" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.PENDING  # a GET (link scanner) does nothing
    client.post(path)
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    assert selectors.active_recipients(issue).filter(pk=subscription.pk).exists()
    assert _trail("leser@example.org") == [
        ("digest", "requested", "form"), ("digest", "opt_in", "confirmation_link"),
    ]
    record = ConsentRecord.objects.filter(action="opt_in").get()
    assert record.text_version and "Wochenübersicht" in record.text


def test_confirmation_link_expires(client, monkeypatch):
    services.subscribe("spaet@example.org")
    subscription = Subscription.objects.get()
    token = services.confirmation_token(subscription)
    real = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real() + 8 * 24 * 3600)
    response = client.post(f"/newsletter/bestaetigen/{token}/")
    monkeypatch.setattr(signing.time, "time", real)
    assert response.status_code == 400
    assert "abgelaufen" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.PENDING


def test_resubscribing_answers_like_new_and_sends_the_right_mail(
    client, smtp_server, django_capture_on_commit_callbacks
):
    confirmed("bekannt@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        new = client.post("/newsletter/", {"email": "neu@example.org"})
        known = client.post("/newsletter/", {"email": "bekannt@example.org"})
    assert (new.status_code, new["Location"]) == (known.status_code, known["Location"])
    def page(url):
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "",
                      client.get(url).content.decode())

    assert page(new["Location"]) == page(known["Location"])
    assert smtp_server.wait_for(2)
    by_recipient = {m["To"]: m for m in smtp_server.messages()}
    assert "bestätigen" in by_recipient["neu@example.org"]["Subject"]
    assert "bereits" in by_recipient["bekannt@example.org"]["Subject"]
    assert Subscription.objects.get(email="bekannt@example.org").status == "confirmed"


def test_invalid_address_keeps_input_and_explains(client):
    response = client.post("/newsletter/", {"email": "kein-at-zeichen"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "gültige E-Mail-Adresse" in html and 'value="kein-at-zeichen"' in html


def test_one_click_unsubscribe_by_post_without_csrf():
    subscription = confirmed("weg@example.org")
    csrf_client = Client(enforce_csrf_checks=True)
    url = f"/newsletter/abbestellen/{subscription.token}/"
    page = csrf_client.get(url)
    assert page.status_code == 200 and "Ja, abbestellen" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.CONFIRMED
    response = csrf_client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == SubscriptionStatus.UNSUBSCRIBED
    assert _trail("weg@example.org") == [("digest", "opt_out", "one_click")]
    # the button on the page is the other path
    other = confirmed("weg2@example.org")
    csrf_client.post(f"/newsletter/abbestellen/{other.token}/")
    assert _trail("weg2@example.org") == [("digest", "opt_out", "unsubscribe_link")]


def test_notification_unsubscribe_post_works_without_csrf(db):
    from network.notifications.services import unsubscribe_token

    user = UserFactory()
    response = Client(enforce_csrf_checks=True).post(
        f"/benachrichtigungen/abbestellen/{unsubscribe_token(user.pk)}/",
        {"List-Unsubscribe": "One-Click"},
    )
    assert response.status_code == 200
    assert user.notification_preferences.filter(by_email=False).exists()


def test_member_choices_are_recorded_as_consent(client):
    member = UserFactory(email="mitglied@example.org")
    client.force_login(member)
    assert client.get("/mein-konto/wochenuebersicht/").status_code == 200
    client.post("/mein-konto/wochenuebersicht/", {"editorial": "on", "personal": "on"})
    client.post("/mein-konto/wochenuebersicht/", {"editorial": "on"})
    subscription = Subscription.objects.get(user=member)
    assert (subscription.status, subscription.editorial, subscription.personal) == (
        "confirmed", True, False)
    assert _trail("mitglied@example.org") == [
        ("digest", "opt_in", "settings"), ("personal", "opt_in", "settings"),
        ("personal", "opt_out", "settings"),
    ]


def test_member_settings_need_login(client):
    response = client.get("/mein-konto/wochenuebersicht/")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_retention_deletes_unconfirmed_after_30_days():
    old = timezone.now() - datetime.timedelta(days=31)
    services.subscribe("alt@example.org", now=old)
    services.subscribe("frisch@example.org")
    confirmed("treu@example.org", created_at=old)
    call_command("apply_retention")
    assert set(Subscription.objects.values_list("email", flat=True)) == {
        "frisch@example.org", "treu@example.org"}
    assert not ConsentRecord.objects.filter(email="alt@example.org").exists()


def test_editors_see_counts_and_export_csv(client, editor):
    services.subscribe("a@example.org")
    services.confirm(services.confirmation_token(Subscription.objects.get()))
    client.force_login(editor)
    overview = client.get("/admin/wochenuebersicht/einwilligungen/")
    assert overview.status_code == 200
    assert "Einwilligungen" in overview.content.decode()
    export = client.get("/admin/wochenuebersicht/einwilligungen/?format=csv")
    body = b"".join(export.streaming_content).decode()
    assert "a@example.org" in body and "Bestätigungslink" in body


def test_consent_export_refused_for_members(client):
    client.force_login(UserFactory(is_staff=False))
    response = client.get("/admin/wochenuebersicht/einwilligungen/?format=csv")
    assert response.status_code in (302, 403)


def test_notification_batch_mails_carry_one_click_headers(smtp_server):
    from network.models import NotificationMail
    from network.notifications.services import send_due_mails

    user = UserFactory(email="glocke@example.org")
    NotificationMail.objects.create(recipient=user, kind="reply", message="Neue Antwort")
    assert send_due_mails() == 1
    (message,) = smtp_server.messages()
    assert message["List-Unsubscribe"].strip().startswith("<http")
    assert message["List-Unsubscribe-Post"].strip() == "List-Unsubscribe=One-Click"
