"""Pictures in a real browser: the library map (keyboard, axe, 375 px), a case study with
KPI charts, and the editors' dashboard – axe-clean, no CSP violation, no third party."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from bestpractice.models import BestPracticeIndexPage, BestPracticePage
from tests.e2e.browser import assert_accessible, axe_violations, describe_violations, log_in
from tests.factories import DEFAULT_PASSWORD, OrganisationFactory, UserFactory
from webtalks.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db(transaction=True)

CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def _library(home_page):
    library = BestPracticeIndexPage(title="Praxisbeispiele", slug="praxisbeispiele")
    home_page.add_child(instance=library)
    library.save_revision().publish()
    return library


def _case_study(library, title, land, **fields):
    page = BestPracticePage(
        title=title,
        organisation=OrganisationFactory(bundesland=land),
        summary=f"{title}: was die Stadt gemacht hat und was es gebracht hat.",
        problem="<p>Leere Läden in der Hauptstraße.</p>",
        approach="<p>Eine Lotsin spricht Eigentümer*innen an.</p>",
        **fields,
    )
    library.add_child(instance=page)
    page.save_revision().publish()
    return page


KPI = {
    "label": "Leerstandsquote", "value": "−45 %", "period": "in 24 Monaten",
    "source": "Kataster der Stadt", "unit": "%",
    "before_label": "2022", "before_value": Decimal("22.1"),
    "after_label": "2024", "after_value": Decimal("12.1"),
    "series": [{"year": 2022, "value": Decimal("22.1")}, {"year": 2023, "value": Decimal("16.4")},
               {"year": 2024, "value": Decimal("12.1")}],
}


def _watch_csp(page):
    page.context.add_init_script(CSP_LISTENER)


def _csp(page):
    return page.evaluate("window.__cspViolations || []")


def test_library_map_and_case_study_charts(browser_session, home_page):
    library = _library(home_page)
    for number in range(3):
        _case_study(library, f"Bayern {number}", "BY")
    charted = _case_study(library, "Leerstandslotsin", "NI", kpis=[("kpi", KPI)])

    page = browser_session.new_page()
    _watch_csp(page)
    page.goto("/praxisbeispiele/")
    bavaria = page.get_by_role("link", name="Bayern: 3 Praxisbeispiele")
    assert bavaria.count() == 1
    assert page.get_by_role("link", name="Niedersachsen: 1 Praxisbeispiel").count() == 1
    assert_accessible(page)
    # Keyboard: the Länder are links in the tab order, Enter follows one.
    bavaria.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "Bayern: 3 Praxisbeispiele"
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/praxisbeispiele/?land=BY")
    assert page.locator("main").get_by_text("Bayern 2").count() >= 1
    # The list behind the map, for those who would rather read.
    page.goto("/praxisbeispiele/")
    page.get_by_text("Alle Bundesländer als Liste").click()
    assert page.get_by_role("row", name="Bayern 3").count() == 1
    assert_accessible(page)

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/praxisbeispiele/")
    # On phones the results come first; the map waits behind its heading.
    assert not page.locator("svg.germany-map").is_visible()
    page.locator(".library-map__details > summary").click()
    box = page.locator("svg.germany-map").bounding_box()
    assert 200 < box["width"] <= 375
    assert not page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth")

    page.goto(charted.url)
    charts = page.get_by_role("img", name="Leerstandsquote vorher und nachher (%)")
    assert charts.count() == 1
    assert page.get_by_role("img", name="Leerstandsquote im Verlauf der Jahre (%)").count() == 1
    assert page.get_by_role("cell", name="16,4 %").count() == 1
    assert not page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)

    page.goto("/")
    assert page.get_by_role("link", name="Bayern: 3 Praxisbeispiele").count() == 1
    assert_accessible(page)
    assert _csp(page) == []


def test_editors_dashboard(browser_session, home_page):
    events = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
    home_page.add_child(instance=events)
    start = timezone.now() + datetime.timedelta(days=5)
    events.add_child(instance=EventPage(
        title="WebTalk Leerstand", slug="webtalk-leerstand", kind="webtalk", start=start,
        end=start + datetime.timedelta(hours=1), intro="Was hilft gegen Leerstand?",
        join_url="https://konferenz.example/raum",
    ))
    OrganisationFactory(bundesland="HE")
    editor = UserFactory(email="redaktion@example.org")
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    editor.groups.add(group)

    page = browser_session.new_page()
    log_in(page, editor.email, DEFAULT_PASSWORD)
    page.goto("/admin/kennzahlen/")
    assert page.get_by_role("heading", name="Kennzahlen des Netzwerks").count() == 1
    assert page.get_by_role("img", name="Organisationen nach Bundesland").count() == 1
    assert page.get_by_role("row", name="Hessen 1").count() == 1
    # Our part of the page; the admin's own frame is Wagtail's to test.
    violations = axe_violations(page, context=".nice-padding")
    assert violations == [], describe_violations(violations)
