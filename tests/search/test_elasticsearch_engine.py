"""The Elasticsearch engine without a server: its mapping, analyzers and request bodies."""

from datetime import UTC, datetime

import pytest
from elasticsearch import ConnectionError as ElasticsearchConnectionError

import search
from search.analysis import parse_query
from search.documents import MEMBERS, PUBLIC
from search.engines.base import SearchRequest
from search.engines.elasticsearch import ElasticsearchEngine, to_index_document
from tests.search.conftest import document


@pytest.fixture
def es_engine():
    return ElasticsearchEngine(url="http://127.0.0.1:9200", index_prefix="stadtlabor-test")


def make_request(query="", *, visibilities=(PUBLIC,), types=(), filters=None, facets=(), page=1):
    return SearchRequest(
        query=parse_query(query),
        visibilities=visibilities,
        types=types,
        filters=filters or {},
        facets=facets,
        page=page,
        per_page=10,
        facet_size=20,
    )


def test_elasticsearch_url_selects_the_elasticsearch_engine(settings):
    settings.SEARCH_ENGINE = {
        "BACKEND": "search.engines.elasticsearch.ElasticsearchEngine",
        "URL": "http://search.example:9200",
        "INDEX_PREFIX": "stadtlabor",
    }
    engine = search.engine()
    assert isinstance(engine, ElasticsearchEngine)
    assert engine.alias == "stadtlabor-documents"


def test_ping_raises_when_no_server_answers():
    engine = ElasticsearchEngine(url="http://127.0.0.1:9", index_prefix="x")
    with pytest.raises(ElasticsearchConnectionError):
        engine.ping()


def test_mapping_indexes_the_analysed_terms_with_prefixes(es_engine):
    body = es_engine.index_definition().to_dict()
    analysis = body["settings"]["analysis"]
    assert analysis["filter"]["stadtlabor_stem_prefixes"] == {
        "type": "edge_ngram",
        "min_gram": 2,
        "max_gram": 30,
    }
    assert analysis["analyzer"]["stadtlabor_terms_prefix"] == {
        "type": "custom",
        "tokenizer": "whitespace",
        "filter": ["stadtlabor_stem_prefixes"],
    }
    properties = body["mappings"]["properties"]
    for name in ("title_terms", "tag_terms", "body_terms"):
        assert properties[name]["analyzer"] == "whitespace"
        assert properties[name]["fields"]["prefix"]["analyzer"] == "stadtlabor_terms_prefix"
        assert properties[name]["fields"]["prefix"]["search_analyzer"] == "whitespace"
    assert properties["terms"] == {"type": "object", "enabled": False}
    assert properties["parts"] == {"type": "object", "enabled": False}
    assert properties["static_rank"] == {"type": "float"}
    for name in ("type", "object_id", "visibility", "tags", "words"):
        assert properties[name] == {"type": "keyword"}
    assert body["mappings"]["dynamic"] == "strict"


def test_documents_carry_the_same_analysed_terms_as_the_database_engine(es_engine):
    stored = to_index_document(
        document(
            5,
            "Förderprogramme für Innenstädte",
            "Frequenzmessung im Zentrum",
            tags=["Leerstand"],
            facets={"kind": "kommune"},
            visibility=MEMBERS,
        )
    ).to_dict(include_meta=True)

    assert stored["_id"] == "artikel:5"
    source = stored["_source"]
    assert source["title_terms"].split()[:2] == ["forderprogramm", "innenstadt"]
    assert {"programm", "stadt"} <= set(source["title_terms"].split())
    assert {"frequenz", "mess"} <= set(source["body_terms"].split())
    assert source["terms"]["g"] == ["leerstand"]
    assert source["facets"] == {"kind": ["kommune"]}
    assert source["visibility"] == "members"
    # Members-only words never reach the vocabulary of suggestions.
    assert "words" not in source or source["words"] == []
    public = to_index_document(document(6, "Leerstandsmanagement")).to_dict()
    assert public["words"] == ["leerstandsmanagement"]


def test_visibility_and_filters_sit_in_the_filter_context_so_facet_counts_respect_them(es_engine):
    body = es_engine.build_search(
        make_request(
            "Leerstand",
            visibilities=(PUBLIC,),
            types=("organisation",),
            filters={"kind": ("kommune", "anbieter"), "tags": ("Mobilität",)},
            facets=("type", "kind", "tags"),
        )
    ).to_dict()

    assert body["query"]["bool"]["filter"] == [
        {"terms": {"visibility": ["public"]}},
        {"terms": {"type": ["organisation"]}},
        {"terms": {"facets.kind": ["kommune", "anbieter"]}},
        {"terms": {"tags": ["Mobilität"]}},
    ]
    assert "post_filter" not in body
    assert body["aggs"] == {
        "type": {"terms": {"field": "type", "size": 20}},
        "kind": {"terms": {"field": "facets.kind", "size": 20}},
        "tags": {"terms": {"field": "tags", "size": 20}},
    }
    # Counting stops after 1,000; candidates are read in the precomputed order, bounded.
    assert body["track_total_hits"] == 1001
    assert body["sort"] == [{"static_rank": "desc"}, "object_id"]
    assert body["size"] == 150


