"""Case studies and articles are found through the site-wide search API."""

import pytest

import search
from bestpractice.models import ArticleKind

pytestmark = pytest.mark.django_db


def test_published_case_studies_and_articles_are_searchable(
    make_case_study, make_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_case_study("Leerstandsmanagement mit Lotsin", topics=["Leerstand"])
        make_case_study("Geheimer Entwurf zum Leerstand", live=False)
        make_article("Impuls: Leerstand als Möglichkeitsraum", ArticleKind.IMPULSE)
    results = search.engine().search("Leerstand", types=["case_study", "article"])
    found = {(hit.type, hit.title) for hit in results.hits}
    assert ("case_study", "Leerstandsmanagement mit Lotsin") in found
    assert ("article", "Impuls: Leerstand als Möglichkeitsraum") in found
    assert not any("Entwurf" in title for _type, title in found)
    hit = next(h for h in results.hits if h.type == "case_study")
    assert hit.url == page.url

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    results = search.engine().search("Lotsin", types=["case_study"])
    assert results.total == 0
