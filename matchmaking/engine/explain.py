"""Why a candidate was suggested: the shared topics named as both items write them.

A reason only names what both items say themselves (a tag or a whole noun, the gender
star kept); a shared compound part or synonym group is named as a pair of each item's
own word ("Ladenleerstand – Leerstand"). Constraints (state, town size) become caveats.

A query's candidates are explained by one `Explainer`: what depends on the query alone
(which of its looked-up features carry a label, how generic each is) is worked out once
per query, not once per candidate (a full recompute explains some 200,000 matches).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .analysis import Profile
from .items import Item, shared_regions, sizes_fit
from .matches import CAVEATS, Match, Reason, region_reason, size_reason
from .text import fold, normalise_word
from .text import is_content_word as _content

if TYPE_CHECKING:
    from .index import MatchIndex


def match(index: MatchIndex, query: Item, profile: Profile, query_weights: dict[str, float],
           item_id: str, score: float) -> Match:
    return Explainer(index, query, profile, query_weights).match(item_id, score)


class Explainer:
    """The matches of one query, each with its reasons and caveats."""

    def __init__(self, index: MatchIndex, query: Item, profile: Profile,
                 query_weights: dict[str, float]):
        self.index = index
        self.query = query
        self.profile = profile
        self.query_weights = query_weights
        postings = index._postings
        labels = profile.labels
        # Only features both items label can be named; a corpus neighbour of the query's
        # words has no label of the query's and is never named.
        generic = index.weights.reason_max_share * len(index._items)
        few = len(index._items) < 10
        # feature -> (its position among the query's features, its weight, its postings,
        # whether it is specific enough to be named before the generic ones)
        self._labelled = {
            feature: (position, weight, postings[feature],
                      few or len(postings[feature]) <= generic)
            for position, (feature, weight) in enumerate(query_weights.items())
            if feature in labels
        }

    def match(self, item_id: str, score: float) -> Match:
        index = self.index
        query = self.query
        candidate = index._items[item_id]
        topics, related = self._topics(item_id)
        shared = shared_regions(query, candidate)
        fits = sizes_fit(query, candidate)
        reasons = [Reason("topics", topics)] if topics else []
        if related:
            reasons.append(Reason("related", related))
        caveats = []
        for reason in _constraint_reasons(shared, fits, query, candidate):
            (caveats if reason.code in CAVEATS else reasons).append(reason)
        return Match(
            item_id=item_id,
            score=round(score, 4),
            reasons=tuple(reasons),
            caveats=tuple(caveats),
            topics=topics,
            serves_region=None if shared is None else bool(shared),
            fits_size=fits,
        )

    def _topics(self, item_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The shared topics that weigh most, named as both items write them, and the
        related terms (each item's own word for a shared compound part or synonym group,
        "Ladenleerstand – Leerstand"), each topic named once."""
        candidate = self.index._profiles[item_id]
        labelled = self._labelled
        # The labelled features both carry, by their share of the score (the query's
        # order among equal shares, as a stable sort of the query's features gives).
        contributions = []
        for feature in labelled.keys() & candidate.labels.keys():
            position, weight, postings, specific = labelled[feature]
            impact = postings.get(item_id)
            if impact:
                contributions.append((-(weight * impact), position, feature, specific))
        if not contributions:
            return (), ()
        contributions.sort()
        specific = [feature for (_, _, feature, is_specific) in contributions if is_specific]
        topics, related = _named(self.index, self.profile, candidate, specific)
        if not topics and not related:
            # Only topics common to much of the catalog are shared: naming one of them
            # still says more than showing nothing.
            topics, related = _named(self.index, self.profile, candidate,
                                     [feature for (_, _, feature, _) in contributions])
        return topics, related


# The region and size reasons depend only on the two items' regions and sizes, which
# repeat across a catalog: worked out once per combination (a Reason is immutable).
_CONSTRAINT_REASONS: dict[tuple, tuple[Reason, ...]] = {}


def _constraint_reasons(shared, fits, query: Item, candidate: Item) -> tuple[Reason, ...]:
    key = (query.regions, candidate.regions, query.sizes, candidate.sizes)
    reasons = _CONSTRAINT_REASONS.get(key)
    if reasons is None:
        reasons = tuple(reason for reason in (
            region_reason(shared, query.regions, candidate.regions),
            size_reason(fits, query.sizes, candidate.sizes)) if reason is not None)
        if len(_CONSTRAINT_REASONS) < 100_000:
            _CONSTRAINT_REASONS[key] = reasons
    return reasons


def _named(index: MatchIndex, query_profile: Profile, candidate: Profile,
           features: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    topics: list[str] = []
    related: list[str] = []
    seen_keys: set[str] = set()
    query_labels, candidate_labels = query_profile.labels, candidate.labels
    reason_topics, reason_related = index.weights.reason_topics, index.weights.reason_related
    for feature in features:
        # Only what both items say themselves: no corpus neighbour of the query's
        # words, no word the candidate learned from feedback (callers pass labelled ones).
        own, theirs = candidate_labels[feature], query_labels[feature]
        if _term_in(own, query_profile):
            term, pair = own, None
        elif _term_in(theirs, candidate):
            term, pair = theirs, None
        else:
            term, pair = None, f"{theirs} – {own}"
        keys = label_keys(index, own) | label_keys(index, theirs)
        if keys & seen_keys:
            continue
        if term is not None and len(topics) < reason_topics:
            topics.append(term)
        elif pair is not None and len(related) < reason_related:
            related.append(pair)
        else:
            continue
        seen_keys |= keys
        if len(topics) == reason_topics:
            break
    return tuple(topics), tuple(related)


def _term_in(term: str, profile: Profile) -> bool:
    """Whether every word of a term is one of the item's whole words."""
    keys = _TERM_KEYS.get(term)
    if keys is None:
        keys = tuple(normalise_word(word) for word in term.split() if _content(word))
        if len(_TERM_KEYS) < 100_000:
            _TERM_KEYS[term] = keys
    return bool(keys) and profile.words.issuperset(keys)


# A label's word keys depend on the label only (no lexicon): worked out once per label,
# not once per candidate it is checked against.
_TERM_KEYS: dict[str, tuple[str, ...]] = {}


def label_keys(index: MatchIndex, label: str) -> frozenset[str]:
    """The keys a reason label stands for, so one topic is not named twice."""
    generation = index.lexicon.generation
    if index._label_cache_generation != generation:
        index._label_cache.clear()
        index._label_cache_generation = generation
    keys = index._label_cache.get(label)
    if keys is None:
        keys = frozenset({normalise_word(word) for word in label.split()}
                         | set(index.lexicon.split(fold(label).replace(" ", ""))))
        if len(index._label_cache) < 100_000:
            index._label_cache[label] = keys
    return keys
