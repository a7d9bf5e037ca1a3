"""Sending an issue: rows claimed atomically in batches, one SMTP connection per batch.

A delivery row goes pending → sending (claimed, with a claim id and time) → sent / failed /
skipped. A worker killed mid-batch leaves rows in "sending"; after the lease
(`DIGEST_CLAIM_LEASE_SECONDS`) any worker may claim them again. The only window in which a
mail can go out twice is between the server's "250 OK" for a message and the commit of its
row (microseconds); it is documented in docs/decisions.md.
"""

import logging
import smtplib
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F, Min, Q
from django.utils import timezone

from network.digest import selectors
from network.digest.mail import IssueRenderer, subscription_language
from network.mail_language import by_language, override
from network.models import (
    DeliveryStatus,
    DigestDelivery,
    DigestIssue,
    IssueStatus,
    Subscription,
)

logger = logging.getLogger(__name__)
BATCH_SIZE = 100
MAX_ATTEMPTS = 6


def lease():
    return timedelta(seconds=getattr(settings, "DIGEST_CLAIM_LEASE_SECONDS", 600))


def backoff(attempts):
    """Minutes to wait before the next try of a temporary failure: 5, 10, 20, 40, …"""
    return timedelta(minutes=5 * 2 ** max(attempts - 1, 0))


def claimable(issue_id, now):
    return DigestDelivery.objects.filter(issue_id=issue_id).filter(
        (Q(status=DeliveryStatus.PENDING) & (Q(not_before__isnull=True) | Q(not_before__lte=now)))
        | Q(status=DeliveryStatus.SENDING, claimed_at__lt=now - lease())
    )


def claim_batch(issue_id, size=BATCH_SIZE, now=None):
    """Claim up to `size` rows for this worker; rows another worker holds are skipped."""
    now = now or timezone.now()
    claim = uuid.uuid4().hex
    with transaction.atomic():
        candidates = claimable(issue_id, now).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        ids = list(candidates.values_list("pk", flat=True)[:size])
        if not ids:
            return []
        # Re-checking the state in the UPDATE keeps two workers from claiming one row.
        claimable(issue_id, now).filter(pk__in=ids).update(
            status=DeliveryStatus.SENDING, claimed_at=now, claim=claim
        )
    return list(
        DigestDelivery.objects.filter(claim=claim, status=DeliveryStatus.SENDING)
        .select_related("subscription__user").order_by("pk")
    )


def send_issue(issue_id, batch_size=BATCH_SIZE, max_batches=None):
    """Send every claimable delivery of the issue; returns the number of mails sent."""
    issue = DigestIssue.objects.prefetch_related("items").get(pk=issue_id)
    renderer = IssueRenderer(issue)
    since = issue.covers_since or (timezone.now() - timedelta(days=7))
    sent = batches = 0
    while max_batches is None or batches < max_batches:
        rows = claim_batch(issue_id, batch_size)
        if not rows:
            break
        batches += 1
        sent += _send_rows(issue, renderer, rows, since)
    _finish_or_retry(issue)
    return sent


def _send_rows(issue, renderer, rows, since):
    # The personal parts carry headings and links, so they are read once per language of
    # the batch's members (a fixed number of queries per language, not per member).
    members = [
        row.subscription for row in rows
        if row.subscription and row.subscription.personal and row.subscription.user_id
    ]
    personal = {}
    for language, subscriptions in by_language(members, subscription_language).items():
        with override(language):
            personal.update(
                selectors.personal_parts([s.user_id for s in subscriptions], since)
            )
    smtp = get_connection()
    sent = 0
    try:
        smtp.open()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Mailserver nicht erreichbar: %r – Stapel wird später wiederholt", error)
        for row in rows:
            _temporary(row, error)
        return 0
    try:
        for row in rows:
            subscription = row.subscription
            if subscription is None:
                _mark(row, DeliveryStatus.SKIPPED, "kein Abonnement mehr")
                continue
            sections = personal.get(subscription.user_id) if subscription.personal else None
            if issue.personal_only and not sections:
                _mark(row, DeliveryStatus.SKIPPED, "nichts Persönliches")
                continue
            if not issue.personal_only and not subscription.editorial and not sections:
                _mark(row, DeliveryStatus.SKIPPED, "nichts Persönliches")
                continue
            message = renderer.message(subscription, sections)
            message.connection = smtp
            try:
                smtp.send_messages([message])
            except smtplib.SMTPRecipientsRefused as error:
                code = min((c for c, _m in error.recipients.values()), default=550)
                _refused(row, code, error)
            except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as error:
                _refused(row, error.smtp_code, error)
            except (smtplib.SMTPException, OSError) as error:
                _temporary(row, error)
                smtp.close()
                smtp.open()
            else:
                _mark(row, DeliveryStatus.SENT)
                sent += 1
    finally:
        smtp.close()
    return sent


def _mark(row, status, error=""):
    DigestDelivery.objects.filter(pk=row.pk).update(
        status=status, error=error[:300],
        sent_at=timezone.now() if status == DeliveryStatus.SENT else None,
    )


def _refused(row, code, error):
    if code and code >= 500:
        with transaction.atomic():
            _mark(row, DeliveryStatus.FAILED, f"{code} {error}")
            Subscription.objects.filter(pk=row.subscription_id).update(
                bounce_count=F("bounce_count") + 1
            )
    else:
        _temporary(row, error)


def _temporary(row, error):
    attempts = row.attempts + 1
    if attempts >= MAX_ATTEMPTS:
        _mark(row, DeliveryStatus.FAILED, f"aufgegeben: {error}")
        return
    DigestDelivery.objects.filter(pk=row.pk).update(
        status=DeliveryStatus.PENDING, attempts=attempts, claim="", claimed_at=None,
        not_before=timezone.now() + backoff(attempts), error=str(error)[:300],
    )


def _finish_or_retry(issue):
    open_rows = DigestDelivery.objects.filter(
        issue=issue, status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING]
    )
    if not open_rows.exists():
        DigestIssue.objects.filter(pk=issue.pk, status=IssueStatus.SENDING).update(
            status=IssueStatus.SENT, sent_at=timezone.now()
        )
        return
    retry_at = open_rows.filter(status=DeliveryStatus.PENDING).aggregate(t=Min("not_before"))["t"]
    if retry_at:
        from network.digest.services import _enqueue

        _enqueue(issue.pk, run_after=retry_at)
