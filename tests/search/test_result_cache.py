"""Result pages are kept until the index changes: never stale, never shown to the wrong viewer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import result_cache
from search.documents import MEMBERS
from tests.factories import UserFactory, make_member
from tests.search.conftest import document, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(engine):
    engine.index_documents(
        [
            document(1, "Leerstand in Lindenau", "Wie die Stadt leere Läden wieder füllt."),
            document(2, "Leerstand am Markt", "Pop-up-Stores beleben die Innenstadt."),
        ]
    )
    return engine


def test_a_repeated_search_is_answered_from_the_cache(library):
    first = library.search("Leerstand")

    with CaptureQueriesContext(connection) as queries:
        again = library.search("Leerstand")

    assert again == first
    # Only the index's generation is read; no match, count or facet query runs again.
    assert len(queries) == 1


def test_a_new_document_is_found_at_once(library):
    assert titles(library.search("Leerstand")) == ["Leerstand am Markt", "Leerstand in Lindenau"]

    library.index_documents([document(3, "Leerstand im Bahnhofsviertel")])

    assert "Leerstand im Bahnhofsviertel" in titles(library.search("Leerstand"))


def test_a_removed_document_is_gone_at_once(library):
    library.search("Leerstand")

    library.remove_document("artikel", "1")

    assert titles(library.search("Leerstand")) == ["Leerstand am Markt"]


def test_a_rebuilt_index_is_searched_anew(library):
    library.search("Leerstand")

    library.rebuild([document(4, "Leerstand neu gedacht")])

    assert titles(library.search("Leerstand")) == ["Leerstand neu gedacht"]


def test_a_change_made_elsewhere_invalidates_this_process(library):
    """The worker indexes in another process; its change reaches this one through the
    generation in the database, not through this process' cache."""
    library.search("Leerstand")
    from search.models import IndexGeneration, SearchEntry

    SearchEntry.objects.filter(object_id="2").delete()  # as another process' engine would
    IndexGeneration.objects.update(token="from-the-worker")

    assert titles(library.search("Leerstand")) == ["Leerstand in Lindenau"]


def test_what_a_member_may_see_is_never_served_to_a_visitor(engine):
    engine.index_documents(
        [
            document(1, "Leerstand öffentlich"),
            document(2, "Leerstand intern", visibility=MEMBERS),
        ]
    )
    member = make_member()
    assert titles(engine.search("Leerstand", user=member)) == [
        "Leerstand intern",
        "Leerstand öffentlich",
    ]

    assert titles(engine.search("Leerstand", user=UserFactory())) == ["Leerstand öffentlich"]
    assert titles(engine.search("Leerstand")) == ["Leerstand öffentlich"]


def test_the_key_holds_every_part_of_the_request(library):
    first_page = library.search("Leerstand", per_page=1)
    second_page = library.search("Leerstand", per_page=1, page=2)

    assert titles(first_page) != titles(second_page)
    assert result_cache.generation()
