"""Visitors and non-members never see members-only or working-group threads: not in lists,
counts, topic pages, notifications, search, direct links or fragments."""

import pytest

from network.forum import services
from network.models import Follow, Notification
from tests.factories import UserFactory, make_member
from tests.network.forum.conftest import established

SECRET_MEMBERS = "Vertrauliche Mitgliederrunde Innenstadtfonds"
SECRET_GROUP = "Geheime Arbeitsgruppe Zwischennutzung"
PUBLIC_TITLE = "Offene Frage zu Leerstand"


@pytest.fixture
def threads(public_category, members_category, group_category, member, moderator,
            django_capture_on_commit_callbacks):
    group_category.group_members.add(member)
    with django_capture_on_commit_callbacks(execute=True):
        public = services.create_thread(member, public_category, PUBLIC_TITLE, "Leerstand offen",
                                        ["Leerstand"])
        members_only = services.create_thread(
            member, members_category, SECRET_MEMBERS, "Leerstand intern", ["Leerstand"]
        )
        group = services.create_thread(
            member, group_category, SECRET_GROUP, "Leerstand in der AG", ["Leerstand"]
        )
    return public, members_only, group


def page_text(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


@pytest.mark.parametrize("who", ["visitor", "without_organisation"])
def test_outsiders_see_only_public_threads_in_lists_and_counts(client, threads, who):
    if who == "without_organisation":
        client.force_login(UserFactory())
    for url in ("/forum/", "/forum/schlagwort/leerstand/", "/forum/kategorie/allgemeines/"):
        status, html = page_text(client, url)
        assert status == 200
        assert SECRET_MEMBERS not in html and SECRET_GROUP not in html
    status, html = page_text(client, "/forum/")
    assert PUBLIC_TITLE in html
    assert "Foerderprogramme" not in html and "Ag Innenstadtfonds" not in html
    assert "1 Thema" in html  # the only visible category counts its one thread


@pytest.mark.parametrize("who", ["visitor", "without_organisation"])
def test_outsiders_cannot_open_hidden_threads_posts_or_fragments(client, threads, who):
    _public, members_only, group = threads
    if who == "without_organisation":
        client.force_login(UserFactory())
    for thread in (members_only, group):
        post = thread.posts.first()
        for url in (
            thread.get_absolute_url(),
            f"/forum/thema/{thread.pk}/beitraege/?nach=0",
            post.get_absolute_url(),
            f"/forum/beitrag/{post.pk}/verlauf/",
            f"/forum/kategorie/{thread.category.slug}/",
        ):
            status, html = page_text(client, url)
            assert status in (302, 404), url
            assert SECRET_MEMBERS not in html and SECRET_GROUP not in html


def test_members_see_members_threads_but_not_foreign_working_groups(client, threads):
    outsider = make_member()
    client.force_login(outsider)
    _status, html = page_text(client, "/forum/schlagwort/leerstand/")
    assert SECRET_MEMBERS in html
    assert SECRET_GROUP not in html
    assert client.get(threads[2].get_absolute_url()).status_code == 404


def test_group_members_and_moderators_see_the_working_group(client, threads, member, moderator):
    for person in (member, moderator):
        client.force_login(person)
        status, html = page_text(client, threads[2].get_absolute_url())
        assert status == 200 and SECRET_GROUP in html


def test_writing_into_a_foreign_group_is_refused(threads, group_category):
    outsider = established(make_member())
    with pytest.raises(services.PermissionDenied):
        services.post_reply(outsider, threads[2], "Ich will mitreden")
    with pytest.raises(services.PermissionDenied):
        services.create_thread(outsider, group_category, "Neues Thema", "Text")


def test_followers_and_mentions_outside_the_group_get_no_notification(threads, member):
    outsider = make_member(first_name="Olaf", last_name="Außen")
    visitor_account = UserFactory(first_name="Vera", last_name="Ohne")
    for person in (outsider, visitor_account):
        Follow.objects.create(user=person, topic="leerstand")
    Notification.objects.all().delete()
    services.post_reply(
        member, threads[2],
        f"Fragen wir @olaf-aussen-{outsider.pk} und @vera-ohne-{visitor_account.pk}",
    )
    services.post_reply(member, threads[1], "Intern für Mitglieder")
    assert not Notification.objects.filter(recipient=visitor_account).exists()
    outsider_messages = list(
        Notification.objects.filter(recipient=outsider).values_list("message", flat=True)
    )
    assert outsider_messages and all(SECRET_GROUP not in text for text in outsider_messages)


def test_notifications_of_a_group_one_has_left_are_not_listed(
    client, threads, member, group_category
):
    colleague = make_member()
    group_category.group_members.add(colleague)
    services.follow(colleague, thread=threads[2])
    services.post_reply(member, threads[2], "Neuigkeiten aus der AG")
    client.force_login(colleague)
    assert SECRET_GROUP in page_text(client, "/benachrichtigungen/")[1]
    group_category.group_members.remove(colleague)
    assert SECRET_GROUP not in page_text(client, "/benachrichtigungen/")[1]


def test_search_shows_each_person_only_what_they_may_read(client, threads, member):
    status, html = page_text(client, "/suche/?q=Leerstand")
    assert status == 200 and PUBLIC_TITLE in html
    assert SECRET_MEMBERS not in html and SECRET_GROUP not in html
    client.force_login(make_member())
    html = page_text(client, "/suche/?q=Leerstand")[1]
    assert SECRET_MEMBERS in html and SECRET_GROUP not in html
    client.force_login(member)
    html = page_text(client, "/suche/?q=Leerstand")[1]
    assert SECRET_MEMBERS in html and SECRET_GROUP in html


def test_search_facet_counts_leak_nothing_to_visitors(threads):
    import search

    results = search.engine().search("Leerstand", user=None, facets=["type"])
    titles = {hit.title for hit in results.hits}
    assert titles == {PUBLIC_TITLE}
    assert results.total == 1
