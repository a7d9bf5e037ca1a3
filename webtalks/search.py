"""Search documents of events: live events, public or members-only as the page says."""

from django.utils.translation import gettext_lazy as _

from network.sanitize import strip_html
from search.documents import MEMBERS, PUBLIC, DocumentProvider, SearchDocument, register
from webtalks.models import EventPage
from webtalks.models.choices import EventKind


class EventDocuments(DocumentProvider):
    type = "event"
    model = EventPage
    label = _("Veranstaltungen")
    facets = {"event_kind": _("Format"), "recording": _("Aufzeichnung")}

    def get_queryset(self):
        return (
            EventPage.objects.live()
            .public()
            .prefetch_related("tagged_items__tag", "speakers__organisation")
        )

    def build_document(self, event):
        speakers = " ".join(
            f"{speaker.name} {speaker.organisation.name if speaker.organisation else ''}"
            for speaker in event.speakers.all()
        )
        return SearchDocument(
            type=self.type,
            id=event.pk,
            title=event.title,
            body="\n".join(
                part
                for part in (
                    event.intro,
                    strip_html(event.description),
                    speakers,
                    strip_html(event.summary),
                )
                if part
            ),
            tags=[tagged.tag.name for tagged in event.tagged_items.all()],
            facets={
                "event_kind": event.kind,
                # Past events are found for their recordings ("Aufzeichnung vorhanden").
                "recording": "ja" if event.has_recording else "nein",
            },
            url=event.url,
            visibility=MEMBERS if event.is_members_only else PUBLIC,
            date=event.start,
        )

    def facet_value_label(self, name, value):
        if name == "event_kind":
            try:
                return EventKind(value).label
            except ValueError:
                return value
        if name == "recording":
            return _("mit Aufzeichnung") if value == "ja" else _("ohne Aufzeichnung")
        return value


def register_documents():
    register(EventDocuments())
