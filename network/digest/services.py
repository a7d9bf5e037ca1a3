"""Every write of the digest: subscriptions with double opt-in, members' choices, consent
records, issues (proposal, test, schedule, send now) and the retention rules."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from network.digest import consent, mail, selectors
from network.mail_language import active_language
from network.models import (
    ConsentAction,
    ConsentMethod,
    ConsentPurpose,
    ConsentRecord,
    DigestDelivery,
    DigestIssue,
    DigestItem,
    IssueStatus,
    Subscription,
    SubscriptionStatus,
)

logger = logging.getLogger(__name__)
CONFIRM_SALT = "network.digest.confirm"
CONFIRM_MAX_AGE = timedelta(days=7)
UNCONFIRMED_RETENTION = timedelta(days=30)
# Anonymised consent records of erased accounts: the regular limitation period (§ 195 BGB).
ANONYMISED_CONSENT_RETENTION = timedelta(days=3 * 365)
# One confirmation mail per address in this interval, whatever is typed into the form.
RESEND_INTERVAL = timedelta(minutes=10)
SUBSCRIBE_LIMIT_PER_HOUR = 20


def can_edit_digest(user):
    return bool(
        user and user.is_authenticated and user.is_active
        and (user.is_superuser or user.has_perm("network.change_digestissue"))
    )


def _require_editor(user):
    if not can_edit_digest(user):
        raise PermissionDenied(_("Nur die Redaktion darf die Wochenübersicht bearbeiten."))


def record_consent(email, purpose, action, method, user=None, now=None):
    version, text = consent.text_for(purpose)
    return ConsentRecord.objects.create(
        email=email, user=user, purpose=purpose, action=action, method=method,
        text_version=version, text=text, created_at=now or timezone.now(),
    )


# --- visitors: double opt-in -------------------------------------------------------------


def normalise_email(value):
    value = (value or "").strip()
    try:
        validate_email(value)
    except ValidationError as error:
        raise ValidationError(_("Bitte geben Sie eine gültige E-Mail-Adresse ein.")) from error
    local, _at, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


def subscribe(email, client_key="", now=None):
    """Ask `email` to confirm its subscription. The answer never says whether the address
    was known: a new or pending address gets a confirmation link, a confirmed one a note
    that it is already subscribed (with the link to unsubscribe)."""
    email = normalise_email(email)
    if client_key:
        key = f"digest:subscribe:{client_key}"
        cache.add(key, 0, 3600)
        try:
            attempts = cache.incr(key)
        except ValueError:
            attempts = 1
        if attempts > SUBSCRIBE_LIMIT_PER_HOUR:
            raise PermissionDenied(
                _("Zu viele Anmeldungen von diesem Anschluss. Bitte versuchen Sie es später.")
            )
    now = now or timezone.now()
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update().filter(email__iexact=email).first()
        )
        if subscription is None:
            subscription = Subscription.objects.create(email=email, created_at=now,
                                                       language=active_language())
        if (
            subscription.confirmation_sent_at
            and now - subscription.confirmation_sent_at < RESEND_INTERVAL
        ):
            return  # already mailed a moment ago: same answer, no mail bombing
        subscription.confirmation_sent_at = now
        # Visitors' mails speak the language of the page they (last) subscribed on.
        subscription.language = active_language()
        if subscription.status == SubscriptionStatus.CONFIRMED:
            subscription.save(update_fields=["confirmation_sent_at", "language"])
            kind = "already"
        else:
            if subscription.status == SubscriptionStatus.UNSUBSCRIBED:
                subscription.status = SubscriptionStatus.PENDING
                subscription.created_at = now
            subscription.save(update_fields=["status", "created_at", "confirmation_sent_at",
                                             "language"])
            record_consent(email, ConsentPurpose.DIGEST, ConsentAction.REQUESTED,
                           ConsentMethod.FORM, user=subscription.user, now=now)
            kind = "confirm"
        subscription_id = subscription.pk
        transaction.on_commit(lambda: mail.send_subscription_mail(subscription_id, kind))


def confirmation_token(subscription):
    return signing.dumps({"s": subscription.pk, "t": subscription.token}, salt=CONFIRM_SALT)


def confirmation_url(subscription):
    return settings.SITE_URL + reverse(
        "digest:confirm", kwargs={"token": confirmation_token(subscription)}
    )


def read_confirmation_token(token):
    """The subscription of a valid, unexpired token; ValidationError otherwise."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT,
                             max_age=CONFIRM_MAX_AGE.total_seconds())
    except signing.SignatureExpired as error:
        raise ValidationError(
            _("Dieser Bestätigungslink ist abgelaufen. Bitte melden Sie sich erneut an.")
        ) from error
    except signing.BadSignature as error:
        raise ValidationError(_("Dieser Bestätigungslink ist ungültig.")) from error
    subscription = Subscription.objects.filter(pk=data.get("s"), token=data.get("t")).first()
    if subscription is None:
        raise ValidationError(_("Dieser Bestätigungslink ist ungültig."))
    return subscription


