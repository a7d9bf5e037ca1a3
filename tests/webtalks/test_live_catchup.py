"""A client that was away loads everything it missed, page by page, and a sender whose
message was not stored is told so and gets the text back."""

import pytest
from asgiref.sync import async_to_sync
from django.db import connection

from tests.webtalks import test_live
from tests.webtalks.test_live import communicator, join, next_of_type, registered, session_cookie
from webtalks import services
from webtalks.models import LiveMessage
from webtalks.selectors import HISTORY_LIMIT

pytestmark = pytest.mark.django_db(transaction=True)

# Shared fixtures, bound here so pytest finds them in this module.
live_event, fresh_channel_layer = test_live.live_event, test_live.fresh_channel_layer


def test_catching_up_after_more_than_one_page_loses_nothing(live_event):
    anna = registered(live_event)
    first = LiveMessage.objects.create(event=live_event, author=anna, kind="chat", text="Hallo")
    LiveMessage.objects.bulk_create(
        LiveMessage(event=live_event, author=anna, kind="chat", text=f"Beitrag {number}")
        for number in range(HISTORY_LIMIT + 50)
    )
    seen, after = [], first.pk
    while True:
        page = services.history_since(anna, live_event.pk, after)
        seen += [message["text"] for message in page["history"]]
        if not page["more"]:
            break
        after = page["history"][-1]["id"]
    assert seen == [f"Beitrag {number}" for number in range(HISTORY_LIMIT + 50)]


def test_reconnecting_with_after_starts_with_the_oldest_missed_message(live_event):
    anna = registered(live_event)
    first = LiveMessage.objects.create(event=live_event, author=anna, kind="chat", text="Hallo")
    LiveMessage.objects.bulk_create(
        LiveMessage(event=live_event, author=anna, kind="chat", text=f"Beitrag {number}")
        for number in range(HISTORY_LIMIT + 5)
    )
    cookie = session_cookie(anna)

    async def scenario():
        comm = communicator(live_event, cookie, query=f"?after={first.pk}")
        welcome = await join(comm)
        await comm.send_json_to({"action": "sync", "after": welcome["history"][-1]["id"]})
        rest = await next_of_type(comm, "history")
        await comm.disconnect()
        return welcome, rest

    welcome, rest = async_to_sync(scenario)()
    assert welcome["more"] is True
    assert welcome["history"][0]["text"] == "Beitrag 0"
    assert [m["text"] for m in rest["history"]] == [
        f"Beitrag {number}" for number in range(HISTORY_LIMIT, HISTORY_LIMIT + 5)
    ]
    assert rest["more"] is False


@pytest.mark.postgres
def test_a_message_the_database_refuses_is_reported_to_its_sender(live_event):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    table = LiveMessage._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION refuse_live() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            f"CREATE TRIGGER refuse_live BEFORE INSERT ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION refuse_live()"
        )
    try:
        cookie = session_cookie(registered(live_event))

        async def scenario():
            comm = communicator(live_event, cookie)
            await join(comm)
            await comm.send_json_to({"action": "chat", "text": "Wichtige Frage zum Kataster"})
            error = await next_of_type(comm, "error")
            # The connection stays usable.
            await comm.send_json_to({"action": "sync", "after": 0})
            history = await next_of_type(comm, "history")
            await comm.disconnect()
            return error, history

        error, history = async_to_sync(scenario)()
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TRIGGER refuse_live ON {table}")
            cursor.execute("DROP FUNCTION refuse_live()")
    assert "nicht gespeichert" in error["message"]
    assert error["text"] == "Wichtige Frage zum Kataster"
    assert history["history"] == []


def test_a_sender_whose_message_was_not_stored_gets_an_error_and_the_text(
    live_event, monkeypatch
):
    """Any database (SQLite too): the write fails, the sender hears of it at once."""
    from django.db import OperationalError

    def database_gone(*args, **kwargs):
        raise OperationalError("connection pool exhausted")

    cookie = session_cookie(registered(live_event))
    monkeypatch.setattr(services, "post_live_message", database_gone)

    async def scenario():
        comm = communicator(live_event, cookie)
        await join(comm)
        await comm.send_json_to({"action": "question", "text": "Wer zahlt den Leerstand?"})
        error = await next_of_type(comm, "error")
        await comm.disconnect()
        return error

    error = async_to_sync(scenario)()
    assert "nicht gespeichert" in error["message"]
    assert error["text"] == "Wer zahlt den Leerstand?"
    assert not LiveMessage.objects.filter(event=live_event).exists()


def test_a_copy_for_a_client_that_has_just_left_is_dropped_without_a_traceback():
    """At the end of a big room, broadcasts still queued for a closed socket: daphne raises
    autobahn's Disconnected, which ended the consumer with "Exception inside application"."""
    from autobahn.exception import Disconnected

    from webtalks.consumers import LiveRoomConsumer

    consumer = LiveRoomConsumer()

    async def closed(message):
        raise Disconnected("Attempt to send on a closed protocol")

    consumer.base_send = closed
    async_to_sync(consumer.room_event)({"type": "room.event", "text": "{}"})


def test_a_stored_message_whose_broadcast_failed_is_not_reported_as_lost(
    live_event, monkeypatch
):
    """The room could not be told (Redis gone for a moment): the message is stored, so its
    sender must not read "nicht gespeichert" and send it twice; they see it at once."""
    from webtalks.services import live

    class LayerDown:
        async def group_send(self, *args, **kwargs):
            raise ConnectionError("Redis nicht erreichbar")

    cookie = session_cookie(registered(live_event))

    async def scenario():
        comm = communicator(live_event, cookie)
        await join(comm)
        monkeypatch.setattr(live, "get_channel_layer", LayerDown)
        await comm.send_json_to({"action": "chat", "text": "Gilt das Kataster auch für uns?"})
        reply = await comm.receive_json_from(timeout=10)
        while reply["type"] == "presence":
            reply = await comm.receive_json_from(timeout=10)
        await comm.disconnect()
        return reply

    reply = async_to_sync(scenario)()
    assert reply["type"] == "message"
    assert reply["message"]["text"] == "Gilt das Kataster auch für uns?"
    assert LiveMessage.objects.filter(event=live_event).count() == 1
