"""Personal notification channel: one group per signed-in user.

The consumer only authenticates and joins the user's group; services send to
`notification_group(user_id)` on commit (see network.realtime).
"""

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from network.realtime import DatabaseFreeBroadcasts, notification_group


class NotificationConsumer(DatabaseFreeBroadcasts, AsyncJsonWebsocketConsumer):
    database_free_messages = frozenset({"notification.message"})

    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=4401)
            return
        self.group_name = notification_group(user.pk)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if getattr(self, "group_name", None):
            await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def notification_message(self, event):
        await self.send_json(event["payload"])
