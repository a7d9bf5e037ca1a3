"""/konto/meine-daten/ in a real browser: accessible, no third-party request, the export
link appears after the request (immediate task backend)."""

import pytest

from network.models import Membership
from tests.e2e.browser import assert_accessible, log_in
from tests.factories import DEFAULT_PASSWORD, OrganisationFactory, make_member

pytestmark = pytest.mark.django_db(transaction=True)


def test_my_data_page_is_accessible_and_offers_export_and_handover(
        browser_session, home_page, settings, tmp_path):
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"
    office = OrganisationFactory(name="Stadtmarketing Hameln")
    chief = make_member(office, role=Membership.Role.ADMIN, first_name="Clara",
                        last_name="Chef", email="clara@hameln.example")
    make_member(office, first_name="Dana", last_name="Kollegin")
    page = browser_session.new_page()
    log_in(page, chief.email, DEFAULT_PASSWORD)

    page.goto("/konto/meine-daten/")
    assert page.locator("h1").inner_text() == "Meine Daten"
    assert "Verwaltung übergeben" in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_role("button", name="Export anfordern").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="ZIP-Datei herunterladen").count() == 1
    assert_accessible(page)

    page.get_by_role("button", name="Konto endgültig löschen").click()
    page.wait_for_load_state()
    assert "Bitte geben Sie Ihr Passwort ein." in page.locator("main").inner_text()
    assert_accessible(page)

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/konto/meine-daten/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth")
    assert not overflow
