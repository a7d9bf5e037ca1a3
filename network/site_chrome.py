"""The header menu and the footer links, cached until a page or the site settings change.

Every page shows them, and reading them cost five queries per request (the menu pages,
the footer settings and its three linked pages). They depend only on the site, never on
the viewer: the cache holds titles and URLs, and the templates keep everything per
request (aria-current, the CSRF token, the logged-in menu) outside it.

Invalidation works like the library's facet counts (bestpractice.listing_cache): a
*generation* token that any page save, delete or move and any change of a site or of the
footer settings replaces; old entries are never read again and expire on their own.
"""


from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.signals import page_unpublished, post_page_move

from network import cache_generations

GENERATION_KEY = "site-chrome:generation"
TIMEOUT = 60 * 60 * 6  # a safety net; invalidation does the real work


def generation():
    return cache_generations.generation(GENERATION_KEY)


def bump():
    cache_generations.bump(GENERATION_KEY)


# The latest generation's entries are also kept in the process (tokens are never reused,
# so a copy cannot go stale): one cache read per request instead of three.
_seen = {}


def _cached(site, name, compute):
    token = generation()
    entries = _seen.get(token)
    if entries is None:  # a new generation: forget the old copies
        entries = {}
        _seen.clear()
        _seen[token] = entries
    # Per language: page URLs carry /en/ while English is active (network.i18n).
    key = f"site-chrome:{token}:{site.pk}:{get_language()}:{name}"
    found = entries.get(key)
    if found is not None:
        return found
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, timeout=TIMEOUT)
    entries[key] = found
    return found


def menu(site, request):
    """[{title, url}] of the live pages under the site root marked "In Menüs anzeigen"."""
    if site is None:
        return []
    return _cached(site, "menu", lambda: [
        # specific(): our page classes give their URLs the active language's prefix.
        {"title": page.title, "url": page.get_url(request)}
        for page in site.root_page.get_children().live().in_menu().specific()
    ])


def footer(site, request):
    """The footer's contact address and the URLs of its live legal pages (or None)."""
    if site is None:
        return {}

    def compute():
        from network.models import FooterSettings

        # Read without `for_site()`: creating the missing row on a read would itself
        # replace the generation this value is about to be stored under.
        settings = (
            FooterSettings.objects.filter(site=site)
            .select_related("imprint_page", "privacy_page", "accessibility_page")
            .first()
        )
        if settings is None:
            return {"contact_email": ""}
        links = {}
        for field in ("imprint_page", "privacy_page", "accessibility_page"):
            page = getattr(settings, field)
            links[field] = (
                page.specific.get_url(request) if page is not None and page.live else None
            )
        return {"contact_email": settings.contact_email, **links}

    return _cached(site, "footer", compute)


# --- Invalidation ------------------------------------------------------------------------


def _page_or_site_changed(sender, instance=None, raw=False, **kwargs):
    if raw:
        return
    if instance is None or isinstance(instance, (Page, Site)) or sender.__name__ == (
        "FooterSettings"
    ):
        bump()
        # Again on commit: a request in between would cache the old state for good.
        transaction.on_commit(bump)


def connect():
    # No sender: every page type saves as its own class. Unpublishing and moving also save,
    # but their own signals are cheap insurance for bulk updates of the tree.
    post_save.connect(_page_or_site_changed, dispatch_uid="site_chrome_save")
    post_delete.connect(_page_or_site_changed, dispatch_uid="site_chrome_delete")
    page_unpublished.connect(_page_or_site_changed, dispatch_uid="site_chrome_unpublished")
    post_page_move.connect(_page_or_site_changed, dispatch_uid="site_chrome_moved")
