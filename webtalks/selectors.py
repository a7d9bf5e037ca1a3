"""Reads of events shared by pages, views, the home page and organisation profiles.

Lists are fetched with a fixed number of queries whatever their length: speakers with
their organisations, topics and the series are prefetched or joined.
"""

import datetime

from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from taggit.models import Tag

from bestpractice import listing_cache
from webtalks.models import (
    Audience,
    EventKind,
    EventPage,
    EventSeriesPage,
    EventSpeaker,
    EventTag,
    LiveMessage,
    Registration,
)

HISTORY_LIMIT = 200


def live_events():
    # The restricted sections come from the library's cache (one query less per list).
    return listing_cache.public(EventPage.objects.live())


def public_events():
    """Events anyone may know about: live, not restricted in Wagtail, and neither the event
    nor its series is for members only. Feeds and the open-data API read only these."""
    return (
        live_events()
        .exclude(audience=Audience.MEMBERS)
        .exclude(series__audience=Audience.MEMBERS)
    )


def public_series(pk):
    """The live, unrestricted, not members-only series `pk`, or None."""
    return (
        EventSeriesPage.objects.live()
        .public()
        .exclude(audience=Audience.MEMBERS)
        .filter(pk=pk)
        .first()
    )


def public_sessions(series):
    return list(public_events().filter(series=series).order_by("start"))


# The all-events calendar reaches back this far, so past events stay in subscribers'
# calendars for a while, and never holds more than this many events.
CALENDAR_PAST_DAYS = 180
CALENDAR_LIMIT = 500


def calendar_events():
    since = timezone.now() - datetime.timedelta(days=CALENDAR_PAST_DAYS)
    return list(public_events().filter(end__gte=since).order_by("start")[:CALENDAR_LIMIT])


def event_feed_items(limit=30):
    """Newest announced public events, with topics, for the RSS/Atom feed."""
    return list(
        with_card_data(public_events()).order_by("-first_published_at", "-pk")[:limit]
    )


def with_card_data(queryset):
    return queryset.select_related("series").prefetch_related(
        Prefetch(
            "speakers",
            queryset=EventSpeaker.objects.select_related("organisation").order_by("sort_order"),
        ),
        Prefetch(
            "tagged_items", queryset=EventTag.objects.select_related("tag").order_by("tag__name")
        ),
    )


def upcoming_events(limit=4):
    """Published events that have not started yet, soonest first (for the home page)."""
    return list(
        with_card_data(live_events().filter(start__gt=timezone.now()).order_by("start"))[:limit]
    )


def events_of(organisation, limit=6):
    """Events where someone of `organisation` speaks, upcoming first, then the newest past."""
    events = with_card_data(
        live_events().filter(speakers__organisation=organisation).distinct().order_by("-start")
    )[: limit * 3]
    now = timezone.now()
    events = list(events)
    upcoming = sorted((e for e in events if e.end > now), key=lambda e: e.start)
    past = [e for e in events if e.end <= now]
    return (upcoming + past)[:limit]


def _topic_options(queryset):
    return list(
        Tag.objects.filter(webtalks_eventtag_items__content_object__in=queryset)
        .annotate(count=Count("webtalks_eventtag_items", distinct=True))
        .order_by("name")
        .values("slug", "name", "count")
    )


def event_listing(index_page, params, user=None):
    base = live_events().descendant_of(index_page)
    kind = params.get("art", "")
    topic = params.get("thema", "")
    recordings_only = params.get("aufzeichnungen") == "1"
    kind = kind if kind in EventKind.values else ""
    filtered = base
    if kind:
        filtered = filtered.filter(kind=kind)
    if topic:
        filtered = filtered.filter(
            pk__in=EventTag.objects.filter(tag__slug=topic).values("content_object_id")
        )
    now = timezone.now()
    upcoming = with_card_data(filtered.filter(end__gt=now).order_by("start"))
    past = filtered.filter(end__lte=now)
    if recordings_only:
        past = past.filter(~Q(recording_url="") | Q(recording_file__isnull=False))
    past = with_card_data(past.order_by("-start"))
    per_page = index_page.per_page
    upcoming_page = Paginator(upcoming, per_page).get_page(params.get("seite"))
    archive_page = Paginator(past, per_page).get_page(params.get("archiv"))
    query = {k: v for k, v in (("art", kind), ("thema", topic)) if v}
    return {
        "upcoming_page": upcoming_page,
        "archive_page": archive_page,
        "kind_options": EventKind.choices,
        "topic_options": _topic_options(base),
        "selected_kind": kind,
        "selected_topic": topic,
        "recordings_only": recordings_only,
        "filter_query": "&".join(f"{k}={v}" for k, v in query.items()),
        "is_filtered": bool(kind or topic or recordings_only),
    }


