"""Roundtables: what participants bring, time slots for 1:1 talks, and what came of them.

A roundtable lays municipalities' pain points and providers' offers on top of each other.
Registrants say which of their organisation's pain points and offers they bring
(`RoundtableContribution`); the organiser sets time slots (`RoundtableSlot`); participants
request talks with another participating organisation in a slot (`RoundtableMeeting`), or
the organiser assigns them. An accepted talk books the slot for both organisations in
`RoundtableBooking`, whose unique constraint is what makes a double-booked slot impossible
even when two acceptances race. After the event the organiser records per talk whether the
two meet again and what they try next.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RoundtableContribution(models.Model):
    """One pain point or one offer a registrant brings to a roundtable."""

    registration = models.ForeignKey(
        "webtalks.Registration", on_delete=models.CASCADE, related_name="contributions"
    )
    pain_point = models.ForeignKey(
        "matchmaking.PainPoint", null=True, blank=True, on_delete=models.CASCADE,
        related_name="roundtable_contributions",
    )
    offer = models.ForeignKey(
        "matchmaking.Offer", null=True, blank=True, on_delete=models.CASCADE,
        related_name="roundtable_contributions",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Beitrag zum Roundtable")
        verbose_name_plural = _("Beiträge zum Roundtable")
        constraints = [
            models.CheckConstraint(
                condition=(Q(pain_point__isnull=False) & Q(offer__isnull=True))
                | (Q(pain_point__isnull=True) & Q(offer__isnull=False)),
                name="rt_contribution_pain_point_xor_offer",
            ),
            models.UniqueConstraint(
                fields=["registration", "pain_point"], name="rt_unique_pain_point_per_registration"
            ),
            models.UniqueConstraint(
                fields=["registration", "offer"], name="rt_unique_offer_per_registration"
            ),
        ]

    def __str__(self):
        return f"{self.registration_id}: {self.pain_point_id or self.offer_id}"


class RoundtableSlot(models.Model):
    """A time slot for 1:1 talks at a roundtable."""

    event = models.ForeignKey(
        "webtalks.EventPage", on_delete=models.CASCADE, related_name="roundtable_slots"
    )
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    label = models.CharField(_("Bezeichnung"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("Zeitfenster")
        verbose_name_plural = _("Zeitfenster")
        ordering = ["start", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "start"], name="rt_unique_slot_start"),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")),
                                   name="rt_slot_end_after_start"),
        ]

    def __str__(self):
        return self.label or f"{self.start:%H:%M}–{self.end:%H:%M}"


class RoundtableMeeting(models.Model):
    """A 1:1 talk of two participating organisations in one slot."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("angefragt")
        ACCEPTED = "accepted", _("vereinbart")
        DECLINED = "declined", _("abgelehnt")
        CANCELLED = "cancelled", _("abgesagt")

    event = models.ForeignKey(
        "webtalks.EventPage", on_delete=models.CASCADE, related_name="roundtable_meetings"
    )
    slot = models.ForeignKey(RoundtableSlot, on_delete=models.CASCADE, related_name="meetings")
    requester = models.ForeignKey(
        "network.Organisation", verbose_name=_("anfragende Organisation"),
        on_delete=models.CASCADE, related_name="+",
    )
    recipient = models.ForeignKey(
        "network.Organisation", verbose_name=_("angefragte Organisation"),
        on_delete=models.CASCADE, related_name="+",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    # The pair of the overlay the talk is about, when there is one.
    pain_point = models.ForeignKey(
        "matchmaking.PainPoint", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    offer = models.ForeignKey(
        "matchmaking.Offer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("Nachricht"), max_length=1000, blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    by_organiser = models.BooleanField(_("von der Organisation eingeteilt"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    # After the event, from the organiser:
    meets_again = models.BooleanField(_("treffen sich wieder"), null=True, blank=True)
    next_step = models.CharField(_("Was als Nächstes versucht wird"), max_length=500, blank=True)
    result_recorded_at = models.DateTimeField(null=True, blank=True)
    result_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Gespräch am Roundtable")
        verbose_name_plural = _("Gespräche am Roundtable")
        ordering = ["slot__start", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(requester=models.F("recipient")),
                                   name="rt_meeting_two_organisations"),
            models.UniqueConstraint(
                fields=["slot", "requester", "recipient"], condition=Q(status="requested"),
                name="rt_one_open_request_per_pair_and_slot",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"], name="rt_meeting_event_idx")]

    def __str__(self):
        return f"{self.requester_id} ↔ {self.recipient_id} ({self.slot_id}, {self.status})"

    @property
    def is_accepted(self):
        return self.status == self.Status.ACCEPTED

    @property
    def has_result(self):
        return self.result_recorded_at is not None

    def organisation_ids(self):
        return {self.requester_id, self.recipient_id}


class RoundtableBooking(models.Model):
    """An organisation's slot taken by an accepted talk: at most one per slot and organisation,
    enforced by the database."""

    slot = models.ForeignKey(RoundtableSlot, on_delete=models.CASCADE, related_name="bookings")
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    meeting = models.ForeignKey(
        RoundtableMeeting, on_delete=models.CASCADE, related_name="bookings"
    )

    class Meta:
        verbose_name = _("belegtes Zeitfenster")
        verbose_name_plural = _("belegte Zeitfenster")
        constraints = [
            models.UniqueConstraint(fields=["slot", "organisation"],
                                    name="rt_no_double_booked_slot"),
        ]

    def __str__(self):
        return f"{self.slot_id}: {self.organisation_id}"
