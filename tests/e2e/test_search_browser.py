"""The search page in a real browser: axe-core clean, usable by keyboard, fits a phone."""

import pytest

from network.models import Organisation
from search import services
from tests.e2e.browser import assert_accessible
from tests.factories import OrganisationFactory, ProviderFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def indexed_organisations(home_page):
    OrganisationFactory(
        name="Stadt Lindenau",
        description="Unser Leerstandsmanagement bringt Leben in leere Läden.",
        topics=["Leerstand"],
    )
    OrganisationFactory(
        name="Städtetag Nord",
        kind=Organisation.Kind.VERBAND,
        bundesland="HH",
        description="Leerstand im Norden.",
    )
    ProviderFactory(name="Frequenzlabor GmbH", description="Leerstand messen, Frequenz zählen.")
    services.rebuild_index()


def test_search_page_in_a_browser(page, indexed_organisations):  # noqa: F811
    """axe-clean at desktop and phone width, no sideways scrolling, filters by keyboard."""
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto("/suche/?q=Leerstand")
        assert page.locator(".search-hit").count() == 3
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0

    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("checkbox", name="Lösungsanbieter").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Filter anwenden").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "kind=anbieter" in page.url
    assert page.locator(".search-hit").count() == 1
    assert page.locator(".search-hit h3").inner_text() == "Frequenzlabor GmbH"

    page.goto("/suche/?q=" + "x" * 250)
    assert page.get_by_role("alert").is_visible()
    assert_accessible(page)
