"""The digest's share of a member's own data (DSGVO Art. 15, 17, 20), called by the
registry of the "Meine Daten" page.

`export(user)` / `export_email(email)`: the subscription, consent records and deliveries
of a member or of a visitor without an account.
`erase(user)`: the subscription and deliveries go. Consent records are evidence the
platform must be able to show (Art. 7 Abs. 1 DSGVO; Art. 17 Abs. 3 lit. e: defence of legal
claims), so they are kept, but without the person: the link to the account is cut and the
address is replaced by a keyed hash (HMAC with the site's secret). Only someone who already
knows the address can check a record against it. A final "widerrufen (Kontolöschung)" record
closes the trail. `apply_retention` deletes these anonymised records after three years (the
regular limitation period, § 195 BGB).
"""

import hashlib
import hmac

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from network.models import (
    ConsentAction,
    ConsentMethod,
    ConsentPurpose,
    ConsentRecord,
    DigestDelivery,
    Subscription,
    SubscriptionStatus,
)

ANONYMISED_PREFIX = "anonym:"


def anonymised_email(email):
    digest = hmac.new(settings.SECRET_KEY.encode(), email.strip().lower().encode(),
                      hashlib.sha256).hexdigest()
    return f"{ANONYMISED_PREFIX}{digest[:48]}"


def _iso(value):
    return value.isoformat() if value else None


def _subscriptions(user):
    return Subscription.objects.filter(Q(user=user) | Q(email__iexact=user.email))


def _export(subscriptions, records):
    subscriptions = list(subscriptions)
    deliveries = (
        DigestDelivery.objects.filter(subscription__in=subscriptions)
        .select_related("issue").order_by("pk")
    )
    return {
        "newsletter_abonnements": [
            {
                "E-Mail-Adresse": s.email,
                "Status": s.get_status_display(),
                "redaktionelle Wochenübersicht": s.editorial,
                "persönlicher Teil „Für Sie“": s.personal,
                "angelegt am": _iso(s.created_at),
                "bestätigt am": _iso(s.confirmed_at),
                "abbestellt am": _iso(s.unsubscribed_at),
                "dauerhafte Zustellfehler": s.bounce_count,
                "Sprache": s.get_language_display(),
            }
            for s in subscriptions
        ],
        "Einwilligungsnachweise": [
            {
                "Zeitpunkt": _iso(r.created_at),
                "E-Mail-Adresse": r.email,
                "Zweck": r.get_purpose_display(),
                "Vorgang": r.get_action_display(),
                "Weg": r.get_method_display(),
                "Textfassung": r.text_version,
                "Wortlaut": r.text,
            }
            for r in records.order_by("created_at", "pk")
        ],
        "Wochenübersicht – Zustellungen": [
            {
                "Ausgabe": d.issue.title,
                "Status": d.get_status_display(),
                "versendet am": _iso(d.sent_at),
                "Fehler": d.error,
            }
            for d in deliveries
        ],
    }


def export(user):
    return _export(
        _subscriptions(user),
        ConsentRecord.objects.filter(Q(user=user) | Q(email__iexact=user.email)),
    )


def export_email(email):
    """What a visitor (no account) finds on the page linked from their mails."""
    return _export(
        Subscription.objects.filter(email__iexact=email),
        ConsentRecord.objects.filter(email__iexact=email),
    )


def _erase(subscriptions, records, email, user=None):
    now = timezone.now()
    with transaction.atomic():
        subscriptions = list(subscriptions)
        active = [s for s in subscriptions if s.status == SubscriptionStatus.CONFIRMED]
        for subscription in active:
            purposes = [ConsentPurpose.DIGEST] + (
                [ConsentPurpose.PERSONAL] if subscription.personal else [])
            for purpose in purposes:
                from network.digest.services import record_consent

                record_consent(subscription.email, purpose, ConsentAction.OPT_OUT,
                               ConsentMethod.ERASURE, user=user, now=now)
        DigestDelivery.objects.filter(
            Q(subscription__in=subscriptions) | Q(email__iexact=email)
        ).delete()
        Subscription.objects.filter(pk__in=[s.pk for s in subscriptions]).delete()
        for record in records:
            record.email = anonymised_email(record.email)
            record.user = None
            record.save(update_fields=["email", "user"])


def erase_email(email):
    """A visitor's subscriptions go; their consent records stay, anonymised (see above)."""
    _erase(
        Subscription.objects.filter(email__iexact=email, user__isnull=True),
        ConsentRecord.objects.filter(email__iexact=email, user__isnull=True),
        email,
    )


def erase(user):
    _erase(
        _subscriptions(user),
        ConsentRecord.objects.filter(Q(user=user) | Q(email__iexact=user.email)),
        user.email,
        user=user,
    )
