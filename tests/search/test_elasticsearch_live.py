"""The Elasticsearch engine against a real server; runs only when ELASTICSEARCH_URL is set."""

import os
import uuid

import pytest

from search.documents import MEMBERS
from search.engines.elasticsearch import ElasticsearchEngine
from tests.search.conftest import document

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = pytest.mark.skipif(
    not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL ist nicht gesetzt: kein Elasticsearch-Server."
)


@pytest.fixture
def live_engine():
    engine = ElasticsearchEngine(
        url=ELASTICSEARCH_URL, index_prefix=f"stadtlabor-test-{uuid.uuid4().hex[:8]}"
    )
    engine.rebuild(
        [
            document(
                1,
                "Leerstandsmanagement in Lindenau",
                "Wie die Stadt leere Läden wieder füllt.",
                facets={"kind": "kommune"},
            ),
            document(
                2,
                "Zwischennutzung am Markt",
                "Pop-up-Stores beleben die Innenstadt.",
                facets={"kind": "kommune"},
            ),
            document(
                3, "Laeden im Wandel", "Ein Bericht aus Muenchen.", facets={"kind": "anbieter"}
            ),
            document(
                4,
                "Protokoll Leerstand",
                "Nur für Mitglieder.",
                facets={"kind": "verband"},
                visibility=MEMBERS,
            ),
        ]
    )
    yield engine
    for index in engine.indices_behind_alias():
        engine.client.indices.delete(index=index)


def titles(results):
    return sorted(hit.title for hit in results.hits)


def test_ping(live_engine):
    live_engine.ping()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Leerstand", ["Leerstandsmanagement in Lindenau"]),
        ("Management", ["Leerstandsmanagement in Lindenau"]),
        ("Leerstände", ["Leerstandsmanagement in Lindenau"]),
        ("Laden", ["Laeden im Wandel", "Leerstandsmanagement in Lindenau"]),
        ("Innenstädte", ["Zwischennutzung am Markt"]),
        ("Läden -Lindenau", ["Laeden im Wandel"]),
    ],
)
def test_german_words_find_their_forms_and_compounds(live_engine, query, expected):
    assert titles(live_engine.search(query)) == expected


def test_visitors_see_no_members_only_hits_or_counts(live_engine):
    visitor = live_engine.search("Leerstand", facets=["kind"])
    member = live_engine.search("Leerstand", visibilities=["public", "members"], facets=["kind"])
    assert visitor.facet_counts("kind") == {"kommune": 1}
    assert member.facet_counts("kind") == {"kommune": 1, "verband": 1}


def test_updates_and_removals(live_engine):
    live_engine.index_document(document(1, "Neuer Titel"))
    live_engine.remove_document("artikel", "2")
    assert titles(live_engine.search("")) == ["Laeden im Wandel", "Neuer Titel"]
