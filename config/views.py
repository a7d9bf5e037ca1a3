"""Site-wide technical endpoints: health check, robots.txt, sitemap."""

import asyncio
import logging
import time
import uuid
from urllib.parse import urlsplit

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailPageSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap_view

import search
from network.digest.sitemaps import DigestSitemap
from network.sitemaps import OrganisationSitemap

logger = logging.getLogger(__name__)

# A check that does not answer within this many seconds counts as down, so that a hanging
# engine makes /healthz fail fast instead of hanging the load balancer's probe.
HEALTH_CHECK_TIMEOUT = 3


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

    async def roundtrip_with_timeout():
        return await asyncio.wait_for(roundtrip(), timeout=HEALTH_CHECK_TIMEOUT)

    message = async_to_sync(roundtrip_with_timeout)()
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
@require_safe
def healthz(request):
    """State of every engine the site needs; 503 as soon as one of them is down."""
    components = {}
    healthy = True
    for name, check in HEALTH_CHECKS.items():
        started = time.perf_counter()
        try:
            details = check()
        except Exception as error:  # noqa: BLE001 - any failure means "down"
            logger.warning("healthz: %s is down: %r", name, error)
            # Only the class name: the message may contain hosts or credentials.
            components[name] = {"status": "down", "error": type(error).__name__}
            healthy = False
        else:
            components[name] = {"status": "ok", **(details or {})}
        components[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return JsonResponse(
        {"status": "ok" if healthy else "down", "components": components},
        status=200 if healthy else 503,
    )


@require_safe
def favicon(request):
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /konto/",
        "Disallow: /mein-konto/",
        # Result pages are endless combinations of queries; the sitemap lists the content.
        "Disallow: /suche/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class RequestSitePageSitemap(WagtailPageSitemap):
    """Page addresses on the host and port the sitemap was asked for.

    Wagtail builds them from the Site record ("localhost:80" in development, so
    `http://localhost/…` while the server runs on port 9000); the request knows the
    address people actually use, and Django's Sitemap already does the same for the
    organisations."""

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url_info in urls:
            parts = urlsplit(url_info["location"])
            relative = parts.path + (f"?{parts.query}" if parts.query else "")
            url_info["location"] = self.request.build_absolute_uri(relative)
        return urls


@require_safe
def sitemap(request):
    return wagtail_sitemap_view(
        request,
        sitemaps={"seiten": RequestSitePageSitemap, "organisationen": OrganisationSitemap,
                  "wochenuebersicht": DigestSitemap},
    )
