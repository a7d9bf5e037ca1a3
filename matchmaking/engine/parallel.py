"""`MatchIndex.top_many()` on several cores: a full recompute split over forked processes.

Each query's list depends only on the index, never on the other queries, so the queries
are cut into one contiguous part per process. The index is not copied: forked children
share the parent's memory (copy-on-write) and the parent computes the first part itself
while they compute the others. The lists come back as plain tuples (pickling the Match
dataclasses cost more than a tenth of the work) and are rebuilt as equal Match objects,
in the queries' order. Where `fork` is not available, or for few queries, it all runs in
this process: the lists are the same either way.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .items import Item
from .matches import Match, Reason

if TYPE_CHECKING:
    from .index import MatchIndex

# Below this many queries a process is not worth starting.
MIN_QUERIES = 1000

# The index and arguments the forked children work on (set just before the fork).
_job: tuple[MatchIndex, Sequence[Item], int, float] | None = None


def top_many(index: MatchIndex, queries: Sequence[Item], k: int, min_score: float,
             workers: int) -> list[list[Match]]:
    if (workers <= 1 or len(queries) < MIN_QUERIES
            or "fork" not in multiprocessing.get_all_start_methods()):
        return index._top_many(queries, k, min_score)
    global _job
    # Everything the queries share is built before the fork, once, not once per child.
    index._prepare_batches()
    size = -(-len(queries) // workers)
    parts = [(start, min(start + size, len(queries))) for start in range(0, len(queries), size)]
    # The children read their queries from the memory they share with this process:
    # only two numbers each are sent, not thousands of items.
    _job = (index, queries, k, min_score)
    try:
        with multiprocessing.get_context("fork").Pool(len(parts) - 1) as pool:
            pending = pool.map_async(_compute, parts[1:], chunksize=1)
            start, end = parts[0]
            results = index._top_many(queries[start:end], k, min_score)
            for packed in pending.get():
                results += [[_unpack(match) for match in matches] for matches in packed]
    finally:
        _job = None
    return results


def _compute(part: tuple[int, int]) -> list[list[tuple]]:
    index, queries, k, min_score = _job
    start, end = part
    return [[_pack(match) for match in matches]
            for matches in index._top_many(queries[start:end], k, min_score)]


def _pack(match: Match) -> tuple:
    return (match.item_id, match.score,
            tuple((reason.code, reason.values) for reason in match.reasons),
            match.topics,
            tuple((reason.code, reason.values) for reason in match.caveats),
            match.serves_region, match.fits_size)


def _unpack(packed: tuple) -> Match:
    item_id, score, reasons, topics, caveats, serves_region, fits_size = packed
    return Match(item_id=item_id, score=score,
                 reasons=tuple(Reason(code, values) for code, values in reasons),
                 topics=topics,
                 caveats=tuple(Reason(code, values) for code, values in caveats),
                 serves_region=serves_region, fits_size=fits_size)
