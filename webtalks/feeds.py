"""Public feeds of events: RSS/Atom of newly announced events, iCalendar subscriptions of
all public events and of each series. Members-only events never appear (see
`selectors.public_events`)."""

from django.http import Http404, HttpResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from network.feeds import SiteFeed, atom_variant
from webtalks import selectors
from webtalks.calendar import calendar_bytes

# Calendar apps poll subscriptions; an hour of caching spares the database.
CALENDAR_CACHE_CONTROL = "public, max-age=3600"


class EventFeed(SiteFeed):
    title = gettext_lazy("Stadtlabor – Veranstaltungen")
    description = gettext_lazy(
        "Neue WebTalks, Roundtables, Workshops und Seminare für lebendige Innenstädte."
    )

    def link(self):
        return "/veranstaltungen/"

    def items(self):
        return selectors.event_feed_items(limit=self.item_limit)

    def item_title(self, item):
        start = formats.date_format(timezone.localtime(item.start), "DATETIME_FORMAT")
        return f"{item.get_kind_display()}: {item.title} ({start})"

    def item_description(self, item):
        start = formats.date_format(timezone.localtime(item.start), "DATETIME_FORMAT")
        place = _("Online") if item.is_online else (item.venue_name or item.venue_address)
        when = _("Beginn: %(start)s · Ort: %(place)s") % {"start": start, "place": place}
        return f"{item.intro}\n\n{when}"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


EventAtomFeed = atom_variant(EventFeed)


def _calendar_response(body):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = CALENDAR_CACHE_CONTROL
    return response


def events_calendar(request):
    """All public events of the last half year and the future, as a subscribable calendar."""
    return _calendar_response(
        calendar_bytes(selectors.calendar_events(), name=_("Stadtlabor – Veranstaltungen"))
    )


def series_calendar(request, pk):
    series = selectors.public_series(pk)
    if series is None:
        raise Http404(_("Diese Veranstaltungsreihe gibt es nicht oder sie ist nicht öffentlich."))
    name = _("Stadtlabor – %(title)s") % {"title": series.title}
    return _calendar_response(calendar_bytes(selectors.public_sessions(series), name=name))
