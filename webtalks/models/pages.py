"""Wagtail pages of events: the event index, single events and seminar series."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from bestpractice.blocks import DownloadBlock
from network.i18n import ActiveLanguageURLMixin
from network.models import Organisation
from webtalks.blocks import RegistrationQuestionBlock
from webtalks.models.choices import Audience, EventKind, LocationKind

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
# The live room opens this long before the start, so people can test their sound.
LIVE_ROOM_LEAD = datetime.timedelta(minutes=15)


class EventTag(TaggedItemBase):
    content_object = ParentalKey(
        "webtalks.EventPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EventSeriesTag(TaggedItemBase):
    content_object = ParentalKey(
        "webtalks.EventSeriesPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EventIndexPage(ActiveLanguageURLMixin, Page):  # noqa: DJ008 - Page.__str__ is the title
    """/veranstaltungen/: upcoming events filterable by kind and topic, and the archive."""

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])
    per_page = models.PositiveSmallIntegerField(
        _("Einträge pro Seite"),
        default=12,
        validators=[MinValueValidator(4), MaxValueValidator(60)],
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("per_page")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["network.HomePage"]
    subpage_types = ["webtalks.EventPage", "webtalks.EventSeriesPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Veranstaltungsübersicht")

    def get_context(self, request, *args, **kwargs):
        from webtalks import selectors  # selectors import these models

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.event_listing(self, request.GET, request.user))
        return context


class RegistrationSettings(models.Model):
    """What an event or a whole series needs to take registrations."""

    audience = models.CharField(
        _("Zielgruppe"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC
    )
    capacity = models.PositiveIntegerField(
        _("Plätze"), null=True, blank=True, help_text=_("Leer lassen für unbegrenzt viele Plätze.")
    )
    registration_opens_at = models.DateTimeField(
        _("Anmeldung ab"), null=True, blank=True, help_text=_("Leer: sofort nach Veröffentlichung.")
    )
    registration_closes_at = models.DateTimeField(
        _("Anmeldung bis"), null=True, blank=True, help_text=_("Leer: bis zum Beginn.")
    )
    questions = StreamField(
        [("question", RegistrationQuestionBlock())],
        verbose_name=_("Fragen bei der Anmeldung"),
        blank=True,
    )

    registration_panels = [
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
                FieldPanel("questions"),
            ],
            heading=_("Anmeldung"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def is_members_only(self):
        return self.audience == Audience.MEMBERS

    def registration_deadline(self):
        return self.registration_closes_at or self.first_start()

    def registration_state(self, now=None):
        """ "open", "not_yet" or "closed"."""
        now = now or timezone.now()
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        deadline = self.registration_deadline()
        if deadline and now >= deadline:
            return "closed"
        return "open"

    def question_list(self):
        return [
            {
                "id": block.id,
                **{k: block.value[k] for k in ("label", "help_text", "required", "multiline")},
            }
            for block in self.questions
        ]


class RegistrationRoutes(RoutablePageMixin):
    """The routes every page people register on has: the page itself, its calendar file,
    and the organisers' attendee list, CSV export and message to all registrants."""

    @path("")
    def detail(self, request):
        from webtalks import views

        return views.event_detail(request, self)

    @path("kalender/")
    def calendar_file(self, request):
        from webtalks import views

        return views.event_calendar_file(request, self)

    @path("teilnehmende/")
    def attendees(self, request):
        from webtalks import views

        return views.attendees(request, self)

    @path("teilnehmende/export/")
    def attendees_csv(self, request):
        from webtalks import views

        return views.attendees_csv(request, self)

    @path("nachricht/")
    def message_registrants(self, request):
        from webtalks import views

        return views.message_registrants(request, self)


