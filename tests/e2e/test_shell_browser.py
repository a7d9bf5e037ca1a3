"""The site shell in a real browser: axe-core clean, keyboard usable, fits a 360px phone."""

import pytest
from wagtail.models import Site

from network.models import (
    AccessibilityStatementPage,
    BarrierReportField,
    FooterSettings,
    Organisation,
    StandardPage,
)
from tests.e2e.browser import assert_accessible
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def furnished_site(home_page):
    home_page.intro = "<p>Kommunen, Handel und Anbieter lernen voneinander.</p>"
    home_page.save()
    imprint = home_page.add_child(
        instance=StandardPage(
            title="Impressum", slug="impressum", intro="Angaben gemäß § 5 DDG.",
            body="<h2>Anbieter</h2><p>Stadtlabor e. V.</p>", show_in_menus=True,
        )
    )
    statement = home_page.add_child(
        instance=AccessibilityStatementPage(
            title="Erklärung zur Barrierefreiheit",
            slug="barrierefreiheit",
            body="<p>Diese Website ist teilweise barrierefrei.</p>",
            to_address="barrierefreiheit@stadtlabor.example",
            form_fields=[
                BarrierReportField(label="Beschreibung", field_type="multiline", required=True),
                BarrierReportField(label="Ihre E-Mail-Adresse", field_type="email"),
            ],
        )
    )
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.imprint_page = imprint
    footer.accessibility_page = statement
    footer.save()
    for index in range(4):
        OrganisationFactory(name=f"Stadt Lindenau {index}", topics=["Leerstand", "Frequenz"])
    OrganisationFactory(name="Handelsverband Musterland", kind=Organisation.Kind.VERBAND)
    return home_page


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("path", ["/", "/impressum/", "/barrierefreiheit/", "/gibt-es-nicht/"])
def test_shell_pages_are_accessible_and_fit_the_screen(page, furnished_site, path, width):
    page.set_viewport_size({"width": width, "height": 800})

    page.goto(path)

    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_skip_link_is_the_first_stop_and_leads_to_the_content(page, furnished_site):
    page.goto("/")

    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    assert skip_link.evaluate("link => link === document.activeElement")
    assert skip_link.is_visible()
    # The link slides into view (CSS transition): wait until it has fully arrived.
    page.wait_for_function(
        # A function, not an expression string: Playwright evals strings, which our CSP
        # (no 'unsafe-eval') forbids in the page.
        "() => document.querySelector('.skip-link').getBoundingClientRect().top >= 0",
        timeout=3000,
    )

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_barrier_form_can_be_sent_with_the_keyboard_alone(page, furnished_site):
    page.goto("/barrierefreiheit/")

    page.get_by_label("Ihre E-Mail-Adresse").focus()
    page.keyboard.type("kaputt")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Meldung absenden"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("Ihre E-Mail-Adresse").input_value() == "kaputt"
    assert_accessible(page)

    page.get_by_label("Beschreibung").fill("Der Kontrast der Fußzeile ist zu schwach.")
    page.get_by_label("Ihre E-Mail-Adresse").fill("melderin@example.org")
    with page.expect_navigation():
        page.get_by_role("button", name="Meldung absenden").press("Enter")

    assert page.get_by_role("heading", level=1).inner_text() == "Vielen Dank für Ihre Meldung"
    assert_accessible(page)
