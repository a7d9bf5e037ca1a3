"""Why a candidate was suggested: the shared topics named as both items write them.

A reason only names what both items say themselves (a tag or a whole noun, the gender
star kept); a shared compound part or synonym group is named as a pair of each item's
own word ("Ladenleerstand – Leerstand"). Constraints (state, town size) become caveats.
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
    candidate = index._items[item_id]
    topics, related = _topics(index, profile, query_weights, item_id)
    shared = shared_regions(query, candidate)
    fits = sizes_fit(query, candidate)
    reasons = [Reason("topics", topics)] if topics else []
    if related:
        reasons.append(Reason("related", related))
    caveats = []
    for reason in (region_reason(shared, query.regions, candidate.regions),
                   size_reason(fits, query.sizes, candidate.sizes)):
        if reason is not None:
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

def _topics(index: MatchIndex, query_profile: Profile, query_weights: dict[str, float],
            item_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The shared topics that weigh most, named as both items write them, and the
    related terms (each item's own word for a shared compound part or synonym group,
    "Ladenleerstand – Leerstand"), each topic named once."""
    contributions = index._contributions(query_weights, item_id)
    generic = index.weights.reason_max_share * len(index._items)
    ordered = sorted(contributions, key=contributions.get, reverse=True)
    specific = [feature for feature in ordered
                if len(index._postings[feature]) <= generic or len(index._items) < 10]
    topics, related = _named(index, query_profile, item_id, specific)
    if not topics and not related:
        # Only topics common to much of the catalog are shared: naming one of them
        # still says more than showing nothing.
        topics, related = _named(index, query_profile, item_id, ordered)
    return topics, related

def _named(index: MatchIndex, query_profile: Profile, item_id: str,
           features: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    candidate = index._profiles[item_id]
    topics: list[str] = []
    related: list[str] = []
    seen_keys: set[str] = set()
    for feature in features:
        # Only what both items say themselves: no corpus neighbour of the query's
        # words, no word the candidate learned from feedback.
        if feature not in query_profile.labels or feature not in candidate.labels:
            continue
        own, theirs = candidate.labels[feature], query_profile.labels[feature]
        if _term_in(own, query_profile):
            term, pair = own, None
        elif _term_in(theirs, candidate):
            term, pair = theirs, None
        else:
            term, pair = None, f"{theirs} – {own}"
        keys = label_keys(index, own) | label_keys(index, theirs)
        if keys & seen_keys:
            continue
        if term is not None and len(topics) < index.weights.reason_topics:
            topics.append(term)
        elif pair is not None and len(related) < index.weights.reason_related:
            related.append(pair)
        else:
            continue
        seen_keys |= keys
        if len(topics) == index.weights.reason_topics:
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
