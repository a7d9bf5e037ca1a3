"""Reminders 24 hours and 1 hour before each session.

A ReminderDelivery row is written (unique per registration, session and kind) before
the mail goes out, so running the command every few minutes, even twice at once, sends
each reminder at most once.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from network.mail_language import override
from webtalks.models import EventPage, Registration, ReminderDelivery
from webtalks.services.mail import registration_language, registration_links, send_now

WINDOWS = (
    # kind, reminder due when the start is this close ...  ... but not closer than this
    (ReminderDelivery.Kind.HOUR_BEFORE, datetime.timedelta(hours=1), datetime.timedelta(0)),
    (ReminderDelivery.Kind.DAY_BEFORE, datetime.timedelta(hours=24), datetime.timedelta(hours=1)),
)


def due_sessions(now, kind):
    for window_kind, lead, floor in WINDOWS:
        if window_kind == kind:
            return EventPage.objects.live().filter(start__gt=now + floor, start__lte=now + lead)
    raise ValueError(kind)


def send_due_reminders(now=None, progress=None):
    """Send every reminder that is due now; returns the number of mails sent."""
    now = now or timezone.now()
    sent = 0
    for kind, _lead, _floor in WINDOWS:
        for event in due_sessions(now, kind).select_related("series"):
            already = ReminderDelivery.objects.filter(
                registration=OuterRef("pk"), event=event, kind=kind
            )
            registrations = (
                Registration.objects.for_session(event).confirmed().filter(~Exists(already))
                .select_related("user")
            )
            for registration in registrations:
                try:
                    with transaction.atomic():
                        ReminderDelivery.objects.create(
                            registration=registration, event=event, kind=kind
                        )
                except IntegrityError:
                    continue  # another run got there first
                with override(registration_language(registration)):
                    send_now(
                        "reminder",
                        registration.email,
                        {
                            "registration": registration,
                            "target": event,
                            "event": event,
                            "hour_before": kind == ReminderDelivery.Kind.HOUR_BEFORE,
                            **registration_links(registration),
                        },
                    )
                sent += 1
            if progress:
                progress(event, kind)
    return sent
