"""Live room websocket: authenticates, joins the room's group and calls services.

Clients send {"action": "chat"|"question", "text"}, {"action": "upvote", "id"},
{"action": "moderate", "id", "operation": "answered"|"highlight"|"hide", "value"} and
{"action": "sync", "after": <last id seen>}. The server sends "welcome" (history and
participant count), "message", "update", "presence", "history" and "error" events.
"""

import asyncio
import logging
from urllib.parse import parse_qs

from autobahn.exception import Disconnected
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from network.models import User
from network.realtime import DatabaseFreeBroadcasts, access_group
from webtalks import services

logger = logging.getLogger(__name__)
NOT_STORED = _(
    "Ihr Beitrag konnte nicht gespeichert werden. Bitte senden Sie ihn noch einmal."
)
CLOSE_UNAUTHENTICATED = 4401
# Strong references, so that the event loop does not drop a scheduled refresh.
_pending_refreshes = set()
CLOSE_FORBIDDEN = 4403


def _int(value, default=0):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _error_text(error):
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or str(_("Nicht erlaubt."))


def _access_now(user_id, event_id):
    """`live_room_access` with the person's current rights (memberships, is_active)."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise PermissionDenied(_("Konto nicht mehr aktiv."))
    return services.live_room_access(user, event_id)


class LiveRoomConsumer(DatabaseFreeBroadcasts, AsyncJsonWebsocketConsumer):
    # 2,500 copies a second with 500 people at 5 messages/s: none may wait for the sync
    # thread the stored messages are written through.
    database_free_messages = frozenset({"room.event"})
    group_name = None
    access_group_name = None

    async def connect(self):
        self.user = self.scope.get("user")
        self.event_id = _int(self.scope["url_route"]["kwargs"]["event_id"])
        if self.user is None or not self.user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        query = parse_qs(self.scope.get("query_string", b"").decode())
        after_id = _int(query.get("after", ["0"])[0])
        # Join the groups before the history is read, so that nothing said in between is
        # missed; the access check, the presence row and the history are one database call
        # (database calls queue in one thread per process: when hundreds join at once, a
        # second call per arrival let handshakes wait past daphne's 5 s and fail).
        self.group_name = services.room_group(self.event_id)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        self.access_group_name = access_group(self.user.pk)
        await self.channel_layer.group_add(self.access_group_name, self.channel_name)
        try:
            welcome = await database_sync_to_async(services.enter_live_room)(
                self.user, self.event_id, self.channel_name, after_id=after_id
            )
        except PermissionDenied:
            await self._leave_groups()
            await self.close(code=CLOSE_FORBIDDEN)
            return
        await self.accept()
        if welcome.pop("refresh_presence"):
            self._schedule_presence_refresh()
        await self.send_json(welcome)

    async def disconnect(self, code):
        await self._leave()

    async def _leave_groups(self):
        if self.access_group_name:
            await self.channel_layer.group_discard(self.access_group_name, self.channel_name)
            self.access_group_name = None
        if self.group_name:
            await self.channel_layer.group_discard(self.group_name, self.channel_name)
            self.group_name = None
            return True
        return False

    async def _leave(self):
        if await self._leave_groups():
            refresh = await database_sync_to_async(services.leave_live_room)(
                self.event_id, self.channel_name
            )
            if refresh:
                self._schedule_presence_refresh()

    async def access_changed(self, event):
        """The person's rights changed (network.access_signals): re-check, close if gone."""
        try:
            await database_sync_to_async(_access_now)(self.user.pk, self.event_id)
        except PermissionDenied:
            await self._leave()
            await self.close(code=CLOSE_FORBIDDEN)

    def _schedule_presence_refresh(self):
        # Not tied to this connection: the count must go out even if this client leaves.
        async def refresh_later(event_id):
            await asyncio.sleep(services.live.PRESENCE_INTERVAL_SECONDS + 0.1)
            await database_sync_to_async(services.refresh_presence)(event_id)

        task = asyncio.ensure_future(refresh_later(self.event_id))
        _pending_refreshes.add(task)
        task.add_done_callback(_pending_refreshes.discard)

    async def receive_json(self, content, **kwargs):
        if not isinstance(content, dict):
            return
        action = content.get("action")
        try:
            if action in ("chat", "question"):
                message = await database_sync_to_async(services.post_live_message)(
                    self.user, self.event_id, action, str(content.get("text", ""))
                )
                if message.unsent_broadcast:
                    # Stored, but the room was not told: at least its sender sees it now.
                    await self.send(text_data=message.unsent_broadcast)
            elif action == "upvote":
                await database_sync_to_async(services.upvote_question)(
                    self.user, self.event_id, _int(content.get("id"))
                )
            elif action == "moderate":
                await database_sync_to_async(services.moderate_message)(
                    self.user,
                    self.event_id,
                    _int(content.get("id")),
                    str(content.get("operation", "")),
                    bool(content.get("value", True)),
                )
            elif action == "sync":
                page = await database_sync_to_async(services.history_since)(
                    self.user, self.event_id, _int(content.get("after"))
                )
                await self.send_json({"type": "history", **page})
            else:
                await self.send_json({"type": "error", "message": "Unbekannte Aktion."})
        except (PermissionDenied, ValidationError) as error:
            await self.send_json({"type": "error", "message": _error_text(error)})
        except Exception:
            # Not stored (database gone, pool exhausted …): the sender must know, and gets
            # the text back so that nothing typed is lost; the connection stays open.
            logger.exception("Live-Raum %s: Aktion %s fehlgeschlagen", self.event_id, action)
            await self.send_json({
                "type": "error",
                "message": str(NOT_STORED),
                "text": str(content.get("text", "")) if action in ("chat", "question") else "",
            })

    async def room_event(self, event):
        # Already JSON (services.live): the same text goes to everyone in the room.
        try:
            await self.send(text_data=event["text"])
        except (Disconnected, OSError):
            # The client left and its disconnect is still queued behind this copy: nothing
            # to deliver, and no reason to end the consumer with a traceback. (ASGI servers
            # raise an OSError here; daphne raises autobahn's Disconnected.)
            pass
