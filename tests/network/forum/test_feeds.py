"""Feeds of forum categories: public categories only, opening posts, German."""

import xml.etree.ElementTree as ET

import pytest

from network.forum import services
from network.models import Post


@pytest.mark.django_db
def test_public_category_feed_lists_new_threads(client, member, public_category):
    thread = services.create_thread(
        member, public_category, "Wer misst Passantenfrequenz?", "Wir suchen **Erfahrungen**.",
        topics=["Frequenz"],
    )
    hidden = services.create_thread(member, public_category, "Ausgeblendet", "Text")
    Post.objects.filter(thread=hidden).update(status=Post.Status.HIDDEN)

    response = client.get(f"/forum/kategorie/{public_category.slug}/feed.rss")

    root = ET.fromstring(response.content)
    assert root.find("channel/language").text == "de"
    assert "Stadtlabor-Forum" in root.find("channel/title").text
    items = {item.find("title").text: item for item in root.iter("item")}
    assert set(items) == {thread.title, hidden.title}
    assert "<strong>Erfahrungen</strong>" in items[thread.title].find("description").text
    assert items[hidden.title].find("description").text in (None, "")
    assert ET.fromstring(
        client.get(f"/forum/kategorie/{public_category.slug}/feed.atom").content
    ).tag == "{http://www.w3.org/2005/Atom}feed"


@pytest.mark.django_db
def test_members_and_group_categories_have_no_feed(
    client, member, moderator, members_category, group_category
):
    services.create_thread(member, members_category, "Interna", "Nur für Mitglieder")
    client.force_login(moderator)
    for category in (members_category, group_category):
        for suffix in ("rss", "atom"):
            assert client.get(f"/forum/kategorie/{category.slug}/feed.{suffix}").status_code == 404


@pytest.mark.django_db
def test_category_pages_link_the_feed_only_when_public(
    client, member, public_category, members_category
):
    client.force_login(member)
    html = client.get(public_category.get_absolute_url()).content.decode()
    assert f"/forum/kategorie/{public_category.slug}/feed.rss" in html
    html = client.get(members_category.get_absolute_url()).content.decode()
    assert "feed.rss" not in html


@pytest.mark.django_db
def test_category_feed_queries_do_not_grow(
    client, member, public_category, django_assert_max_num_queries
):
    for index in range(2):
        services.create_thread(member, public_category, f"Frage {index}", "Text", topics=["A"])
    url = f"/forum/kategorie/{public_category.slug}/feed.rss"
    with django_assert_max_num_queries(8) as small:
        client.get(url)
    # Posting has a per-author rate limit: the other threads come straight from the ORM.
    for index in range(6):
        thread = public_category.threads.create(title=f"Mehr {index}", author=member)
        thread.topics.add("B")
        thread.posts.create(author=member, body_markdown="x", body_html="<p>x</p>", is_opening=True)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).content.count(b"<item>") == 8
