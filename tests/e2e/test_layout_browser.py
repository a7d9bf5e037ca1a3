"""Layout details on the seeded demo: buttons keep their distance from the next heading."""

from io import StringIO

import pytest
from django.core.management import call_command

from demo.data import load
from matchmaking.models import PainPoint
from tests.e2e.browser import log_in

GAP_BELOW_BUTTONS = """() => [...document.querySelectorAll('.button-row')]
  .filter((row) => row.offsetHeight > 0)
  .map((row) => {
    let next = row.nextElementSibling;
    while (next && next.offsetHeight === 0) next = next.nextElementSibling;
    if (!next) return null;
    const heading = next.matches('h2, h3, section, header') ? next : null;
    if (!heading) return null;
    return heading.getBoundingClientRect().top - row.getBoundingClientRect().bottom;
  })
  .filter((gap) => gap !== null)"""

DEMO_PASSWORD = load("network").DEMO_PASSWORD


@pytest.fixture
def demo_site(transactional_db):
    call_command("seed_demo", stdout=StringIO())


def test_buttons_are_not_flush_on_the_next_heading(demo_site, page):
    log_in(page, "citymanagerin@iserlohn.example", DEMO_PASSWORD)
    need = PainPoint.objects.filter(organisation__slug="stadt-iserlohn").first()
    for path in ["/mitglieder/stadt-iserlohn/", f"/matching/bedarfe/{need.pk}/"]:
        page.goto(path)
        gaps = page.evaluate(GAP_BELOW_BUTTONS)
        assert gaps, f"{path}: keine Knopfleiste vor einer Überschrift"
        assert min(gaps) >= 24, f"{path}: Abstand unter den Knöpfen {gaps}"


SMALL_TARGETS = """() => [...document.querySelectorAll(
    'main button, main input:not([type=hidden]), main select, main summary, header button')]
  .filter((el) => el.offsetParent !== null)
  .map((el) => [el.outerHTML.slice(0, 80), el.getBoundingClientRect()])
  .filter(([, box]) => box.width < 24 || box.height < 24)
  .map(([html]) => html)"""


def test_phone_header_folds_behind_a_menu_button(demo_site, browser_session):
    page = browser_session.new_page()
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/")
    menu = page.get_by_role("button", name="Menü")
    assert menu.is_visible()
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    assert not nav.is_visible()
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    assert nav.is_visible()
    # Wide screens: no button, the navigation stands open.
    page.set_viewport_size({"width": 1280, "height": 900})
    assert not menu.is_visible() and nav.is_visible()


def test_phone_library_shows_results_first_with_filters_behind_a_summary(
    demo_site, browser_session
):
    page = browser_session.new_page()
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/praxisbeispiele/")
    first_result = page.locator(".card").first
    assert first_result.bounding_box()["y"] < 740, "erstes Ergebnis nicht im ersten Bildschirm"
    assert not page.get_by_role("checkbox").first.is_visible()
    page.locator(".library-filters__details > summary").click()
    assert page.get_by_role("checkbox").first.is_visible()
    assert page.evaluate(SMALL_TARGETS) == []


def test_library_filters_open_without_javascript(demo_site, browser_session):
    context = browser_session.browser.new_context(
        base_url=browser_session.base_url, java_script_enabled=False,
        viewport={"width": 375, "height": 740},
    )
    browser_session.contexts.append(context)
    page = context.new_page()
    page.goto("/praxisbeispiele/")
    assert page.get_by_role("navigation", name="Hauptnavigation").is_visible()
    assert not page.get_by_role("checkbox").first.is_visible()
    page.locator(".library-filters__details > summary").click()
    assert page.get_by_role("checkbox").first.is_visible()
