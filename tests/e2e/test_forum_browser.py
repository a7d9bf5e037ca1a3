"""The forum in a real browser: two people on one thread see each other's replies without
reloading, the bell count rises live, and forum pages are axe-clean."""

import datetime

import pytest
from django.utils import timezone

from network.forum import services
from network.models import ForumCategory, Visibility
from tests.e2e.browser import assert_accessible, log_in
from tests.e2e.conftest import BrowserSession
from tests.factories import DEFAULT_PASSWORD, make_member

pytestmark = pytest.mark.django_db(transaction=True)


def _established_member(**kwargs):
    person = make_member(**kwargs)
    person.date_joined = timezone.now() - datetime.timedelta(days=90)
    person.save(update_fields=["date_joined"])
    return person


@pytest.fixture
def forum_thread():
    category = ForumCategory.objects.create(
        name="Leerstand & Zwischennutzung", slug="leerstand", visibility=Visibility.PUBLIC,
        description="Leerstandsmanagement und Zwischennutzung.",
    )
    anna = _established_member(first_name="Anna", last_name="Schmidt")
    ben = _established_member(first_name="Ben", last_name="Yilmaz")
    thread = services.create_thread(
        anna, category, "Pop-up-Stores im Leerstand", "Wer hat **Erfahrungen**?", ["Leerstand"]
    )
    return thread, anna, ben


def test_reply_appears_live_in_the_other_browser_and_the_bell_rises(
    browser, asgi_server, forum_thread
):
    thread, anna, ben = forum_thread
    session = BrowserSession(browser, asgi_server)
    try:
        page_a, page_b = session.new_page(), session.new_page()
        for page, person in ((page_a, anna), (page_b, ben)):
            log_in(page, person.email, DEFAULT_PASSWORD)
            page.goto(thread.get_absolute_url())
            page.wait_for_selector("[data-forum-thread][data-connected]")
        page_a.wait_for_selector("[data-notification-bell][data-connected]")
        assert page_a.locator("[data-unread-count]").inner_text() == "0"
        page_a.evaluate("window.__stillTheSamePage = true")
        assert_accessible(page_a)

        page_b.get_by_label("Ihre Antwort").fill("Wir haben gute Erfahrungen mit Pop-ups!")
        page_b.get_by_role("button", name="Antwort senden").click()

        page_a.locator("[data-post-list]").get_by_text(
            "Wir haben gute Erfahrungen mit Pop-ups!"
        ).wait_for()
        page_a.wait_for_function(
            "() => document.querySelector('[data-unread-count]').textContent.trim() === '1'"
        )
        assert page_a.evaluate("window.__stillTheSamePage") is True
        assert page_a.locator("[data-post-list] article").count() == 2
        assert_accessible(page_a)
    finally:
        session.close()
    assert session.blocked_requests == []


def test_forum_pages_are_accessible(page, forum_thread):
    thread, anna, _ben = forum_thread
    page.goto("/forum/")
    assert_accessible(page)
    page.goto(thread.category.get_absolute_url())
    assert_accessible(page)
    page.goto(thread.get_absolute_url())
    assert_accessible(page)
    log_in(page, anna.email, DEFAULT_PASSWORD)
    page.goto(thread.get_absolute_url())
    assert_accessible(page)
    page.goto(f"/forum/kategorie/{thread.category.slug}/neu/")
    page.get_by_role("button", name="Thema eröffnen").click()
    page.wait_for_load_state()
    assert page.get_by_text("Bitte geben Sie einen Titel ein.").first.is_visible()
    assert_accessible(page)
    page.goto("/benachrichtigungen/")
    assert_accessible(page)
    page.goto("/benachrichtigungen/einstellungen/")
    assert_accessible(page)
