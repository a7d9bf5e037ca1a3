"""The Elasticsearch engine, through the elasticsearch-dsl API.

The analyzers rebuild the chain of `search.analysis` (stop words, German
normalisation, ASCII folding, dictionary decompounding with the same word list,
Snowball German stems), and a `prefix` sub-field of edge n-grams over the stems lets
"Leerstand" find "Leerstandsmanagement", as the database engine's prefix queries do.
Visibility, type and facet filters sit in the query's filter context, so the facet
aggregations only count documents the user may see.

Documents are written to the alias `<prefix>-documents`; a full rebuild fills a new
index and swaps the alias in one step, so searching never sees a half-built index.
"""

from datetime import datetime

from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.dsl import (
    Date,
    Document,
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

from search.analysis import (
    COMPOUND_PARTS,
    MAX_PREFIX_LENGTH,
    MIN_COMPOUND_LENGTH,
    MIN_PART_LENGTH,
    MIN_PREFIX_LENGTH,
)
from search.documents import TAGS_FACET, TYPE_FACET
from search.engines.base import SearchEngine, SearchResults, sort_facet_counts

german_stop = token_filter("stadtlabor_german_stop", type="stop", stopwords="_german_")
german_decompounder = token_filter(
    "stadtlabor_decompounder",
    type="dictionary_decompounder",
    word_list=sorted(COMPOUND_PARTS),
    min_word_size=MIN_COMPOUND_LENGTH,
    min_subword_size=MIN_PART_LENGTH,
    max_subword_size=max(len(part) for part in COMPOUND_PARTS),
    only_longest_match=False,
)
german_stemmer = token_filter("stadtlabor_german_stemmer", type="snowball", language="German")
stem_prefixes = token_filter(
    "stadtlabor_stem_prefixes",
    type="edge_ngram",
    min_gram=MIN_PREFIX_LENGTH,
    max_gram=MAX_PREFIX_LENGTH,
)

_normalise = ["lowercase", german_stop, "german_normalization", "asciifolding"]

# Indexing: every word and the known parts of compounds, stemmed.
german_index = analyzer(
    "stadtlabor_german",
    tokenizer="standard",
    filter=[*_normalise, german_decompounder, german_stemmer],
)
# Indexing the prefix sub-field: the same terms, cut into leading n-grams.
german_prefix_index = analyzer(
    "stadtlabor_german_prefix",
    tokenizer="standard",
    filter=[*_normalise, german_decompounder, german_stemmer, stem_prefixes],
)
# Querying: no decompounding, so a compound in the query stays one required term.
german_query = analyzer(
    "stadtlabor_german_query",
    tokenizer="standard",
    filter=[*_normalise, german_stemmer],
)


def _german_text(**kwargs):
    return Text(
        analyzer=german_index,
        search_analyzer=german_query,
        fields={
            "prefix": Text(analyzer=german_prefix_index, search_analyzer=german_query),
            **kwargs,
        },
    )


class SearchIndexDocument(Document):
    """The stored form of `search.documents.SearchDocument`."""

    type = Keyword()
    object_id = Keyword()
    title = _german_text(raw=Keyword())
    tags = _german_text(raw=Keyword())
    body = _german_text()
    facets = Object(dynamic=True)
    url = Keyword(index=False)
    visibility = Keyword()
    date = Date(default_timezone="UTC")

    class Meta:
        dynamic = MetaField("strict")
        dynamic_templates = MetaField(
            [{"facets_as_keywords": {"path_match": "facets.*", "mapping": {"type": "keyword"}}}]
        )


# Fields a query word is looked up in, with their weights (title counts most).
QUERY_FIELDS = ["title^5", "title.prefix^2", "tags^3", "tags.prefix", "body", "body.prefix^0.5"]
EXCLUSION_FIELDS = ["title", "tags", "body"]


def facet_field(name):
    if name == TYPE_FACET:
        return "type"
    if name == TAGS_FACET:
        return "tags.raw"
    return f"facets.{name}"


def to_index_document(document):
    return SearchIndexDocument(
        meta={"id": document.key},
        type=document.type,
        object_id=document.id,
        title=document.title,
        tags=list(document.tags),
        body=document.body,
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

    def index_documents(self, documents):
        self.ensure_index()
        written, _errors = bulk(
            self.client, self._actions(documents, self.alias), refresh="wait_for"
        )
        return written

    def index_document(self, document):
        self.ensure_index()
        to_index_document(document).save(using=self.client, index=self.alias, refresh="wait_for")

    def remove_document(self, doc_type, object_id):
        try:
            self.client.delete(index=self.alias, id=f"{doc_type}:{object_id}", refresh="wait_for")
        except NotFoundError:
            pass

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
        return written

    # --- searching -----------------------------------------------------------------------

    def build_search(self, request):
        """The elasticsearch-dsl `Search` for a validated request (`.to_dict()` is the body)."""
        search = Search(using=self.client, index=self.alias)
        search = search.filter("terms", visibility=list(request.visibilities))
        if request.types:
            search = search.filter("terms", type=list(request.types))
        for name, values in request.filters.items():
            search = search.filter("terms", **{facet_field(name): list(values)})

        query = request.query
        for word in query.terms:
            search = search.query("multi_match", query=word, fields=QUERY_FIELDS)
        for word in query.excluded:
            search = search.exclude("multi_match", query=word, fields=EXCLUSION_FIELDS)

        newest_first = [{"date": {"order": "desc", "missing": "_last"}}, "title.raw"]
        search = search.sort(*(["_score"] if query.terms else []), *newest_first)

        for name in request.facets:
            search.aggs.bucket(name, "terms", field=facet_field(name), size=request.facet_size)
        search = search.source(["type", "object_id", "title", "url", "date", "body"])
        search = search.extra(track_total_hits=True)
        return search[request.offset : request.offset + request.per_page]

    def _search(self, request):
        response = self.build_search(request).execute()
        return self.results_from_response(request, response.to_dict())

    def results_from_response(self, request, response):
        hits = []
        for hit in response["hits"]["hits"]:
            source = hit["_source"]
            date = source.get("date")
            hits.append(
                self.make_hit(
                    request,
                    doc_type=source["type"],
                    object_id=source["object_id"],
                    title=source["title"],
                    url=source.get("url", ""),
                    date=datetime.fromisoformat(date) if isinstance(date, str) else date,
                    body=source.get("body", ""),
                    score=hit.get("_score"),
                )
            )
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
        return SearchResults(
            hits=hits,
            total=response["hits"]["total"]["value"],
            page=request.page,
            per_page=request.per_page,
            facets=facets,
        )
