"""Neighbours of a case study, the teasers other apps use, and the feeds."""

import pytest

from bestpractice import selectors
from bestpractice.models import ArticleKind
from tests.factories import OrganisationFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def neighbourhood(make_case_study):
    small_he = OrganisationFactory(name="Stadt Kleinwalde", bundesland="HE", population=15_000)
    small_he_2 = OrganisationFactory(name="Stadt Nebenau", bundesland="HE", population=12_000)
    small_by = OrganisationFactory(name="Markt Fernhausen", bundesland="BY", population=11_000)
    large_he = OrganisationFactory(name="Stadt Großheim", bundesland="HE", population=250_000)
    return {
        "subject": make_case_study("Leerstandslotsin", small_he, ["Leerstand", "Zwischennutzung"]),
        "both_topics_large": make_case_study(
            "Kataster", large_he, ["Leerstand", "Zwischennutzung"]
        ),
        "one_topic_small": make_case_study("Pop-up-Sommer", small_by, ["Zwischennutzung"]),
        "one_topic_large": make_case_study("Leerstandsbörse", large_he, ["Leerstand"]),
        "unrelated_neighbour": make_case_study("Stadtgutschein", small_he_2, ["Gutschein"]),
        "draft": make_case_study("Entwurf", small_he_2, ["Leerstand"], live=False),
    }


def test_related_case_studies_share_topics_similar_size_first(neighbourhood):
    related = selectors.related_case_studies(neighbourhood["subject"])
    assert [page.title for page in related] == ["Kataster", "Pop-up-Sommer", "Leerstandsbörse"]


def test_towns_like_yours_uses_size_class_and_bundesland(client, neighbourhood):
    response = client.get(neighbourhood["subject"].url)
    assert [p.title for p in response.context["towns_like_yours"]] == ["Stadtgutschein"]
    html = response.content.decode()
    assert "Städte wie Ihre" in html and "Ähnliche Praxisbeispiele" in html


def test_towns_like_yours_follows_the_visitors_own_town(client, neighbourhood):
    own_town = OrganisationFactory(bundesland="HE", population=300_000)
    client.force_login(make_member(own_town))
    response = client.get(neighbourhood["subject"].url)
    assert [p.title for p in response.context["towns_like_yours"]] == [
        "Leerstandsbörse",
        "Kataster",
    ]
    assert response.context["towns_like_yours_is_own"]


def test_contact_address_only_for_signed_in_visitors(client, make_case_study):
    page = make_case_study(contact_name="Eva Kontakt", contact_email="eva@example.org")
    assert "eva@example.org" not in client.get(page.url).content.decode()
    client.force_login(make_member())
    assert "eva@example.org" in client.get(page.url).content.decode()


def test_home_page_selectors(make_case_study, make_article):
    import datetime

    make_article("Alter Impuls", ArticleKind.IMPULSE, date=datetime.date(2024, 1, 1))
    make_article("Neuer Impuls", ArticleKind.IMPULSE, date=datetime.date(2025, 5, 5))
    make_article("Meldung 1", ArticleKind.NEWS, date=datetime.date(2025, 1, 1))
    make_article("Meldung 2", ArticleKind.NEWS, date=datetime.date(2025, 2, 1))
    town = OrganisationFactory()
    make_case_study("Erstes", town)
    make_case_study("Zweites", town)
    make_case_study("Entwurf", town, live=False)
    assert selectors.latest_impulse().title == "Neuer Impuls"
    assert [a.title for a in selectors.latest_news(5)] == ["Meldung 2", "Meldung 1"]
    assert [c.title for c in selectors.newest_case_studies(1)] == ["Zweites"]
    assert [c.title for c in selectors.case_studies_of(town)] == ["Zweites", "Erstes"]
    assert selectors.newest_case_studies(3)[0].url == "/praxisbeispiele/zweites/"


def test_no_impulse_yet(db):
    assert selectors.latest_impulse() is None
    assert selectors.latest_news(3) == []


