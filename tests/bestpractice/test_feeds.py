"""Article feeds (Impuls der Woche and news) and the library feed: only public pages."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from bestpractice.models import ArticleKind


@pytest.fixture
def articles(make_article, make_case_study):
    impulse = make_article(title="Mut zur Lücke", kind=ArticleKind.IMPULSE, topics=["Leerstand"])
    news = make_article(title="Neue Förderrunde")
    secret = make_article(title="Interne Notiz")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    hidden_case = make_case_study(title="Mitglieder-Praxisbeispiel")
    PageViewRestriction.objects.create(
        page=hidden_case, restriction_type=PageViewRestriction.LOGIN
    )
    return impulse, news


@pytest.mark.django_db
def test_article_feed_lists_public_articles_in_german(client, articles):
    response = client.get("/feeds/aktuelles.rss")

    root = ET.fromstring(response.content)
    titles = [item.find("title").text for item in root.iter("item")]
    assert set(titles) == {
        "Impuls der Woche: Mut zur Lücke",
        "Aktuelle Information: Neue Förderrunde",
    }
    assert root.find("channel/language").text == "de"
    assert [c.text for c in root.iter("category")] == ["Leerstand"]


@pytest.mark.django_db
def test_article_feed_narrows_to_one_kind(client, articles):
    root = ET.fromstring(client.get("/feeds/aktuelles.atom", {"art": "impulse"}).content)
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert "Impuls der Woche: Mut zur Lücke" in titles
    assert not any("Neue Förderrunde" in t for t in titles)


@pytest.mark.django_db
def test_library_feed_leaves_out_members_only_pages(client, articles):
    text = client.get("/feeds/praxisbeispiele.rss").content.decode()
    assert "Mut zur Lücke" in text
    assert "Interne Notiz" not in text
    assert "Mitglieder-Praxisbeispiel" not in text


@pytest.mark.django_db
def test_article_index_links_its_feeds(client, articles, article_index):
    html = client.get(article_index.url).content.decode()
    assert 'href="/feeds/aktuelles.rss"' in html
    assert 'href="/feeds/aktuelles.atom"' in html
