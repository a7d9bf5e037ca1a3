"""Notifications: in the app (bell, live count) and by e-mail, batched per thread and hour.

`notify()` is called by services inside their transaction; on commit it enqueues one
delivery task (live counts, due mails) for all recipients. `send_due_mails()` bundles the
waiting mails of one recipient and thread into one message and never sends two for the
same thread within `MAIL_INTERVAL`.
"""

import logging
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from network.mail_language import by_language, language_of, localized_url, override, supported
from network.models import (
    Notification,
    NotificationKind,
    NotificationMail,
    NotificationPreference,
    User,
)
from network.realtime import push_to_user

logger = logging.getLogger(__name__)
MAIL_INTERVAL = timedelta(hours=1)
UNSUBSCRIBE_SALT = "network.notifications.unsubscribe"
ALL_KINDS = "all"


def preferences_for(user_ids, kind):
    """{user_id: (in_app, by_email)} for `kind`, with the defaults for users without a row."""
    stored = {
        row.user_id: (row.in_app, row.by_email)
        for row in NotificationPreference.objects.filter(user_id__in=user_ids, kind=kind)
    }
    return {user_id: stored.get(user_id, (True, True)) for user_id in user_ids}


class Text:
    """A notification text written in each recipient's language: the German msgid and its
    values, translated when the rows are stored (once per language, not per recipient).

        notify(ids, kind, Text(gettext_noop("%(name)s hat geantwortet."), name=name))
    """

    def __init__(self, msgid, **values):
        self.msgid, self.values = msgid, values

    def __str__(self):
        # Lazy values (choice labels) are translated in the same language as the text.
        return _(self.msgid) % {key: str(value) for key, value in self.values.items()}


def _texts(message, user_ids):
    """{user_id: text}; a Text in each recipient's account language (one query)."""
    if not isinstance(message, Text):
        return dict.fromkeys(user_ids, str(message)[:300])
    languages = dict(User.objects.filter(pk__in=user_ids).values_list("pk", "language"))
    by_code = {}
    for code in {supported(languages.get(user_id)) for user_id in user_ids}:
        with override(code):
            by_code[code] = str(message)[:300]
    return {user_id: by_code[supported(languages.get(user_id))] for user_id in user_ids}


def notify(recipient_ids, kind, message, url="", thread=None):
    """Tell `recipient_ids` about something; call inside the service's transaction.
    `message` is a `Text` (stored in each recipient's language) or a finished string."""
    recipient_ids = sorted(set(recipient_ids))
    if not recipient_ids:
        return
    in_app_ids, mail_ids = [], []
    for user_id, (in_app, by_email) in preferences_for(recipient_ids, kind).items():
        if in_app:
            in_app_ids.append(user_id)
        if by_email:
            mail_ids.append(user_id)
    if not (in_app_ids or mail_ids):
        return
    texts = _texts(message, sorted(set(in_app_ids) | set(mail_ids)))
    Notification.objects.bulk_create(
        Notification(recipient_id=user_id, kind=kind, message=texts[user_id], url=url,
                     thread=thread)
        for user_id in in_app_ids
    )
    NotificationMail.objects.bulk_create(
        NotificationMail(recipient_id=user_id, kind=kind, message=texts[user_id], url=url,
                         thread=thread)
        for user_id in mail_ids
    )
    live = str(message)  # the live toast appears in the page's language
    transaction.on_commit(lambda: _enqueue_delivery(in_app_ids, mail_ids, live))


def unread_count(user):
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def push_unread_counts(user_ids, message=""):
    """Push each member's new unread count; one counting query however many are told."""
    counts = dict(
        Notification.objects.filter(recipient_id__in=user_ids, read_at__isnull=True)
        .values("recipient_id")
        .annotate(unread=Count("pk"))
        .values_list("recipient_id", "unread")
    )
    for user_id in user_ids:
        push_to_user(
            user_id, {"kind": "notification", "unread": counts.get(user_id, 0), "message": message}
        )


def deliver(in_app_ids, mail_ids, message=""):
    """The fan-out after a notification: live counts and the due mails of the recipients."""
    if in_app_ids:
        push_unread_counts(in_app_ids, message)
    if mail_ids:
        send_due_mails(recipient_ids=mail_ids)


