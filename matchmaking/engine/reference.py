"""The plain all-pairs scoring that the index's fast paths must agree with.

Every catalog item is scored against the query straight from its profile (BM25 with
the index's average length), without postings, caches, the sparse matrix or candidate
pruning; then the same feedback, constraints and topical filter as `MatchIndex.top()`.
Slow on purpose: the benchmark and the tests measure the index against it.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from operator import itemgetter
from typing import TYPE_CHECKING

from .items import Item, region_mask, size_mask

if TYPE_CHECKING:
    from .index import MatchIndex


def top_ids(index: MatchIndex, query: Item, k: int = 10) -> list[str]:
    """The ids `index.top(query, k)` should return, computed the slow way."""
    weights = index.weights
    profiles = index._profiles  # noqa: SLF001 - the reference reads the same profiles
    items = index._items  # noqa: SLF001
    total = len(items)
    frequency: dict[str, int] = defaultdict(int)
    for profile in profiles.values():
        for feature in profile.features:
            frequency[feature] += 1

    def idf(feature: str) -> float:
        count = frequency.get(feature, 0)
        return math.log(1 + (total - count + 0.5) / (count + 0.5))

    average = index._norms_average  # noqa: SLF001
    impacts = {}
    for item_id, profile in profiles.items():
        norm = weights.k1 * (1 - weights.b + weights.b * profile.length / max(average, 1.0))
        impacts[item_id] = {feature: value * (weights.k1 + 1) / (value + norm)
                            for feature, value in profile.features.items()}

    # The query's weights: saturated frequency times IDF, its most telling features,
    # then the corpus neighbours.
    profile = index.analyse(query)
    too_common = weights.max_feature_share * total
    query_weights = {}
    for feature, value in profile.features.items():
        count = frequency.get(feature, 0)
        if not count or (count > too_common and total >= 10):
            continue
        saturated = value * (weights.query_saturation + 1) / (value + weights.query_saturation)
        query_weights[feature] = saturated * idf(feature)
    if len(query_weights) > weights.max_query_features:
        kept = heapq.nlargest(weights.max_query_features, query_weights, key=query_weights.get)
        query_weights = {feature: query_weights[feature] for feature in kept}
    expanded: dict[str, float] = {}
    for feature, weight in query_weights.items():
        for other, similarity in index._neighbours.get(feature, ()):  # noqa: SLF001
            count = frequency.get(other, 0)
            if other in query_weights or not count or count > too_common:
                continue
            value = weight * weights.corpus_weight * similarity
            if value > expanded.get(other, 0.0):
                expanded[other] = value
    query_weights.update(expanded)

    # Every item of the catalog, scored in the order of the query's features (the same
    # order of additions as the postings, so the same rounding).
    scores: dict[str, float] = {}
    for feature, weight in query_weights.items():
        for item_id, item_impacts in impacts.items():
            impact = item_impacts.get(feature)
            if impact:
                scores[item_id] = scores.get(item_id, 0.0) + weight * impact
    itself = items.get(query.id)
    if itself is not None and itself.kind == query.kind:
        scores.pop(query.id, None)

    query_regions, query_sizes = region_mask(query), size_mask(query)

    def ranked(candidates: dict[str, float]) -> list[tuple[int, float, str, float]]:
        result = []
        for item_id, score in candidates.items():
            candidate = items[item_id]
            if not size_mask(candidate) & query_sizes:
                score *= weights.size_mismatch
            if score <= 0:
                continue
            tier = 0 if region_mask(candidate) & query_regions else 1
            result.append((tier, -score, item_id, score))
        return sorted(result)

    # Pseudo-relevance feedback from the best match under the constraints.
    if weights.feedback_docs and scores and query_weights:
        rerank = heapq.nlargest(weights.feedback_rerank, scores.items(), key=itemgetter(1))
        head = dict(rerank[: weights.feedback_docs + 20])
        best = [item_id for (_, _, item_id, _) in ranked(head)[: weights.feedback_docs]]
        gathered: dict[str, float] = defaultdict(float)
        for item_id in best:
            for feature in profiles[item_id].features:
                count = frequency[feature]
                if count < 2 or count > too_common or feature in query_weights:
                    continue
                gathered[feature] += impacts[item_id][feature] * idf(feature)
        if gathered:
            kept = heapq.nlargest(weights.feedback_terms, gathered.items(), key=itemgetter(1))
            scale = weights.feedback_weight * max(query_weights.values()) / kept[0][1]
            for feature, value in kept:
                for item_id, _ in rerank:
                    impact = impacts[item_id].get(feature)
                    if impact:
                        scores[item_id] += value * scale * impact

    # Like top(): the first 4 k under the constraints are explained, those without a
    # topic both items name are left out.
    shown = []
    for (_, _, item_id, score) in ranked(scores)[: 4 * k]:
        if index._match(query, profile, query_weights, item_id, score).topical:  # noqa: SLF001
            shown.append(item_id)
            if len(shown) == k:
                break
    return shown
