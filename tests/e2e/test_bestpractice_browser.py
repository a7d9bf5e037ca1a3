"""The library in a real browser: filter, open a case study, two-click video, axe-core clean."""

import re

import pytest

from bestpractice.models import BestPracticeIndexPage, BestPracticePage
from tests.e2e.browser import assert_accessible
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)

VIDEO_HOST = "www.youtube-nocookie.com"


def _case_study(library, title, town, topics, **fields):
    page = BestPracticePage(
        title=title,
        organisation=town,
        summary=f"{title}: was die Stadt gemacht hat und was es gebracht hat.",
        problem="<p>Leere Läden in der Hauptstraße.</p>",
        approach="<p>Eine Lotsin spricht Eigentümer*innen an.</p>",
        results="<p>Neun Läden sind wieder vermietet.</p>",
        kpis=[
            (
                "kpi",
                {
                    "label": "Leerstandsquote",
                    "value": "−40 %",
                    "period": "in 18 Monaten",
                    "source": "",
                },
            )
        ],
        year=2023,
        **fields,
    )
    page.topics.add(*topics)
    library.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def library(transactional_db, home_page):
    library = BestPracticeIndexPage(title="Praxisbeispiele", slug="praxisbeispiele")
    home_page.add_child(instance=library)
    small = OrganisationFactory(name="Stadt Kleinwalde", bundesland="HE", population=14_000)
    small_2 = OrganisationFactory(name="Markt Eichenau", bundesland="BY", population=9_000)
    large = OrganisationFactory(name="Stadt Großhafen", bundesland="NW", population=240_000)
    _case_study(
        library,
        "Leerstandslotsin in Kleinwalde",
        small,
        ["Leerstand", "Zwischennutzung"],
        body=[
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                    "title": "Rundgang mit der Leerstandslotsin",
                    "description": "",
                },
            )
        ],
    )
    _case_study(library, "Schaufenstergalerie Eichenau", small_2, ["Leerstand"])
    _case_study(library, "Leerstandskataster Großhafen", large, ["Leerstand"])
    _case_study(library, "Stadtgutschein Kleinwalde", small, ["Stadtgutschein"])
    return library


def test_filter_open_case_study_and_load_video_only_after_click(page, library):
    video_requests = []

    def fake_video_host(route):
        video_requests.append(route.request.url)
        route.fulfill(
            status=200, content_type="text/html", body="<!doctype html><title>Video</title>"
        )

    # Page-level routes take precedence over the session's third-party guard.
    page.route(re.compile(rf"^https://{re.escape(VIDEO_HOST)}/.*"), fake_video_host)

    page.goto("/praxisbeispiele/")
    assert_accessible(page)
    page.get_by_role("checkbox", name=re.compile(r"^Leerstand\b")).check()
    page.get_by_role("checkbox", name=re.compile(r"^Kleinstadt")).check()
    page.get_by_role("button", name="Filter anwenden").click()
    page.wait_for_url(re.compile(r"thema=leerstand.*groesse=small|groesse=small.*thema=leerstand"))

    titles = page.locator(".card__title a").all_inner_texts()
    assert sorted(titles) == ["Leerstandslotsin in Kleinwalde", "Schaufenstergalerie Eichenau"]
    assert "2 Einträge" in page.get_by_role("status").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Leerstandslotsin in Kleinwalde").click()
    page.wait_for_url("**/praxisbeispiele/leerstandslotsin-in-kleinwalde/")
    load_button = page.get_by_role(
        "button", name="Video laden (Daten werden an YouTube (Google) übertragen)"
    )
    load_button.wait_for()
    assert page.locator("iframe").count() == 0
    assert video_requests == []
    assert_accessible(page)

    page_policy = page.evaluate(
        "async () => (await fetch(location.href)).headers.get('content-security-policy')"
    )
    assert VIDEO_HOST not in page_policy

    load_button.click()
    frame = page.locator("iframe.two-click-video__frame")
    frame.wait_for()
    # Our own frame page; only its response (after the click) allows the video host.
    assert frame.get_attribute("src").startswith("/video/?v=")
    assert frame.get_attribute("title") == "Rundgang mit der Leerstandslotsin"
    player = page.frame_locator("iframe.two-click-video__frame").locator("iframe")
    player.wait_for(state="attached")
    assert player.get_attribute("src").startswith(f"https://{VIDEO_HOST}/embed/aqz-KE-bpKQ")
    frame_policy = page.evaluate(
        "async (src) => (await fetch(src)).headers.get('content-security-policy')",
        frame.get_attribute("src"),
    )
    assert f"frame-src 'self' https://{VIDEO_HOST}" in frame_policy
    page.wait_for_timeout(300)
    assert video_requests and all(VIDEO_HOST in url for url in video_requests)


def test_video_link_remains_without_javascript(browser_session, library):
    context = browser_session.browser.new_context(
        base_url=browser_session.base_url, java_script_enabled=False
    )
    browser_session.contexts.append(context)
    page = context.new_page()
    page.goto("/praxisbeispiele/leerstandslotsin-in-kleinwalde/")
    assert page.get_by_role("link", name=re.compile("Video bei YouTube")).is_visible()
    assert not page.get_by_role("button", name=re.compile("Video laden")).is_visible()
    assert page.locator("iframe").count() == 0
