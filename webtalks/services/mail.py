"""E-mails of the events app: rendered from templates/webtalks/emails/, sent after commit,
each in its recipient's language (network/mail_language.py): the links, too, are built
inside that language, so callers compute the context under `override(...)`."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from network.mail_language import language_of, override, supported
from webtalks.calendar import calendar_bytes

logger = logging.getLogger(__name__)


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"


def registration_language(registration):
    """A member's account language; a visitor's, the page language they registered in."""
    if registration.user_id:
        return language_of(registration.user)
    return supported(registration.language)


def registration_links(registration):
    from webtalks.models import CalendarFeed

    feed = CalendarFeed.objects.filter(email=registration.email).first()
    target = registration.target
    return {
        "event_url": absolute_url(target.url or ""),
        "cancel_url": absolute_url(
            reverse("webtalks:cancel", kwargs={"token": registration.token})
        ),
        "confirm_url": absolute_url(
            reverse("webtalks:confirm", kwargs={"token": registration.token})
        ),
        "calendar_url": absolute_url((target.url or "") + "kalender/"),
        "feed_url": absolute_url(reverse("webtalks:feed", kwargs={"token": feed.token}))
        if feed
        else "",
        "data_url": _data_url(registration),
    }


def _data_url(registration):
    """Where the person sees, exports and erases their data: "Meine Daten" for members, a
    signed link to the visitors' data page for everyone without an account."""
    if registration.user_id:
        return absolute_url(reverse("network:my_data"))
    from network.account.services import visitor_token

    return absolute_url(
        reverse("network:visitor_data", kwargs={"token": visitor_token(registration.email)})
    )


def render_mail(template, context):
    context = {"site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"webtalks/emails/{template}_subject.txt", context).split())
    body = render_to_string(f"webtalks/emails/{template}_body.txt", context)
    return subject, body


def send_now(template, address, context, *, ics_events=None, include_join_url=False):
    subject, body = render_mail(template, context)
    message = EmailMessage(subject, body, None, [address])
    if ics_events:
        message.attach(
            "veranstaltung.ics",
            calendar_bytes(ics_events, include_join_url=include_join_url),
            "text/calendar",
        )
    try:
        message.send()
        return True
    except Exception:  # a mail server hiccup must not undo a committed registration
        logger.exception("Mail %s an %s konnte nicht gesendet werden", template, address)
        return False


def send_registration_mail(template, registration, **extra):
    """Schedule one mail about `registration` after the commit, with its links (and an
    .ics attachment for confirmed seats)."""

    def send():
        with override(registration_language(registration)):
            _send_registration_mail(template, registration, extra)

    transaction.on_commit(send)


def _send_registration_mail(template, registration, extra):
    target = registration.target
    sessions = target.sessions_list()
    confirmed = registration.status == registration.Status.CONFIRMED
    context = {
        "registration": registration,
        "target": target,
        "sessions": sessions,
        **registration_links(registration),
        **extra,
    }
    send_now(
        template,
        registration.email,
        context,
        ics_events=sessions if confirmed and template != "cancelled" else None,
        include_join_url=confirmed,
    )
