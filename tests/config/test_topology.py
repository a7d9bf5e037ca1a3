"""Production settings: the Redis channel layer survives idle consumers, PostgreSQL goes
through the connection pool, static files come from WhiteNoise."""

import asyncio
import os
import subprocess
import sys

import pytest

REDIS_URL = os.environ.get("REDIS_URL", "")


def _production_settings(**extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused",
        **extra,
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default'].get('OPTIONS', {}).get('pool')); "
        "print(s.DATABASES['default']['CONN_MAX_AGE']); print(s.MIDDLEWARE[1])"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, check=True)
    return result.stdout.splitlines()


def test_production_uses_the_connection_pool_without_persistent_connections():
    pool, conn_max_age, middleware = _production_settings()
    assert "max_size" in pool
    assert conn_max_age == "0"
    assert middleware == "whitenoise.middleware.WhiteNoiseMiddleware"


def test_the_pool_can_be_switched_off():
    pool, conn_max_age, _ = _production_settings(DATABASE_POOL="0")
    assert pool == "None"
    assert conn_max_age == "0"


@pytest.mark.skipif(not REDIS_URL, reason="needs REDIS_URL")
def test_an_idle_consumer_on_the_redis_layer_keeps_receiving(caplog):
    """redis-py 8 closes reads after 5 s by default, channels_redis blocks 5 s in BZPOPMIN:
    before the fix an idle receive() raised redis TimeoutError after about 5 s."""
    from channels.layers import get_channel_layer
    from channels_redis.core import RedisChannelLayer

    async def scenario():
        layer = get_channel_layer()
        assert isinstance(layer, RedisChannelLayer)
        channel = await layer.new_channel()
        receive = asyncio.ensure_future(layer.receive(channel))
        await asyncio.sleep(7)
        assert not receive.done(), receive.exception()
        await layer.send(channel, {"type": "room.event", "payload": {"n": 1}})
        message = await asyncio.wait_for(receive, 5)
        assert message["payload"] == {"n": 1}

    asyncio.run(scenario())
    # The layer's reader retries after a Redis error instead of ending the consumer: the
    # error must not have happened at all.
    assert not [r for r in caplog.records if r.name == "config.channel_layer"]
