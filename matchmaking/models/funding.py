"""Curated by editors as Wagtail snippets: funding programmes and the synonym list."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from network.models import Bundesland

from .choices import ApplicantKind, Funder
from .needs import validate_bundeslaender


def validate_applicant_kinds(value):
    unknown = set(value or ()) - set(ApplicantKind.values)
    if unknown:
        raise ValidationError(_("Unbekannte Antragsberechtigte: %(kinds)s"),
                              params={"kinds": ", ".join(sorted(unknown))})


class TaggedFundingProgramme(TaggedItemBase):
    content_object = models.ForeignKey(
        "matchmaking.FundingProgramme", on_delete=models.CASCADE, related_name="tagged_items"
    )


class FundingProgrammeQuerySet(models.QuerySet):
    def open_on(self, day=None):
        """Deadline not passed (no deadline: open all year)."""
        day = day or timezone.localdate()
        return self.filter(models.Q(deadline__isnull=True) | models.Q(deadline__gte=day))

    def applicable_to(self, organisation, day=None):
        """Programmes `organisation` may apply for: its Bundesland, its kind, still open.

        Filtered in Python: JSON containment is not available on SQLite, and editors
        curate tens of programmes, not thousands.
        """
        return [
            programme for programme in self.open_on(day)
            if programme.accepts(organisation)
        ]


class FundingProgramme(models.Model):
    name = models.CharField(_("Name"), max_length=200)
    funder = models.CharField(_("Fördergeber"), max_length=4, choices=Funder.choices)
    funder_name = models.CharField(
        _("Förderstelle"), max_length=200, blank=True,
        help_text=_("z. B. das zuständige Ministerium oder die Förderbank"),
    )
    description = models.TextField(_("Beschreibung"), max_length=3000)
    bundeslaender = models.JSONField(
        _("Bundesländer"), default=list, blank=True, validators=[validate_bundeslaender],
        help_text=_("Leer bedeutet: bundesweit. Kürzel wie NW, BY."),
    )
    applicant_kinds = models.JSONField(
        _("Antragsberechtigt"), default=list, validators=[validate_applicant_kinds],
    )
    topics = TaggableManager(_("Themen"), through=TaggedFundingProgramme, blank=True)
    max_funding = models.PositiveIntegerField(
        _("Höchstförderung in Euro"), null=True, blank=True
    )
    funding_rate = models.CharField(_("Förderquote"), max_length=120, blank=True)
    deadline = models.DateField(
        _("Antragsfrist"), null=True, blank=True, help_text=_("Leer bedeutet: laufend.")
    )
    url = models.URLField(_("Link zum Programm"))
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = FundingProgrammeQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("funder"), FieldPanel("funder_name")]),
        FieldPanel("description"),
        FieldPanel("topics"),
        MultiFieldPanel(
            [FieldPanel("bundeslaender"), FieldPanel("applicant_kinds")],
            heading=_("Wer kann beantragen?"),
        ),
        FieldRowPanel([FieldPanel("max_funding"), FieldPanel("funding_rate")]),
        FieldRowPanel([FieldPanel("deadline"), FieldPanel("url")]),
    ]

    class Meta:
        verbose_name = _("Förderprogramm")
        verbose_name_plural = _("Förderprogramme")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def accepts(self, organisation):
        in_region = not self.bundeslaender or organisation.bundesland in self.bundeslaender
        return in_region and organisation.kind in self.applicant_kinds

    def get_bundeslaender_display(self):
        if not self.bundeslaender:
            return str(_("bundesweit"))
        labels = dict(Bundesland.choices)
        return ", ".join(labels.get(code, code) for code in sorted(self.bundeslaender))

    def get_applicant_kinds_display(self):
        labels = dict(ApplicantKind.choices)
        return ", ".join(str(labels[kind]) for kind in ApplicantKind.values
                         if kind in self.applicant_kinds)


class SynonymEntry(models.Model):
    """An editor's addition to the engine's built-in synonym list."""

    terms = models.TextField(
        _("Begriffe"),
        help_text=_("Mindestens zwei Begriffe, durch Komma getrennt; der erste wird in "
                    "Begründungen angezeigt. Beispiel: Onlinehandel, E-Commerce, Webshop"),
    )
    related_only = models.BooleanField(
        _("nur verwandt"), default=False,
        help_text=_("Angekreuzt zählen die Begriffe halb so viel wie echte Synonyme, z. B. "
                    "Problem und typische Lösung."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("related_only")]

    class Meta:
        verbose_name = _("Synonymgruppe")
        verbose_name_plural = _("Synonymgruppen")
        ordering = ["terms"]

    def __str__(self):
        return self.terms[:80]

    @property
    def term_list(self):
        return [term.strip() for term in self.terms.split(",") if term.strip()]

    def clean(self):
        if len(self.term_list) < 2:
            raise ValidationError(
                {"terms": _("Bitte mindestens zwei Begriffe angeben, durch Komma getrennt.")}
            )

    def as_group(self):
        return {"terms": self.term_list, "weight": 0.5 if self.related_only else 1.0}
