"""The engine's few tuning knobs, in one place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Weights:
    """The engine's few tuning knobs, in one place."""

    tags: float = 3.0
    title: float = 2.0
    description: float = 1.0
    compound_part: float = 0.6
    # BM25 on the catalog side, saturation on the query side.
    k1: float = 1.2
    b: float = 0.75
    query_saturation: float = 4.0
    # Only the query's most telling features are looked up: at most this many, and
    # none carried by more than this share of the catalog (it would say little and
    # cost the most).
    max_query_features: int = 40
    max_feature_share: float = 0.5
    # From this many items on, a sparse matrix (scipy) scores a query instead of the
    # postings; it is rebuilt once this many items were added since it was built.
    matrix_min_items: int = 2000
    matrix_max_delta: int = 500
    # A candidate for other town sizes keeps this share of its score; one that does
    # not serve the query's state always ranks below every one that does.
    size_mismatch: float = 0.5
    # Topics named in a reason; features on more than this share of the catalog
    # are too generic to be named.
    reason_topics: int = 3
    reason_related: int = 2
    reason_max_share: float = 0.25
    # Pseudo-relevance feedback: the telling features (at most `feedback_terms`) of the
    # best `feedback_docs` matches join the query at `feedback_weight` of its strongest
    # feature and re-rank its best `feedback_rerank` candidates; 0 documents turns it off.
    # One document, not more: a second one is wrong too often to be worth following.
    feedback_docs: int = 1
    feedback_terms: int = 20
    feedback_weight: float = 0.4
    feedback_rerank: int = 50
    # Corpus neighbours join the query at this share of their feature's weight (times
    # their similarity); a helpful verdict teaches the offer the need's features at
    # this share of their weight.
    corpus_weight: float = 0.3
    learned_weight: float = 0.3
