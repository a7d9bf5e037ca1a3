"""Registrations for events and series, reminders sent, personal calendar feeds."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def new_token():
    return secrets.token_urlsafe(32)


class RegistrationQuerySet(models.QuerySet):
    def for_target(self, target):
        """Registrations of an event or a series page (what people registered on)."""
        from webtalks.models.pages import EventSeriesPage

        if isinstance(target, EventSeriesPage):
            return self.filter(series=target)
        return self.filter(event=target)

    def for_session(self, event):
        """Everyone registered for `event`: directly, or through its series."""
        if event.series_id:
            return self.filter(series_id=event.series_id)
        return self.filter(event=event)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending_confirmation", _("Wartet auf Bestätigung der E-Mail-Adresse")
        CONFIRMED = "confirmed", _("Angemeldet")
        WAITLISTED = "waitlisted", _("Auf der Warteliste")
        CANCELLED = "cancelled", _("Abgemeldet")

    event = models.ForeignKey(
        "webtalks.EventPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    series = models.ForeignKey(
        "webtalks.EventSeriesPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    name = models.CharField(_("Name"), max_length=160)
    email = models.EmailField(_("E-Mail-Adresse"))
    status = models.CharField(_("Status"), max_length=24, choices=Status.choices)
    answers = models.JSONField(
        pgettext_lazy("answers to registration questions", "Antworten"), default=list, blank=True
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("angemeldet am"), auto_now_add=True)
    # When the person got a seat or a waitlist place; the waitlist moves up in this order.
    queued_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("teilgenommen"), default=False)
    # The page's language at registration: visitors' later mails (reminders, waitlist) use
    # it; members' mails follow their account's language.
    language = models.CharField(
        _("Sprache"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(event__isnull=False) & Q(series__isnull=True))
                | (Q(event__isnull=True) & Q(series__isnull=False)),
                name="registration_event_xor_series",
            ),
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="unique_active_registration_per_event",
            ),
            models.UniqueConstraint(
                fields=["series", "email"],
                condition=~Q(status="cancelled"),
                name="unique_active_registration_per_series",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status", "queued_at"]),
            models.Index(fields=["series", "status", "queued_at"]),
            models.Index(fields=["email", "status"]),
        ]

    def __str__(self):
        return f"{self.name} – {self.target} ({self.get_status_display()})"

    @property
    def target(self):
        return self.event if self.event_id else self.series

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    @property
    def is_active(self):
        return self.status != self.Status.CANCELLED


class ReminderDelivery(models.Model):
    """One reminder of one kind for one session to one registration: the unique
    constraint is what makes `send_event_reminders` safe to run every few minutes."""

    class Kind(models.TextChoices):
        DAY_BEFORE = "24h", _("24 Stunden vorher")
        HOUR_BEFORE = "1h", _("1 Stunde vorher")

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="reminders"
    )
    event = models.ForeignKey("webtalks.EventPage", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=3, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Erinnerung")
        verbose_name_plural = _("Erinnerungen")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "event", "kind"], name="unique_reminder_per_session"
            )
        ]

    def __str__(self):
        return f"{self.kind}: {self.registration_id} / {self.event_id}"


class CalendarFeed(models.Model):
    """A secret address for a person's calendar feed of everything they registered for."""

    email = models.EmailField(unique=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Kalender-Abonnement")
        verbose_name_plural = _("Kalender-Abonnements")

    def __str__(self):
        return self.email
