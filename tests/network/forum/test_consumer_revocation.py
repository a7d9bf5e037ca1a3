"""A member removed from a working group stops receiving its thread (issue 10)."""

import pytest
from channels.db import database_sync_to_async

from network import services as network_services
from network.models import Visibility
from tests.factories import make_member
from tests.network.forum.test_consumers import make_thread, socket
from tests.network.test_notifications_consumer import session_cookie_for

pytestmark = pytest.mark.django_db(transaction=True)


async def test_removal_from_the_working_group_closes_the_socket():
    group_member = await database_sync_to_async(make_member)()
    thread, _author = await make_thread(Visibility.GROUP, group_member=group_member)
    communicator = socket(thread.pk, await session_cookie_for(group_member))
    assert (await communicator.connect(timeout=10))[0]

    await database_sync_to_async(thread.category.group_members.remove)(group_member)

    closed = await communicator.receive_output(timeout=2)
    assert closed == {"type": "websocket.close", "code": 4403}
    await communicator.wait()


async def test_leaving_an_organisation_keeps_public_threads_open():
    viewer = await database_sync_to_async(make_member)()
    thread, _author = await make_thread(Visibility.PUBLIC)
    communicator = socket(thread.pk, await session_cookie_for(viewer))
    assert (await communicator.connect(timeout=10))[0]
    organisation = await database_sync_to_async(lambda: viewer.organisations.get())()
    await database_sync_to_async(network_services.leave_organisation)(viewer, organisation)
    assert await communicator.receive_nothing(timeout=0.5)
    await communicator.disconnect()
