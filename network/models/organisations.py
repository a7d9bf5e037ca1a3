from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from network.validators import validate_logo


class Bundesland(models.TextChoices):
    BW = "BW", "Baden-Württemberg"
    BY = "BY", "Bayern"
    BE = "BE", "Berlin"
    BB = "BB", "Brandenburg"
    HB = "HB", "Bremen"
    HH = "HH", "Hamburg"
    HE = "HE", "Hessen"
    MV = "MV", "Mecklenburg-Vorpommern"
    NI = "NI", "Niedersachsen"
    NW = "NW", "Nordrhein-Westfalen"
    RP = "RP", "Rheinland-Pfalz"
    SL = "SL", "Saarland"
    SN = "SN", "Sachsen"
    ST = "ST", "Sachsen-Anhalt"
    SH = "SH", "Schleswig-Holstein"
    TH = "TH", "Thüringen"


class SizeClass(models.TextChoices):
    """Town size classes used across the library, events and matching."""

    SMALL = "small", _("Kleinstadt (unter 20.000)")
    MEDIUM = "medium", _("Mittelstadt (20.000–100.000)")
    LARGE = "large", _("Großstadt (über 100.000)")

    @classmethod
    def for_population(cls, population):
        if population is None:
            return None
        if population < 20_000:
            return cls.SMALL
        if population <= 100_000:
            return cls.MEDIUM
        return cls.LARGE


class TaggedOrganisation(TaggedItemBase):
    content_object = models.ForeignKey(
        "network.Organisation", on_delete=models.CASCADE, related_name="tagged_items"
    )


class OrganisationQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Organisation.Status.APPROVED)

    def municipal(self):
        return self.filter(kind__in=Organisation.MUNICIPAL_KINDS)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        KOMMUNE = "kommune", _("Kommune")
        STADTMARKETING = "stadtmarketing", _("Stadtmarketing")
        WIRTSCHAFTSFOERDERUNG = "wirtschaftsfoerderung", _("Wirtschaftsförderung")
        EINZELHANDEL = "einzelhandel", _("Einzelhandel/Gewerbe")
        ANBIETER = "anbieter", _("Lösungsanbieter")
        VERBAND = "verband", _("Verband/Kammer")
        FORSCHUNG = "forschung", _("Forschung")
        PARTNER = "partner", _("Partner")

    class Status(models.TextChoices):
        PENDING = "pending", _("Wartet auf Freigabe")
        APPROVED = "approved", _("Freigegeben")
        REJECTED = "rejected", _("Abgelehnt")

    # Organisations that speak for a town: they publish pain points and case studies.
    MUNICIPAL_KINDS = (Kind.KOMMUNE, Kind.STADTMARKETING, Kind.WIRTSCHAFTSFOERDERUNG)
    PROVIDER_KINDS = (Kind.ANBIETER,)

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=200, unique=True)
    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices)
    bundesland = models.CharField(_("Bundesland"), max_length=2, choices=Bundesland.choices)
    town = models.CharField(_("Ort"), max_length=120, blank=True)
    population = models.PositiveIntegerField(
        _("Einwohnerzahl"),
        null=True,
        blank=True,
        help_text=_("Für Kommunen, Stadtmarketing und Wirtschaftsförderung: Einwohner der Stadt."),
    )
    website = models.URLField(_("Website"), blank=True)
    description = models.TextField(
        _("Beschreibung"), blank=True, help_text=_("Bereinigtes HTML (sanitize_html).")
    )
    logo = models.ImageField(
        _("Logo"), upload_to="logos/%Y/", blank=True, validators=[validate_logo]
    )
    topics = TaggableManager(_("Themen"), through=TaggedOrganisation, blank=True)
    status = models.CharField(
        _("Freigabestatus"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angelegt von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("geprüft am"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geprüft von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_note = models.TextField(
        _("Begründung der Ablehnung"),
        blank=True,
        help_text=_("Wird der Person mitgeteilt, die die Organisation angelegt hat."),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="network.Membership",
        through_fields=("organisation", "user"),
        related_name="organisations",
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["status", "kind"]),
            models.Index(fields=["status", "bundesland"]),
            models.Index(fields=["status", "-created_at"]),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("network:organisation_detail", kwargs={"slug": self.slug})

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @property
    def is_municipal(self):
        return self.kind in self.MUNICIPAL_KINDS

    @property
    def is_provider(self):
        return self.kind in self.PROVIDER_KINDS

    @property
    def size_class(self):
        return SizeClass.for_population(self.population)

    def get_size_class_display(self):
        size = self.size_class
        return SizeClass(size).label if size else ""


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator*in")
        MEMBER = "member", _("Mitglied")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Beitritt angefragt")
        ACTIVE = "active", _("Aktiv")
        DECLINED = "declined", _("Abgelehnt")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("Rolle"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    message = models.TextField(_("Nachricht an die Organisation"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        ordering = ["organisation__name", "user__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.organisation} ({self.get_role_display()})"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def is_admin(self):
        return self.is_active and self.role == self.Role.ADMIN
