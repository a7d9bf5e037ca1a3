"""The interface both search engines implement, and the results they return."""

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime

from search.access import visibilities_for
from search.analysis import SnippetPart, make_snippet, parse_query
from search.documents import PUBLIC

DEFAULT_PER_PAGE = 10
MAX_PER_PAGE = 100
FACET_SIZE = 20


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

    @property
    def num_pages(self):
        return max(1, math.ceil(self.total / self.per_page))

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
        return self._search(request)

    @staticmethod
    def make_hit(request, *, doc_type, object_id, title, url, date, body, score=None):
        return SearchHit(
            type=doc_type,
            id=object_id,
            title=title,
            url=url,
            date=date,
            snippet_parts=make_snippet(body, request.query),
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
