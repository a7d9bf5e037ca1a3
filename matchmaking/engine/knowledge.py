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
import os
import tempfile
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from .items import Item
from .text import NOT_PARTS, fold, stem

MIN_DICTIONARY_PART = 4


@dataclass(frozen=True, slots=True)
class Sources:
    """The knowledge sources an index uses; the defaults are the engine's.

    The corpus source is off by default: on every judged set the team had read (dev,
    holdout, frozen, frozen2; 117 needs) the engine ranked better without it (pooled
    nDCG@5 0.835 -> 0.845; docs/decisions.md). It stays for the ablation table and for
    a platform whose own texts grow large enough to teach more than they blur."""

    thesaurus: bool = True
    lexicon: bool = True
    corpus: bool = False
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
    """(folded noun lemmas of four letters or more that may be compound parts, their
    stems), from simplemma.

    Loading simplemma's German dictionary takes seconds, so the folded list is kept in
    a cache file per simplemma version; a process loads it once, and every index of the
    process shares that one copy (also the indexes it unpickles: see `_SharedWords`)."""
    global _dictionary
    with _dictionary_lock:
        if _dictionary is None:
            lemmas, stems = _load_nouns()
            _dictionary = (_NounLemmas(lemmas - NOT_PARTS), _NounStems(stems))
        return _dictionary


def _shared_nouns(position: int) -> frozenset[str]:
    return german_nouns()[position]


class _SharedWords(frozenset):
    """A word list of 250,000 nouns that every index shares. It pickles as a reference
    to the process' own copy: a stored index (one per catalog, loaded by every web
    process) would otherwise carry 7 MB of nouns, cost a quarter second to pickle and
    as much to load, and leave each process with one copy per catalog."""

    __slots__ = ()
    position: int  # which of `german_nouns()`'s two sets; set by each subclass

    def __reduce__(self):
        return (_shared_nouns, (self.position,))


class _NounLemmas(_SharedWords):
    __slots__ = ()
    position = 0


class _NounStems(_SharedWords):
    __slots__ = ()
    position = 1


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
        partial = cache.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
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
    say little and are left out; so are pairs seen together fewer than `min_together` times.

    The pairs are counted with one sparse matrix product (documents x features, its
    transpose times itself): counting them in Python loops cost minutes at 10,000 items."""
    docs = [sorted(set(document))[: max_features * 4] for document in documents]
    total = len(docs)
    if total < 4:
        return {}
    column: dict[str, int] = {}
    for doc in docs:
        for feature in doc:
            if feature not in column:
                column[feature] = len(column)
    names = list(column)
    frequency = np.zeros(len(names), dtype=np.int64)
    for doc in docs:
        frequency[[column[feature] for feature in doc]] += 1
    limit = max(2, max_share * total)
    wanted = (frequency >= 2) & (frequency <= limit)
    rows: list[int] = []
    cols: list[int] = []
    for position, doc in enumerate(docs):
        kept = [column[feature] for feature in doc if wanted[column[feature]]][:max_features]
        rows.extend([position] * len(kept))
        cols.extend(kept)
    if not cols:
        return {}
    occurs = csr_matrix((np.ones(len(cols), dtype=np.int32), (rows, cols)),
                        shape=(total, len(names)))
    together = (occurs.T @ occurs).tocoo()
    first, second, count = together.row, together.col, together.data.astype(np.float64)
    keep = (first != second) & (count >= min_together)
    first, second, count = first[keep], second[keep], count[keep]
    # pow(x, 0.5) as Python's `** 0.5` computes it, so the similarities stay bit-identical.
    similarity = count / np.power((frequency[first] * frequency[second]).astype(np.float64), 0.5)
    keep = similarity >= min_similarity
    scored: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for one, other, value in zip(first[keep].tolist(), second[keep].tolist(),
                                 similarity[keep].tolist(), strict=True):
        scored[one].append((names[other], round(value, 3)))
    neighbours = {}
    for one in sorted(scored, key=lambda position: names[position]):
        pairs = scored[one]
        pairs.sort(key=lambda pair: (-pair[1], pair[0]))
        neighbours[names[one]] = tuple(pairs[:per_feature])
    return neighbours
