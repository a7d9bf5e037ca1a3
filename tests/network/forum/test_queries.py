"""The thread page, the thread lists and the moderation queue keep a constant number of
SQL queries, whatever their length."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.forum import services
from network.models import HelpfulMark, Post, PostReport, Thread
from network.notifications import services as notifications
from tests.factories import make_member


def _thread_with_replies(category, author, count):
    thread = services.create_thread(author, category, f"Thema mit {count} Antworten", "Start",
                                    ["Leerstand", "Handel"])
    people = [make_member() for _ in range(3)]
    opening = thread.posts.get()
    Post.objects.bulk_create(
        Post(thread=thread, author=people[n % 3], body_markdown=f"Antwort {n}",
             body_html=f"<p>Antwort {n}</p>", quote_of=opening if n % 4 == 0 else None,
             edited_at=opening.created_at if n % 5 == 0 else None,
             helpful_count=n % 2)
        for n in range(count)
    )
    for post in Post.objects.filter(thread=thread)[:5]:
        HelpfulMark.objects.create(post=post, user=people[0])
    return thread


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("who", ["visitor", "member", "moderator"])
def test_thread_page_query_count_is_the_same_for_10_and_200_replies(
    client, public_category, member, moderator, who
):
    small = _thread_with_replies(public_category, member, 10)
    large = _thread_with_replies(public_category, member, 200)
    if who != "visitor":
        client.force_login(member if who == "member" else moderator)
    client.get("/forum/")  # first request of the site creates its settings rows
    # Ten replies fit one page; for 200 replies we look at a full middle page as well.
    counts = {
        _queries(client, small.get_absolute_url()),
        _queries(client, large.get_absolute_url()),
        _queries(client, large.get_absolute_url() + "?page=5"),
    }
    assert len(counts) == 1, counts


def test_category_and_topic_lists_do_not_grow(client, public_category, member):
    def create(n):
        for index in range(n):
            thread = Thread.objects.create(category=public_category, title=f"Thema {index}",
                                           author=member)
            thread.topics.add("Leerstand", f"extra-{index}")

    client.get("/forum/")  # first request of the site creates its settings rows
    create(3)
    few = (_queries(client, "/forum/kategorie/allgemeines/"),
           _queries(client, "/forum/schlagwort/leerstand/"), _queries(client, "/forum/"))
    create(30)
    many = (_queries(client, "/forum/kategorie/allgemeines/"),
            _queries(client, "/forum/schlagwort/leerstand/"), _queries(client, "/forum/"))
    assert few == many


def test_moderation_queue_does_not_grow(client, public_category, member, moderator):
    client.force_login(moderator)
    client.get("/forum/")  # first request of the site creates its settings rows

    def report(n):
        for index in range(n):
            thread = services.create_thread(make_member(), public_category,
                                             f"Gemeldet {index}", "Inhalt")
            post = thread.posts.get()
            for _ in range(2):
                PostReport.objects.create(post=post, reporter=make_member(), reason="Spam")

    report(2)
    few = _queries(client, "/forum/moderation/")
    report(8)
    assert _queries(client, "/forum/moderation/") == few


def test_notification_list_does_not_grow(client, public_category, member):
    thread = services.create_thread(member, public_category, "Viel los hier", "Start")
    client.force_login(member)
    client.get("/forum/")  # first request of the site creates its settings rows

    def notify(n):
        for index in range(n):
            notifications.notify([member.pk], "reply", f"Antwort {index}", "/forum/", thread)

    notify(3)
    few = _queries(client, "/benachrichtigungen/")
    notify(25)
    assert _queries(client, "/benachrichtigungen/") == few
