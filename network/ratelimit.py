"""One small rate limiter for abuse-prone actions (reports, contact requests, …).

Counters live in the cache: Redis in production (shared by every worker), local memory by
default. A fixed window per (action, person): the first hit creates the counter with the
window as its lifetime, every further hit increments it. `consume()` raises `RateLimited`,
a `ValidationError`, so that a form re-shows what the person typed with the German message.
Login throttling is allauth's (see `network.adapters.AccountAdapter`), not this module's.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class RateLimited(ValidationError):
    """Too many of one action in the window; the message says when to try again."""


@dataclass(frozen=True)
class Limit:
    action: str
    amount: int
    window_seconds: int

    def key(self, who):
        return f"stadtlabor:rl:{self.action}:{who}"


def _minutes(seconds):
    return max(1, round(seconds / 60))


def consume(limit: Limit, who, *, message=None):
    """Count one `limit.action` by `who` (a user pk, an e-mail hash, …); raise `RateLimited`
    once more than `limit.amount` happened within the window."""
    if not getattr(settings, "STADTLABOR_RATE_LIMITS", True):
        return
    key = limit.key(who)
    cache.add(key, 0, timeout=limit.window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=limit.window_seconds)
        count = 1
    if count > limit.amount:
        raise RateLimited(
            message
            or _(
                "Das war sehr oft in kurzer Zeit. Bitte versuchen Sie es in %(minutes)d "
                "Minuten noch einmal – Ihr Text bleibt hier stehen."
            )
            % {"minutes": _minutes(limit.window_seconds)},
            code="rate_limited",
        )


def allowed(limit: Limit, who):
    """Like `consume`, but answers True/False instead of raising: for side effects that must
    stay silent (e.g. a mail that must not reveal whether an address is known)."""
    try:
        consume(limit, who)
    except RateLimited:
        return False
    return True


def anonymous_key(text):
    """A stable cache key part for an e-mail address or similar, without storing it."""
    return hashlib.sha256(text.strip().lower().encode()).hexdigest()[:32]
