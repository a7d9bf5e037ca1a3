from .choices import Audience, EventKind, LocationKind
from .live import LiveMessage, LivePresence, QuestionUpvote
from .pages import (
    LIVE_ROOM_LEAD,
    EventIndexPage,
    EventPage,
    EventSeriesPage,
    EventSeriesTag,
    EventSpeaker,
    EventTag,
)
from .registrations import CalendarFeed, Registration, ReminderDelivery

__all__ = [
    "LIVE_ROOM_LEAD",
    "Audience",
    "CalendarFeed",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventSeriesPage",
    "EventSeriesTag",
    "EventSpeaker",
    "EventTag",
    "LiveMessage",
    "LivePresence",
    "LocationKind",
    "QuestionUpvote",
    "Registration",
    "ReminderDelivery",
]
