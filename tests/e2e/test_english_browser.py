"""English in a real browser: /en/ is English and axe-clean, no third-party request (the session
guard), and the header's language switch leads back to the same page in German by keyboard."""

import pytest

from tests.e2e.browser import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def _tab_to(page, selector, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} not reachable by keyboard")


def test_english_pages_and_switching_back_by_keyboard(browser_session, home_page):
    page = browser_session.new_page()
    page.goto("/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Skip to content").count() == 1
    assert_accessible(page)

    page.goto("/en/mitglieder/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
    switch = page.locator("[data-language-switch='de']")
    assert switch.get_attribute("lang") == "de"
    box = switch.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24

    _tab_to(page, "[data-language-switch='de']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/mitglieder/") and "/en/" not in page.url
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("[data-language-switch='en']").get_attribute("href") == "/en/mitglieder/"
    assert_accessible(page)

    # Fits a phone: no horizontal scrolling on the English page either.
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/en/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth")
    assert not overflow
