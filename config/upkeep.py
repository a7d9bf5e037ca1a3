"""Bulk loads switch off the per-save upkeep of derived indexes and rebuild them once.

Search documents and the matching catalogs follow every save through signals that enqueue
a task on commit. Loading the demo saves hundreds of pages and rows; re-indexing each of
them one by one cost more than a third of `seed_demo`. Inside `deferred()` the signal
handlers of `search` and `matchmaking` schedule nothing, and the caller rebuilds both
afterwards (`seed_demo` does). Outside it nothing changes.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_deferred = ContextVar("stadtlabor_upkeep_deferred", default=False)


def is_deferred() -> bool:
    return _deferred.get()


@contextmanager
def deferred():
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)
