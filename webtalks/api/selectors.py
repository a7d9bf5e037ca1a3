"""Reads of the open-data API for events: public events only (see
`webtalks.selectors.public_events`), speakers and topics prefetched."""

import datetime

from django.db.models import Count, Max
from django.utils import timezone

from webtalks.models import EventTag
from webtalks.selectors import public_events, with_card_data


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def event_version():
    return tuple(
        public_events()
        .order_by()
        .aggregate(latest=Max("last_published_at"), count=Count("pk"))
        .values()
    )


def events(filters):
    """Public events matching `filters`, soonest first."""
    queryset = public_events()
    if filters.get("kind"):
        queryset = queryset.filter(kind__in=filters["kind"])
    if filters.get("topic"):
        tagged = EventTag.objects.filter(tag__slug__in=filters["topic"])
        queryset = queryset.filter(pk__in=tagged.values("content_object_id"))
    if filters.get("start_from"):
        queryset = queryset.filter(start__gte=_day_start(filters["start_from"]))
    if filters.get("start_to"):
        next_day = filters["start_to"] + datetime.timedelta(days=1)
        queryset = queryset.filter(start__lt=_day_start(next_day))
    if filters.get("series") is not None:
        queryset = queryset.filter(series_id=filters["series"])
    return with_card_data(queryset).order_by("start", "pk")
