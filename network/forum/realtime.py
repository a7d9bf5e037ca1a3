"""Broadcasts to the people viewing a thread. Services call these inside `on_commit`."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def thread_group(thread_id):
    return f"forum.thread.{thread_id}"


def announce_post(thread_id, post_id, event="reply"):
    """Tell a thread's viewers that post `post_id` is new ("reply") or changed ("update").

    Only ids travel: each client fetches the post through HTTP, so what it sees is decided
    by its own permissions and the text was stored before anyone heard of it.
    """
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(
        thread_group(thread_id),
        {"type": "forum.post", "event": event, "thread": thread_id, "post": post_id},
    )
