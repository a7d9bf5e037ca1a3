"""Thread websocket: viewers of a thread hear about new and changed posts.

The consumer only authenticates and joins the thread's group; services announce posts on
commit (`network.forum.realtime`). Anonymous sockets may follow public threads only.
"""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from network.forum.access import Viewer
from network.forum.realtime import thread_group
from network.models import Thread, User
from network.realtime import DatabaseFreeBroadcasts, access_group

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404


@database_sync_to_async
def _access(user, thread_id):
    thread = Thread.objects.select_related("category").filter(pk=thread_id).first()
    if thread is None:
        return CLOSE_NOT_FOUND
    viewer = Viewer.of(user)
    if viewer.can_view_thread(thread):
        return None
    return CLOSE_FORBIDDEN if viewer.is_authenticated else CLOSE_UNAUTHENTICATED


@database_sync_to_async
def _access_now(user, thread_id):
    """The same check with the person's current rights (memberships, groups, is_active)."""
    fresh = User.objects.filter(pk=user.pk, is_active=True).first()
    if fresh is None:
        return CLOSE_FORBIDDEN
    return _access.func(fresh, thread_id)


class ThreadConsumer(DatabaseFreeBroadcasts, AsyncJsonWebsocketConsumer):
    database_free_messages = frozenset({"forum.post"})
    group_name = None
    access_group_name = None

    async def connect(self):
        thread_id = self.scope["url_route"]["kwargs"]["thread_id"]
        refusal = await _access(self.scope.get("user"), thread_id)
        if refusal is not None:
            await self.close(code=refusal)
            return
        self.thread_id = thread_id
        self.group_name = thread_group(thread_id)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        user = self.scope.get("user")
        if user is not None and user.is_authenticated:
            self.access_group_name = access_group(user.pk)
            await self.channel_layer.group_add(self.access_group_name, self.channel_name)
        await self.accept()

    async def _leave_groups(self):
        for name in (self.group_name, self.access_group_name):
            if name:
                await self.channel_layer.group_discard(name, self.channel_name)
        self.group_name = self.access_group_name = None

    async def disconnect(self, code):
        await self._leave_groups()

    async def access_changed(self, event):
        """The person's rights changed (network.access_signals): re-check, close if gone."""
        refusal = await _access_now(self.scope["user"], self.thread_id)
        if refusal is not None:
            await self._leave_groups()
            await self.close(code=refusal)

    async def receive_json(self, content, **kwargs):
        """Viewers only listen; writing goes through the HTTP forms and services."""

    async def forum_post(self, event):
        await self.send_json({"event": event["event"], "thread": event["thread"],
                              "post": event["post"]})
