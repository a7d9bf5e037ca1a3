"""The Redis channel layer loses nothing when a consumer of the same process leaves while a
group message for the process is on its way (config/channel_layer.py)."""

import asyncio
import os
import threading
import time
import uuid

import pytest

from config.channel_layer import RedisChannelLayer

REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="needs REDIS_URL")


def make_layer(prefix):
    return RedisChannelLayer(
        hosts=[{"address": REDIS_URL, "socket_timeout": 30}], prefix=prefix, expiry=30
    )


def send_from_another_process(prefix, group):
    """Another daphne process: its own layer, its own loop, in a thread."""

    async def send():
        layer = make_layer(prefix)
        await layer.group_send(group, {"type": "room.event", "n": 1})
        await layer.close_pools()

    thread = threading.Thread(target=asyncio.run, args=(send(),))
    thread.start()
    return thread


def test_a_leaving_consumer_does_not_take_the_others_message_with_it():
    prefix = f"test-{uuid.uuid4().hex[:8]}"

    async def scenario():
        layer = make_layer(prefix)
        leaving, staying = await layer.new_channel(), await layer.new_channel()
        for channel in (leaving, staying):
            await layer.group_add("room", channel)
        first = asyncio.ensure_future(layer.receive(leaving))
        await asyncio.sleep(0.05)  # upstream: `leaving` now holds the lock, in BZPOPMIN
        second = asyncio.ensure_future(layer.receive(staying))
        await asyncio.sleep(0.05)
        sender = send_from_another_process(prefix, "room")
        # The event loop is busy while the reply arrives, then the websocket closes.
        time.sleep(0.3)
        first.cancel()
        try:
            message = await asyncio.wait_for(second, 5)
        finally:
            sender.join()
            await layer.flush()
        return message, layer

    message, layer = asyncio.run(scenario())
    assert message["n"] == 1
    assert not layer.receive_buffer


def test_a_departed_consumer_leaves_no_buffer_and_the_last_one_stops_the_reader():
    prefix = f"test-{uuid.uuid4().hex[:8]}"

    async def scenario():
        layer = make_layer(prefix)
        gone, staying = await layer.new_channel(), await layer.new_channel()
        for channel in (gone, staying):
            await layer.group_add("room", channel)
        left = asyncio.ensure_future(layer.receive(gone))
        receive = asyncio.ensure_future(layer.receive(staying))
        await asyncio.sleep(0.05)
        left.cancel()
        await asyncio.gather(left, return_exceptions=True)
        # Still addressed to `gone` until its group_discard has gone through.
        await layer.group_send("room", {"type": "room.event", "n": 2})
        message = await asyncio.wait_for(receive, 5)
        buffers = set(layer.receive_buffer) - {staying}
        last = asyncio.ensure_future(layer.receive(staying))
        await asyncio.sleep(0.05)
        last.cancel()
        await asyncio.gather(last, return_exceptions=True)
        readers = dict(layer._readers)
        await layer.flush()
        return message, buffers, readers

    message, buffers, readers = asyncio.run(scenario())
    assert message["n"] == 2
    assert buffers == set()
    assert readers == {}


def test_more_simultaneous_commands_than_connections_wait_instead_of_failing():
    """redis-py 8's default pool raises MaxConnectionsError past its limit."""
    prefix = f"test-{uuid.uuid4().hex[:8]}"

    async def scenario():
        layer = RedisChannelLayer(
            hosts=[{"address": REDIS_URL, "socket_timeout": 30}], prefix=prefix,
            max_connections=3,
        )
        channels = [await layer.new_channel() for _ in range(40)]
        await asyncio.gather(*(layer.group_add("room", c) for c in channels))
        await asyncio.gather(*(layer.group_discard("room", c) for c in channels))
        await layer.flush()

    asyncio.run(scenario())


class CancelTurnedIntoConnectionError(RedisChannelLayer):
    """What redis-py can do with a cancel: tear the connection down and raise its own error
    (or, through Python 3.11's wait_for, swallow the cancel)."""

    async def receive_single(self, channel):
        try:
            return await super().receive_single(channel)
        except asyncio.CancelledError:
            from redis.exceptions import ConnectionError as RedisConnectionError

            raise RedisConnectionError("Connection closed by the cancel") from None


def test_the_reader_ends_when_cancelled_even_if_redis_turns_the_cancel_into_an_error():
    """Before, the reader retried such an error for ever, and the loop's shutdown (pytest's
    per-test loop, asyncio.run) waited for it for ever: a hang of the whole suite."""
    prefix = f"test-{uuid.uuid4().hex[:8]}"

    async def scenario():
        layer = CancelTurnedIntoConnectionError(
            hosts=[{"address": REDIS_URL, "socket_timeout": 30}], prefix=prefix, expiry=30
        )
        channel = await layer.new_channel()
        receive = asyncio.ensure_future(layer.receive(channel))
        await asyncio.sleep(0.1)  # the reader is in BZPOPMIN now
        reader = next(iter(layer._readers.values()))
        receive.cancel()  # the last consumer of the loop leaves: the reader is cancelled
        await asyncio.gather(receive, return_exceptions=True)
        done, _ = await asyncio.wait({reader}, timeout=5)
        await layer.flush()
        return reader, done

    reader, done = asyncio.run(asyncio.wait_for(scenario(), 20))
    assert reader in done
    assert reader.cancelled()
