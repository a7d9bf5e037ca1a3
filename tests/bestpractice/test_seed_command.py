import io

import pytest
from django.core.management import call_command

from bestpractice.models import BestPracticePage

pytestmark = pytest.mark.django_db


def test_seed_case_studies_builds_a_library_from_nothing_and_tops_it_up(client):
    out = io.StringIO()
    call_command("seed_case_studies", "--scale", "5", "--towns", "3", stdout=out)
    assert BestPracticePage.objects.live().count() == 5
    assert "5/5" in out.getvalue()
    call_command("seed_case_studies", "--scale", "7", "--towns", "3", stdout=io.StringIO())
    assert BestPracticePage.objects.live().count() == 7
    response = client.get("/praxisbeispiele/")
    assert response.status_code == 200 and response.context["result_count"] == 7


def test_bulk_seeding_keeps_the_page_tree_valid_and_the_pages_reachable(client):
    from wagtail.models import Page

    from matchmaking import catalogs
    from matchmaking.models import CatalogSnapshot

    call_command("seed_case_studies", "--scale", "12", "--towns", "3", stdout=io.StringIO())
    assert Page.find_problems() == ([], [], [], [], [])
    page = BestPracticePage.objects.live().order_by("-pk").first()
    assert page.topics.count() == 3 and page.bundesland
    assert client.get(page.url).status_code == 200
    # The matching catalog was built by the command, not left to a request.
    assert CatalogSnapshot.objects.get(name=catalogs.CASE_STUDIES).item_count == 12
    # And the search finds them: bulk rows bypass the signals that index single pages.
    found = client.get("/suche/", {"q": page.title})
    assert page.url in found.content.decode()
