"""The thread websocket through the real ASGI stack: a reply reaches everyone viewing the
thread; members-only and working-group threads refuse anonymous and foreign sockets."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from config.asgi import application
from network.forum import services
from network.models import ForumCategory, Visibility
from tests.factories import UserFactory, make_member
from tests.network.test_notifications_consumer import session_cookie_for

pytestmark = pytest.mark.django_db(transaction=True)


def socket(thread_id, cookie=None):
    headers = [(b"origin", b"http://localhost"), (b"host", b"localhost")]
    if cookie:
        headers.append((b"cookie", cookie))
    return WebsocketCommunicator(application, f"/ws/forum/thema/{thread_id}/", headers=headers)


@database_sync_to_async
def make_thread(visibility, group_member=None):
    category = ForumCategory.objects.create(
        name=f"Kategorie {visibility}", slug=f"kategorie-{visibility}", visibility=visibility
    )
    author = make_member(first_name="Anna")
    if group_member is not None:
        category.group_members.add(author, group_member)
    return services.create_thread(author, category, "Live-Thema im Forum", "Start"), author


async def test_reply_is_broadcast_to_every_viewer_of_the_thread():
    thread, author = await make_thread(Visibility.PUBLIC)
    other_thread = await database_sync_to_async(services.create_thread)(
        author, thread.category, "Anderes Thema", "Anderer Text"
    )
    viewer = await database_sync_to_async(make_member)()
    anonymous = socket(thread.pk)
    signed_in = socket(thread.pk, await session_cookie_for(viewer))
    elsewhere = socket(other_thread.pk)
    for communicator in (anonymous, signed_in, elsewhere):
        assert (await communicator.connect(timeout=10))[0]

    post = await database_sync_to_async(services.post_reply)(viewer, thread, "Neu und live!")

    expected = {"event": "reply", "thread": thread.pk, "post": post.pk}
    assert await anonymous.receive_json_from(timeout=2) == expected
    assert await signed_in.receive_json_from(timeout=2) == expected
    assert await elsewhere.receive_nothing(timeout=0.3)
    for communicator in (anonymous, signed_in, elsewhere):
        await communicator.disconnect()


async def test_moderation_change_is_announced_as_update():
    thread, author = await make_thread(Visibility.PUBLIC)
    own_post = await database_sync_to_async(lambda: thread.posts.get())()
    viewer = socket(thread.pk)
    assert (await viewer.connect(timeout=10))[0]
    await database_sync_to_async(services.delete_own_post)(author, own_post)
    assert await viewer.receive_json_from(timeout=2) == {
        "event": "update", "thread": thread.pk, "post": own_post.pk,
    }
    await viewer.disconnect()


async def test_members_only_thread_refuses_anonymous_and_non_member_sockets():
    thread, _author = await make_thread(Visibility.MEMBERS)
    connected, code = await socket(thread.pk).connect(timeout=10)
    assert not connected and code == 4401
    outsider = await database_sync_to_async(UserFactory)()
    connected, code = await socket(thread.pk, await session_cookie_for(outsider)).connect(
        timeout=10
    )
    assert not connected and code == 4403
    member = await database_sync_to_async(make_member)()
    communicator = socket(thread.pk, await session_cookie_for(member))
    assert (await communicator.connect(timeout=10))[0]
    await communicator.disconnect()


async def test_working_group_thread_admits_only_its_members():
    insider = await database_sync_to_async(make_member)()
    thread, _author = await make_thread(Visibility.GROUP, group_member=insider)
    outsider = await database_sync_to_async(make_member)()
    connected, code = await socket(thread.pk, await session_cookie_for(outsider)).connect(
        timeout=10
    )
    assert not connected and code == 4403
    communicator = socket(thread.pk, await session_cookie_for(insider))
    assert (await communicator.connect(timeout=10))[0]
    await communicator.disconnect()


async def test_unknown_thread_is_refused():
    connected, code = await socket(999_999).connect(timeout=10)
    assert not connected and code == 4404


async def test_reply_pushes_the_new_unread_count_to_the_bell():
    thread, author = await make_thread(Visibility.PUBLIC)
    bell = WebsocketCommunicator(
        application, "/ws/benachrichtigungen/",
        headers=[(b"origin", b"http://localhost"), (b"host", b"localhost"),
                 (b"cookie", await session_cookie_for(author))],
    )
    assert (await bell.connect(timeout=10))[0]
    replier = await database_sync_to_async(make_member)()
    await database_sync_to_async(services.post_reply)(replier, thread, "Hallo Anna")
    message = await bell.receive_json_from(timeout=2)
    assert message["kind"] == "notification" and message["unread"] == 1
    await bell.disconnect()
