"""The inverted index: built once over a catalog, queried per item, updated per item.

Every item becomes a profile of weighted features: the normalised keys of its
words (tags weigh most, then the title, then the description), the parts of its
compounds, and the synonym groups its words belong to. Scoring is BM25 over
those features, so a feature that half the catalog carries ("Digitalisierung",
"Innenstadt") counts for little, and long descriptions do not win by length. The
best match's own features then re-rank the other candidates (pseudo-relevance
feedback): among the candidates, an offer like the best one moves up.
Candidates come from the postings of the query's features only, never from
all pairs; from 2,000 items on, and for batches (`top_many()`), from a sparse matrix.

Beside this module: analysis.py (features), matrix.py (the sparse matrix),
relevance.py (the feedback re-ranking), explain.py (reasons), reference.py (the slow
all-pairs scoring the fast paths are checked against).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from operator import itemgetter

from . import explain, parallel, relevance
from .analysis import Analyser, Profile
from .items import Item, region_mask, size_mask
from .knowledge import Sources, Verdict, corpus_neighbours, german_nouns
from .matches import Match
from .matrix import SparseScorer
from .relevance import largest
from .synonyms import DEFAULT_SYNONYMS, GroupData, Thesaurus
from .text import Lexicon, words
from .weights import Weights


class MatchIndex:
    """A catalog (offers, pain points, best practices …) ready to be matched against."""

    def __init__(
        self,
        items: Iterable[Item] = (),
        *,
        synonyms: Iterable[GroupData] = DEFAULT_SYNONYMS,
        extra_synonyms: Iterable[GroupData] = (),
        weights: Weights | None = None,
        sources: Sources | None = None,
        corpus: Iterable[str] = (),
        verdicts: Iterable[Verdict] = (),
    ):
        """`corpus`: more of the platform's texts (case studies, articles, forum posts) to
        learn which words occur together; `verdicts`: members' verdicts to learn from.
        `sources` switches the knowledge sources (all on by default)."""
        self.weights = weights or Weights()
        self.sources = sources = sources or Sources()
        # Editors' groups always apply: they correct the engine.
        self.thesaurus = Thesaurus(synonyms if sources.thesaurus else (), extra_synonyms)
        if sources.lexicon:
            self.lexicon = Lexicon(dictionary=german_nouns())
        else:
            self.lexicon = Lexicon()
        self.lexicon.add_text_words(self.thesaurus.vocabulary())
        weights = self.weights
        self._analyser = Analyser(self.lexicon, self.thesaurus, tags=weights.tags,
                                  title=weights.title, description=weights.description,
                                  compound_part=weights.compound_part)
        self._neighbours: dict[str, tuple[tuple[str, float], ...]] = {}
        self._learned: dict[str, dict[str, float]] = {}
        self._items: dict[str, Item] = {}
        self._profiles: dict[str, Profile] = {}
        # feature -> {item id: BM25 impact}; the impact depends on the average
        # length, so all impacts are refreshed when that has drifted.
        self._postings: dict[str, dict[str, float]] = defaultdict(dict)
        self._total_length = 0.0
        self._norms_average = 0.0
        self._masks: dict[str, tuple[int, int]] = {}
        self._label_cache: dict[str, frozenset[str]] = {}
        self._label_cache_generation = -1
        self._scorer: SparseScorer | None = None
        self._delta: set[str] = set()
        # Caches of the catalog's current state, emptied whenever an item comes or goes.
        self._idf_cache: dict[str, float] = {}
        self._feedback_cache: dict[str, list[tuple[str, float]]] = {}
        self._feedback_sorted_cache: dict[str, list[tuple[str, float]]] = {}
        items = list(items)
        corpus = list(corpus) if sources.corpus else []
        # Learn the whole catalog's words first, so every item's compounds split alike
        # (once per distinct word: the lexicon's state does not depend on the order).
        vocabulary: set[str] = set()
        for item in items:
            vocabulary.update(_item_words(item))
        for text in corpus:
            vocabulary.update(words(text))
        self.lexicon.add_text_words(sorted(vocabulary))
        if sources.feedback:
            self._learn(verdicts)
        if len({item.id for item in items}) == len(items):
            self._insert_all(items)
        else:  # the same id twice: the later one replaces the earlier, one at a time
            for item in items:
                self.add(item)
        if sources.corpus:
            self._neighbours = corpus_neighbours(
                [self._plain_features(profile.features) for profile in self._profiles.values()]
                + [self._plain_features(self._text_features(text)) for text in corpus]
            )
        self._refresh_impacts()

    # -- updating ---------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._items

    def __iter__(self):
        return iter(self._items.values())

    def get(self, item_id: str) -> Item | None:
        return self._items.get(item_id)

    def add(self, item: Item) -> None:
        """Add an item, or replace the one with the same id."""
        if item.id in self._items:
            self.remove(item.id)
        self.lexicon.add_text_words(_item_words(item))
        self._insert(item)

    update = add

    def remove(self, item_id: str) -> None:
        profile = self._profiles.pop(item_id, None)
        if profile is None:
            return
        del self._items[item_id]
        if self._scorer is not None:
            self._scorer.kill(item_id)
        self._delta.discard(item_id)
        for feature in profile.features:
            postings = self._postings[feature]
            postings.pop(item_id, None)
            if not postings:
                del self._postings[feature]
        self._total_length -= profile.length
        del self._masks[item_id]
        self._changed()

    def _learn(self, verdicts: Iterable[Verdict]) -> None:
        """A helpful verdict teaches the offer the need's own words (not its synonyms)."""
        share = self.weights.learned_weight
        for verdict in verdicts:
            if not verdict.helpful:
                continue
            learned = self._learned.setdefault(verdict.item_id, {})
            for feature, frequency in self.analyse(verdict.query).features.items():
                if not feature.startswith("~"):
                    learned[feature] = learned.get(feature, 0.0) + share * frequency

    @staticmethod
    def _plain_features(features: dict[str, float]) -> list[str]:
        return [feature for feature in features if not feature.startswith("~")]

    def _text_features(self, text: str) -> dict[str, float]:
        return self._analyser.text_features(text)

    def _profile(self, item: Item) -> Profile:
        profile = self.analyse(item)
        learned = self._learned.get(item.id)
        if learned:
            own = profile.features
            merged = dict(own)
            for feature, weight in learned.items():
                merged[feature] = merged.get(feature, 0.0) + weight
            # Reasons only name what the item itself says: learned words get no label.
            profile = Profile(merged, profile.length, profile.labels, profile.words)
        return profile

    def _insert_all(self, items: list[Item]) -> None:
        """The whole catalog at once: the same postings as inserting one item after the
        other and refreshing the impacts at the end, but each impact computed once."""
        profiles = [self._profile(item) for item in items]
        for item, profile in zip(items, profiles, strict=True):
            self._items[item.id] = item
            self._profiles[item.id] = profile
            self._total_length += profile.length
            self._masks[item.id] = (region_mask(item), size_mask(item))
        if not profiles:
            return
        # One at a time, the first item's length would set the average and the final
        # refresh would replace it only if it drifted by more than 2 %.
        first = profiles[0].length
        average = self._total_length / len(items)
        drifted = abs(average - first) > 0.02 * max(first, 1.0)
        self._norms_average = average if drifted else first
        postings = self._postings
        saturation = self.weights.k1 + 1
        for item_id, profile in self._profiles.items():
            norm = self._length_norm(profile.length)
            for feature, frequency in profile.features.items():
                postings[feature][item_id] = frequency * saturation / (frequency + norm)
        self._changed()

    def _changed(self) -> None:
        # New dicts rather than cleared ones: a query running in another thread while the
        # catalog changes stores what it computed in the old dict, which is dropped.
        self._idf_cache = {}
        self._feedback_cache = {}
        self._feedback_sorted_cache = {}

    def _insert(self, item: Item) -> None:
        profile = self._profile(item)
        self._changed()
        self._items[item.id] = item
        self._profiles[item.id] = profile
        self._total_length += profile.length
        if not self._norms_average:
            self._norms_average = self._total_length / len(self._items)
        norm = self._length_norm(profile.length)
        for feature, frequency in profile.features.items():
            self._postings[feature][item.id] = self._impact(frequency, norm)
        self._masks[item.id] = (region_mask(item), size_mask(item))
        if self._scorer is not None:
            self._delta.add(item.id)

    # -- analysis ---------------------------------------------------------------

    def analyse(self, item: Item) -> Profile:
        """The weighted features of an item, and the whole term that carries each."""
        return self._analyser.analyse(item)

    # -- scoring ----------------------------------------------------------------

    def idf(self, feature: str) -> float:
        cache = self._idf_cache
        idf = cache.get(feature)
        if idf is None:
            document_frequency = len(self._postings.get(feature, ()))
            total = len(self._items)
            idf = math.log(1 + (total - document_frequency + 0.5) / (document_frequency + 0.5))
            cache[feature] = idf
        return idf

    def _length_norm(self, length: float) -> float:
        weights = self.weights
        return weights.k1 * (1 - weights.b + weights.b * length / max(self._norms_average, 1.0))

    def _impact(self, frequency: float, norm: float) -> float:
        return frequency * (self.weights.k1 + 1) / (frequency + norm)

    def _refresh_impacts(self) -> None:
        """Impacts depend on the average length; recompute them once it has drifted."""
        if not self._items:
            return
        average = self._total_length / len(self._items)
        if abs(average - self._norms_average) <= 0.02 * max(self._norms_average, 1.0):
            return
        self._norms_average = average
        self._scorer = None
        self._delta.clear()
        self._feedback_cache = {}
        self._feedback_sorted_cache = {}
        for item_id, profile in self._profiles.items():
            norm = self._length_norm(profile.length)
            for feature, frequency in profile.features.items():
                self._postings[feature][item_id] = self._impact(frequency, norm)

    def _query_weights(self, profile: Profile) -> dict[str, float]:
        """Weight of each query feature looked up: saturated frequency times IDF."""
        weights = self.weights
        saturation = weights.query_saturation
        too_common = weights.max_feature_share * len(self._items)
        result = {}
        for feature, frequency in profile.features.items():
            postings = self._postings.get(feature)
            if not postings or (len(postings) > too_common and len(self._items) >= 10):
                continue
            query_weight = frequency * (saturation + 1) / (frequency + saturation)
            result[feature] = query_weight * self.idf(feature)
        if len(result) > weights.max_query_features:
            kept = largest(weights.max_query_features, result, key=result.get)
            result = {feature: result[feature] for feature in kept}
        if self._neighbours:
            expanded: dict[str, float] = {}
            for feature, weight in result.items():
                for other, similarity in self._neighbours.get(feature, ()):
                    postings = self._postings.get(other)
                    if other in result or not postings or len(postings) > too_common:
                        continue
                    value = weight * weights.corpus_weight * similarity
                    if value > expanded.get(other, 0.0):
                        expanded[other] = value
            result.update(expanded)
        return result

    def _feedback(self, query: Item | None, query_weights: dict[str, float],
                  scores: dict[str, float]) -> dict[str, float]:
        return relevance.feedback(self, query, query_weights, scores)

    def scores(self, query: Item | Profile, *, exclude: Iterable[str] = ()) -> dict[str, float]:
        """BM25 score of every candidate sharing a looked-up feature with the query."""
        if isinstance(query, Profile):
            return self._scored(None, query, exclude)[1]
        return self._scored(query, self.analyse(query), exclude)[1]

    def _scored(self, query: Item | None, profile: Profile, exclude: Iterable[str],
                keep: int | None = None, query_weights: dict[str, float] | None = None,
                raw=None):
        """The query's looked-up feature weights, and the scores with feedback applied.

        With `keep`, a large catalog returns only the candidates that can still reach the
        top `keep` (see `matrix.py`); the top of the list is exact either way. `raw` is
        the query's row of a batch's sparse product (`top_many()`)."""
        self._refresh_impacts()
        exclude = tuple(exclude)
        if query_weights is None:
            query_weights = self._query_weights(profile)
        if keep is not None and query is not None and self._uses_matrix():
            scores = self._matrix_scores(query, query_weights, exclude,
                                         max(keep, self.weights.feedback_rerank), raw)
        else:
            scores = self._accumulate(query_weights, exclude)
        return query_weights, self._feedback(query, query_weights, scores)

    def _uses_matrix(self) -> bool:
        return len(self._items) >= self.weights.matrix_min_items

    def _accumulate(self, query_weights: dict[str, float], exclude: Iterable[str]):
        """Every candidate's score from the full postings (exact)."""
        accumulated: dict[str, float] = {}
        get = accumulated.get
        for feature, query_weight in query_weights.items():
            for item_id, impact in self._postings[feature].items():
                accumulated[item_id] = get(item_id, 0.0) + query_weight * impact
        for item_id in exclude:
            accumulated.pop(item_id, None)
        return accumulated

    def _current_scorer(self) -> SparseScorer:
        if self._scorer is None or len(self._delta) > self.weights.matrix_max_delta:
            self._scorer = SparseScorer(self._postings, self._masks)
            self._delta.clear()
        return self._scorer

    def _matrix_scores(self, query: Item, query_weights: dict[str, float],
                       exclude: tuple[str, ...], keep: int, raw=None) -> dict[str, float]:
        scores = self._current_scorer().candidates(
            query_weights, region_mask(query), size_mask(query), self.weights.size_mismatch,
            keep + len(exclude), raw)
        postings = self._postings
        for item_id in self._delta:
            score = 0.0
            for feature, weight in query_weights.items():
                impact = postings[feature].get(item_id)
                if impact:
                    score += weight * impact
            if score > 0:
                scores[item_id] = score
        for item_id in exclude:
            scores.pop(item_id, None)
        return scores

    def contributions(self, query: Item | Profile, item_id: str) -> dict[str, float]:
        """How much each shared feature adds to one candidate's score (for reasons)."""
        profile = query if isinstance(query, Profile) else self.analyse(query)
        self._refresh_impacts()
        return self._contributions(self._query_weights(profile), item_id)

    def _contributions(self, query_weights: dict[str, float], item_id: str) -> dict[str, float]:
        # The few features both share (a set intersection in C), in the query's order.
        shared = query_weights.keys() & self._profiles[item_id].features.keys()
        result = {}
        if len(shared) < len(query_weights):
            features = [feature for feature in query_weights if feature in shared]
        else:
            features = list(query_weights)
        postings = self._postings
        for feature in features:
            impact = postings[feature].get(item_id)
            if impact:
                result[feature] = query_weights[feature] * impact
        return result

    # -- matching ---------------------------------------------------------------

    def top(self, query: Item, k: int = 10, *, min_score: float = 0.0) -> list[Match]:
        """The k best matches for an item, best first, each with its reasons.

        Candidates that do not serve the query's state rank below all that do;
        candidates for other town sizes lose part of their score. A candidate that shares
        no topic both items name (only a corpus neighbour, say) is left out: nobody could
        read why it was suggested.
        """
        if k <= 0:
            return []
        return self._top(query, self.analyse(query), k, min_score)

    def top_many(self, queries: Iterable[Item], k: int = 10, *,
                 min_score: float = 0.0, workers: int = 1) -> list[list[Match]]:
        """`top()` for many queries (a full recompute): the same lists, but a large
        catalog scores a batch of queries with one sparse product instead of one each.
        `workers` > 1 splits many queries over that many processes (see `parallel.py`)."""
        queries = list(queries)
        if k <= 0:
            return [[] for _ in queries]
        if workers > 1:
            return parallel.top_many(self, queries, k, min_score, workers)
        return self._top_many(queries, k, min_score)

    def _prepare_batches(self) -> None:
        """What every batch of queries shares: impacts up to date, the sparse matrix."""
        self._refresh_impacts()
        if self._uses_matrix():
            self._current_scorer()

    def _top_many(self, queries: list[Item], k: int, min_score: float) -> list[list[Match]]:
        if not self._uses_matrix():
            return [self._top(query, self.analyse(query), k, min_score) for query in queries]
        self._prepare_batches()
        results = []
        # The batch's dense scores stay near 16 MB whatever the catalog's size.
        size = max(1, min(_BATCH, _BATCH_SCORES // max(len(self._items), 1)))
        for start in range(0, len(queries), size):
            batch = queries[start:start + size]
            profiles = [self.analyse(query) for query in batch]
            weights = [self._query_weights(profile) for profile in profiles]
            rows = self._current_scorer().raw_scores(weights)
            results += [self._top(query, profile, k, min_score, query_weights, raw)
                        for query, profile, query_weights, raw
                        in zip(batch, profiles, weights, rows, strict=True)]
        return results

    def _top(self, query: Item, profile: Profile, k: int, min_score: float,
             query_weights: dict[str, float] | None = None, raw=None) -> list[Match]:
        itself = self._itself(query)
        shown: list[Match] = []
        examined = 0
        wanted = k
        explainer = None
        # Look a little further down for topical matches, but not through the whole
        # catalog: at most four times k candidates are explained.
        while True:
            query_weights, scores = self._scored(query, profile, itself, keep=4 * wanted + 50,
                                                 query_weights=query_weights, raw=raw)
            best = self._best(query, scores, wanted, min_score)
            if explainer is None:
                explainer = explain.Explainer(self, query, profile, query_weights)
            for (_, _, item_id, score) in best[examined:]:
                match = explainer.match(item_id, score)
                if match.topical:
                    shown.append(match)
                    if len(shown) == k:
                        return shown
            examined = len(best)
            if len(best) < wanted or wanted >= 4 * k:
                return shown
            wanted *= 2

    def ranking(self, query: Item) -> list[str]:
        """Every catalog id in rank order: matched candidates first, then the rest by id."""
        profile = self.analyse(query)
        itself = self._itself(query)
        scores = self._scored(query, profile, itself)[1]
        ranked = self._ranked(query, scores.items(), 0.0)
        ordered = [item_id for (_, _, item_id, _) in ranked]
        seen = set(ordered) | set(itself)
        return ordered + sorted(item_id for item_id in self._items if item_id not in seen)

    def _itself(self, query: Item) -> tuple[str, ...]:
        """The query's own entry, if it is in this catalog (same id and kind)."""
        indexed = self._items.get(query.id)
        return (query.id,) if indexed is not None and indexed.kind == query.kind else ()

    def _best(self, query: Item, scores: dict[str, float], k: int, min_score: float):
        """Top k under the constraints, looking at the best raw scores first: constraints
        only lower a score, so once k candidates in the query's state score at least
        the best raw score left unseen, the rest cannot overtake them."""
        shortlist_size = 4 * k + 50
        if len(scores) > shortlist_size:
            shortlist = largest(shortlist_size, scores.items(), key=itemgetter(1))
            best = self._ranked(query, shortlist, min_score)[:k]
            unseen_best = shortlist[-1][1]
            if len(best) == k and all(tier == 0 and score >= unseen_best
                                      for (tier, _, _, score) in best):
                return best
        return self._ranked(query, scores.items(), min_score)[:k]

    def _ranked(self, query: Item, pairs, min_score: float) -> list[tuple]:
        """Candidates in rank order: those serving the query's region first (tier 0), a
        size mismatch as a penalty, then by score and id; at or below `min_score` dropped.
        Built as a list in one loop, not through a generator and heapq: cheaper for the few
        hundred candidates of a shortlist."""
        size_penalty = self.weights.size_mismatch
        query_regions, query_sizes = region_mask(query), size_mask(query)
        masks = self._masks
        ranked = []
        append = ranked.append
        for item_id, score in pairs:
            regions, sizes = masks[item_id]
            if not sizes & query_sizes:
                score *= size_penalty
            if score > min_score:
                append((0 if regions & query_regions else 1, -score, item_id, score))
        ranked.sort()
        return ranked

    def _match(self, query: Item, profile: Profile, query_weights: dict[str, float],
               item_id: str, score: float) -> Match:
        return explain.match(self, query, profile, query_weights, item_id, score)


# Queries scored by one sparse product in `top_many()`: enough to amortise the call,
# few enough that their dense rows (queries x catalog scores) stay near 16 MB.
_BATCH = 200
_BATCH_SCORES = 2_000_000


def _item_words(item: Item) -> Iterable[str]:
    for text in (*item.tags, item.title, item.description):
        yield from words(text)
