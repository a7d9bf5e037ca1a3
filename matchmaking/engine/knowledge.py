"""Where the engine's knowledge of German comes from, each source switchable for ablation.

- `lexicon`: the German noun lemmas of simplemma (a maintained, MIT-licensed lemmatiser
  on PyPI; its dictionaries come from Wiktionary and other open word lists) as the known
  words compounds are split against, so "Einzugsbereich" meets "Einzugsgebiet" without
  anyone having written that down.
- `corpus`: distributional neighbours learned at index time from the platform's own
  texts (offers, pain points, case studies, articles, forum): words that occur in the
  same documents join a query at a fraction of their weight.
- `feedback`: members' verdicts ("hilfreich", contact outcomes) as labels: a need's
  words are learned onto the offer it found helpful, so the next need worded alike
  finds that offer too.
- `thesaurus`: the hand-written synonym list of the field (`synonyms.py`); editors'
  groups from the admin always apply, as a correction.
"""

from __future__ import annotations

import gzip
import tempfile
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path

from .items import Item
from .text import fold, stem

MIN_DICTIONARY_PART = 4


@dataclass(frozen=True, slots=True)
class Sources:
    thesaurus: bool = True
    lexicon: bool = True
    corpus: bool = True
    feedback: bool = True

    LABELS = {
        "thesaurus": "Synonymliste der Fachsprache (handgeschrieben)",
        "lexicon": "Lexikon (simplemma, Wiktionary-Nomen) für Komposita",
        "corpus": "Korpus der Plattform (gemeinsames Vorkommen)",
        "feedback": "Feedback der Mitglieder (hilfreich/Kontakt)",
    }

    @classmethod
    def none(cls) -> Sources:
        return cls(**{field.name: False for field in fields(cls)})

    def with_(self, name: str) -> Sources:
        return replace(self, **{name: True})


@dataclass(frozen=True, slots=True)
class Verdict:
    """One member's verdict on a suggestion: `query` found `item_id` helpful (a
    "hilfreich" click or a contact that led somewhere) or not."""

    query: Item
    item_id: str
    helpful: bool = True


# -- the German noun lexicon ------------------------------------------------------------

_dictionary_lock = threading.Lock()
_dictionary: tuple[frozenset[str], frozenset[str]] | None = None


def german_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(folded noun lemmas of four letters or more, their stems), from simplemma.

    Loading simplemma's German dictionary takes seconds, so the folded list is kept in
    a cache file per simplemma version; a process loads it once."""
    global _dictionary
    with _dictionary_lock:
        if _dictionary is None:
            _dictionary = _load_nouns()
        return _dictionary


def _load_nouns() -> tuple[frozenset[str], frozenset[str]]:
    try:
        import simplemma
        version = getattr(simplemma, "__version__", "x")
    except ImportError:  # the lexicon is optional: without it, splitting uses the catalog
        return frozenset(), frozenset()
    cache = Path(tempfile.gettempdir()) / f"stadtlabor-nouns-stems-de-simplemma-{version}.txt.gz"
    lines: list[str] = []
    if cache.exists():
        try:
            lines = gzip.decompress(cache.read_bytes()).decode("utf-8").split("\n")
        except (OSError, EOFError, UnicodeDecodeError):
            lines = []
    if lines and all("\t" in line for line in lines[:10]):
        pairs = [line.split("\t", 1) for line in lines]
        return frozenset(word for word, _ in pairs), frozenset(key for _, key in pairs)
    from simplemma.strategies.dictionaries.dictionary_factory import (
        DefaultDictionaryFactory,
    )

    dictionary = DefaultDictionaryFactory().get_dictionary("de")
    found = set()
    for value in dictionary.values():
        word = value.decode("utf-8") if isinstance(value, bytes) else str(value)
        if word[:1].isupper() and word.isalpha() and len(word) >= MIN_DICTIONARY_PART:
            found.add(fold(word))
    lemmas = sorted(found)
    stems = [stem(word) for word in lemmas]
    try:
        partial = cache.with_suffix(f".{threading.get_ident()}.tmp")
        text = "\n".join(f"{word}\t{key}" for word, key in zip(lemmas, stems, strict=True))
        partial.write_bytes(gzip.compress(text.encode("utf-8")))
        partial.replace(cache)
    except OSError:
        pass
    return frozenset(lemmas), frozenset(stems)


# -- distributional neighbours from the platform's texts -------------------------------


def corpus_neighbours(documents: Iterable[Iterable[str]], *, max_share: float = 0.1,
                      min_together: int = 2, min_similarity: float = 0.3,
                      per_feature: int = 5, max_features: int = 40
                      ) -> dict[str, tuple[tuple[str, float], ...]]:
    """For each feature, the features that occur in the same documents (cosine of their
    document sets), strongest first. Features in more than `max_share` of the documents
    say little and are left out; so are pairs seen together fewer than `min_together` times."""
    docs = [sorted(set(document))[: max_features * 4] for document in documents]
    total = len(docs)
    if total < 4:
        return {}
    frequency: dict[str, int] = defaultdict(int)
    for doc in docs:
        for feature in doc:
            frequency[feature] += 1
    limit = max(2, max_share * total)
    together: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for doc in docs:
        kept = [feature for feature in doc if 2 <= frequency[feature] <= limit][:max_features]
        for position, first in enumerate(kept):
            row = together[first]
            for second in kept[position + 1:]:
                row[second] += 1
                together[second][first] += 1
    neighbours = {}
    for feature, row in together.items():
        scored = []
        for other, count in row.items():
            if count < min_together:
                continue
            similarity = count / (frequency[feature] * frequency[other]) ** 0.5
            if similarity >= min_similarity:
                scored.append((other, round(similarity, 3)))
        if scored:
            scored.sort(key=lambda pair: (-pair[1], pair[0]))
            neighbours[feature] = tuple(scored[:per_feature])
    return neighbours