def mark_read(user, notification_ids=None):
    """Mark the given (or all) unread notifications of `user` read; returns the new count."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    unread.update(read_at=timezone.now())
    transaction.on_commit(lambda: push_unread_counts([user.pk]))
    return unread_count(user)


def save_preferences(user, choices):
    """`choices`: {kind: (in_app, by_email)} for the kinds the form showed."""
    with transaction.atomic():
        for kind, (in_app, by_email) in choices.items():
            NotificationPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"in_app": in_app, "by_email": by_email}
            )
            if not by_email:
                NotificationMail.objects.filter(
                    recipient=user, kind=kind, sent_at__isnull=True
                ).delete()


# --- unsubscribe links -------------------------------------------------------------------


def unsubscribe_token(user_id, kind=ALL_KINDS):
    return signing.dumps({"u": user_id, "k": kind}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """(user, kinds) of a valid token; raises signing.BadSignature otherwise."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    user = User.objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None:
        raise signing.BadSignature("unknown user")
    kind = data.get("k")
    kinds = list(NotificationKind.values) if kind == ALL_KINDS else [kind]
    if not set(kinds) <= set(NotificationKind.values):
        raise signing.BadSignature("unknown kind")
    return user, kinds


def unsubscribe(token):
    user, kinds = read_unsubscribe_token(token)
    with transaction.atomic():
        for kind in kinds:
            NotificationPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"by_email": False}
            )
        NotificationMail.objects.filter(
            recipient=user, kind__in=kinds, sent_at__isnull=True
        ).delete()
    return user, kinds


# --- e-mail batching ---------------------------------------------------------------------


def _enqueue_delivery(in_app_ids, mail_ids, message):
    """One task per notification, not per recipient: a reply in a thread followed by
    hundreds must not cost the writer's request hundreds of queries or enqueues."""
    from network.notifications.tasks import deliver_notifications

    try:
        deliver_notifications.enqueue(list(in_app_ids), list(mail_ids), message)
    except Exception:  # the queue may be down; the mail command catches up, counts refresh
        logger.exception("Zustellung an %d Personen nicht eingereiht", len(set(in_app_ids)
                                                                           | set(mail_ids)))


def send_due_mails(recipient_id=None, now=None, recipient_ids=None):
    """Send one mail per (recipient, thread) with pending items, unless one went out for
    that thread within the last hour. Returns the number of mails sent."""
    now = now or timezone.now()
    pending = NotificationMail.objects.filter(sent_at__isnull=True).select_related(
        "recipient", "thread"
    )
    recent = NotificationMail.objects.filter(sent_at__gt=now - MAIL_INTERVAL)
    if recipient_id is not None:
        recipient_ids = [recipient_id]
    if recipient_ids is not None:
        pending = pending.filter(recipient_id__in=recipient_ids)
        recent = recent.filter(recipient_id__in=recipient_ids)
    blocked = {
        (row["recipient_id"], row["thread_id"])
        for row in recent.values("recipient_id", "thread_id").annotate(last=Max("sent_at"))
    }
    batches = defaultdict(list)
    for item in pending.order_by("created_at", "pk"):
        key = (item.recipient_id, item.thread_id)
        if key not in blocked:
            batches[key].append(item)
    sent = 0
    # Each mail is written in its recipient's language; grouped, so the shared links are
    # built once per language.
    grouped = by_language(batches.values(), lambda items: language_of(items[0].recipient))
    for language, language_batches in grouped.items():
        with override(language):
            preferences_url = settings.SITE_URL + reverse("network:notifications:preferences")
            for items in language_batches:
                # Claiming the rows first makes concurrent runs (task and cron) send each
                # item once.
                claimed = NotificationMail.objects.filter(
                    pk__in=[item.pk for item in items], sent_at__isnull=True
                ).update(sent_at=now)
                if claimed and _send_batch(items, preferences_url):
                    sent += 1
    return sent


def _send_batch(items, preferences_url):
    """One mail; called under the recipient's language (send_due_mails)."""
    recipient, thread = items[0].recipient, items[0].thread
    if not recipient.is_active or not recipient.email:
        return False
    kinds = sorted({item.kind for item in items})
    token = unsubscribe_token(recipient.pk, kinds[0] if len(kinds) == 1 else ALL_KINDS)
    unsubscribe_url = settings.SITE_URL + reverse(
        "network:notifications:unsubscribe", kwargs={"token": token}
    )
    context = {
        "recipient": recipient,
        "thread": thread,
        # Links were stored as the writer's page saw them; the mail points to the
        # recipient's language.
        "items": [{"message": item.message, "url": localized_url(item.url)} for item in items],
        "site_url": settings.SITE_URL,
        "unsubscribe_url": unsubscribe_url,
        "preferences_url": preferences_url,
    }
    if thread is not None:
        subject = _("Neues im Forum: %(title)s") % {"title": thread.title}
    else:
        subject = _("Neue Benachrichtigungen im Stadtlabor")
    body = render_to_string("network/notifications/email_body.txt", context)
    message = EmailMessage(
        subject=f"[Stadtlabor] {subject}",
        body=body,
        to=[recipient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",  # RFC 8058
        },
    )
    try:
        message.send()
    except Exception:  # a mail server hiccup must not undo the claimed batch elsewhere
        logger.exception("Benachrichtigungs-Mail an %s fehlgeschlagen", recipient.pk)
        return False
    return True
