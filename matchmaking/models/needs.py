"""What the two sides publish: a municipality's pain point and a provider's offer."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from network.models import Bundesland, Organisation, SizeClass

from .choices import BudgetRange, OfferStatus, PainPointStatus, PriceRange, Timeline, Visibility


def validate_bundeslaender(value):
    unknown = set(value or ()) - set(Bundesland.values)
    if unknown:
        raise ValidationError(_("Unbekanntes Bundesland: %(codes)s"),
                              params={"codes": ", ".join(sorted(unknown))})


def validate_sizes(value):
    unknown = set(value or ()) - set(SizeClass.values)
    if unknown:
        raise ValidationError(_("Unbekannte Stadtgröße: %(sizes)s"),
                              params={"sizes": ", ".join(sorted(unknown))})


class TaggedPainPoint(TaggedItemBase):
    content_object = models.ForeignKey(
        "matchmaking.PainPoint", on_delete=models.CASCADE, related_name="tagged_items"
    )


class TaggedOffer(TaggedItemBase):
    content_object = models.ForeignKey(
        "matchmaking.Offer", on_delete=models.CASCADE, related_name="tagged_items"
    )


class VisibleQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Public ones for visitors; members-only ones too for members of the network."""
        from network.permissions import is_network_member

        if is_network_member(user):
            return self
        return self.filter(visibility=Visibility.PUBLIC)


class MatchableItem(models.Model):
    """What pain points and offers share: a title, timestamps, when their matches were
    last computed."""

    title = models.CharField(_("Titel"), max_length=160)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    matches_computed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["-updated_at", "-pk"]

    def __str__(self):
        return self.title


class PainPointQuerySet(VisibleQuerySet):
    def listed(self):
        """Still looking for help: open or being implemented, by an approved organisation."""
        return self.filter(
            status__in=(PainPointStatus.OPEN, PainPointStatus.IN_PROGRESS),
            organisation__status=Organisation.Status.APPROVED,
        )


class PainPoint(MatchableItem):
    """A municipality's problem ("Bedarf"); its Bundesland and town size are its organisation's."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("Organisation"), on_delete=models.CASCADE,
        related_name="pain_points",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("angelegt von"), null=True,
        on_delete=models.SET_NULL, related_name="pain_points",
    )
    description = models.TextField(
        _("Beschreibung"), max_length=4000,
        help_text=_("Was ist das Problem vor Ort, was wurde schon versucht, was wäre ein Erfolg?"),
    )
    topics = TaggableManager(_("Themen"), through=TaggedPainPoint, blank=True)
    budget_range = models.CharField(
        _("Budgetrahmen"), max_length=12, choices=BudgetRange.choices, default=BudgetRange.OPEN
    )
    timeline = models.CharField(
        _("Zeitrahmen"), max_length=12, choices=Timeline.choices, default=Timeline.SIX_MONTHS
    )
    status = models.CharField(
        _("Status"), max_length=12, choices=PainPointStatus.choices, default=PainPointStatus.OPEN
    )
    visibility = models.CharField(
        _("Sichtbarkeit"), max_length=8, choices=Visibility.choices, default=Visibility.MEMBERS
    )

    objects = PainPointQuerySet.as_manager()

    class Meta:
        verbose_name = _("Bedarf")
        verbose_name_plural = _("Bedarfe")
        ordering = MatchableItem.Meta.ordering
        indexes = [models.Index(fields=["status", "visibility"], name="mm_painpoint_status_idx")]

    def get_absolute_url(self):
        return reverse("matchmaking:pain_point", args=[self.pk])

    @property
    def bundesland(self):
        return self.organisation.bundesland

    @property
    def size_class(self):
        return self.organisation.size_class


class OfferQuerySet(VisibleQuerySet):
    def listed(self):
        return self.filter(
            status=OfferStatus.ACTIVE, organisation__status=Organisation.Status.APPROVED
        )


class Offer(MatchableItem):
    """A provider's solution ("Lösungsangebot"); `regions` empty or "DE" means nationwide."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("Anbieter"), on_delete=models.CASCADE, related_name="offers"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("angelegt von"), null=True,
        on_delete=models.SET_NULL, related_name="offers",
    )
    description = models.TextField(_("Beschreibung"), max_length=4000)
    topics = TaggableManager(_("Themen"), through=TaggedOffer, blank=True)
    nationwide = models.BooleanField(_("bundesweit"), default=True)
    regions = models.JSONField(
        _("bediente Bundesländer"), default=list, blank=True, validators=[validate_bundeslaender]
    )
    sizes = models.JSONField(
        _("passende Stadtgrößen"), default=list, blank=True, validators=[validate_sizes],
        help_text=_("Leer bedeutet: für alle Stadtgrößen."),
    )
    price_range = models.CharField(
        _("Preisrahmen"), max_length=12, choices=PriceRange.choices, default=PriceRange.ON_REQUEST
    )
    references = models.ManyToManyField(
        "bestpractice.BestPracticePage", verbose_name=_("Referenzen"), blank=True,
        related_name="offers",
        help_text=_("Praxisbeispiele, in denen das Angebot eingesetzt wurde."),
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=OfferStatus.choices, default=OfferStatus.ACTIVE
    )
    visibility = models.CharField(
        _("Sichtbarkeit"), max_length=8, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("Lösungsangebot")
        verbose_name_plural = _("Lösungsangebote")
        ordering = MatchableItem.Meta.ordering
        indexes = [models.Index(fields=["status", "visibility"], name="mm_offer_status_idx")]

    def get_absolute_url(self):
        return reverse("matchmaking:offer", args=[self.pk])

    @property
    def region_codes(self):
        return ["DE"] if self.nationwide or not self.regions else list(self.regions)

    def get_regions_display(self):
        if self.nationwide or not self.regions:
            return str(_("bundesweit"))
        labels = dict(Bundesland.choices)
        return ", ".join(labels.get(code, code) for code in sorted(self.regions))

    def get_sizes_display(self):
        if not self.sizes:
            return str(_("alle Stadtgrößen"))
        labels = dict(SizeClass.choices)
        return ", ".join(str(labels[size]) for size in SizeClass.values if size in self.sizes)
