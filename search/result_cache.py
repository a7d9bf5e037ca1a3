"""Result pages kept once computed, until the index changes.

A search reads up to COUNT_LIMIT + 1 matches and ranks CANDIDATES of them: bounded, but at
10,000 case studies most of a search request. People ask the same few things ("Leerstand",
"Frequenz"), and the answer only changes when the index does. The key holds everything the
result depends on: the engine, the index's generation (`IndexGeneration`, read from the
database, so a change made in the worker reaches every web process at once) and the whole
validated request — including the visibilities, so a visitor never receives what a member
may see.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction

from search.models import IndexGeneration

# Beyond a change of the index, nothing a result depends on moves; the time only bounds a
# cache that misses an invalidation (a restore from backup, a hand-edited row).
TIMEOUT = 600
_ROW = 1


def generation():
    """The index's current token ("" before the first change)."""
    return IndexGeneration.objects.filter(pk=_ROW).values_list("token", flat=True).first() or ""


def index_changed():
    """Give the index a new token: every cached result page is stale from now on."""
    token = uuid.uuid4().hex
    with transaction.atomic():
        updated = IndexGeneration.objects.filter(pk=_ROW).update(token=token)
        if not updated:
            IndexGeneration.objects.update_or_create(pk=_ROW, defaults={"token": token})


def key(engine, request):
    text = repr(
        (
            type(engine).__name__,
            engine.index_prefix,
            generation(),
            request.query.text,
            request.visibilities,
            request.types,
            sorted(request.filters.items()),
            request.facets,
            request.page,
            request.per_page,
            request.facet_size,
        )
    )
    return "search:results:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def cached(engine, request, compute):
    """`compute()`'s results for `request`, from the cache when the index has not changed."""
    cache_key = key(engine, request)
    results = cache.get(cache_key)
    if results is None:
        results = compute()
        cache.set(cache_key, results, TIMEOUT)
    return results
