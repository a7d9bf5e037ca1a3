"""The live room: who may enter, chat and questions, upvotes, moderation, presence.

Every message is stored before it is broadcast, and broadcasts go out only after the
commit, so a client that reconnects and loads what it missed sees the same room.
"""

import datetime
import json
import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from network.sanitize import strip_html
from webtalks import permissions, selectors
from webtalks.models import EventPage, LiveMessage, LivePresence, QuestionUpvote

logger = logging.getLogger(__name__)
MAX_MESSAGE_LENGTH = 1_000
RATE_LIMIT_MESSAGES = 5
RATE_LIMIT_WINDOW = datetime.timedelta(seconds=10)
# The participant count goes out at most once per interval and room: broadcasting every
# arrival to everyone costs N² messages when hundreds join at the start.
PRESENCE_INTERVAL_SECONDS = 1
MODERATION_ACTIONS = {
    "answered": "is_answered",
    "highlight": "is_highlighted",
    "hide": "is_hidden",
}


def room_group(event_id):
    return f"webtalks.live.{event_id}"


class Broadcast:
    """A broadcast scheduled for after the commit: its JSON text, and whether it went out
    (None: not yet known, e.g. inside an outer transaction)."""

    sent = None

    def __init__(self, text):
        self.text = text


def _broadcast_on_commit(event_id, payload):
    # Encoded once here, not once per participant in every consumer: with 500 in a room,
    # json.dumps per copy was part of daphne's per-delivery work.
    broadcast = Broadcast(json.dumps(payload, cls=DjangoJSONEncoder))

    def send():
        layer = get_channel_layer()
        if layer is None:
            return
        try:
            async_to_sync(layer.group_send)(
                room_group(event_id), {"type": "room.event", "text": broadcast.text}
            )
        except Exception:
            # What was stored stays stored: the room loads it on its next sync, and the
            # sender must not be told "nicht gespeichert" and send it a second time.
            logger.exception("Live-Raum %s: Rundsendung fehlgeschlagen", event_id)
            broadcast.sent = False
        else:
            broadcast.sent = True

    transaction.on_commit(send)
    return broadcast


def _event(event_id):
    event = EventPage.objects.live().filter(pk=event_id).select_related("series").first()
    if event is None:
        raise PermissionDenied(_("Diese Veranstaltung gibt es nicht."))
    return event


def live_room_access(user, event_id):
    """The event and whether `user` moderates it; PermissionDenied when they may not enter."""
    event = _event(event_id)
    if not (user and user.is_authenticated):
        raise PermissionDenied(_("Bitte melden Sie sich an, um den Live-Raum zu betreten."))
    if not permissions.can_join_live(user, event):
        raise PermissionDenied(
            _("Der Live-Raum ist für bestätigte Teilnehmende, Referent*innen und die Moderation.")
        )
    if not event.is_live_room_open():
        raise PermissionDenied(
            _(
                "Der Live-Raum ist von 15 Minuten vor Beginn bis zum Ende der "
                "Veranstaltung geöffnet."
            )
        )
    return event, permissions.can_moderate_live(user, event)


def participant_count(event_id):
    return LivePresence.objects.filter(event_id=event_id).values("user_id").distinct().count()


def _presence_changed(event_id):
    """Broadcast the count now, or tell the caller to refresh it once the interval is over
    (True: this caller is the one who must call `refresh_presence` later)."""
    if cache.add(f"webtalks:presence:{event_id}", 1, PRESENCE_INTERVAL_SECONDS):
        _broadcast_on_commit(event_id, {"type": "presence", "count": participant_count(event_id)})
        return False
    return cache.add(f"webtalks:presence-refresh:{event_id}", 1, PRESENCE_INTERVAL_SECONDS)


def refresh_presence(event_id):
    """The trailing count after a burst of arrivals or departures."""
    _broadcast_on_commit(event_id, {"type": "presence", "count": participant_count(event_id)})


def enter_live_room(user, event_id, channel_name, *, after_id=0):
    """Record the connection and return what the client needs to start (or catch up)."""
    event, is_moderator = live_room_access(user, event_id)
    with transaction.atomic():
        LivePresence.objects.update_or_create(
            channel_name=channel_name, defaults={"event": event, "user": user}
        )
        count = participant_count(event.pk)
        refresh_later = _presence_changed(event.pk)
    return {
        "type": "welcome",
        "refresh_presence": refresh_later,
        "moderator": is_moderator,
        "count": count,
        **_history_page(event, after_id, is_moderator, user),
    }


