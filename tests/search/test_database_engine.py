"""The search API on the database engine (SQLite FTS5 locally, PostgreSQL in CI)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from search.documents import MEMBERS, PUBLIC, group_visibility
from search.engines.database import DatabaseEngine
from tests.factories import UserFactory, make_member
from tests.search.conftest import document, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def german_library(engine):
    engine.index_documents(
        [
            document(
                1, "Leerstandsmanagement in Lindenau", "Wie die Stadt leere Läden wieder füllt."
            ),
            document(2, "Zwischennutzung am Markt", "Pop-up-Stores beleben die Innenstadt."),
            document(3, "Laeden im Wandel", "Ein Bericht aus Muenchen über Händler*innen."),
            document(4, "Frequenzmessung", "Passantenzählung mit Sensoren in der Fußgängerzone."),
        ]
    )
    return engine


def test_the_configured_engine_is_the_database_engine(engine):
    assert isinstance(engine, DatabaseEngine)
    engine.ping()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Leerstand", ["Leerstandsmanagement in Lindenau"]),  # compound by prefix
        ("Management", ["Leerstandsmanagement in Lindenau"]),  # compound by part
        ("Leerstände", ["Leerstandsmanagement in Lindenau"]),  # plural with umlaut
        ("Laden", ["Laeden im Wandel", "Leerstandsmanagement in Lindenau"]),  # ä and ae
        ("Innenstädte", ["Zwischennutzung am Markt"]),
        ("münchen", ["Laeden im Wandel"]),
        ("Messung", ["Frequenzmessung"]),
        ("fussgängerzone", ["Frequenzmessung"]),
    ],
)
def test_german_words_find_their_forms_and_compounds(german_library, query, expected):
    assert titles(german_library.search(query)) == expected


def test_all_words_must_match_and_minus_excludes(german_library):
    assert titles(german_library.search("Läden Lindenau")) == ["Leerstandsmanagement in Lindenau"]
    assert titles(german_library.search("Läden -Lindenau")) == ["Laeden im Wandel"]
    assert german_library.search("Läden Hamburg").total == 0


def test_stop_words_alone_find_nothing_and_do_not_block_other_words(german_library):
    assert german_library.search("die und der").total == 0
    assert titles(german_library.search("die Zwischennutzung")) == ["Zwischennutzung am Markt"]


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        "*",
        'NEAR(" OR ) AND',
        "'; DROP TABLE sitesearch_searchentry; --",
        "-",
        "a:* & !",
        "ü" * 300,
    ],
)
def test_query_syntax_typed_by_visitors_never_breaks_the_search(german_library, hostile):
    results = german_library.search(hostile, facets=["type"])
    assert results.total >= 0


def test_title_matches_rank_before_body_matches(engine):
    engine.index_documents(
        [
            document(1, "Bericht", "Ein Satz über Zwischennutzung."),
            document(2, "Zwischennutzung", "Ein Bericht."),
        ]
    )
    assert [hit.title for hit in engine.search("Zwischennutzung").hits] == [
        "Zwischennutzung",
        "Bericht",
    ]


def test_hits_carry_type_url_date_and_a_marked_snippet(engine):
    day = timezone.now().replace(microsecond=0)
    engine.index_documents([document(7, "Lindenau", "Unser Leerstandsmanagement wirkt.", date=day)])

    (hit,) = engine.search("leerstand").hits

    assert (hit.type, hit.id, hit.url, hit.date) == ("artikel", "7", "/artikel/7/", day)
    assert hit.snippet == "Unser Leerstandsmanagement wirkt."
    assert [part.text for part in hit.snippet_parts if part.match] == ["Leerstandsmanagement"]


@pytest.fixture
def mixed_visibility(engine):
    engine.index_documents(
        [
            document(1, "Öffentlicher Leitfaden Leerstand", facets={"region": "NW"}),
            document(
                2, "Mitglieder-Protokoll Leerstand", facets={"region": "BY"}, visibility=MEMBERS
            ),
            document(
                3,
                "AG-Notiz Leerstand",
                facets={"region": "HH"},
                visibility=group_visibility("ag-7"),
            ),
        ]
    )
    return engine


def test_visitors_see_no_members_only_hits_and_no_members_only_facet_counts(mixed_visibility):
    for user in (None, UserFactory()):  # a logged-in user without organisation is no member
        results = mixed_visibility.search("Leerstand", user=user, facets=["region", "type"])
        assert titles(results) == ["Öffentlicher Leitfaden Leerstand"]
        assert results.total == 1
        assert results.facet_counts("region") == {"NW": 1}
        assert results.facet_counts("type") == {"artikel": 1}


def test_members_see_members_only_documents_and_their_counts(mixed_visibility):
    results = mixed_visibility.search("Leerstand", user=make_member(), facets=["region"])
    assert results.total == 2
    assert results.facet_counts("region") == {"NW": 1, "BY": 1}


def test_a_closed_group_sees_its_documents_through_a_group_resolver(mixed_visibility):
    from search.access import register_group_resolver, unregister_group_resolver

    member, other = make_member(), make_member()

    def resolver(user):
        return ["ag-7"] if user.pk == member.pk else []

    register_group_resolver(resolver)
    try:
        assert mixed_visibility.search("Leerstand", user=member).total == 3
        assert mixed_visibility.search("Leerstand", user=other).total == 2
    finally:
        unregister_group_resolver(resolver)


@pytest.fixture
def faceted(engine):
    engine.index_documents(
        [
            document(1, "Kommune A", facets={"kind": "kommune", "land": "NW"}, tags=["Leerstand"]),
            document(
                2,
                "Kommune B",
                facets={"kind": "kommune", "land": "BY"},
                tags=["Leerstand", "Mobilität"],
            ),
            document(
                3, "Anbieter C", facets={"kind": "anbieter", "land": "NW"}, tags=["Mobilität"]
            ),
            document(4, "Ereignis D", doc_type="termin", facets={"land": "NW"}),
        ]
    )
    return engine


def test_facet_counts_follow_the_query_and_filters(faceted):
    facets = ["type", "kind", "land", "tags"]
    everything = faceted.search("", facets=facets)
    assert everything.total == 4
    assert everything.facet_counts("type") == {"artikel": 3, "termin": 1}
    assert everything.facet_counts("kind") == {"kommune": 2, "anbieter": 1}
    assert everything.facet_counts("tags") == {"Leerstand": 2, "Mobilität": 2}
    assert [facet.value for facet in everything.facets["land"]] == ["NW", "BY"]  # by count

    filtered = faceted.search("", filters={"land": ["NW"]}, facets=facets)
    assert titles(filtered) == ["Anbieter C", "Ereignis D", "Kommune A"]
    assert filtered.facet_counts("kind") == {"kommune": 1, "anbieter": 1}

    either = faceted.search("", filters={"kind": ["kommune", "anbieter"], "tags": ["Mobilität"]})
    assert titles(either) == ["Anbieter C", "Kommune B"]

    only_events = faceted.search("", types=["termin"], facets=facets)
    assert titles(only_events) == ["Ereignis D"]
    assert only_events.facet_counts("kind") == {}


def test_pages_split_the_hits_newest_first(engine):
    now = timezone.now()
    engine.index_documents(
        [
            document(n, f"Beitrag {n:02d} Innenstadt", date=now - timedelta(days=n))
            for n in range(25)
        ]
    )

    first = engine.search("Innenstadt", page=1, per_page=10)
    last = engine.search("Innenstadt", page=3, per_page=10)
    browsing = engine.search("", page=1, per_page=10)

    assert (first.total, first.num_pages, len(first.hits), len(last.hits)) == (25, 3, 10, 5)
    assert first.has_next and not first.has_previous and last.has_previous and not last.has_next
    assert [hit.title for hit in browsing.hits][:2] == [
        "Beitrag 00 Innenstadt",
        "Beitrag 01 Innenstadt",
    ]
    seen = {hit.id for page in (1, 2, 3) for hit in engine.search("Innenstadt", page=page).hits}
    assert len(seen) == 25


def test_indexing_again_replaces_and_removing_deletes(engine):
    engine.index_document(document(1, "Alter Titel", facets={"kind": "kommune"}))
    engine.index_document(document(1, "Neuer Titel", facets={"kind": "anbieter"}))

    results = engine.search("", facets=["kind"])
    assert titles(results) == ["Neuer Titel"]
    assert results.facet_counts("kind") == {"anbieter": 1}
    assert engine.search("Alter").total == 0

    engine.remove_document("artikel", "1")
    engine.remove_document("artikel", "1")  # removing twice is no error
    assert engine.search("").total == 0
    assert engine.search("Neuer").total == 0


def test_rebuild_of_some_types_keeps_the_others(engine):
    engine.index_documents(
        [document(1, "Artikel eins"), document(2, "Termin zwei", doc_type="termin")]
    )

    engine.rebuild([document(3, "Termin drei", doc_type="termin")], types=["termin"])
    assert titles(engine.search("")) == ["Artikel eins", "Termin drei"]

    engine.rebuild([document(4, "Nur noch vier")])
    assert titles(engine.search("")) == ["Nur noch vier"]


def test_search_needs_the_same_number_of_queries_for_few_and_many_documents(engine):
    def queries_for(count):
        engine.rebuild(
            [
                document(n, f"Leerstand {n}", facets={"kind": f"k{n % 5}"}, tags=[f"t{n % 3}"])
                for n in range(count)
            ]
        )
        with CaptureQueriesContext(connection) as context:
            results = engine.search(
                "Leerstand", facets=["type", "kind", "tags"], visibilities=[PUBLIC]
            )
        assert results.total == count
        return len(context.captured_queries)

    assert queries_for(3) == queries_for(40)


def test_beyond_a_thousand_matches_counts_stop_and_stay_visible_only(engine):
    # Members-only documents of the most important type come first in the engine's reading
    # order, so they would fill the bounded set the facets count if visibility were not
    # part of the scan itself.
    newest = timezone.now()
    engine.index_documents(
        [
            document(
                n,
                f"Leerstand im Quartier {n}",
                doc_type="case_study",
                facets={"region": "intern"},
                visibility=MEMBERS,
                date=newest,
            )
            for n in range(20)
        ]
        + [
            document(
                100 + n,
                f"Leerstand in der Straße {n}",
                doc_type="forum_thread",
                facets={"region": "NW"},
                date=newest - timedelta(days=n),
            )
            for n in range(1005)
        ]
    )
    facets = ["region", "type"]

    visitor = engine.search("Leerstand", facets=facets)
    assert (visitor.total, visitor.total_is_exact) == (1001, False)
    assert visitor.facet_counts("region") == {"NW": 1000}
    assert visitor.facet_counts("type") == {"forum_thread": 1000}
    assert all(hit.type == "forum_thread" for hit in visitor.hits)

    member = engine.search("Leerstand", visibilities=(PUBLIC, MEMBERS), facets=facets)
    assert member.total_is_exact is False
    assert member.facet_counts("region") == {"intern": 20, "NW": 980}
    assert member.hits[0].type == "case_study"

    narrow = engine.search("Quartier", visibilities=(PUBLIC, MEMBERS), facets=facets)
    assert (narrow.total, narrow.total_is_exact) == (20, True)
    assert narrow.facet_counts("region") == {"intern": 20}
