"""The Elasticsearch engine without a server: its mapping, analyzers and request bodies."""

from datetime import UTC, datetime

import pytest
from elasticsearch import ConnectionError as ElasticsearchConnectionError

import search
from search.analysis import COMPOUND_PARTS, parse_query
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


def test_mapping_analyses_german_with_stems_folding_and_compounds(es_engine):
    body = es_engine.index_definition().to_dict()
    analysis = body["settings"]["analysis"]
    filters = analysis["filter"]

    index_chain = analysis["analyzer"]["stadtlabor_german"]["filter"]
    assert index_chain == [
        "lowercase",
        "stadtlabor_german_stop",
        "german_normalization",
        "asciifolding",
        "stadtlabor_decompounder",
        "stadtlabor_german_stemmer",
    ]
    assert filters["stadtlabor_german_stop"] == {"type": "stop", "stopwords": "_german_"}
    assert filters["stadtlabor_german_stemmer"] == {"type": "snowball", "language": "German"}
    assert filters["stadtlabor_decompounder"]["type"] == "dictionary_decompounder"
    assert filters["stadtlabor_decompounder"]["word_list"] == sorted(COMPOUND_PARTS)
    assert filters["stadtlabor_stem_prefixes"] == {
        "type": "edge_ngram",
        "min_gram": 2,
        "max_gram": 30,
    }
    assert (
        analysis["analyzer"]["stadtlabor_german_prefix"]["filter"][-1] == "stadtlabor_stem_prefixes"
    )
    # Queries are not decompounded: a compound typed by a visitor stays one required word.
    assert (
        "stadtlabor_decompounder" not in analysis["analyzer"]["stadtlabor_german_query"]["filter"]
    )


def test_mapping_stores_the_plain_search_document(es_engine):
    mappings = es_engine.index_definition().to_dict()["mappings"]
    properties = mappings["properties"]

    for name in ("title", "tags", "body"):
        assert properties[name]["analyzer"] == "stadtlabor_german"
        assert properties[name]["search_analyzer"] == "stadtlabor_german_query"
        assert properties[name]["fields"]["prefix"]["analyzer"] == "stadtlabor_german_prefix"
    assert properties["tags"]["fields"]["raw"] == {"type": "keyword"}
    for name in ("type", "object_id", "visibility"):
        assert properties[name] == {"type": "keyword"}
    assert properties["date"]["type"] == "date"
    assert mappings["dynamic"] == "strict"
    assert mappings["dynamic_templates"] == [
        {"facets_as_keywords": {"path_match": "facets.*", "mapping": {"type": "keyword"}}}
    ]


def test_documents_are_stored_under_type_and_id(es_engine):
    stored = to_index_document(
        document(
            5,
            "Lindenau",
            "Text",
            tags=["Leerstand"],
            facets={"kind": "kommune"},
            visibility=MEMBERS,
        )
    ).to_dict(include_meta=True)

    assert stored["_id"] == "artikel:5"
    assert stored["_source"] == {
        "type": "artikel",
        "object_id": "5",
        "title": "Lindenau",
        "tags": ["Leerstand"],
        "body": "Text",
        "facets": {"kind": ["kommune"]},
        "url": "/artikel/5/",
        "visibility": "members",
    }


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
        {"terms": {"tags.raw": ["Mobilität"]}},
    ]
    assert "post_filter" not in body
    assert body["aggs"] == {
        "type": {"terms": {"field": "type", "size": 20}},
        "kind": {"terms": {"field": "facets.kind", "size": 20}},
        "tags": {"terms": {"field": "tags.raw", "size": 20}},
    }
    assert body["track_total_hits"] is True


def test_every_query_word_must_match_in_some_field_and_minus_words_are_excluded(es_engine):
    body = es_engine.build_search(make_request("die Leerstände -Berlin", page=3)).to_dict()
    boolean = body["query"]["bool"]

    (required,) = boolean["must"]
    assert required["multi_match"]["query"] == "leerstände"
    assert "title.prefix^2" in required["multi_match"]["fields"]
    assert "body.prefix^0.5" in required["multi_match"]["fields"]
    assert {
        "bool": {
            "must_not": [{"multi_match": {"query": "berlin", "fields": ["title", "tags", "body"]}}]
        }
    } in boolean["filter"]
    assert (body["from"], body["size"]) == (20, 10)
    assert body["sort"][0] == "_score"


def test_an_empty_query_lists_newest_first(es_engine):
    body = es_engine.build_search(make_request("")).to_dict()
    assert "must" not in body["query"]["bool"]
    assert body["sort"] == [{"date": {"order": "desc", "missing": "_last"}}, "title.raw"]


def test_responses_become_the_same_results_as_the_database_engine(es_engine):
    request = make_request("Leerstand", facets=("type", "kind"))
    response = {
        "hits": {
            "total": {"value": 11, "relation": "eq"},
            "hits": [
                {
                    "_id": "organisation:3",
                    "_score": 4.2,
                    "_source": {
                        "type": "organisation",
                        "object_id": "3",
                        "title": "Stadt Lindenau",
                        "url": "/mitglieder/lindenau/",
                        "date": "2026-03-01T09:30:00+00:00",
                        "body": "Unser Leerstandsmanagement wirkt.",
                    },
                }
            ],
        },
        "aggregations": {
            "type": {"buckets": [{"key": "organisation", "doc_count": 11}]},
            "kind": {
                "buckets": [{"key": "kommune", "doc_count": 7}, {"key": "anbieter", "doc_count": 4}]
            },
        },
    }

    results = es_engine.results_from_response(request, response)

    (hit,) = results.hits
    assert (hit.type, hit.id, hit.title, hit.url) == (
        "organisation",
        "3",
        "Stadt Lindenau",
        "/mitglieder/lindenau/",
    )
    assert hit.date == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert [part.text for part in hit.snippet_parts if part.match] == ["Leerstandsmanagement"]
    assert (results.total, results.num_pages) == (11, 2)
    assert results.facet_counts("kind") == {"kommune": 7, "anbieter": 4}
