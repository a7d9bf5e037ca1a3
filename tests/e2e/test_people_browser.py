"""/mitglieder/personen/ and a person's profile in a real browser: axe-clean, no
third-party request (the session guard), usable at 375 px, follow without JavaScript."""

import pytest

from network.models import Organisation, User
from tests.e2e.browser import assert_accessible, log_in
from tests.factories import DEFAULT_PASSWORD, OrganisationFactory, make_member

pytestmark = pytest.mark.django_db(transaction=True)


def test_people_directory_and_profile_are_accessible(browser_session, home_page):
    town = OrganisationFactory(name="Stadt Lindenau", bundesland="SN", town="Lindenau")
    provider = OrganisationFactory(name="Frequenz GmbH", kind=Organisation.Kind.ANBIETER)
    paula = make_member(town, first_name="Paula", last_name="Lind", job_title="Citymanagerin",
                        profile_visibility=User.ProfileVisibility.PUBLIC)
    paula.expertise.add("Leerstand", "Frequenz")
    make_member(provider, first_name="Mira", last_name="Berg").expertise.add("Frequenz")
    viewer = make_member(first_name="Vera", last_name="Viewer", email="vera@example.org")

    page = browser_session.new_page()
    page.goto("/mitglieder/personen/")
    assert page.locator("h1").inner_text() == "Personen"
    assert "Paula Lind" in page.locator("main").inner_text()
    assert "Mira Berg" not in page.locator("main").inner_text()
    assert_accessible(page)

    log_in(page, viewer.email, DEFAULT_PASSWORD)
    page.goto("/mitglieder/personen/?topic=frequenz")
    assert "Mira Berg" in page.locator("main").inner_text()
    assert_accessible(page)

    page.goto(f"/mitglieder/personen/{paula.pk}/")
    assert page.locator("h1").inner_text() == "Paula Lind"
    assert_accessible(page)
    page.get_by_role("button", name="Paula Lind folgen").click()
    page.wait_for_load_state()
    assert page.get_by_role("button", name="Paula Lind nicht mehr folgen").count() == 1
    assert_accessible(page)

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/mitglieder/personen/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth")
    assert not overflow
