# ruff: noqa: F811 - the live-room fixtures are imported by name
"""Leaving the network closes the live room of a members-only event (issue 10)."""

import pytest
from asgiref.sync import async_to_sync

from network import services as network_services
from tests.webtalks.test_live import (  # noqa: F401 - fixtures
    communicator,
    fresh_channel_layer,
    join,
    live_event,
    registered,
    session_cookie,
)
from webtalks.models import Audience

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_member_who_leaves_the_organisation_is_put_out_of_a_members_only_room(live_event):
    live_event.audience = Audience.MEMBERS
    live_event.save()
    participant = registered(live_event)
    organisation = participant.organisations.get()
    cookie = session_cookie(participant)

    async def scenario():
        room = communicator(live_event, cookie)
        await join(room)
        from channels.db import database_sync_to_async

        await database_sync_to_async(network_services.leave_organisation)(
            participant, organisation
        )
        while True:
            output = await room.receive_output(timeout=3)
            if output["type"] == "websocket.close":
                break
        assert output["code"] == 4403

    async_to_sync(scenario)()
