"""Wagtail pages of the library: case studies, articles and their index pages."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from bestpractice.blocks import BodyBlock, KpiBlock
from bestpractice.models.choices import ArticleKind, BudgetRange
from network.i18n import ActiveLanguageURLMixin
from network.models import Bundesland, Organisation, SizeClass

SECTION_FEATURES = ["bold", "italic", "ol", "ul", "link"]


def current_year():
    return timezone.localdate().year


def check_title_image_alt(page):
    """A title image needs an alternative text, or the editors' explicit choice that it is
    decorative (then it is rendered with an empty alt and screen readers skip it)."""
    if page.main_image_id and not page.main_image_alt.strip() and not page.main_image_decorative:
        raise ValidationError(
            {
                "main_image_alt": _(
                    "Bitte beschreiben Sie das Titelbild in einem Alternativtext – oder kreuzen "
                    "Sie an, dass es rein dekorativ ist."
                )
            }
        )


class BestPracticeTag(TaggedItemBase):
    content_object = ParentalKey(
        "bestpractice.BestPracticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "bestpractice.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ListingIndexPage(ActiveLanguageURLMixin, Page):
    """An index page that lists its children with facets (see bestpractice/selectors.py)."""

    intro = RichTextField(_("Einleitung"), blank=True, features=SECTION_FEATURES)
    per_page = models.PositiveSmallIntegerField(
        _("Einträge pro Seite"),
        default=12,
        validators=[MinValueValidator(4), MaxValueValidator(60)],
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("per_page")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["network.HomePage"]
    max_count = 1

    class Meta:
        abstract = True

    def listing(self, query):
        """The selector's context for this page and the visitor's GET parameters."""
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing(request.GET))
        return context


class BestPracticeIndexPage(ListingIndexPage):
    """The library at /praxisbeispiele/: filterable, paginated list of case studies."""

    subpage_types = ["bestpractice.BestPracticePage"]

    class Meta:
        verbose_name = _("Praxisbeispiel-Übersicht")

    def listing(self, query):
        from bestpractice import selectors  # selectors import these models

        context = selectors.case_study_listing(self, query)
        # The map shows the whole library, so only where the visitor has not narrowed it.
        if not context["listing"].is_filtered and context["page_obj"].number == 1:
            context["library_map"] = selectors.library_map(self)
        return context


class ArticleIndexPage(ListingIndexPage):
    """Impulse and news at /aktuelles/, filterable by kind, topic and year."""

    subpage_types = ["bestpractice.ArticlePage"]

    class Meta:
        verbose_name = _("Artikel-Übersicht")

    def listing(self, query):
        from bestpractice import selectors

        return selectors.article_listing(self, query)


class BestPracticePage(ActiveLanguageURLMixin, Page):
    """A case study, structured so that towns can compare it with their own situation."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Kommune"),
        on_delete=models.PROTECT,
        related_name="case_studies",
        limit_choices_to={"kind__in": Organisation.MUNICIPAL_KINDS},
        help_text=_("Bundesland und Stadtgröße werden von hier übernommen."),
    )
    summary = models.TextField(_("Kurzfassung"), max_length=600)
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Titelbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        _("Alternativtext des Titelbilds"), max_length=250, blank=True
    )
    main_image_decorative = models.BooleanField(
        _("Titelbild ist rein dekorativ"),
        default=False,
        help_text=_(
            "Nur ankreuzen, wenn das Bild nichts zeigt, was der Text nicht schon sagt; "
            "Screenreader überspringen es dann."
        ),
    )
    topics = ClusterTaggableManager(verbose_name=_("Themen"), through=BestPracticeTag, blank=True)
    year = models.PositiveSmallIntegerField(
        _("Startjahr"),
        default=current_year,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    duration = models.CharField(_("Laufzeit"), max_length=120, blank=True)
    budget_range = models.CharField(
        _("Kostenrahmen"), max_length=12, choices=BudgetRange.choices, blank=True
    )
    budget_note = models.CharField(_("Kosten im Detail"), max_length=250, blank=True)
    funding = models.CharField(_("Genutzte Förderung"), max_length=250, blank=True)

    problem = RichTextField(_("Ausgangslage"), features=SECTION_FEATURES)
    approach = RichTextField(_("Vorgehen"), features=SECTION_FEATURES)
    results = RichTextField(_("Ergebnisse"), blank=True, features=SECTION_FEATURES)
    kpis = StreamField([("kpi", KpiBlock())], verbose_name=_("Kennzahlen"), blank=True)
    lessons = RichTextField(
        _("Was wir anders machen würden"), blank=True, features=SECTION_FEATURES
    )
    transferability = models.TextField(_("Übertragbarkeit"), blank=True)
    transfers_to_small = models.BooleanField(_("übertragbar auf Kleinstädte"), default=False)
    transfers_to_medium = models.BooleanField(_("übertragbar auf Mittelstädte"), default=False)
    transfers_to_large = models.BooleanField(_("übertragbar auf Großstädte"), default=False)

    partners = ParentalManyToManyField(
        Organisation,
        verbose_name=_("Beteiligte Partner und Anbieter"),
        blank=True,
        related_name="case_study_partnerships",
        limit_choices_to={"status": Organisation.Status.APPROVED},
    )
    partners_note = models.CharField(_("Weitere Beteiligte"), max_length=250, blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=120, blank=True)
    contact_role = models.CharField(_("Funktion der Ansprechperson"), max_length=160, blank=True)
    contact_email = models.EmailField(_("E-Mail der Ansprechperson"), blank=True)

    body = StreamField(BodyBlock(), verbose_name=_("Weitere Inhalte"), blank=True)

    # Copied from the organisation on save so that facets and filters are plain columns.
    bundesland = models.CharField(
        _("Bundesland"), max_length=2, choices=Bundesland.choices, blank=True, editable=False
    )
    population = models.PositiveIntegerField(_("Einwohnerzahl"), null=True, editable=False)
    size_class = models.CharField(
        _("Stadtgröße"), max_length=10, choices=SizeClass.choices, blank=True, editable=False
    )

    content_panels = Page.content_panels + [
        FieldPanel("organisation"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("main_image"),
                FieldPanel("main_image_alt"),
                FieldPanel("main_image_decorative"),
            ],
            heading=_("Titelbild"),
        ),
        FieldPanel("topics"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year"), FieldPanel("duration")]),
                FieldRowPanel([FieldPanel("budget_range"), FieldPanel("budget_note")]),
                FieldPanel("funding"),
            ],
            heading=_("Eckdaten"),
        ),
        FieldPanel("problem"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("kpis"),
        FieldPanel("lessons"),
        MultiFieldPanel(
            [
                FieldPanel("transferability"),
                FieldRowPanel(
                    [
                        FieldPanel("transfers_to_small"),
                        FieldPanel("transfers_to_medium"),
                        FieldPanel("transfers_to_large"),
                    ]
                ),
            ],
            heading=_("Übertragbarkeit"),
        ),
        MultiFieldPanel(
            [FieldPanel("partners"), FieldPanel("partners_note")], heading=_("Beteiligte")
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading=_("Kontakt"),
        ),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("bundesland"),
        index.FilterField("size_class"),
        index.FilterField("budget_range"),
        index.FilterField("year"),
    ]

    parent_page_types = ["bestpractice.BestPracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Praxisbeispiel")
        verbose_name_plural = _("Praxisbeispiele")
        indexes = [
            models.Index(fields=["size_class"], name="bp_size_class_idx"),
            models.Index(fields=["bundesland"], name="bp_bundesland_idx"),
            models.Index(fields=["budget_range"], name="bp_budget_idx"),
            models.Index(fields=["year"], name="bp_year_idx"),
        ]

    def copy_organisation_facts(self):
        organisation = self.organisation if self.organisation_id else None
        if organisation is None:
            return
        self.bundesland = organisation.bundesland
        self.population = organisation.population
        self.size_class = organisation.size_class or ""

    def clean(self):
        super().clean()
        check_title_image_alt(self)
        self.copy_organisation_facts()

    def save(self, *args, **kwargs):
        self.copy_organisation_facts()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "organisation" in update_fields:
            kwargs["update_fields"] = {*update_fields, "bundesland", "population", "size_class"}
        return super().save(*args, **kwargs)

    @property
    def transfers_to(self):
        flags = [
            (self.transfers_to_small, SizeClass.SMALL),
            (self.transfers_to_medium, SizeClass.MEDIUM),
            (self.transfers_to_large, SizeClass.LARGE),
        ]
        return [size.label for enabled, size in flags if enabled]

    @property
    def kpi_charts(self):
        from bestpractice.kpi_charts import charts_for

        return charts_for(self.kpis)

    def get_context(self, request, *args, **kwargs):
        from bestpractice import page_cache

        context = super().get_context(request, *args, **kwargs)
        # Lazy lists and the cache keys of the template's parts (bestpractice.page_cache).
        context.update(page_cache.case_study_context(self, request))
        return context