def registration_of(user, target):
    """`user`'s active registration for an event or series, or None."""
    if not (user and user.is_authenticated):
        return None
    return (
        Registration.objects.for_target(target).active().filter(user=user).order_by("-pk").first()
    )


def seat_counts(target):
    counts = dict(
        Registration.objects.for_target(target)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    confirmed = counts.get(Registration.Status.CONFIRMED, 0)
    free = None if target.capacity is None else max(target.capacity - confirmed, 0)
    return {
        "confirmed": confirmed,
        "waitlisted": counts.get(Registration.Status.WAITLISTED, 0),
        "free": free,
    }


def attendee_list(target):
    return list(
        Registration.objects.for_target(target)
        .select_related("user")
        .order_by("status", "queued_at", "created_at", "pk")
    )


def registrations_for_feed(email):
    """Confirmed registrations of `email` with every session they cover."""
    registrations = (
        Registration.objects.confirmed()
        .filter(email__iexact=email)
        .select_related("event", "series")
    )
    events = {}
    series_ids = []
    for registration in registrations:
        if registration.event_id:
            events[registration.event_id] = registration.event
        else:
            series_ids.append(registration.series_id)
    for session in EventPage.objects.live().filter(series_id__in=series_ids):
        events[session.pk] = session
    return sorted(events.values(), key=lambda e: e.start)


def my_registrations(user, now=None):
    """The person's active registrations, split into upcoming and past ones.

    A series counts as past once its last session has ended; `ends_at` is annotated so
    that the split costs no query per row."""
    now = now or timezone.now()
    last_session_end = (
        EventPage.objects.filter(series=OuterRef("series")).order_by("-end").values("end")[:1]
    )
    rows = list(
        Registration.objects.active()
        .filter(Q(user=user) | Q(email__iexact=user.email))
        .select_related("event", "series")
        .annotate(series_end=Subquery(last_session_end))
        .order_by("-created_at")
    )
    upcoming, past = [], []
    for registration in rows:
        registration.ends_at = (
            registration.event.end if registration.event_id else registration.series_end
        )
        is_past = registration.ends_at is not None and registration.ends_at <= now
        (past if is_past else upcoming).append(registration)
    past.sort(key=lambda registration: registration.ends_at, reverse=True)
    return {"upcoming": upcoming, "past": past}


def live_history(event, *, after_id=0, include_hidden=False, user=None):
    """The live room's messages after `after_id`, oldest first, with the viewer's upvotes."""
    messages = LiveMessage.objects.filter(event=event, pk__gt=after_id).select_related("author")
    if not include_hidden:
        messages = messages.filter(is_hidden=False)
    if after_id:
        # Catching up: the oldest missed messages first, however many were missed; the
        # client asks again after the last one while `history_has_more()` says so.
        messages = list(messages.order_by("pk")[:HISTORY_LIMIT])
    else:
        messages = list(messages.order_by("-pk")[:HISTORY_LIMIT])[::-1]
    voted = set()
    if user is not None and messages:
        voted = set(
            LiveMessage.objects.filter(
                pk__in=[m.pk for m in messages], upvotes__user=user
            ).values_list("pk", flat=True)
        )
    return [serialize_message(message, voted=message.pk in voted) for message in messages]


def serialize_message(message, *, voted=False):
    return {
        "id": message.pk,
        "kind": message.kind,
        "text": message.text,
        "author": message.author.display_name,
        "author_id": message.author_id,
        "created_at": message.created_at.isoformat(),
        "upvotes": message.upvote_count,
        "voted": voted,
        "answered": message.is_answered,
        "highlighted": message.is_highlighted,
        "hidden": message.is_hidden,
    }
