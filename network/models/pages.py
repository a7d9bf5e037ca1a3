from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from network import selectors
from network.i18n import ActiveLanguageURLMixin


class HomePage(ActiveLanguageURLMixin, Page):
    """The start page: the network's weekly overview."""

    headline = models.CharField(
        _("Überschrift"), max_length=200, default="Gemeinsam für lebendige Innenstädte"
    )
    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])
    cta_text = models.CharField(_("Text der Einladung"), max_length=120, blank=True)
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite der Einladung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("headline"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("cta_text"), FieldPanel("cta_page")], heading=_("Einladung")),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("Startseite")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.home_page_sections(request.user))
        return context


class StandardPage(ActiveLanguageURLMixin, Page):
    """A plain editorial page: Impressum, Datenschutz, Über uns."""

    intro = models.TextField(_("Einleitung"), blank=True)
    body = RichTextField(_("Inhalt"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["network.HomePage", "network.StandardPage"]
    subpage_types = ["network.StandardPage"]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")


class BarrierReportField(AbstractFormField):
    page = ParentalKey(
        "network.AccessibilityStatementPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class AccessibilityStatementPage(ActiveLanguageURLMixin, AbstractEmailForm):
    """Erklärung zur Barrierefreiheit with the feedback form BITV 2.0 asks for."""

    body = RichTextField(_("Erklärung"), blank=True)
    thank_you_text = RichTextField(_("Dank nach dem Absenden"), blank=True)

    content_panels = AbstractEmailForm.content_panels + [
        FieldPanel("body"),
        InlinePanel("form_fields", label=_("Felder des Meldeformulars")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-Mail an die Redaktion"),
        ),
    ]

    parent_page_types = ["network.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutz"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("Kontakt-E-Mail"), blank=True)

    panels = [
        FieldPanel("imprint_page"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = _("Fußzeile")
