"""Facet counts of the library's list pages, cached until the library changes.

Counting five facets over every live case study costs time that grows with the library;
the counts only change when a page of the library is published, unpublished, changed,
moved, deleted or restricted. So they are cached under a *generation* token that each of
those events replaces (`bump()`, wired in `bestpractice.signals`). Old entries are never
read again and expire on their own.

The lists count pages visible to everyone (`live().public()`): a page behind a Wagtail
view restriction is counted for nobody, so visitors and members see the same numbers
and the key needs no viewer. Should members ever see more, the audience goes into
`_key()` (the `audience` argument exists for that).

Several server processes must share the cache (Redis via `REDIS_URL`): a per-process
cache would keep serving counts that another process invalidated.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import get_language

from network import cache_generations

GENERATION_KEY = "library:generation"
TIMEOUT = 60 * 60 * 6  # a safety net; invalidation does the real work


def generation():
    return cache_generations.generation(GENERATION_KEY)


def bump():
    """Forget every cached count (the library changed)."""
    cache_generations.bump(GENERATION_KEY)


def _key(kind, index_page_id, state, audience="public"):
    selected = "&".join(
        f"{key}={','.join(values)}" for key, values in sorted(state.selected.items())
    )
    digest = hashlib.sha1(selected.encode(), usedforsecurity=False).hexdigest()[:16]
    return f"library:{generation()}:{kind}:{index_page_id}:{audience}:{digest}"


def cached_counts(kind, index_page_id, state, compute):
    """`compute()` → (facet counts, result count), from the cache when the library has not
    changed since."""
    key = _key(kind, index_page_id, state)
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, timeout=TIMEOUT)
    return found


def cached_value(kind, index_page_id, compute, audience="public"):
    """`compute()` for a whole index page (no filter state), e.g. the map's counts per
    Land; cached like the facet counts and forgotten on the same events."""
    return cached(f"{kind}:{index_page_id}:{audience}", compute)


# --- Pages behind a view restriction --------------------------------------------------
# Wagtail's `.public()` reads every PageViewRestriction on each call: a query per list on
# a page (four on the home page). The restricted sections change only when a restriction
# or a page tree position changes, and both replace the generation (bestpractice.signals),
# so their (path, depth) pairs are kept under it.


# The latest generation's sections, also kept in the process: a page asks up to four
# times, and a generation token is never reused, so the copy cannot go stale.
_sections_seen = {}


def restricted_sections():
    """[(path, depth)] of every page that carries a view restriction."""
    from wagtail.models import PageViewRestriction

    token = generation()
    found = _sections_seen.get(token)
    if found is not None:
        return found
    key = f"library:{token}:restricted-sections"
    found = cache.get(key)
    if found is None:
        found = tuple(
            PageViewRestriction.objects.order_by("page__path").values_list(
                "page__path", "page__depth"
            )
        )
        cache.set(key, found, timeout=TIMEOUT)
    _sections_seen.clear()
    _sections_seen[token] = found
    return found


def public(queryset):
    """`queryset.public()` (pages outside every restricted section) from the cached
    sections: the same condition as Wagtail's `descendant_of_q(inclusive=True)`."""
    private = Q()
    for path, depth in restricted_sections():
        private |= Q(path__startswith=path, depth__gte=depth)
    return queryset.exclude(private) if private else queryset


def cached(name, compute):
    """`compute()` kept until the library changes. Only for what every viewer may see:
    the key carries no audience, but the language (the map's labels and links differ)."""
    key = f"library:{generation()}:{get_language()}:{name}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, timeout=TIMEOUT)
    return found
