"""What organisers do: mark attendance, write to all registrants; welcome invitations."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from network.mail_language import language_of, override
from network.models import Membership
from network.sanitize import strip_html
from webtalks import permissions
from webtalks.models import EventPage, Registration
from webtalks.services.mail import (
    absolute_url,
    registration_language,
    registration_links,
    send_now,
)

MAX_SUBJECT_LENGTH = 150
MAX_BODY_LENGTH = 10_000


def _require_organiser(user, target):
    if not permissions.can_organise(user, target):
        raise PermissionDenied(
            _("Nur die Redaktion und die Organisationen der Referent*innen dürfen das.")
        )


def set_attendance(user, registration, attended):
    _require_organiser(user, registration.target)
    if registration.status != Registration.Status.CONFIRMED:
        raise ValidationError(
            _("Nur bestätigte Anmeldungen können als teilgenommen markiert werden.")
        )
    registration.attended = bool(attended)
    registration.save(update_fields=["attended"])
    return registration


def message_registrants(user, target, *, subject, body, include_waitlist=False):
    """Send a plain-text message to everyone registered; returns how many will get it."""
    target = target.registration_target
    _require_organiser(user, target)
    subject = strip_html(subject or "").strip()
    body = strip_html(body or "").strip()
    errors = {}
    if not subject:
        errors["subject"] = _("Bitte geben Sie einen Betreff an.")
    elif len(subject) > MAX_SUBJECT_LENGTH:
        errors["subject"] = _("Der Betreff ist zu lang (höchstens %(n)s Zeichen).") % {
            "n": MAX_SUBJECT_LENGTH
        }
    if not body:
        errors["body"] = _("Bitte schreiben Sie eine Nachricht.")
    elif len(body) > MAX_BODY_LENGTH:
        errors["body"] = _("Die Nachricht ist zu lang (höchstens %(n)s Zeichen).") % {
            "n": MAX_BODY_LENGTH
        }
    if errors:
        raise ValidationError(errors)
    statuses = [Registration.Status.CONFIRMED]
    if include_waitlist:
        statuses.append(Registration.Status.WAITLISTED)
    recipients = list(Registration.objects.for_target(target).filter(status__in=statuses))

    def send():
        for registration in recipients:
            with override(registration_language(registration)):
                send_now(
                    "organiser_message",
                    registration.email,
                    {
                        "registration": registration,
                        "target": target,
                        "message_subject": subject,
                        "message_body": body,
                        "sender": user,
                        **registration_links(registration),
                    },
                )

    transaction.on_commit(send)
    return len(recipients)


def next_welcome_event():
    return (
        EventPage.objects.live()
        .filter(is_welcome_event=True, start__gt=timezone.now())
        .order_by("start")
        .first()
    )


def invite_to_welcome_webtalk(organisation):
    """Invite the active members of a newly approved organisation to the next welcome
    WebTalk ("Willkommen im Netzwerk"). Returns the number of invitations."""
    event = next_welcome_event()
    if event is None:
        return 0
    members = list(
        Membership.objects.filter(
            organisation=organisation, status=Membership.Status.ACTIVE, user__is_active=True
        ).select_related("user")
    )
    already = set(Registration.objects.for_session(event).active().values_list("email", flat=True))
    recipients = [m.user for m in members if m.user.email.lower() not in already]

    def send():
        for person in recipients:
            with override(language_of(person)):
                send_now(
                    "welcome_invitation",
                    person.email,
                    {
                        "person": person,
                        "organisation": organisation,
                        "target": event,
                        "event_url": absolute_url(event.url or ""),
                    },
                )

    transaction.on_commit(send)
    return len(recipients)
