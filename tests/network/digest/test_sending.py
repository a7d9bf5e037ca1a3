"""Sending against a real SMTP server: one mail per recipient, accessible HTML with a text
part and RFC 8058 headers, permanent refusals counted, temporary ones retried later."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network.digest import selectors, services
from network.digest.sending import send_issue
from network.models import (
    DeliveryStatus,
    DigestDelivery,
    DigestIssue,
    DigestItem,
    IssueStatus,
    ItemKind,
    Subscription,
)

from .conftest import confirmed

pytestmark = pytest.mark.django_db


def _issue(**fields):
    issue = DigestIssue.objects.create(
        title="Wochenübersicht KW 48/2026", slug=fields.pop("slug", "2026-kw-48"),
        editorial="Liebe Stadtretter*innen,\n\ndiese Woche geht es um Leerstand.", **fields,
    )
    DigestItem.objects.create(issue=issue, kind=ItemKind.EVENT, title="WebTalk Leerstand",
                              text="Wie Zwischennutzung gelingt.", meta="WebTalk",
                              url="/veranstaltungen/webtalk/#registration-title",
                              link_label="Jetzt anmelden", sort_order=0)
    DigestItem.objects.create(issue=issue, kind=ItemKind.FUNDING, title="Programm",
                              url="https://foerderung.example.de/", link_label="Zum Programm",
                              sort_order=1)
    return issue


def _send(issue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(issue)


def test_each_recipient_gets_one_accessible_mail(
    smtp_server, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://stadtlabor.example"
    for n in range(5):
        confirmed(f"leser{n}@example.org")
    confirmed("pending@example.org", status="pending")
    confirmed("weg@example.org", status="unsubscribed")
    issue = _issue()
    _send(issue, django_capture_on_commit_callbacks)
    received = sorted(rcpt for rcpt, _id in smtp_server.received())
    assert received == [f"leser{n}@example.org" for n in range(5)]
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.sent_at

    message = smtp_server.messages()[0]
    token = Subscription.objects.get(email=message["To"]).token
    assert message["List-Unsubscribe"].strip() == (
        f"<https://stadtlabor.example/newsletter/abbestellen/{token}/>")
    assert message["List-Unsubscribe-Post"].strip() == "List-Unsubscribe=One-Click"
    text, html = (part.get_payload(decode=True).decode() for part in message.get_payload())
    assert '<html lang="de">' in html and html.count("<h1") == 1 and "<h2" in html
    assert "<img" not in html and "<table" not in html
    assert 'href="https://stadtlabor.example/veranstaltungen/webtalk/#registration-title"' in html
    hrefs = [h for h in html.split('href="')[1:]]
    assert all(h.startswith("https://") for h in hrefs)
    assert "Online lesen" in html and "abbestellen" in html
    assert "WebTalk Leerstand" in text and "Jetzt anmelden: https://stadtlabor.example" in text
    assert f"https://stadtlabor.example/newsletter/abbestellen/{token}/" in text


def test_issue_web_view_archive_feed_and_sitemap(client, home_page):
    issue = _issue(status=IssueStatus.SENT, sent_at=timezone.now())
    _issue(slug="entwurf")
    archive = client.get("/wochenuebersicht/").content.decode()
    assert issue.title in archive and "entwurf" not in archive
    page = client.get("/wochenuebersicht/2026-kw-48/")
    assert page.status_code == 200 and "WebTalk Leerstand" in page.content.decode()
    assert client.get("/wochenuebersicht/entwurf/").status_code == 404
    feed = client.get("/wochenuebersicht/feed/").content.decode()
    assert "<rss" in feed and "/wochenuebersicht/2026-kw-48/" in feed
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/wochenuebersicht/2026-kw-48/" in sitemap


def test_permanent_refusals_counted_and_three_stop_digests(
    smtp_server, django_capture_on_commit_callbacks
):
    bouncing = confirmed("bounce@example.org", bounce_count=2)
    confirmed("leser@example.org")
    issue = _issue()
    _send(issue, django_capture_on_commit_callbacks)
    delivery = DigestDelivery.objects.get(email="bounce@example.org")
    assert delivery.status == DeliveryStatus.FAILED and delivery.error.startswith("550")
    bouncing.refresh_from_db()
    assert bouncing.bounce_count == 3
    next_issue = _issue(slug="naechste")
    assert not selectors.active_recipients(next_issue).filter(pk=bouncing.pk).exists()


def test_temporary_refusal_is_retried_later(smtp_server, django_capture_on_commit_callbacks):
    confirmed("later@example.org")
    issue = _issue()
    _send(issue, django_capture_on_commit_callbacks)
    delivery = DigestDelivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 1
    assert delivery.not_before > timezone.now()
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENDING  # not finished: the retry is still due
    assert send_issue(issue.pk) == 0  # too early: nothing is claimed again


def test_admin_test_mail_schedule_and_send_now(
    client, editor, smtp_server, django_capture_on_commit_callbacks
):
    confirmed("leser@example.org")
    issue = _issue()
    client.force_login(editor)
    url = f"/admin/wochenuebersicht/{issue.pk}/versand/"
    for kind in ("html", "text", "web"):
        assert client.get(f"/admin/wochenuebersicht/{issue.pk}/vorschau/{kind}/").status_code == 200
    client.post(url, {"action": "test"})
    assert smtp_server.wait_for(1)
    assert smtp_server.received()[0][0] == "redaktion@example.org"
    assert smtp_server.messages()[0]["Subject"].strip().startswith("[Stadtlabor] [Test]")
    assert not DigestDelivery.objects.exists()
    client.post(url, {"action": "schedule", "when": "2020-01-01T08:00"})
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT  # past: refused
    client.post(url, {"action": "schedule", "when": "2099-12-01T08:00"})
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SCHEDULED
    assert timezone.localtime(issue.scheduled_at).hour == 8  # Europe/Berlin
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "send_now"})
    assert smtp_server.wait_for(2)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT


def test_scheduled_issue_goes_out_when_due(smtp_server, django_capture_on_commit_callbacks):
    confirmed("leser@example.org")
    _issue(status=IssueStatus.SCHEDULED,
           scheduled_at=timezone.now() - timezone.timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        services.dispatch_due()
    assert [r for r, _ in smtp_server.received()] == ["leser@example.org"]


def test_claiming_is_batched_and_query_count_flat(smtp_server, django_capture_on_commit_callbacks):
    def run(count, slug):
        for n in range(count):
            confirmed(f"{slug}{n}@example.org")
        issue = _issue(slug=slug)
        services.start_sending(issue)
        with CaptureQueriesContext(connection) as queries:
            send_issue(issue.pk, batch_size=100)
        Subscription.objects.all().delete()
        return len(queries)

    small, large = run(10, "klein"), run(40, "gross")
    # a claim, a read and one update per mail: the per-mail part is one UPDATE
    assert large - small <= 30 + 2


def test_mail_server_down_means_retry_later(settings, django_capture_on_commit_callbacks):
    from tests.smtp_server import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    confirmed("leser@example.org")
    issue = _issue()
    _send(issue, django_capture_on_commit_callbacks)
    delivery = DigestDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 1)
    assert delivery.not_before > timezone.now()
