"""Broadcast helpers for services. Call them inside `transaction.on_commit`."""

from asgiref.sync import async_to_sync
from channels.consumer import get_handler_name
from channels.layers import get_channel_layer


class DatabaseFreeBroadcasts:
    """Mixin for consumers: handle the listed group messages without Channels' database
    hop. Channels 4.3 closes stale database connections before every handler, a trip
    through the process's one sync thread per delivered copy — with hundreds of sockets,
    thousands a second queued in front of the calls that do need the database. Handlers
    listed here touch no database (the payload is complete); any handler that does uses
    database_sync_to_async, which closes stale connections itself."""

    database_free_messages: frozenset[str] = frozenset()

    async def dispatch(self, message):
        if message["type"] in self.database_free_messages:
            await getattr(self, get_handler_name(message))(message)
        else:
            await super().dispatch(message)


def notification_group(user_id):
    return f"notifications.user.{user_id}"


def push_to_user(user_id, payload):
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(
        notification_group(user_id), {"type": "notification.message", "payload": payload}
    )


def access_group(user_id):
    """Every websocket of one signed-in person joins this group, so that a change of their
    rights (left an organisation, removed from a working group, deactivated) reaches all
    their open rooms and threads, which then re-check and close if need be."""
    return f"access.user.{user_id}"


def announce_access_change(user_id):
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(access_group(user_id), {"type": "access.changed"})


def announce_access_change_on_commit(user_id):
    from django.db import transaction

    transaction.on_commit(lambda: announce_access_change(user_id))
