"""Stored top matches, members' feedback on them, and contact requests between the sides."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from network.models import Organisation


class Direction(models.TextChoices):
    FOR_PAIN_POINT = "for_pain_point", _("Angebote für einen Bedarf")
    FOR_OFFER = "for_offer", _("Bedarfe für ein Angebot")


class StoredMatch(models.Model):
    """One of the top matches of a pain point (offers) or of an offer (pain points).

    Recomputed by `matchmaking.tasks.recompute_matches` whenever either side changes;
    `reasons` keeps the engine's reason codes and values so they render in German later.
    """

    pain_point = models.ForeignKey(
        "matchmaking.PainPoint", on_delete=models.CASCADE, related_name="stored_matches"
    )
    offer = models.ForeignKey(
        "matchmaking.Offer", on_delete=models.CASCADE, related_name="stored_matches"
    )
    direction = models.CharField(max_length=16, choices=Direction.choices)
    position = models.PositiveSmallIntegerField()
    score = models.FloatField()
    reasons = models.JSONField(default=list)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("berechneter Treffer")
        verbose_name_plural = _("berechnete Treffer")
        ordering = ["direction", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["direction", "pain_point", "offer"], name="mm_unique_stored_match"
            ),
        ]
        indexes = [
            models.Index(fields=["pain_point", "direction", "position"], name="mm_match_pp_idx"),
            models.Index(fields=["offer", "direction", "position"], name="mm_match_offer_idx"),
        ]

    def __str__(self):
        return f"{self.pain_point_id} ↔ {self.offer_id} ({self.direction} #{self.position})"


class MatchNotice(models.Model):
    """That a side was told of a new match near the top of its list: once per pair."""

    pain_point = models.ForeignKey(
        "matchmaking.PainPoint", on_delete=models.CASCADE, related_name="+"
    )
    offer = models.ForeignKey("matchmaking.Offer", on_delete=models.CASCADE, related_name="+")
    direction = models.CharField(max_length=16, choices=Direction.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["direction", "pain_point", "offer"], name="mm_unique_match_notice"
            ),
        ]

    def __str__(self):
        return f"{self.direction}: {self.pain_point_id} ↔ {self.offer_id}"


class Verdict(models.TextChoices):
    HELPFUL = "helpful", _("hilfreich")
    NOT_FITTING = "not_fitting", _("passt nicht")


class MatchFeedback(models.Model):
    """A member's verdict on a suggestion, per pain point and offer (seen from either side)."""

    pain_point = models.ForeignKey(
        "matchmaking.PainPoint", on_delete=models.CASCADE, related_name="feedback"
    )
    offer = models.ForeignKey(
        "matchmaking.Offer", on_delete=models.CASCADE, related_name="feedback"
    )
    direction = models.CharField(max_length=16, choices=Direction.choices)
    verdict = models.CharField(_("Rückmeldung"), max_length=12, choices=Verdict.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Rückmeldung zu einem Treffer")
        verbose_name_plural = _("Rückmeldungen zu Treffern")
        constraints = [
            models.UniqueConstraint(
                fields=["direction", "pain_point", "offer"], name="mm_unique_feedback"
            ),
        ]

    def __str__(self):
        return f"{self.get_verdict_display()}: {self.pain_point_id} ↔ {self.offer_id}"


class ContactStatus(models.TextChoices):
    PENDING = "pending", _("offen")
    ACCEPTED = "accepted", _("angenommen")
    DECLINED = "declined", _("abgelehnt")
    WITHDRAWN = "withdrawn", _("zurückgezogen")


class ContactOutcome(models.TextChoices):
    NONE = "", _("noch nichts")
    TALKED = "talked", _("Gespräch geführt")
    PILOT = "pilot", _("Pilot gestartet")
    IMPLEMENTED = "implemented", _("umgesetzt")


class ContactRequest(models.Model):
    """A request from one side of a match to the other; details are shared on acceptance."""

    pain_point = models.ForeignKey(
        "matchmaking.PainPoint", verbose_name=_("Bedarf"), on_delete=models.CASCADE,
        related_name="contact_requests",
    )
    offer = models.ForeignKey(
        "matchmaking.Offer", verbose_name=_("Angebot"), on_delete=models.CASCADE,
        related_name="contact_requests",
    )
    # Empty once the sender deleted their account: the other side keeps its record,
    # with the sender shown as "ehemaliges Mitglied" (docs/decisions.md).
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gesendet von"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="sent_contact_requests",
    )
    sender_organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="sent_contact_requests"
    )
    recipient_organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="received_contact_requests"
    )
    message = models.TextField(_("Nachricht"), max_length=2000)
    status = models.CharField(
        _("Status"), max_length=10, choices=ContactStatus.choices, default=ContactStatus.PENDING
    )
    responder = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("beantwortet von"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="answered_contact_requests",
    )
    response_message = models.TextField(_("Antwort"), max_length=2000, blank=True)
    outcome = models.CharField(
        _("Ergebnis"), max_length=12, choices=ContactOutcome.choices, blank=True, default=""
    )
    created_at = models.DateTimeField(_("gesendet am"), auto_now_add=True)
    answered_at = models.DateTimeField(_("beantwortet am"), null=True, blank=True)
    outcome_at = models.DateTimeField(_("Ergebnis vom"), null=True, blank=True)

    class Meta:
        verbose_name = _("Kontaktanfrage")
        verbose_name_plural = _("Kontaktanfragen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pain_point", "offer"],
                condition=models.Q(status__in=["pending", "accepted"]),
                name="mm_one_live_contact_per_pair",
            ),
        ]

    def __str__(self):
        return f"{self.sender_organisation} → {self.recipient_organisation}: {self.offer}"

    @property
    def from_municipality(self):
        return self.sender_organisation_id == self.pain_point.organisation_id

    @property
    def is_accepted(self):
        return self.status == ContactStatus.ACCEPTED
