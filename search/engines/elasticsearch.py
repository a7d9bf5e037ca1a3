"""The Elasticsearch engine, through the elasticsearch-dsl API.

It stores the same analysed terms as the database engine (`search.analysis`: folded stems
and the stems of compound parts, made in Python), so both engines agree on what matches;
an edge n-gram sub-field lets a stem match as a prefix, as the database's prefix queries
do. A search reads at most CANDIDATES documents matching in title or tags and CANDIDATES
matching anywhere, in the order of `static_rank`, and orders them with
`search.ranking.score()` — the same code as the database engine, so both rank alike.
Visibility, type and facet filters sit in the query's filter context, so the facet
aggregations only count documents the user may see. Public documents also carry their
words (`words`), which the term suggester reads for "Meinten Sie …?".

Documents are written to the alias `<prefix>-documents`; a full rebuild fills a new
index and swaps the alias in one step, so searching never sees a half-built index.
"""

from datetime import datetime

from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.dsl import (
    Date,
    Document,
    Float,
    Index,
    Keyword,
    MetaField,
    Object,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
)
from elasticsearch.helpers import bulk

from search import result_cache
from search.analysis import MAX_PREFIX_LENGTH, MIN_PREFIX_LENGTH, fold
from search.documents import PUBLIC, TAGS_FACET, TYPE_FACET
from search.engines.base import COUNT_LIMIT, SearchEngine, SearchResults, sort_facet_counts
from search.ranking import analysed_fields, static_rank, type_label
from search.vocabulary import document_words

CANDIDATES = 150

stem_prefixes = token_filter(
    "stadtlabor_stem_prefixes",
    type="edge_ngram",
    min_gram=MIN_PREFIX_LENGTH,
    max_gram=MAX_PREFIX_LENGTH,
)
# The terms arrive analysed; the prefix sub-field cuts them into leading n-grams.
terms_prefix_index = analyzer(
    "stadtlabor_terms_prefix", tokenizer="whitespace", filter=[stem_prefixes]
)


def _terms_field():
    return Text(
        analyzer="whitespace",
        fields={"prefix": Text(analyzer=terms_prefix_index, search_analyzer="whitespace")},
    )


class SearchIndexDocument(Document):
    """The stored form of `search.documents.SearchDocument`, with its analysed terms."""

    type = Keyword()
    object_id = Keyword()
    title = Text(fields={"raw": Keyword()})
    tags = Keyword()
    body = Text(index=False)
    parts = Object(enabled=False)
    title_terms = _terms_field()
    tag_terms = _terms_field()
    body_terms = _terms_field()
    terms = Object(enabled=False)
    static_rank = Float()
    words = Keyword()
    facets = Object(dynamic=True)
    url = Keyword(index=False)
    visibility = Keyword()
    date = Date(default_timezone="UTC")

    class Meta:
        dynamic = MetaField("strict")
        dynamic_templates = MetaField(
            [{"facets_as_keywords": {"path_match": "facets.*", "mapping": {"type": "keyword"}}}]
        )


TITLE_FIELDS = ["title_terms", "tag_terms"]
ALL_FIELDS = [*TITLE_FIELDS, "body_terms"]
CANDIDATE_SOURCE = ["type", "object_id", "title", "url", "date", "terms"]


def facet_field(name):
    if name == TYPE_FACET:
        return "type"
    if name == TAGS_FACET:
        return "tags"
    return f"facets.{name}"


def _stem_query(stem, fields):
    """A stem as a prefix (or exactly, when short) in any of `fields`."""
    if len(stem) >= MIN_PREFIX_LENGTH:
        return Q(
            "multi_match", query=stem[:MAX_PREFIX_LENGTH], fields=[f"{f}.prefix" for f in fields]
        )
    return Q("multi_match", query=stem, fields=fields)


def match_query(query, fields):
    """Every query word: its stem as a prefix, or all of its compound parts."""
    clauses = []
    for whole, parts in query.alternatives:
        clause = _stem_query(whole, fields)
        if parts:
            every_part = Q("bool", must=[_stem_query(part, fields) for part in parts])
            clause = Q("bool", should=[clause, every_part], minimum_should_match=1)
        clauses.append(clause)
    return Q("bool", must=clauses)


