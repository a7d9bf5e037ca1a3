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