class EventPage(ActiveLanguageURLMixin, RegistrationRoutes, RegistrationSettings, Page):  # noqa: DJ008
    kind = models.CharField(_("Format"), max_length=20, choices=EventKind.choices)
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    intro = models.TextField(_("Kurzbeschreibung"), max_length=600)
    description = RichTextField(_("Beschreibung"), blank=True, features=TEXT_FEATURES)
    topics = ClusterTaggableManager(verbose_name=_("Themen"), through=EventTag, blank=True)
    location_kind = models.CharField(
        _("Ort"), max_length=10, choices=LocationKind.choices, default=LocationKind.ONLINE
    )
    venue_name = models.CharField(_("Veranstaltungsort"), max_length=200, blank=True)
    venue_address = models.CharField(_("Adresse"), max_length=250, blank=True)
    join_url = models.URLField(
        _("Zugangslink"),
        blank=True,
        help_text=_("Nur bestätigte Teilnehmende sehen ihn, auf der Seite und in der E-Mail."),
    )
    is_welcome_event = models.BooleanField(
        _("Willkommens-WebTalk"),
        default=False,
        help_text=_(
            "Neu freigegebene Organisationen werden zur nächsten solchen Veranstaltung eingeladen."
        ),
    )

    recording_url = models.URLField(
        _("Aufzeichnung (Adresse)"),
        blank=True,
        help_text=_("Wird erst nach einem Klick eingebettet."),
    )
    recording_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Aufzeichnung (Videodatei)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    downloads = StreamField(
        [("download", DownloadBlock())], verbose_name=_("Folien und Downloads"), blank=True
    )
    summary = RichTextField(_("Nachlese"), blank=True, features=TEXT_FEATURES)

    # Set from the parent on save: sessions of a series take registrations on the series.
    series = models.ForeignKey(
        "webtalks.EventSeriesPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("intro"),
        FieldPanel("description"),
        FieldPanel("topics"),
        InlinePanel("speakers", label=_("Referent*innen")),
        MultiFieldPanel(
            [
                FieldPanel("location_kind"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("join_url"),
            ],
            heading=_("Ort und Zugang"),
        ),
        FieldPanel("is_welcome_event"),
        *RegistrationSettings.registration_panels,
        MultiFieldPanel(
            [
                FieldPanel("recording_url"),
                FieldPanel("recording_file"),
                FieldPanel("downloads"),
                FieldPanel("summary"),
            ],
            heading=_("Nach der Veranstaltung"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("description"),
        index.SearchField("summary"),
        index.FilterField("start"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["webtalks.EventIndexPage", "webtalks.EventSeriesPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        indexes = [models.Index(fields=["start"])]

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.pk or self.depth else None
        parent = parent.specific if parent else None
        self.series = parent if isinstance(parent, EventSeriesPage) else None
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Das Ende muss nach dem Beginn liegen.")})

    def first_start(self):
        return self.start

    @property
    def registration_target(self):
        """The page people register on: the series for its sessions, else the event."""
        return self.series or self

    @property
    def has_recording(self):
        return bool(self.recording_url or self.recording_file_id)

    @property
    def is_past(self):
        return self.end <= timezone.now()

    @property
    def is_online(self):
        return self.location_kind == LocationKind.ONLINE

    def live_room_window(self):
        return self.start - LIVE_ROOM_LEAD, self.end

    def is_live_room_open(self, now=None):
        now = now or timezone.now()
        opens, closes = self.live_room_window()
        return opens <= now < closes

    def sessions_list(self):
        return [self]

    @path("live/")
    def live_room(self, request):
        from webtalks import views

        return views.live_room(request, self)


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("Name"), max_length=160)
    role = models.CharField(_("Funktion"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_speakers",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Zugang im Stadtlabor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_speaker_roles",
        help_text=_("Damit die Person den Live-Raum betreten und moderieren kann."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("user"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Referent*in")
        verbose_name_plural = _("Referent*innen")

    def __str__(self):
        return self.name


class EventSeriesPage(  # noqa: DJ008 - Page.__str__ is the title
    ActiveLanguageURLMixin, RegistrationRoutes, RegistrationSettings, Page
):
    """A seminar series: several sessions (child EventPages), one registration for all."""

    kind = models.CharField(
        _("Format"), max_length=20, choices=EventKind.choices, default=EventKind.SEMINAR
    )
    intro = models.TextField(_("Kurzbeschreibung"), max_length=600)
    description = RichTextField(_("Beschreibung"), blank=True, features=TEXT_FEATURES)
    topics = ClusterTaggableManager(verbose_name=_("Themen"), through=EventSeriesTag, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("description"),
        FieldPanel("topics"),
        *RegistrationSettings.registration_panels,
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("description"),
    ]

    parent_page_types = ["webtalks.EventIndexPage"]
    subpage_types = ["webtalks.EventPage"]

    class Meta:
        verbose_name = _("Veranstaltungsreihe")
        verbose_name_plural = _("Veranstaltungsreihen")

    @property
    def registration_target(self):
        return self

    def sessions_list(self):
        return list(EventPage.objects.live().filter(series=self).order_by("start"))

    def first_start(self):
        first = (
            EventPage.objects.filter(series=self)
            .order_by("start")
            .values_list("start", flat=True)
            .first()
        )
        return first

    @property
    def start(self):
        return self.first_start()