def to_index_document(document):
    fields = analysed_fields(
        document.title, document.tags, document.searchable_body, type_label(document.type)
    )
    return SearchIndexDocument(
        meta={"id": document.key},
        type=document.type,
        object_id=document.id,
        title=document.title,
        tags=list(document.tags),
        body=document.body,
        parts=[{"url": part.url, "text": part.text} for part in document.parts],
        title_terms=" ".join(fields["t"] + fields["tp"]),
        tag_terms=" ".join(fields["g"] + fields["gp"]),
        body_terms=" ".join(fields["b"] + fields["bp"]),
        terms=fields,
        static_rank=static_rank(document.type, document.date),
        words=sorted(document_words(document)) if document.visibility == PUBLIC else [],
        facets={name: list(values) for name, values in document.facets.items()},
        url=document.url,
        visibility=document.visibility,
        date=document.date,
    )


class ElasticsearchEngine(SearchEngine):
    def __init__(self, url="", index_prefix="", client=None):
        super().__init__(url=url, index_prefix=index_prefix)
        self._client = client
        self.alias = f"{self.index_prefix}-documents"

    @property
    def client(self):
        if self._client is None:
            self._client = Elasticsearch(self.url, request_timeout=10, retry_on_timeout=True)
        return self._client

    def ping(self):
        self.client.info()

    # --- index management ----------------------------------------------------------------

    def index_definition(self, name=None):
        index = Index(name or self.alias)
        index.settings(number_of_shards=1)
        index.mapping(SearchIndexDocument._doc_type.mapping)
        return index

    def _new_index_name(self):
        return f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"

    def ensure_index(self):
        if not self.client.indices.exists_alias(name=self.alias):
            name = self._new_index_name()
            index = self.index_definition(name)
            index.aliases(**{self.alias: {}})
            index.create(using=self.client)

    def indices_behind_alias(self):
        if not self.client.indices.exists_alias(name=self.alias):
            return []
        return list(self.client.indices.get_alias(name=self.alias))

    # --- writing -------------------------------------------------------------------------

    def _actions(self, documents, index):
        for document in documents:
            action = to_index_document(document).to_dict(include_meta=True)
            action["_index"] = index
            yield action

    def index_documents(self, documents, progress=None):
        self.ensure_index()
        written, _errors = bulk(
            self.client, self._actions(documents, self.alias), refresh="wait_for"
        )
        result_cache.index_changed()
        return written

    def index_document(self, document):
        self.ensure_index()
        to_index_document(document).save(using=self.client, index=self.alias, refresh="wait_for")
        result_cache.index_changed()

    def remove_document(self, doc_type, object_id):
        try:
            self.client.delete(index=self.alias, id=f"{doc_type}:{object_id}", refresh="wait_for")
        except NotFoundError:
            pass
        result_cache.index_changed()

    def rebuild(self, documents, types=None):
        if types is not None:
            self.ensure_index()
            self.client.delete_by_query(
                index=self.alias,
                query=Q("terms", type=list(types)).to_dict(),
                refresh=True,
                conflicts="proceed",
            )
            return self.index_documents(documents)

        name = self._new_index_name()
        self.index_definition(name).create(using=self.client)
        written, _errors = bulk(self.client, self._actions(documents, name))
        self.client.indices.refresh(index=name)
        old = self.indices_behind_alias()
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)
        result_cache.index_changed()
        return written

    # --- searching -----------------------------------------------------------------------

    def _filtered(self, request):
        search = Search(using=self.client, index=self.alias)
        search = search.filter("terms", visibility=list(request.visibilities))
        if request.types:
            search = search.filter("terms", type=list(request.types))
        for name, values in request.filters.items():
            search = search.filter("terms", **{facet_field(name): list(values)})
        for stem in request.query.excluded_stems:
            search = search.exclude("multi_match", query=stem, fields=ALL_FIELDS)
        return search

    def build_search(self, request):
        """The search for all matches (`.to_dict()` is the body): candidates, count, facets.

        Without query words it is the page itself, newest first.
        """
        search = self._filtered(request)
        for name in request.facets:
            search.aggs.bucket(name, "terms", field=facet_field(name), size=request.facet_size)
        search = search.extra(track_total_hits=COUNT_LIMIT + 1)
        if request.query.is_empty:
            search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "title.raw")
            search = search.source([*CANDIDATE_SOURCE, "body", "parts"])
            return search[request.offset : request.offset + request.per_page]
        search = search.query(match_query(request.query, ALL_FIELDS))
        search = search.sort({"static_rank": "desc"}, "object_id").source(CANDIDATE_SOURCE)
        return search[:CANDIDATES]

    def build_title_search(self, request):
        """The search for candidates matching in title or tags."""
        search = self._filtered(request).query(match_query(request.query, TITLE_FIELDS))
        search = search.sort({"static_rank": "desc"}, "object_id").source(CANDIDATE_SOURCE)
        return search.extra(track_total_hits=False)[:CANDIDATES]

    def _search(self, request):
        response = self.build_search(request).execute().to_dict()
        title_response = None
        if not request.query.is_empty:
            title_response = self.build_title_search(request).execute().to_dict()
        return self.results_from_responses(request, response, title_response)

    @staticmethod
    def _row(hit):
        source = hit["_source"]
        date = source.get("date")
        return {
            "pk": hit["_id"],
            "doc_type": source["type"],
            "object_id": source["object_id"],
            "title": source["title"],
            "url": source.get("url", ""),
            "date": datetime.fromisoformat(date) if isinstance(date, str) else date,
            "terms": source.get("terms") or {},
            "body": source.get("body", ""),
            "parts": source.get("parts") or [],
        }

    def _details(self, ids):
        if not ids:
            return {}
        response = self.client.mget(index=self.alias, ids=ids, source=["body", "parts"])
        return {
            doc["_id"]: {
                "body": doc["_source"].get("body", ""),
                "parts": doc["_source"].get("parts") or [],
            }
            for doc in response["docs"]
            if doc.get("found")
        }

    def results_from_responses(self, request, response, title_response=None):
        total_info = response["hits"]["total"]
        total = total_info["value"]
        if title_response is None:
            page_rows = [self._row(hit) for hit in response["hits"]["hits"]]
            reachable = total
        else:
            seen, candidates = set(), []
            for hit in title_response["hits"]["hits"] + response["hits"]["hits"]:
                if hit["_id"] not in seen:
                    seen.add(hit["_id"])
                    candidates.append(self._row(hit))
            ranked = self.rank(request, candidates)
            page_rows = ranked[request.offset : request.offset + request.per_page]
            details = self._details([row["pk"] for row in page_rows])
            page_rows = [{**row, **details.get(row["pk"], {})} for row in page_rows]
            reachable = len(ranked)
        hits = [
            self.make_hit(
                request,
                doc_type=row["doc_type"],
                object_id=row["object_id"],
                title=row["title"],
                url=row["url"],
                date=row["date"],
                body=row["body"],
                parts=row["parts"],
                score=row.get("score"),
            )
            for row in page_rows
        ]
        aggregations = response.get("aggregations", {})
        facets = {
            name: sort_facet_counts(
                {
                    str(bucket["key"]): bucket["doc_count"]
                    for bucket in aggregations.get(name, {}).get("buckets", [])
                },
                request.facet_size,
            )
            for name in request.facets
        }
        exact = total_info.get("relation", "eq") == "eq" and total <= COUNT_LIMIT
        return SearchResults(
            hits=self.unique_urls(hits),
            total=min(total, COUNT_LIMIT + 1),
            page=request.page,
            per_page=request.per_page,
            facets=facets,
            total_is_exact=exact,
            reachable=min(reachable, total),
        )

    # --- vocabulary ----------------------------------------------------------------------

    def known_word(self, word):
        body = {"query": {"prefix": {"words": fold(word)}}}
        return self.client.count(index=self.alias, **body)["count"] > 0

    def suggest_body(self, word, limit=20):
        return {
            "size": 0,
            "suggest": {
                "word": {
                    "text": fold(word),
                    "term": {
                        "field": "words",
                        "suggest_mode": "always",
                        "max_edits": 2,
                        "size": limit,
                        "min_word_length": 3,
                    },
                }
            },
        }

    def similar_words(self, word, limit=20):
        response = self.client.search(index=self.alias, **self.suggest_body(word, limit))
        options = [
            option
            for entry in response.get("suggest", {}).get("word", [])
            for option in entry.get("options", [])
        ]
        return [(option["text"], option["text"], option.get("freq", 0)) for option in options]

    def completions_body(self, prefix, limit=8):
        folded = fold(prefix)
        return {
            "size": 0,
            "query": {"prefix": {"words": folded}},
            "aggs": {
                "words": {
                    "terms": {
                        "field": "words",
                        "include": f"{_regex_escape(folded)}.*",
                        "size": limit,
                    }
                }
            },
        }

    def completions(self, prefix, limit=8):
        if len(fold(prefix)) < 2:
            return []
        response = self.client.search(index=self.alias, **self.completions_body(prefix, limit))
        return [bucket["key"] for bucket in response["aggregations"]["words"]["buckets"]]


def _regex_escape(text):
    return "".join(char if char.isalnum() else f"\\{char}" for char in text)
