"""Every write and side effect of events: registration, organising, reminders, live room."""

from webtalks.services.live import (
    enter_live_room,
    history_since,
    leave_live_room,
    live_room_access,
    moderate_message,
    post_live_message,
    refresh_presence,
    room_group,
    upvote_question,
)
from webtalks.services.organiser import (
    invite_to_welcome_webtalk,
    message_registrants,
    set_attendance,
)
from webtalks.services.registration import (
    calendar_feed_for,
    cancel_registration,
    cancel_registration_of,
    confirm_registration,
    register_for_event,
)
from webtalks.services.reminders import send_due_reminders
from webtalks.services.roundtables import (
    add_slot,
    answer_meeting,
    assign_meeting,
    cancel_meeting,
    record_meeting_result,
    request_meeting,
    set_contributions,
)

__all__ = [
    "add_slot",
    "answer_meeting",
    "assign_meeting",
    "cancel_meeting",
    "record_meeting_result",
    "request_meeting",
    "set_contributions",
    "calendar_feed_for",
    "cancel_registration",
    "cancel_registration_of",
    "confirm_registration",
    "enter_live_room",
    "invite_to_welcome_webtalk",
    "history_since",
    "leave_live_room",
    "live_room_access",
    "message_registrants",
    "moderate_message",
    "post_live_message",
    "refresh_presence",
    "register_for_event",
    "room_group",
    "send_due_reminders",
    "set_attendance",
    "upvote_question",
]
