"""The library catalogs of the matching (case studies, events, funding) are built and
updated by the worker and stored for every process; a request never builds one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matchmaking import catalogs
from matchmaking.models import CatalogSnapshot
from tests.bestpractice import conftest as library_fixtures
from tests.matchmaking.pages import page

pytestmark = pytest.mark.django_db

library, make_case_study = library_fixtures.library, library_fixtures.make_case_study


def _dashboard(client):
    with CaptureQueriesContext(connection) as captured:
        html = page(client, "/matching/")
    return html, [query["sql"] for query in captured.captured_queries]


def _builds_catalog(queries):
    """A build reads every row of the catalog with its tags; a request reads the stored
    version and at most the stored index."""
    return any('FROM "bestpractice_bestpracticepage"' in sql and "LIMIT" not in sql
               and '"id" IN' not in sql and " IN (" not in sql for sql in queries)


def test_publishing_updates_the_stored_index_and_the_next_request_builds_nothing(
    client, home_page, town_member, publish_need, make_case_study, committed
):
    with committed():
        make_case_study("Leerstandslotsin", topics=["Leerstand"])
    publish_need(town_member, "Leere Läden am Markt", ["Leerstand"])
    client.force_login(town_member)
    html, _ = _dashboard(client)
    assert "Leerstandslotsin" in html
    version = CatalogSnapshot.objects.get(name=catalogs.CASE_STUDIES).version

    with committed():  # the worker applies the new page to the stored index
        make_case_study("Leerstandskataster", topics=["Leerstand"])
    snapshot = CatalogSnapshot.objects.get(name=catalogs.CASE_STUDIES)
    assert snapshot.version > version
    assert snapshot.item_count == 2

    catalogs.clear_cache()  # as in another server process: only the stored copy is there
    html, queries = _dashboard(client)
    assert "Leerstandskataster" in html
    assert not _builds_catalog(queries)


def test_unpublishing_removes_the_case_study_from_the_stored_index(
    client, home_page, town_member, publish_need, make_case_study, committed
):
    with committed():
        first = make_case_study("Leerstandslotsin", topics=["Leerstand"])
        make_case_study("Leerstandskataster", topics=["Leerstand"])
    publish_need(town_member, "Leere Läden am Markt", ["Leerstand"])
    with committed():
        first.unpublish()
    assert CatalogSnapshot.objects.get(name=catalogs.CASE_STUDIES).item_count == 1
    client.force_login(town_member)
    html, _ = _dashboard(client)
    assert "Leerstandskataster" in html and "Leerstandslotsin" not in html


def test_without_a_stored_index_the_request_schedules_the_build_and_still_answers(
    client, home_page, town_member, publish_need, make_case_study, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    make_case_study("Leerstandslotsin", topics=["Leerstand"])
    publish_need(town_member, "Leere Läden am Markt", ["Leerstand"])
    CatalogSnapshot.objects.filter(name=catalogs.CASE_STUDIES).delete()
    catalogs.clear_cache()
    client.force_login(town_member)
    html, queries = _dashboard(client)
    assert "Leere Läden am Markt" in html
    assert "Leerstandslotsin" not in html  # not yet: the worker builds it
    assert not _builds_catalog(queries)
    assert not CatalogSnapshot.objects.filter(name=catalogs.CASE_STUDIES).exists()
    assert DBTaskResult.objects.filter(task_path__endswith="check_catalog").exists()


def test_a_stored_index_of_another_engine_version_is_not_used(
    client, home_page, town_member, publish_need, make_case_study, committed
):
    with committed():
        make_case_study("Leerstandslotsin", topics=["Leerstand"])
    CatalogSnapshot.objects.filter(name=catalogs.CASE_STUDIES).update(engine="older")
    catalogs.clear_cache()
    index = catalogs.index_for(catalogs.CASE_STUDIES)  # the worker's side rebuilds it
    assert len(index) == 1
    assert CatalogSnapshot.objects.filter(engine=catalogs.ENGINE_VERSION).exists()


def test_a_stored_index_is_small_because_the_noun_lexicon_is_not_stored_with_it(
    home_page, make_case_study, committed
):
    with committed():
        make_case_study("Leerstandslotsin", topics=["Leerstand"])
    catalogs.build(catalogs.CASE_STUDIES)
    snapshot = CatalogSnapshot.objects.get(name=catalogs.CASE_STUDIES)
    assert len(bytes(snapshot.data)) < 200_000
