"""Pseudo-relevance feedback: the best match's telling features re-rank the candidates.

Among a query's best candidates, those like its best match (under the constraints) move
up: that match's features that are neither rare nor common join the query at a fraction
of its strongest feature's weight.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from operator import itemgetter
from typing import TYPE_CHECKING

from .items import Item

if TYPE_CHECKING:
    from .index import MatchIndex


def feedback(index: MatchIndex, query: Item | None, query_weights: dict[str, float],
              scores: dict[str, float]) -> dict[str, float]:
    """Pseudo-relevance feedback: the telling features of the best match, added to the
    query at a fraction of its weight, re-rank the best candidates so that those
    like the best match move up. Changes `scores` in place."""
    weights = index.weights
    if not weights.feedback_docs or not scores or not query_weights:
        return scores
    rerank = largest(weights.feedback_rerank, scores.items(), key=itemgetter(1))
    if query is not None:
        head = rerank[: weights.feedback_docs + 20]
        best = [item_id for (_, _, item_id, _) in
                index._ranked(query, head, 0.0)[: weights.feedback_docs]]
    else:
        best = [item_id for item_id, _ in rerank[: weights.feedback_docs]]
    postings_of = index._postings
    if len(best) == 1:
        # One document (the default): its terms sorted once per catalog state, the first
        # ones the query lacks are what `largest()` of the gathered terms would keep.
        count = weights.feedback_terms
        kept = []
        for term in sorted_feedback_terms(index, best[0]):
            if term[0] not in query_weights:
                kept.append(term)
                if len(kept) == count:
                    break
    else:
        gathered: dict[str, float] = defaultdict(float)
        for item_id in best:
            for feature, value in feedback_terms(index, item_id):
                if feature not in query_weights:
                    gathered[feature] += value
        kept = largest(weights.feedback_terms, gathered.items(), key=itemgetter(1))
    if not kept:
        return scores
    scale = weights.feedback_weight * max(query_weights.values()) / kept[0][1]
    candidates = {item_id for item_id, _ in rerank}
    for feature, value in kept:
        postings = postings_of[feature]
        weight = value * scale
        # The candidates that carry the feature (a set intersection in C); each score
        # still adds the features in the same order.
        for item_id in postings.keys() & candidates:
            impact = postings[item_id]
            if impact:
                scores[item_id] += weight * impact
    return scores


def feedback_terms(index: MatchIndex, item_id: str) -> list[tuple[str, float]]:
    """The features of an item that may join a query it matches best, with their
    weight (impact times IDF); the same for every query, so worked out once."""
    cache = index._feedback_cache
    terms = cache.get(item_id)
    if terms is None:
        postings_of = index._postings
        too_common = index.weights.max_feature_share * len(index._items)
        terms = []
        for feature in index._profiles[item_id].features:
            postings = postings_of[feature]
            if 2 <= len(postings) <= too_common:
                terms.append((feature, postings[item_id] * index.idf(feature)))
        cache[item_id] = terms
    return terms


def sorted_feedback_terms(index: MatchIndex, item_id: str) -> list[tuple[str, float]]:
    """`feedback_terms()` largest first (ties in their own order), worked out once."""
    cache = index._feedback_sorted_cache
    terms = cache.get(item_id)
    if terms is None:
        terms = sorted(feedback_terms(index, item_id), key=itemgetter(1), reverse=True)
        cache[item_id] = terms
    return terms


def largest(count: int, values, *, key):
    """`heapq.nlargest()`, which is documented as `sorted(..., reverse=True)[:count]` (ties
    included): for a few hundred values sorting in C is the faster of the two."""
    if len(values) <= 8 * count:
        return sorted(values, key=key, reverse=True)[:count]
    return heapq.nlargest(count, values, key=key)
