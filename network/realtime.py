"""Broadcast helpers for services. Call them inside `transaction.on_commit`."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


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