def test_partner_organisation_sees_its_case_studies(make_case_study):
    provider = OrganisationFactory(kind="anbieter", population=None)
    page = make_case_study("Mit Partner")
    page.partners.add(provider)
    page.save_revision().publish()
    assert [c.title for c in selectors.case_studies_of(provider)] == ["Mit Partner"]


def test_rss_and_atom_feeds_list_new_case_studies_and_articles(
    client, make_case_study, make_article
):
    make_case_study("Frequenz messen", topics=["Frequenzmessung"])
    make_article("Impuls zur Logistik", ArticleKind.IMPULSE)
    make_case_study("Nicht öffentlich", live=False)
    rss = client.get("/feeds/praxisbeispiele.rss")
    assert rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert "Praxisbeispiel: Frequenz messen" in body
    assert "Impuls der Woche: Impuls zur Logistik" in body
    assert "Nicht öffentlich" not in body
    assert "<category>Frequenzmessung</category>" in body
    atom = client.get("/feeds/praxisbeispiele.atom")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "Impuls zur Logistik" in atom.content.decode()


def test_library_pages_are_well_formed_and_labelled(client, neighbourhood, make_article):
    from tests.html_checks import html_problems

    make_article("Ein Impuls", ArticleKind.IMPULSE, ["Leerstand"])
    paths = [
        "/praxisbeispiele/",
        "/praxisbeispiele/?thema=leerstand&groesse=small",
        neighbourhood["subject"].url,
        "/aktuelles/",
        "/aktuelles/ein-impuls/",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200
        assert html_problems(response.content.decode()) == [], path


# --- Cost of the case study page (issue 14) ---------------------------------------------


def _count_page_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm: site cache, footer settings row, cached menu, footer, ids
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_case_study_page_query_count_is_pinned_and_flat(client, neighbourhood, make_case_study):
    subject = neighbourhood["subject"]
    town = OrganisationFactory(bundesland="HE", population=14_000)
    make_case_study("Mit Bild", town, ["Leerstand"], image=True)
    few = _count_page_queries(client, subject.url)

    for index in range(5):
        make_case_study(f"Noch eins {index}", OrganisationFactory(bundesland="HE",
                        population=13_000), ["Leerstand", "Zwischennutzung"], image=True)
    many = _count_page_queries(client, subject.url)

    assert many == few
    # Pinned: Wagtail's routing with its active-locale lookup (i18n) and view-restriction
    # check (9) and the discussion (1). 27 before issue 14, then 18 with the neighbour
    # ranking, menu, footer and restricted sections from the cache; now the page's topics,
    # organisation and partners, both neighbour lists' cards and "Ansprechpersonen" are
    # cached HTML too (bestpractice.page_cache).
    assert few <= 10, few


def test_neighbours_follow_publish_and_restriction(client, neighbourhood, make_case_study):
    from wagtail.models import PageViewRestriction

    subject = neighbourhood["subject"]
    client.get(subject.url)  # neighbour ids cached now
    newcomer = make_case_study("Neuzugang", OrganisationFactory(bundesland="HE",
                               population=16_000), ["Leerstand", "Zwischennutzung"])
    titles = [p.title for p in client.get(subject.url).context["related_case_studies"]]
    assert titles[0] == "Neuzugang"
    towns = [p.title for p in client.get(subject.url).context["towns_like_yours"]]
    assert "Neuzugang" in towns

    PageViewRestriction.objects.create(page=newcomer, restriction_type="login")
    response = client.get(subject.url)
    assert "Neuzugang" not in [p.title for p in response.context["related_case_studies"]]
    assert "Neuzugang" not in [p.title for p in response.context["towns_like_yours"]]

    newcomer.unpublish()
    PageViewRestriction.objects.filter(page=newcomer).delete()
    response = client.get(subject.url)
    assert "Neuzugang" not in [p.title for p in response.context["related_case_studies"]]
