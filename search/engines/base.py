"""The interface both search engines implement, and the results they return."""

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass, field, replace
from datetime import datetime

from search import ranking, result_cache
from search.access import visibilities_for
from search.analysis import (
    SnippetPart,
    analyse_word,
    make_snippet,
    parse_query,
    query_match_stems,
    words,
)
from search.documents import PUBLIC
from search.vocabulary import closest

DEFAULT_PER_PAGE = 10
MAX_PER_PAGE = 100
FACET_SIZE = 20
# Counting stops here: more matches are reported as "mehr als 1.000".
COUNT_LIMIT = 1000
# With fewer hits than this, a corrected query is offered ("Meinten Sie …?").
FEW_HITS = 3


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int


@dataclass(frozen=True)
class SearchHit:
    type: str
    id: str
    title: str
    url: str
    date: datetime | None
    snippet_parts: tuple[SnippetPart, ...] = ()
    score: float | None = None

    @property
    def snippet(self):
        return "".join(part.text for part in self.snippet_parts)


@dataclass(frozen=True)
class SearchResults:
    hits: list[SearchHit]
    total: int
    page: int
    per_page: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    # False when counting stopped at COUNT_LIMIT (then facets count the first COUNT_LIMIT).
    total_is_exact: bool = True
    # How many hits can be paged to (the ranked candidates); None: all of them.
    reachable: int | None = None
    # "Meinten Sie …?": a corrected query, and whether the hits are already for it.
    suggestion: str = ""
    corrected: bool = False

    @property
    def num_pages(self):
        reachable = self.total if self.reachable is None else min(self.total, self.reachable)
        return max(1, math.ceil(reachable / self.per_page))

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.num_pages

    def facet_counts(self, name):
        return {facet.value: facet.count for facet in self.facets.get(name, [])}


@dataclass(frozen=True)
class SearchRequest:
    """A validated search: every engine receives exactly this."""

    query: object  # analysis.ParsedQuery
    visibilities: tuple[str, ...]
    types: tuple[str, ...]
    filters: dict[str, tuple[str, ...]]
    facets: tuple[str, ...]
    page: int
    per_page: int
    facet_size: int

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


def sort_facet_counts(counts, size):
    """Most frequent first, ties by value: the order Elasticsearch's terms aggregation uses."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [FacetCount(value, count) for value, count in ordered[:size] if count > 0]


def _matches(snippet, wholes):
    """How well a snippet matches: a whole query word counts three times a part of one."""
    total = 0
    for part in snippet:
        if part.match:
            stem = analyse_word(part.text.lower())[0]
            total += 3 if any(stem.startswith(whole) for whole in wholes) else 1
    return total


class SearchEngine(ABC):
    def __init__(self, url="", index_prefix=""):
        self.url = url
        self.index_prefix = index_prefix or "stadtlabor"

    def search(
        self,
        query="",
        *,
        user=None,
        visibilities=None,
        types=None,
        filters=None,
        facets=None,
        page=1,
        per_page=DEFAULT_PER_PAGE,
        facet_size=FACET_SIZE,
    ):
        """Hits and facet counts for `query`, limited to what `user` may see.

        Without `user` or `visibilities` only public documents are searched. `filters`
        maps facet names to accepted values (any of them); different facets combine
        with AND. An empty query lists all visible documents, newest first.
        """
        if visibilities is None:
            visibilities = visibilities_for(user) if user is not None else (PUBLIC,)
        request = SearchRequest(
            query=parse_query(query),
            visibilities=tuple(visibilities),
            types=tuple(types or ()),
            filters={
                name: tuple(str(value) for value in values)
                for name, values in (filters or {}).items()
                if values
            },
            facets=tuple(facets or ()),
            page=max(1, int(page or 1)),
            per_page=min(MAX_PER_PAGE, max(1, int(per_page))),
            facet_size=facet_size,
        )
        if request.query.text and request.query.is_empty:
            # Only stop words or punctuation: nothing can match.
            return SearchResults(
                hits=[],
                total=0,
                page=request.page,
                per_page=request.per_page,
                facets={name: [] for name in request.facets},
            )
        return result_cache.cached(self, request, lambda: self._answer(request))

    def _answer(self, request):
        results = self._search(request)
        if request.query.is_empty or results.total >= FEW_HITS:
            return results
        suggestion = self.suggest(request.query)
        if not suggestion:
            return results
        if results.total:
            return replace(results, suggestion=suggestion)
        corrected = self._search(replace(request, query=parse_query(suggestion)))
        return replace(corrected, suggestion=suggestion, corrected=bool(corrected.total))

    # --- "Meinten Sie …?" ----------------------------------------------------------------

    def suggest(self, query):
        """The query with every word the index does not know replaced by the closest one."""
        changed, corrected = False, []
        for word in words(query.text):
            if word in query.terms and not self.known_word(word):
                replacement = closest(word, self.similar_words(word))
                if replacement:
                    corrected.append(replacement)
                    changed = True
                    continue
            corrected.append(word)
        return " ".join(corrected) if changed else ""

    def known_word(self, word):
        """Whether an indexed word starts with `word` (folded)."""
        return True

    def similar_words(self, word, limit=20):
        """Indexed words like `word`: [(folded, as written, frequency)]."""
        return []

    def completions(self, prefix, limit=8):
        """Indexed words starting with `prefix`, most used first (suggestions as you type)."""
        return []

    # --- ranking and hits (the same for every engine) ------------------------------------

    @staticmethod
    def rank(request, candidates):
        """Order candidate rows ({"doc_type", "terms", "date", …}) by `ranking.score`."""
        alternatives = request.query.alternatives
        scored = [
            {
                **row,
                "score": ranking.score(
                    alternatives, row["doc_type"], row["terms"] or {}, row["date"]
                ),
            }
            for row in candidates
        ]
        scored.sort(key=lambda row: (-row["score"], row["title"], str(row["object_id"])))
        return scored

    @staticmethod
    def unique_urls(hits):
        """Never the same address twice on a page."""
        seen, unique = set(), []
        for hit in hits:
            if hit.url not in seen:
                seen.add(hit.url)
                unique.append(hit)
        return unique

    @staticmethod
    def make_hit(request, *, doc_type, object_id, title, url, date, body, parts=(), score=None):
        """A hit; a document with parts (a thread's replies) links to its best-matching part."""
        snippet = make_snippet(body, request.query)
        wholes = tuple(whole for whole, _parts in request.query.alternatives)
        best = _matches(snippet, wholes)
        if parts and query_match_stems(request.query):
            for part in parts:
                part_snippet = make_snippet(part["text"], request.query)
                if _matches(part_snippet, wholes) > best:
                    best, snippet, url = _matches(part_snippet, wholes), part_snippet, part["url"]
        return SearchHit(
            type=doc_type,
            id=object_id,
            title=title,
            url=url,
            date=date,
            snippet_parts=snippet,
            score=score,
        )

    @abstractmethod
    def _search(self, request):
        """Run a validated `SearchRequest` and return `SearchResults`."""

    @abstractmethod
    def ping(self):
        """Raise when the engine cannot answer."""

    @abstractmethod
    def index_documents(self, documents):
        """Add or replace documents; return how many were written."""

    def index_document(self, document):
        self.index_documents([document])

    @abstractmethod
    def remove_document(self, doc_type, object_id):
        """Remove one document; removing a missing one is no error."""

    @abstractmethod
    def rebuild(self, documents, types=None):
        """Replace the documents of `types` (everything when None) with `documents`."""
