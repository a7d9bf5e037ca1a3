"""Site-wide technical endpoints: health check, robots.txt, sitemap."""

import logging
import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailPageSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap_view

import search
from network.sitemaps import OrganisationSitemap

logger = logging.getLogger(__name__)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"engine": connection.vendor}


def _check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value just written")
    cache.delete(key)
    return {"backend": type(cache).__name__}


def _check_channel_layer():
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer configured")

    async def roundtrip():
        channel = await layer.new_channel()
        await layer.send(channel, {"type": "healthz.ping"})
        return await layer.receive(channel)

    message = async_to_sync(roundtrip)()
    if message.get("type") != "healthz.ping":
        raise RuntimeError("channel layer returned an unexpected message")
    return {"backend": type(layer).__name__}


def _check_search():
    engine = search.engine()
    engine.ping()
    return {"backend": type(engine).__name__}


HEALTH_CHECKS = {
    "database": _check_database,
    "cache": _check_cache,
    "channel_layer": _check_channel_layer,
    "search": _check_search,
}


@never_cache
@require_GET
def healthz(request):
    components = {}
    healthy = True
    for name, check in HEALTH_CHECKS.items():
        try:
            components[name] = {"status": "ok", **check()}
        except Exception as error:  # noqa: BLE001 - any failure means "down"
            logger.warning("healthz: %s is down: %s", name, error)
            components[name] = {"status": "down", "error": type(error).__name__}
            healthy = False
    return JsonResponse(
        {"status": "ok" if healthy else "down", "components": components},
        status=200 if healthy else 503,
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /konto/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap(request):
    return wagtail_sitemap_view(
        request,
        sitemaps={"seiten": WagtailPageSitemap, "organisationen": OrganisationSitemap},
    )
