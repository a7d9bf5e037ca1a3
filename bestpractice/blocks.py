"""StreamField blocks of case studies and articles."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from bestpractice.video import video_source

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        max_length=250,
        help_text=_("Was zeigt das Bild? Für Menschen, die es nicht sehen können."),
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "bestpractice/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    author = blocks.CharBlock(label=_("Name"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Funktion"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "bestpractice/blocks/quote.html"


class KpiPointBlock(blocks.StructBlock):
    year = blocks.IntegerBlock(label=_("Jahr"), min_value=1990, max_value=2100)
    value = blocks.DecimalBlock(label=_("Wert"), decimal_places=2, max_digits=14)


class KpiBlock(blocks.StructBlock):
    """One result figure, e.g. "Besucherfrequenz" / "+12 %" / "in 6 Monaten".

    `value` is the headline as people write it. The optional numbers below it are what
    the page draws as charts (bestpractice.kpi_charts): before/after bars and a line over
    the years; a figure without them stays a plain card."""

    label = blocks.CharBlock(label=_("Kennzahl"), max_length=120)
    value = blocks.CharBlock(label=_("Wert"), max_length=40, help_text=_("z. B. „+12 %“"))
    period = blocks.CharBlock(
        label=_("Zeitraum"), required=False, max_length=80, help_text=_("z. B. „in 6 Monaten“")
    )
    source = blocks.CharBlock(label=_("Quelle/Messmethode"), required=False, max_length=160)
    unit = blocks.CharBlock(
        label=_("Einheit der Zahlen"),
        required=False,
        max_length=30,
        help_text=_("für das Diagramm, z. B. „%“, „Läden“ oder „Passant*innen pro Tag“"),
    )
    before_label = blocks.CharBlock(
        label=_("Vorher: wann"), required=False, max_length=40, help_text=_("z. B. „2020“")
    )
    before_value = blocks.DecimalBlock(
        label=_("Vorher: Zahl"), required=False, decimal_places=2, max_digits=14
    )
    after_label = blocks.CharBlock(
        label=_("Nachher: wann"), required=False, max_length=40, help_text=_("z. B. „2023“")
    )
    after_value = blocks.DecimalBlock(
        label=_("Nachher: Zahl"), required=False, decimal_places=2, max_digits=14
    )
    series = blocks.ListBlock(
        KpiPointBlock(),
        label=_("Werte über die Jahre"),
        required=False,
        help_text=_("Ab zwei Jahren zeichnet die Seite einen Verlauf."),
    )

    class Meta:
        icon = "pick"
        label = _("Kennzahl")
        template = "bestpractice/blocks/kpi.html"


class KpiListBlock(blocks.StreamBlock):
    kpi = KpiBlock()

    class Meta:
        template = "bestpractice/blocks/kpi_list.html"


class TimelineEntryBlock(blocks.StructBlock):
    when = blocks.CharBlock(label=_("Wann"), max_length=60, help_text=_("z. B. „Frühjahr 2023“"))
    what = blocks.TextBlock(label=_("Was geschah"))


class TimelineBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=120)
    entries = blocks.ListBlock(TimelineEntryBlock(), label=_("Schritte"))

    class Meta:
        icon = "time"
        label = _("Zeitleiste")
        template = "bestpractice/blocks/timeline.html"


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(label=_("Titel"), required=False, max_length=160)
    description = blocks.CharBlock(label=_("Beschreibung"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "bestpractice/blocks/download.html"


class TwoClickVideoBlock(blocks.StructBlock):
    """A video that is embedded only after the visitor agreed by clicking."""

    url = blocks.URLBlock(
        label=_("Adresse des Videos"), help_text=_("YouTube, Vimeo oder eine andere https-Adresse")
    )
    title = blocks.CharBlock(label=_("Titel des Videos"), max_length=160)
    description = blocks.CharBlock(label=_("Kurzbeschreibung"), required=False, max_length=250)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["source"] = video_source(value.get("url"))
        return context

    class Meta:
        icon = "media"
        label = _("Video (Zwei-Klick)")
        template = "bestpractice/blocks/video.html"


class BodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="bestpractice/blocks/text.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    kpi = KpiBlock()
    timeline = TimelineBlock()
    download = DownloadBlock()
    video = TwoClickVideoBlock()
