"""The Redis channel layer, with each process's messages read by a task of its own.

channels_redis 4.3 stores one message per process for a `group_send` (the process's
channel names listed inside it), and lets whichever consumer happens to hold the receive
lock pop it with BZPOPMIN for everyone. When that consumer's websocket closes, Channels
cancels its `receive()`; a reply already on its way is dropped with the task, and every
other participant in that process misses the message (django/channels_redis#366; the live
room bench lost one message for all clients of a daphne process when a few clients left
while the event loop was busy). Here one reader task per event loop pops the process's
messages and fills the consumers' buffers; a consumer that leaves only stops waiting on its
own buffer, and nothing that was popped is lost. A Redis error no longer ends a consumer
either: the reader logs it and tries again, and the messages wait in Redis meanwhile.

Connections come from a blocking pool: redis-py 8's pool holds at most 100 connections and
raises MaxConnectionsError beyond that, which ended consumers with 1011 when 250 clients of
one daphne process left at once (each leave is two group_discard calls). Here a command
waits up to `pool_timeout` seconds for a free connection instead.
"""

import asyncio
import logging
import time

from channels_redis import core
from redis import asyncio as aioredis

logger = logging.getLogger(__name__)
# How long messages still addressed to a closed consumer are dropped instead of buffered
# (they arrive until its group_discard has gone through).
DEPARTED_SECONDS = 60
RETRY_SECONDS = (0.1, 0.5, 1, 2, 5)


class RedisChannelLayer(core.RedisChannelLayer):
    def __init__(self, *args, max_connections=50, pool_timeout=20, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_connections = max_connections
        self.pool_timeout = pool_timeout
        self._readers = {}  # event loop -> reader task
        self._members = {}  # event loop -> process-local channels receiving on it
        self._departed = {}  # channel -> when its consumer stopped receiving

    def create_pool(self, index):
        host = dict(self.hosts[index])
        if "address" not in host:  # Sentinel: as channels_redis makes it
            return super().create_pool(index)
        return aioredis.BlockingConnectionPool.from_url(
            host.pop("address"),
            max_connections=self.max_connections,
            timeout=self.pool_timeout,
            **host,
        )

    async def receive(self, channel):
        if "!" not in channel:
            return await super().receive(channel)
        assert self.require_valid_channel_name(channel)
        loop = asyncio.get_running_loop()
        self._members.setdefault(loop, set()).add(channel)
        reader = self._readers.get(loop)
        if reader is None or reader.done():
            self._readers[loop] = loop.create_task(self._read(self.non_local_name(channel)))
        # The buffer stays while the consumer receives (upstream drops it when empty and
        # builds a new asyncio.Queue for the next message: a measurable cost per copy).
        try:
            return await self.receive_buffer[channel].get()
        except asyncio.CancelledError:
            self._leave(loop, channel)
            raise

    def _leave(self, loop, channel):
        """The consumer of `channel` is gone (Channels cancels receive() only then)."""
        self.receive_buffer.pop(channel, None)
        now = time.monotonic()
        self._departed[channel] = now
        while self._departed:
            oldest, since = next(iter(self._departed.items()))
            if now - since < DEPARTED_SECONDS:
                break
            del self._departed[oldest]
        members = self._members.get(loop, set())
        members.discard(channel)
        if not members:
            # Nobody in this loop listens any more, so nothing can be lost by stopping.
            self._members.pop(loop, None)
            reader = self._readers.pop(loop, None)
            if reader is not None:
                reader.cancel()

    async def close_pools(self):
        """Stop this loop's reader before its connections go (flush() ends here too)."""
        loop = asyncio.get_running_loop()
        reader = self._readers.pop(loop, None)
        for channel in self._members.pop(loop, ()):
            self.receive_buffer.pop(channel, None)
        if reader is not None:
            reader.cancel()
            await asyncio.gather(reader, return_exceptions=True)
        await super().close_pools()

    async def _read(self, process_channel):
        failures = 0
        this_task = asyncio.current_task()
        while True:
            try:
                target, message = await self.receive_single(process_channel)
            except asyncio.CancelledError:
                raise
            except Exception:
                if this_task.cancelling():
                    # A cancel that reached us as another exception (Python 3.11's
                    # wait_for, used by redis-py's pool and timeouts, can swallow one,
                    # and a connection torn down by the cancel raises ConnectionError):
                    # retrying would keep the reader alive for ever, and whoever awaits
                    # its end (close_pools, the loop's shutdown) would wait for ever.
                    raise asyncio.CancelledError from None
                delay = RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)]
                failures += 1
                logger.exception("Channel-Layer: Lesen fehlgeschlagen, neuer Versuch in %s s",
                                 delay)
                await asyncio.sleep(delay)
                continue
            failures = 0
            if this_task.cancelling():
                # Cancelled while the pop was finishing: the message is still in the
                # backup queue (channels_redis puts it back for the next reader).
                raise asyncio.CancelledError
            for channel in target if isinstance(target, list) else [target]:
                if channel not in self._departed:
                    self.receive_buffer[channel].put_nowait(message)
