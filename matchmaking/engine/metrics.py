"""Ranking metrics over graded labels: nDCG@k, P@k and MRR."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

HIGHLY_RELEVANT = 2


def dcg(gains: Sequence[float]) -> float:
    return sum(gain / math.log2(position + 2) for position, gain in enumerate(gains))


def ndcg_at_k(ranking: Sequence[str], labels: Mapping[str, int], k: int) -> float:
    """Gain = label; the ideal ranking sorts the labels. 0 when nothing is relevant."""
    ideal = dcg(sorted(labels.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([labels.get(item_id, 0) for item_id in ranking[:k]]) / ideal


def precision_at_k(ranking: Sequence[str], labels: Mapping[str, int], k: int) -> float:
    """Share of the top k with a label >= 1 (always divided by k)."""
    return sum(1 for item_id in ranking[:k] if labels.get(item_id, 0) >= 1) / k


def reciprocal_rank(ranking: Sequence[str], labels: Mapping[str, int]) -> float:
    """1 / rank of the first item labelled 2; 0 if there is none."""
    for position, item_id in enumerate(ranking, start=1):
        if labels.get(item_id, 0) >= HIGHLY_RELEVANT:
            return 1 / position
    return 0.0


def evaluate(rankings: Mapping[str, Sequence[str]], judgements: Mapping[str, Mapping[str, int]],
             k: int = 5) -> dict[str, float]:
    """Mean nDCG@k, P@k and MRR over the judged queries, with their number under "needs"."""
    query_ids = [query_id for query_id in judgements if query_id in rankings]
    if not query_ids:
        return {f"ndcg@{k}": 0.0, f"p@{k}": 0.0, "mrr": 0.0, "needs": 0}
    count = len(query_ids)
    return {
        f"ndcg@{k}": sum(ndcg_at_k(rankings[q], judgements[q], k) for q in query_ids) / count,
        f"p@{k}": sum(precision_at_k(rankings[q], judgements[q], k) for q in query_ids) / count,
        "mrr": sum(reciprocal_rank(rankings[q], judgements[q]) for q in query_ids) / count,
        "needs": count,
    }
