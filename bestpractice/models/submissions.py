"""A member's case study in progress, before it becomes a page in the editors' workflow."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bestpractice.models.choices import BudgetRange
from bestpractice.validators import validate_submission_image
from network.models import Organisation


class CaseStudySubmission(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        IN_REVIEW = "in_review", _("In redaktioneller Prüfung")
        CHANGES_REQUESTED = "changes", _("Änderungen erbeten")
        PUBLISHED = "published", _("Veröffentlicht")

    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eingereicht von"),
        on_delete=models.CASCADE,
        related_name="case_study_submissions",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Kommune"),
        on_delete=models.CASCADE,
        related_name="case_study_submissions",
    )
    status = models.CharField(
        _("Status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    review_comment = models.TextField(
        _("Rückmeldung der Redaktion"), blank=True,
        help_text=_("Der Kommentar, mit dem die Redaktion Änderungen erbeten hat."),
    )
    last_step = models.PositiveSmallIntegerField(_("zuletzt bearbeiteter Schritt"), default=1)

    # Step 1: Grunddaten
    title = models.CharField(_("Titel"), max_length=200, blank=True)
    summary = models.TextField(_("Kurzfassung"), max_length=600, blank=True)
    topics = models.CharField(_("Themen"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(_("Startjahr"), null=True, blank=True)
    duration = models.CharField(_("Laufzeit"), max_length=120, blank=True)
    budget_range = models.CharField(
        _("Kostenrahmen"), max_length=12, choices=BudgetRange.choices, blank=True
    )
    budget_note = models.CharField(_("Kosten im Detail"), max_length=250, blank=True)
    funding = models.CharField(_("Genutzte Förderung"), max_length=250, blank=True)
    # Step 2: Ausgangslage & Vorgehen (sanitised HTML)
    problem = models.TextField(_("Ausgangslage"), blank=True)
    approach = models.TextField(_("Vorgehen"), blank=True)
    partners_note = models.CharField(_("Beteiligte Partner"), max_length=250, blank=True)
    # Step 3: Ergebnisse & Kennzahlen
    results = models.TextField(_("Ergebnisse"), blank=True)
    kpis = models.JSONField(_("Kennzahlen"), default=list, blank=True)
    lessons = models.TextField(_("Was wir anders machen würden"), blank=True)
    transferability = models.TextField(_("Übertragbarkeit"), blank=True)
    transferable_sizes = models.JSONField(_("übertragbar auf"), default=list, blank=True)
    # Step 4: Bilder & Kontakt
    image = models.ImageField(
        _("Bild"), upload_to="einreichungen/%Y/", blank=True, validators=[validate_submission_image]
    )
    image_alt = models.CharField(_("Alternativtext"), max_length=250, blank=True)
    image_caption = models.CharField(_("Bildunterschrift"), max_length=250, blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=120, blank=True)
    contact_role = models.CharField(_("Funktion"), max_length=160, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)

    page = models.ForeignKey(
        "bestpractice.BestPracticePage",
        verbose_name=_("Seite"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    submitted_at = models.DateTimeField(_("eingereicht am"), null=True, blank=True)
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Einreichung eines Praxisbeispiels")
        verbose_name_plural = _("Einreichungen von Praxisbeispielen")
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["submitter", "-updated_at"], name="bp_submission_owner_idx")
        ]

    def __str__(self):
        return self.title or str(_("Praxisbeispiel ohne Titel"))

    @property
    def is_editable(self):
        """Drafts, and submissions the editors sent back with a request for changes."""
        return self.status in {self.Status.DRAFT, self.Status.CHANGES_REQUESTED}

    @property
    def topic_list(self):
        return [name.strip() for name in self.topics.split(",") if name.strip()]