class ArticlePage(ActiveLanguageURLMixin, Page):
    """An "Impuls der Woche" (an expert's view) or a news item."""

    kind = models.CharField(
        _("Art"), max_length=10, choices=ArticleKind.choices, default=ArticleKind.NEWS
    )
    date = models.DateField(_("Datum"), default=datetime.date.today)
    author_name = models.CharField(_("Autor*in"), max_length=120, blank=True)
    author_role = models.CharField(_("Funktion der Autor*in"), max_length=160, blank=True)
    intro = models.TextField(_("Einleitung"), max_length=600)
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Titelbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        _("Alternativtext des Titelbilds"), max_length=250, blank=True
    )
    main_image_decorative = models.BooleanField(
        _("Titelbild ist rein dekorativ"),
        default=False,
        help_text=_(
            "Nur ankreuzen, wenn das Bild nichts zeigt, was der Text nicht schon sagt; "
            "Screenreader überspringen es dann."
        ),
    )
    topics = ClusterTaggableManager(verbose_name=_("Themen"), through=ArticleTag, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldRowPanel([FieldPanel("author_name"), FieldPanel("author_role")]),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("main_image"),
                FieldPanel("main_image_alt"),
                FieldPanel("main_image_decorative"),
            ],
            heading=_("Titelbild"),
        ),
        FieldPanel("topics"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("author_name"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]

    parent_page_types = ["bestpractice.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Artikel")
        verbose_name_plural = _("Artikel")
        indexes = [models.Index(fields=["kind", "date"], name="article_kind_date_idx")]

    def clean(self):
        super().clean()
        check_title_image_alt(self)

    @property
    def is_impulse(self):
        return self.kind == ArticleKind.IMPULSE
