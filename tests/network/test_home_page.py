"""The home page: hero, and blocks that show what exists and hide themselves when empty."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network import selectors
from network.models import Organisation, StandardPage
from tests.factories import OrganisationFactory, ProviderFactory, make_member
from tests.html_checks import html_problems

pytestmark = pytest.mark.django_db

SECTION_HEADINGS = {
    "impulse": "Impuls der Woche",
    "upcoming_events": "Nächste Veranstaltungen",
    "newest_case_studies": "Neue Praxisbeispiele",
    "news": "Aktuelle Informationen",
    "newest_members": "Neue Mitglieder",
    "partners": "Partner und Verbände",
}


def get_home(client):
    response = client.get("/")
    assert response.status_code == 200
    return response, response.content.decode()


def add_standard_page(parent, title, slug, **fields):
    page = parent.add_child(instance=StandardPage(title=title, slug=slug, **fields))
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_home_page_with_nothing_in_it_shows_hero_and_no_empty_blocks(client, home_page):
    home_page.headline = "Gemeinsam für lebendige Innenstädte"
    home_page.save()

    _, html = get_home(client)

    assert "Gemeinsam für lebendige Innenstädte" in html
    for heading in SECTION_HEADINGS.values():
        assert heading not in html
    assert 'class="empty-state"' in html
    assert html_problems(html) == []


def test_newest_members_lists_approved_organisations_only(client, home_page):
    approved = OrganisationFactory(name="Stadt Lindenau", topics=["Leerstand"])
    provider = ProviderFactory(name="Frequenz & Co. GmbH")
    pending = OrganisationFactory(name="Stadt Wartefeld", status=Organisation.Status.PENDING)
    rejected = OrganisationFactory(name="Stadt Abgelehnt", status=Organisation.Status.REJECTED)

    _, html = get_home(client)

    assert SECTION_HEADINGS["newest_members"] in html
    assert "Stadt Lindenau" in html
    assert "Leerstand" in html
    assert "Frequenz &amp; Co. GmbH" in html
    assert approved.get_absolute_url() in html
    assert provider.get_absolute_url() in html
    assert pending.name not in html
    assert rejected.name not in html
    assert SECTION_HEADINGS["partners"] not in html
    assert 'class="empty-state"' not in html
    assert html_problems(html) == []


def test_newest_members_are_ordered_by_approval_and_capped():
    now = timezone.now()
    for days_ago in range(8):
        OrganisationFactory(
            name=f"Stadt {days_ago}", reviewed_at=now - timezone.timedelta(days=days_ago)
        )

    members = selectors.home_page_sections(user=None)["newest_members"]

    assert [org.name for org in members] == [f"Stadt {n}" for n in range(6)]


def test_partners_get_their_own_block_and_are_not_counted_as_new_members(client, home_page):
    OrganisationFactory(name="Handelsverband Musterland", kind=Organisation.Kind.VERBAND)
    OrganisationFactory(name="Stiftung Innenstadt", kind=Organisation.Kind.PARTNER)
    OrganisationFactory(
        name="Partner in Prüfung",
        kind=Organisation.Kind.PARTNER,
        status=Organisation.Status.PENDING,
    )

    sections = selectors.home_page_sections(user=None)
    _, html = get_home(client)

    assert [org.name for org in sections["partners"]] == [
        "Handelsverband Musterland",
        "Stiftung Innenstadt",
    ]
    assert sections["newest_members"] == []
    assert SECTION_HEADINGS["partners"] in html
    assert SECTION_HEADINGS["newest_members"] not in html
    assert "Partner in Prüfung" not in html
    assert html_problems(html) == []


def test_library_and_event_blocks_render_pages_from_their_apps(client, home_page, monkeypatch):
    """Any live Wagtail page can fill the blocks; the library/events apps supply them."""
    impulse = add_standard_page(
        home_page, "Frequenz messen statt schätzen", "impuls", search_description="Ein Impuls."
    )
    library = add_standard_page(home_page, "Praxisbeispiele", "praxisbeispiele")
    case_study = add_standard_page(library, "Leerstandslotsen in Lindenau", "lotsen")
    event = add_standard_page(home_page, "WebTalk Zwischennutzung", "webtalk")
    event.start = timezone.make_aware(timezone.datetime(2031, 3, 5, 16, 0))
    news_item = add_standard_page(home_page, "Förderaufruf 2031", "foerderaufruf")
    supplied = {
        ("bestpractice", "latest_impulse"): lambda: impulse,
        ("bestpractice", "latest_news"): lambda limit: [impulse, news_item][:limit],
        ("bestpractice", "newest_case_studies"): lambda limit: [case_study][:limit],
        ("webtalks", "upcoming_events"): lambda limit: [event][:limit],
    }
    monkeypatch.setattr(
        selectors, "_optional_selector", lambda app, name: supplied.get((app, name))
    )

    response, html = get_home(client)

    for key in ("impulse", "upcoming_events", "newest_case_studies", "news"):
        assert SECTION_HEADINGS[key] in html
    assert response.context["news"] == [news_item]  # the impulse is not repeated as news
    assert 'href="/impuls/"' in html
    assert "Ein Impuls." in html
    assert 'href="/praxisbeispiele/lotsen/"' in html
    assert '<a class="section__more" href="/praxisbeispiele/">Alle Praxisbeispiele</a>' in html
    assert 'datetime="2031-03-05T16:00:00+01:00"' in html
    assert "Mittwoch, 5. März 2031, 16:00 Uhr" in html
    assert 'href="/foerderaufruf/"' in html
    assert html_problems(html) == []


def add_case_study(library, title):
    library_models = pytest.importorskip("bestpractice.models")
    page = library.add_child(
        instance=library_models.BestPracticePage(
            title=title,
            organisation=OrganisationFactory(topics=["Leerstand"]),
            summary="Lotsen vermitteln leere Läden an Gründer*innen.",
            problem="<p>Leere Schaufenster.</p>",
            approach="<p>Runder Tisch mit Eigentümer*innen.</p>",
            year=2024,
        )
    )
    page.save_revision().publish()
    return page


def add_library_content(home_page):
    """Real pages of the library app: an impulse, a news item and a case study."""
    library_models = pytest.importorskip("bestpractice.models")
    library = home_page.add_child(
        instance=library_models.BestPracticeIndexPage(
            title="Praxisbeispiele", slug="praxisbeispiele"
        )
    )
    articles = home_page.add_child(
        instance=library_models.ArticleIndexPage(title="Aktuelles", slug="aktuelles")
    )
    for kind, title in [
        (library_models.ArticleKind.IMPULSE, "Frequenz messen statt schätzen"),
        (library_models.ArticleKind.NEWS, "Förderaufruf Zukunftsfähige Innenstädte"),
    ]:
        article = articles.add_child(
            instance=library_models.ArticlePage(
                title=title, kind=kind, intro="Was Innenstädte diese Woche bewegt."
            )
        )
        article.save_revision().publish()
    add_case_study(library, "Leerstandslotsen 0")
    return library


def test_library_blocks_show_the_library_apps_pages(client, home_page):
    add_library_content(home_page)

    _, html = get_home(client)

    for key in ("impulse", "newest_case_studies", "news"):
        assert SECTION_HEADINGS[key] in html
    assert "Frequenz messen statt schätzen" in html
    assert "Förderaufruf Zukunftsfähige Innenstädte" in html
    assert 'href="/praxisbeispiele/leerstandslotsen-0/"' in html
    assert "Lotsen vermitteln leere Läden an Gründer*innen." in html
    assert html_problems(html) == []


def test_optional_apps_that_are_missing_or_unfinished_give_no_selector():
    assert selectors._optional_selector("not_an_installed_app", "upcoming_events") is None
    # Installed, but without a selectors module (like an app still being written).
    assert selectors._optional_selector("wagtail.sites", "upcoming_events") is None


def test_hero_invitation_links_to_the_chosen_page(client, home_page):
    target = add_standard_page(home_page, "Über das Netzwerk", "ueber-uns")
    home_page.cta_text = "Jetzt mitmachen"
    home_page.cta_page = target
    home_page.save()

    _, html = get_home(client)

    assert '<a class="button" href="/ueber-uns/">Jetzt mitmachen</a>' in html


def test_signed_in_members_are_not_invited_to_register(client, home_page):
    client.force_login(make_member())

    _, html = get_home(client)

    assert "Mitglied werden" not in html
    assert "Abmelden" in html


def test_home_page_query_count_does_not_grow_with_its_content(client, home_page):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            get_home(client)
        return len(queries)

    library = add_library_content(home_page)
    OrganisationFactory(kind=Organisation.Kind.PARTNER)
    # Warm Wagtail's site cache, the footer settings row (created on first read) and the
    # cached menu, footer and restricted sections, so both runs start alike.
    get_home(client)
    get_home(client)
    few = count_queries()

    for index in range(4):
        add_case_study(library, f"Leerstandslotsen {index + 1}")
        OrganisationFactory(topics=["Leerstand", f"Thema {index}"])
        OrganisationFactory(kind=Organisation.Kind.VERBAND)
    # Adding content renewed the library's cache generation and the cached menu, footer and
    # restrictions: one request counts them again (the map's counts per Land too).
    get_home(client)
    many = count_queries()

    assert many == few
    # Pinned (issue 14): Wagtail's routing with its active-locale lookup (i18n) and
    # view-restriction check (5), the impulse and news with their topics (4), events with
    # speakers and topics (3), case studies with topics (2), members and partners with
    # their topics (4), one index page link (1).
    # Menu, footer and restricted sections come from the cache (28 queries before).
    assert few <= 17, few
