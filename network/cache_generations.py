"""Generation tokens: cache entries keyed under a token that one event replaces.

A cached value that depends on many rows (facet counts, the header menu) is stored under
the current token of its generation; `bump()` replaces the token, so every old entry is
never read again and expires on its own. Shared by the library's counts
(bestpractice.listing_cache) and the site chrome (network.site_chrome).
"""

import uuid

from django.core.cache import cache


def generation(key):
    token = cache.get(key)
    if token is None:
        token = uuid.uuid4().hex
        # Another process may have set one meanwhile: theirs wins, both agree.
        if not cache.add(key, token, timeout=None):
            token = cache.get(key) or token
    return token


def bump(key):
    cache.set(key, uuid.uuid4().hex, timeout=None)
