"""The site shell in a real browser: home, directory, logging in as a demo member."""

import pytest
from django.core.management import call_command

from demo.data import load
from tests.e2e.browser import assert_accessible, log_in

DEMO_PASSWORD = load("network").DEMO_PASSWORD


@pytest.fixture
def demo_site(transactional_db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_home_and_directory_load_and_are_accessible(demo_site, page):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("heading", level=1).count() == 1
    assert_accessible(page)

    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Mitglieder"
    ).click()
    page.wait_for_url("**/mitglieder/")
    assert page.get_by_text("Stadt Einbeck").first.is_visible()
    assert page.get_by_text("Stadt Neuhafen").count() == 0  # pending: invisible
    assert_accessible(page)

    page.get_by_label("Bundesland").select_option("NI")
    page.locator("form.filter-form [type=submit]").first.click()
    page.wait_for_load_state()
    assert "bundesland=NI" in page.url
    assert page.get_by_text("Stadt Einbeck").first.is_visible()
    assert page.get_by_text("Stadt Iserlohn").count() == 0


def test_demo_member_logs_in(demo_site, page):
    log_in(page, "citymanagerin@iserlohn.example", DEMO_PASSWORD)
    page.goto("/mein-konto/")
    assert page.get_by_text("Stadt Iserlohn").first.is_visible()
    assert_accessible(page)


def test_wrong_password_shows_a_german_error(demo_site, page):
    log_in(page, "citymanagerin@iserlohn.example", "falsch")
    assert page.get_by_text("sind leider falsch", exact=False).first.is_visible()
    assert page.get_by_label("E-Mail").first.input_value() == "citymanagerin@iserlohn.example"
    assert_accessible(page)


def test_pages_fit_a_phone_screen(demo_site, browser_session):
    page = browser_session.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ["/", "/mitglieder/", "/konto/login/"]:
        page.goto(path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        wide = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > innerWidth)
                .map(el => `${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 40)}`)
                .slice(0, 5)"""
        )
        assert overflow <= 0, f"{path} scrollt auf 360 px quer ({overflow} px): {wide}"


def test_keyboard_reaches_the_skip_link_first(demo_site, page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