def confirm(token, now=None):
    subscription = read_confirmation_token(token)
    now = now or timezone.now()
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.status == SubscriptionStatus.CONFIRMED:
            return subscription
        subscription.status = SubscriptionStatus.CONFIRMED
        subscription.editorial = True
        subscription.confirmed_at = now
        subscription.unsubscribed_at = None
        subscription.save(update_fields=["status", "editorial", "confirmed_at", "unsubscribed_at"])
        record_consent(subscription.email, ConsentPurpose.DIGEST, ConsentAction.OPT_IN,
                       ConsentMethod.CONFIRMATION_LINK, user=subscription.user, now=now)
    return subscription


def subscription_for_token(token):
    return Subscription.objects.filter(token=token).first()


def unsubscribe(token, method=ConsentMethod.UNSUBSCRIBE_LINK, now=None):
    """Stop every digest to the address of `token` (the link in each mail). Idempotent."""
    now = now or timezone.now()
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().filter(token=token).first()
        if subscription is None:
            return None
        if subscription.status != SubscriptionStatus.UNSUBSCRIBED:
            purposes = [ConsentPurpose.DIGEST]
            if subscription.personal:
                purposes.append(ConsentPurpose.PERSONAL)
            subscription.status = SubscriptionStatus.UNSUBSCRIBED
            subscription.editorial = subscription.personal = False
            subscription.unsubscribed_at = now
            subscription.save(
                update_fields=["status", "editorial", "personal", "unsubscribed_at"]
            )
            for purpose in purposes:
                record_consent(subscription.email, purpose, ConsentAction.OPT_OUT, method,
                               user=subscription.user, now=now)
            DigestDelivery.objects.filter(
                subscription=subscription, status="pending"
            ).update(status="skipped", error="abbestellt")
    return subscription


# --- members: settings -------------------------------------------------------------------


def member_choice(user):
    subscription = Subscription.objects.filter(user=user).first()
    if subscription is None or subscription.status != SubscriptionStatus.CONFIRMED:
        return False, False
    return subscription.editorial, subscription.personal


