"""Public event feeds under /feeds/ (see webtalks/feeds.py)."""

from django.urls import path

from webtalks import feeds

app_name = "webtalks_feeds"

urlpatterns = [
    path("veranstaltungen.rss", feeds.EventFeed(), name="rss"),
    path("veranstaltungen.atom", feeds.EventAtomFeed(), name="atom"),
    path("veranstaltungen.ics", feeds.events_calendar, name="calendar"),
    path("veranstaltungsreihen/<int:pk>.ics", feeds.series_calendar, name="series_calendar"),
]
