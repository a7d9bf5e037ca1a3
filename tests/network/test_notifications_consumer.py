"""The personal notification websocket through the real ASGI stack."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from config.asgi import application
from network.realtime import push_to_user
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
PATH = "/ws/benachrichtigungen/"


@database_sync_to_async
def session_cookie_for(user):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}".encode()


def communicator(origin=b"http://localhost", cookie=None):
    headers = [(b"origin", origin), (b"host", b"localhost")]
    if cookie:
        headers.append((b"cookie", cookie))
    return WebsocketCommunicator(application, PATH, headers=headers)


async def test_anonymous_socket_is_refused():
    connected, code = await communicator().connect(timeout=10)
    assert not connected
    assert code == 4401


async def test_foreign_origin_is_refused():
    user = await database_sync_to_async(UserFactory)()
    socket = communicator(origin=b"https://evil.example", cookie=await session_cookie_for(user))
    connected, _ = await socket.connect(timeout=10)
    assert not connected


async def test_member_receives_what_a_service_pushes_to_them():
    user = await database_sync_to_async(UserFactory)()
    other = await database_sync_to_async(UserFactory)()
    mine = communicator(cookie=await session_cookie_for(user))
    theirs = communicator(cookie=await session_cookie_for(other))
    assert (await mine.connect(timeout=10))[0]
    assert (await theirs.connect(timeout=10))[0]

    await database_sync_to_async(push_to_user)(user.pk, {"kind": "test", "unread": 3})

    assert await mine.receive_json_from(timeout=2) == {"kind": "test", "unread": 3}
    assert await theirs.receive_nothing(timeout=0.3)
    await mine.disconnect()
    await theirs.disconnect()


async def test_a_pushed_notification_takes_no_trip_through_the_database_thread(monkeypatch):
    """Channels closes stale connections (a sync-thread hop) before every handler; a pushed
    copy needs no database, so it skips that (network.realtime.DatabaseFreeBroadcasts)."""
    import channels.consumer

    user = await database_sync_to_async(UserFactory)()
    socket = communicator(cookie=await session_cookie_for(user))
    assert (await socket.connect(timeout=10))[0]
    hops = []
    original = channels.consumer.aclose_old_connections

    async def counted():
        hops.append(1)
        await original()

    monkeypatch.setattr(channels.consumer, "aclose_old_connections", counted)

    for unread in (1, 2, 3):
        await database_sync_to_async(push_to_user)(user.pk, {"kind": "test", "unread": unread})
        assert (await socket.receive_json_from(timeout=5))["unread"] == unread

    assert hops == []
    await socket.disconnect()