def set_member_choice(user, editorial, personal, now=None):
    """A member's own choice (their address is verified by the sign-up): no double opt-in,
    each change recorded as consent given or withdrawn in the settings."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied(_("Bitte melden Sie sich an."))
    now = now or timezone.now()
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update().filter(user=user).first()
            or Subscription.objects.select_for_update().filter(
                email__iexact=user.email, user__isnull=True).first()
        )
        if subscription is None:
            subscription = Subscription(email=user.email, user=user, created_at=now,
                                        editorial=False, personal=False,
                                        status=SubscriptionStatus.UNSUBSCRIBED)
        was_active = subscription.status == SubscriptionStatus.CONFIRMED
        before = (
            subscription.editorial and was_active, subscription.personal and was_active
        )
        subscription.user = user
        subscription.email = user.email
        subscription.editorial, subscription.personal = editorial, personal
        if editorial or personal:
            subscription.status = SubscriptionStatus.CONFIRMED
            subscription.confirmed_at = subscription.confirmed_at or now
            subscription.unsubscribed_at = None
        else:
            subscription.status = SubscriptionStatus.UNSUBSCRIBED
            subscription.unsubscribed_at = now
        subscription.save()
        for purpose, old, new in (
            (ConsentPurpose.DIGEST, before[0], editorial),
            (ConsentPurpose.PERSONAL, before[1], personal),
        ):
            if old != new:
                record_consent(
                    user.email, purpose,
                    ConsentAction.OPT_IN if new else ConsentAction.OPT_OUT,
                    ConsentMethod.SETTINGS, user=user, now=now,
                )
    return subscription


# --- editors: issues ---------------------------------------------------------------------


def _unique_slug(base):
    slug, n = base, 2
    while DigestIssue.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def propose_issue(editor, now=None):
    """A new draft filled with everything new since the last sent issue."""
    _require_editor(editor)
    now = now or timezone.now()
    since = selectors.last_sent_at() or now - selectors.FIRST_ISSUE_WINDOW
    local = timezone.localtime(now)
    week = local.isocalendar()
    title = _("Wochenübersicht KW %(week)s/%(year)s") % {"week": week[1], "year": week[0]}
    with transaction.atomic():
        issue = DigestIssue.objects.create(
            title=title, slug=_unique_slug(slugify(f"{week[0]}-kw-{week[1]:02d}")),
            covers_since=since, created_at=now, created_by=editor,
        )
        DigestItem.objects.bulk_create(
            DigestItem(issue=issue, sort_order=index, **item)
            for index, item in enumerate(selectors.proposal(since=since, now=now))
        )
    return issue


def send_test(issue, editor):
    """Send `issue` to the editor alone (not recorded as a delivery)."""
    _require_editor(editor)
    if not editor.email:
        raise ValidationError(_("Ihr Konto hat keine E-Mail-Adresse."))
    subscription = Subscription.objects.filter(user=editor).first() or Subscription(
        email=editor.email, user=editor, token="test"  # noqa: S106 - not a secret
    )
    message = mail.issue_message(issue, subscription, personal_sections=None, test=True)
    message.send()


def schedule(issue, editor, when):
    _require_editor(editor)
    if issue.status not in (IssueStatus.DRAFT, IssueStatus.SCHEDULED):
        raise ValidationError(_("Diese Ausgabe ist schon versendet oder wird gerade versendet."))
    if when <= timezone.now():
        raise ValidationError(_("Bitte wählen Sie einen Zeitpunkt in der Zukunft."))
    if not issue.items.exists() and not issue.editorial.strip():
        raise ValidationError(_("Eine leere Ausgabe kann nicht versendet werden."))
    issue.status, issue.scheduled_at = IssueStatus.SCHEDULED, when
    issue.save(update_fields=["status", "scheduled_at"])
    transaction.on_commit(lambda: _enqueue(issue.pk, run_after=when))


def unschedule(issue, editor):
    _require_editor(editor)
    if issue.status == IssueStatus.SCHEDULED:
        issue.status, issue.scheduled_at = IssueStatus.DRAFT, None
        issue.save(update_fields=["status", "scheduled_at"])


def send_now(issue, editor):
    _require_editor(editor)
    if issue.status not in (IssueStatus.DRAFT, IssueStatus.SCHEDULED):
        raise ValidationError(_("Diese Ausgabe ist schon versendet oder wird gerade versendet."))
    if not issue.items.exists() and not issue.editorial.strip():
        raise ValidationError(_("Eine leere Ausgabe kann nicht versendet werden."))
    start_sending(issue)


def start_sending(issue, now=None):
    """Create one delivery row per recipient and hand the issue to the worker."""
    now = now or timezone.now()
    with transaction.atomic():
        issue = DigestIssue.objects.select_for_update().get(pk=issue.pk)
        if issue.status in (IssueStatus.SENDING, IssueStatus.SENT):
            return issue
        issue.status = IssueStatus.SENDING
        issue.scheduled_at = issue.scheduled_at or now
        issue.save(update_fields=["status", "scheduled_at"])
        recipients = selectors.active_recipients(issue).values_list("pk", "email")
        batch = []
        for subscription_id, email in recipients.iterator(chunk_size=2000):
            batch.append(DigestDelivery(issue=issue, subscription_id=subscription_id,
                                        email=email))
            if len(batch) >= 2000:
                DigestDelivery.objects.bulk_create(batch, ignore_conflicts=True)
                batch = []
        DigestDelivery.objects.bulk_create(batch, ignore_conflicts=True)
        issue_id = issue.pk
        transaction.on_commit(lambda: _enqueue(issue_id))
    return issue


def weekly_personal_issue(now=None):
    """A week without an editorial issue: a personal-only issue for members who want
    "Für Sie"; recipients with nothing personal are skipped, so an empty week sends nothing."""
    now = now or timezone.now()
    week_ago = now - timedelta(days=7)
    if DigestIssue.objects.filter(sent_at__gt=week_ago).exists() or DigestIssue.objects.filter(
        status__in=[IssueStatus.SCHEDULED, IssueStatus.SENDING]
    ).exists():
        return None
    local = timezone.localtime(now).isocalendar()
    slug = f"fuer-sie-{local[0]}-kw-{local[1]:02d}"
    issue, created = DigestIssue.objects.get_or_create(
        slug=slug,
        defaults={"title": _("Für Sie: Ihre Woche im Stadtlabor"), "personal_only": True,
                  "covers_since": week_ago, "created_at": now},
    )
    if created:
        start_sending(issue, now=now)
    return issue


def dispatch_due(now=None):
    """Start the scheduled issues that are due and re-enqueue issues whose sending was
    interrupted (a worker killed mid-send). Run by cron every few minutes."""
    from network.digest.sending import claimable

    now = now or timezone.now()
    started = 0
    for issue in DigestIssue.objects.filter(status=IssueStatus.SCHEDULED, scheduled_at__lte=now):
        start_sending(issue, now=now)
        started += 1
    for issue_id in DigestIssue.objects.filter(status=IssueStatus.SENDING).values_list(
        "pk", flat=True
    ):
        if claimable(issue_id, now).exists():
            _enqueue(issue_id)
    return started


def _enqueue(issue_id, run_after=None):
    from network.digest.tasks import send_digest

    task = send_digest
    if run_after:
        if not task.get_backend().supports_defer:
            return  # the immediate backend: `dispatch_due` (cron) starts it when due
        task = send_digest.using(run_after=run_after)
    try:
        task.enqueue(issue_id)
    except Exception:  # the queue may be down; dispatch_due (cron) catches up
        logger.exception("Versand der Wochenübersicht %s nicht eingereiht", issue_id)


# --- retention ---------------------------------------------------------------------------


def apply_retention(now=None):
    """Delete unconfirmed subscriptions older than 30 days and the "requested" records of
    addresses that never confirmed (they prove no consent, only a typed address); delete
    the anonymised consent records of erased accounts after three years."""
    now = now or timezone.now()
    cutoff = now - UNCONFIRMED_RETENTION
    stale = Subscription.objects.filter(status=SubscriptionStatus.PENDING, created_at__lt=cutoff)
    emails = list(stale.values_list("email", flat=True))
    with transaction.atomic():
        deleted, _detail = stale.delete()
        ConsentRecord.objects.filter(
            email__in=emails, action=ConsentAction.REQUESTED, created_at__lt=cutoff
        ).exclude(
            email__in=ConsentRecord.objects.filter(action=ConsentAction.OPT_IN).values("email")
        ).delete()
        from network.digest.personal_data import ANONYMISED_PREFIX

        anonymised, _detail = ConsentRecord.objects.filter(
            email__startswith=ANONYMISED_PREFIX,
            created_at__lt=now - ANONYMISED_CONSENT_RETENTION,
        ).delete()
    return {"unconfirmed_subscriptions": deleted, "anonymised_consent_records": anonymised}
