"""An item's weighted features: what the index stores and what a query looks up.

The words of an item's tags (weigh most), title and description become their
normalised keys, the keys of their compounds' parts, and the synonym groups they
name. Per written word the work is done once (the lexicon keeps its token, this
module the synonym groups the token names), so analysing a catalog of 10,000 items
costs per distinct word, not per occurrence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .items import Item
from .synonyms import Thesaurus
from .text import Lexicon, Token

_CACHE_SIZE = 500_000


@dataclass(slots=True)
class Profile:
    features: dict[str, float]
    length: float
    # Per feature, the whole term of this item that carries it, as written: a tag, or a
    # whole noun (also for a compound part or a synonym group it triggers).
    labels: dict[str, str] = field(default_factory=dict)
    # The keys of the item's whole words (not compound parts, not synonyms).
    words: frozenset[str] = frozenset()


class Analyser:
    """Turns items and texts into features against one lexicon and one thesaurus."""

    def __init__(self, lexicon: Lexicon, thesaurus: Thesaurus, *, tags: float, title: float,
                 description: float, compound_part: float):
        self.lexicon = lexicon
        self.thesaurus = thesaurus
        self.tags, self.title, self.description = tags, title, description
        self.compound_part = compound_part
        self._group_features = [(thesaurus.feature(group), thesaurus.weight(group))
                                for group in range(len(thesaurus.groups))]
        # Only words that begin a phrase of the list need the look-ahead.
        self._phrase_starts = frozenset(keys[0] for keys in thesaurus.phrases)
        # Written word -> (its token, the synonym groups it names with their strength).
        self._singles: dict[str, tuple[Token, tuple[tuple[int, float], ...]]] = {}

    def analyse(self, item: Item) -> Profile:
        """The weighted features of an item, and the whole term that carries each."""
        features: dict[str, float] = defaultdict(float)
        labels: dict[str, str] = {}
        whole_words: set[str] = set()
        length = 0.0
        tokens_of = self.lexicon.tokens
        for tag in item.tags:
            tokens = tokens_of(tag)
            length += self.tags * len(tokens)
            self.add_tokens(tokens, self.tags, features, labels, whole_words,
                            tag=" ".join(tag.split()))
        for weight, text in ((self.title, item.title), (self.description, item.description)):
            tokens = tokens_of(text)
            length += weight * len(tokens)
            self.add_tokens(tokens, weight, features, labels, whole_words)
        return Profile(dict(features), max(length, 1.0), labels, frozenset(whole_words))

    def text_features(self, text: str) -> dict[str, float]:
        features: dict[str, float] = defaultdict(float)
        self.add_tokens(self.lexicon.tokens(text), 1.0, features, {})
        return features

    def add_tokens(self, tokens: list[Token], weight: float, features: dict[str, float],
                   labels: dict[str, str], whole_words: set[str] | None = None, *,
                   tag: str | None = None) -> None:
        """Add the tokens' keys and compound parts to `features`, then the synonym groups
        they name (one pass over the tokens: this loop is most of a catalog's build)."""
        part_weight = weight * self.compound_part
        singles = self._singles
        phrase_starts = self._phrase_starts
        # Group -> (strength: a compound part counts less, the item's own term naming it).
        hits: dict[int, tuple[float, str | None]] = {}
        for position, token in enumerate(tokens):
            key = token.key
            surface = token.surface
            noun = surface if surface[:1].isupper() else None
            features[key] += weight
            if whole_words is not None:
                whole_words.add(key)
            # Reasons name tags as typed, and otherwise whole nouns (capitalised in German),
            # never a compound's part on its own ("Stand" of "Leerstand").
            term = tag if tag is not None else noun
            if term:
                if key not in labels:
                    labels[key] = term
                for part in token.parts:
                    features[part] += part_weight
                    if part not in labels:
                        labels[part] = term
            else:
                for part in token.parts:
                    features[part] += part_weight
            cached = singles.get(surface)
            groups = cached[1] if cached is not None and cached[0] is token else \
                self._single_groups(token)
            for group, strength in groups:
                old = hits.get(group)
                hits[group] = (strength, noun) if old is None else (
                    max(old[0], strength), old[1] or noun)
            if key in phrase_starts:
                self._phrase_hits(tokens, position, hits)
        group_features = self._group_features
        for group, (strength, term) in hits.items():
            feature, group_weight = group_features[group]
            features[feature] += weight * strength * group_weight
            term = tag if tag is not None else term
            if term:
                labels.setdefault(feature, term)

    def _single_groups(self, token: Token) -> tuple[tuple[int, float], ...]:
        """The groups a token's key and its parts name, in the order they are met."""
        single = self.thesaurus.single
        found = [(group, 1.0) for group in single.get(token.key, ())]
        for part in token.parts:
            found += [(group, self.compound_part) for group in single.get(part, ())]
        groups = tuple(found)
        if len(self._singles) < _CACHE_SIZE:
            self._singles[token.surface] = (token, groups)
        return groups

    def _phrase_hits(self, tokens: list[Token], position: int,
                     hits: dict[int, tuple[float, str | None]]) -> None:
        """The phrases of the list ("junge Leute") that start at `position`."""
        thesaurus = self.thesaurus
        for size in range(2, thesaurus.longest_phrase + 1):
            phrase = tuple(token.key for token in tokens[position : position + size])
            if len(phrase) == size:
                for group in thesaurus.phrases.get(phrase, ()):
                    term = " ".join(t.surface for t in tokens[position : position + size])
                    old = hits.get(group)
                    hits[group] = (1.0, term) if old is None else (
                        max(old[0], 1.0), old[1] or term)

    def __getstate__(self):
        # The per-word cache is rebuilt on demand; a stored index stays small.
        state = {name: getattr(self, name) for name in self.__dict__}
        state["_singles"] = {}
        return state
