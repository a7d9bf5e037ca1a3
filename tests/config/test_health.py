"""/healthz reports every engine the site needs and answers 503 when one is down."""

import pytest
from django.conf import settings
from django.test import override_settings

from config import views

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: connecting fails at once, like an engine that is down.
UNREACHABLE = "127.0.0.1:1"


def get_health(client):
    response = client.get("/healthz")
    return response, response.json()


def test_all_components_ok(client):
    response, body = get_health(client)

    assert response.status_code == 200
    assert body["status"] == "ok"
    assert set(body["components"]) == {"database", "cache", "channel_layer", "search"}
    for name, component in body["components"].items():
        assert component["status"] == "ok", name
        assert component["ms"] >= 0
    expected_layer = "RedisChannelLayer" if settings.REDIS_URL else "InMemoryChannelLayer"
    assert body["components"]["channel_layer"]["backend"] == expected_layer
    assert "no-cache" in response["Cache-Control"]


def test_broken_cache_gives_503(client):
    broken_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://{UNREACHABLE}/0",
        }
    }
    # Not the `settings` fixture: the suite's teardown clears the cache, so the working
    # cache must be back before it runs.
    with override_settings(CACHES=broken_cache):
        response, body = get_health(client)

    assert response.status_code == 503
    assert body["status"] == "down"
    assert body["components"]["cache"]["status"] == "down"
    assert body["components"]["database"]["status"] == "ok"


def test_cache_that_forgets_what_was_written_counts_as_down(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    response, body = get_health(client)

    assert response.status_code == 503
    assert body["components"]["cache"] == {
        "status": "down",
        "error": "RuntimeError",
        "ms": body["components"]["cache"]["ms"],
    }


def test_broken_channel_layer_gives_503(client, settings):
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [f"redis://{UNREACHABLE}/0"]},
        }
    }

    response, body = get_health(client)

    assert response.status_code == 503
    assert body["components"]["channel_layer"]["status"] == "down"
    assert body["components"]["cache"]["status"] == "ok"


def test_missing_channel_layer_gives_503(client, settings):
    settings.CHANNEL_LAYERS = {}

    response, body = get_health(client)

    assert response.status_code == 503
    assert body["components"]["channel_layer"]["status"] == "down"


def test_unreachable_search_engine_gives_503(client, settings):
    settings.SEARCH_ENGINE = {
        "BACKEND": "search.engines.elasticsearch.ElasticsearchEngine",
        "URL": f"http://{UNREACHABLE}",
        "INDEX_PREFIX": "healthz-test",
    }

    response, body = get_health(client)

    assert response.status_code == 503
    assert body["components"]["search"]["status"] == "down"
    assert body["components"]["database"]["status"] == "ok"


def test_failing_database_check_gives_503_without_leaking_the_message(client, monkeypatch):
    def database_down():
        raise ConnectionError("could not connect to server at db.internal:5432 as admin")

    monkeypatch.setitem(views.HEALTH_CHECKS, "database", database_down)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["components"]["database"]["error"] == "ConnectionError"
    assert b"db.internal" not in response.content


def test_hanging_channel_layer_times_out(client, settings, monkeypatch):
    """A layer that never delivers must not hang the probe."""
    settings.CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}
    }
    monkeypatch.setattr(views, "HEALTH_CHECK_TIMEOUT", 0.2)
    from channels.layers import InMemoryChannelLayer

    async def drop_message(self, channel, message):
        return None

    monkeypatch.setattr(InMemoryChannelLayer, "send", drop_message)

    response, body = get_health(client)

    assert response.status_code == 503
    assert body["components"]["channel_layer"]["error"] == "TimeoutError"
    assert body["components"]["channel_layer"]["ms"] < 2000


def test_load_balancers_may_probe_with_head_but_not_post(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