def _history_page(event, after_id, is_moderator, user):
    history = selectors.live_history(
        event, after_id=after_id, include_hidden=is_moderator, user=user
    )
    # A full page after a given id may have more behind it: the client asks again.
    more = bool(after_id) and len(history) >= selectors.HISTORY_LIMIT
    return {"history": history, "more": more}


def leave_live_room(event_id, channel_name):
    """Forget the connection; True when the caller must refresh the count later."""
    with transaction.atomic():
        deleted, _details = LivePresence.objects.filter(channel_name=channel_name).delete()
        return bool(deleted) and _presence_changed(event_id)


def history_since(user, event_id, after_id):
    """Messages after `after_id`, oldest first, a page at a time: {"history", "more"}."""
    event, is_moderator = live_room_access(user, event_id)
    return _history_page(event, after_id, is_moderator, user)


def post_live_message(user, event_id, kind, text):
    event, _is_moderator = live_room_access(user, event_id)
    if kind not in LiveMessage.Kind.values:
        raise ValidationError(_("Unbekannte Art von Beitrag."))
    text = strip_html(text or "").strip()
    if not text:
        raise ValidationError(_("Bitte schreiben Sie etwas, bevor Sie senden."))
    if len(text) > MAX_MESSAGE_LENGTH:
        raise ValidationError(
            _("Bitte fassen Sie sich kürzer (höchstens %(n)s Zeichen).") % {"n": MAX_MESSAGE_LENGTH}
        )
    with transaction.atomic():
        recent = LiveMessage.objects.filter(
            author=user, created_at__gte=timezone.now() - RATE_LIMIT_WINDOW
        ).count()
        if recent >= RATE_LIMIT_MESSAGES:
            raise ValidationError(
                _("Sie schreiben gerade sehr schnell. Bitte warten Sie ein paar Sekunden.")
            )
        message = LiveMessage.objects.create(event=event, author=user, kind=kind, text=text)
        message.author = user
        broadcast = _broadcast_on_commit(
            event.pk, {"type": "message", "message": selectors.serialize_message(message)}
        )
    # The consumer shows a stored message to its sender itself when the room could not
    # be told (the sender would otherwise see nothing and send it again).
    message.unsent_broadcast = broadcast.text if broadcast.sent is False else None
    return message


def _message_in_room(event, message_id):
    message = (
        LiveMessage.objects.filter(pk=message_id, event=event).select_related("author").first()
    )
    if message is None:
        raise ValidationError(_("Diesen Beitrag gibt es nicht."))
    return message


def upvote_question(user, event_id, message_id):
    """Support a question; a person counts once. Returns True when the vote was new."""
    event, _is_moderator = live_room_access(user, event_id)
    message = _message_in_room(event, message_id)
    if message.kind != LiveMessage.Kind.QUESTION or message.is_hidden:
        raise ValidationError(_("Nur sichtbare Fragen können unterstützt werden."))
    try:
        with transaction.atomic():
            QuestionUpvote.objects.create(message=message, user=user)
            LiveMessage.objects.filter(pk=message.pk).update(upvote_count=F("upvote_count") + 1)
            message.refresh_from_db(fields=["upvote_count"])
            _broadcast_on_commit(
                event.pk, {"type": "update", "message": selectors.serialize_message(message)}
            )
    except IntegrityError:
        return False
    return True


def moderate_message(user, event_id, message_id, action, value=True):
    """Mark a question answered, highlight a post, or hide it (moderators and speakers)."""
    event, is_moderator = live_room_access(user, event_id)
    if not is_moderator:
        raise PermissionDenied(_("Nur die Moderation und die Referent*innen dürfen das."))
    field = MODERATION_ACTIONS.get(action)
    if field is None:
        raise ValidationError(_("Unbekannte Moderationsaktion."))
    with transaction.atomic():
        message = _message_in_room(event, message_id)
        setattr(message, field, bool(value))
        message.save(update_fields=[field])
        _broadcast_on_commit(
            event.pk, {"type": "update", "message": selectors.serialize_message(message)}
        )
    return message
