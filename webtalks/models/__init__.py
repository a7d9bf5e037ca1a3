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
from .roundtables import (
    RoundtableBooking,
    RoundtableContribution,
    RoundtableMeeting,
    RoundtableSlot,
)

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
    "RoundtableBooking",
    "RoundtableContribution",
    "RoundtableMeeting",
    "RoundtableSlot",
]