def test_a_compound_query_word_matches_whole_or_by_its_parts(es_engine):
    body = es_engine.build_search(make_request("Frequenzmessung -Berlin")).to_dict()
    (word,) = body["query"]["bool"]["must"]
    whole, parts = word["bool"]["should"]
    assert whole == {
        "multi_match": {
            "query": "frequenzmess",
            "fields": ["title_terms.prefix", "tag_terms.prefix", "body_terms.prefix"],
        }
    }
    assert [clause["multi_match"]["query"] for clause in parts["bool"]["must"]] == [
        "frequenz",
        "mess",
    ]
    assert {
        "bool": {
            "must_not": [
                {
                    "multi_match": {
                        "query": "berlin",
                        "fields": ["title_terms", "tag_terms", "body_terms"],
                    }
                }
            ]
        }
    } in body["query"]["bool"]["filter"]


def test_title_candidates_look_in_title_and_tags_only(es_engine):
    body = es_engine.build_title_search(make_request("Leerstand")).to_dict()
    (word,) = body["query"]["bool"]["must"]
    fields = word["bool"]["should"][0]["multi_match"]["fields"]
    assert fields == ["title_terms.prefix", "tag_terms.prefix"]


def test_an_empty_query_lists_newest_first(es_engine):
    body = es_engine.build_search(make_request("", page=3)).to_dict()
    assert "must" not in body["query"]["bool"]
    assert body["sort"] == [{"date": {"order": "desc", "missing": "_last"}}, "title.raw"]
    assert (body["from"], body["size"]) == (20, 10)


def test_suggestion_and_completion_bodies_read_the_public_vocabulary(es_engine):
    suggest = es_engine.suggest_body("Leerstnad")["suggest"]["word"]
    assert suggest["text"] == "leerstnad"
    assert suggest["term"]["field"] == "words"
    assert suggest["term"]["max_edits"] == 2
    completions = es_engine.completions_body("Förder")
    assert completions["query"] == {"prefix": {"words": "forder"}}
    assert completions["aggs"]["words"]["terms"]["include"] == "forder.*"


def _hit(doc_id, doc_type, title, terms, date="2026-03-01T09:30:00+00:00"):
    return {
        "_id": f"{doc_type}:{doc_id}",
        "_source": {
            "type": doc_type,
            "object_id": str(doc_id),
            "title": title,
            "url": f"/{doc_type}/{doc_id}/",
            "date": date,
            "terms": terms,
        },
    }


class _MgetClient:
    def mget(self, index, ids, source):
        return {
            "docs": [
                {
                    "_id": doc_id,
                    "found": True,
                    "_source": {
                        "body": "Unser Leerstandsmanagement wirkt.",
                        "parts": [
                            {"url": "/forum/beitrag/9/", "text": "Leerstand und mehr Leerstand"}
                        ]
                        if doc_id.startswith("forum_thread")
                        else [],
                    },
                }
                for doc_id in ids
            ]
        }


def test_responses_are_ranked_like_the_database_engine(es_engine):
    es_engine._client = _MgetClient()
    request = make_request("Leerstand", facets=("type",))
    thread = _hit(1, "forum_thread", "Frage", {"t": ["frag"], "b": ["leerstand"]})
    case = _hit(2, "case_study", "Leerstand beheben", {"t": ["beheb", "leerstand"]})
    response = {
        "hits": {"total": {"value": 2, "relation": "eq"}, "hits": [thread, case]},
        "aggregations": {"type": {"buckets": [{"key": "case_study", "doc_count": 1}]}},
    }
    title_response = {"hits": {"hits": [case]}}

    results = es_engine.results_from_responses(request, response, title_response)

    assert [hit.type for hit in results.hits] == ["case_study", "forum_thread"]
    assert results.hits[0].date == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    # The thread links to its best-matching reply.
    assert results.hits[1].url == "/forum/beitrag/9/"
    assert (results.total, results.total_is_exact) == (2, True)
    assert results.facet_counts("type") == {"case_study": 1}


def test_more_than_a_thousand_matches_are_not_counted_exactly(es_engine):
    es_engine._client = _MgetClient()
    response = {"hits": {"total": {"value": 1001, "relation": "gte"}, "hits": []}}
    results = es_engine.results_from_responses(
        make_request("Stadt"), response, {"hits": {"hits": []}}
    )
    assert (results.total, results.total_is_exact) == (1001, False)
