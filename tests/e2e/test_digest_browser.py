"""The Wochenübersicht in a real browser: archive, one issue and the subscribe page are
axe-clean, fit a phone, make no third-party request; subscribing works by keyboard."""

import pytest
from django.utils import timezone

from network.models import DigestIssue, DigestItem, IssueStatus, Subscription
from tests.e2e.browser import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sent_issue(home_page):
    issue = DigestIssue.objects.create(
        title="Wochenübersicht KW 48/2026", slug="2026-kw-48", status=IssueStatus.SENT,
        sent_at=timezone.now(), editorial="Liebe Stadtretter*innen,\n\ndiese Woche: Leerstand.",
    )
    for n, kind in enumerate(["impulse", "event", "case_study", "organisation", "funding"]):
        DigestItem.objects.create(issue=issue, kind=kind, title=f"Beitrag {n}", text="Text",
                                  meta="Zusatz", url="/", link_label="Mehr", sort_order=n)
    return issue


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", ["/wochenuebersicht/", "/wochenuebersicht/2026-kw-48/",
                                  "/newsletter/"])
def test_digest_pages_are_accessible(page, sent_issue, path, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_subscribe_from_the_footer_by_keyboard(page, home_page):
    page.goto("/")
    page.locator("#footer-newsletter-email").focus()
    page.keyboard.type("tastatur@example.org")
    page.keyboard.press("Enter")
    page.wait_for_url("**/newsletter/danke/")
    assert page.locator("h1").inner_text() == "Bitte bestätigen Sie Ihre Anmeldung"
    assert Subscription.objects.get().status == "pending"
