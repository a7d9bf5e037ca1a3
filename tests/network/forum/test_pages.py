"""Every forum page passes the structural HTML checks (one h1, labelled fields, unique ids,
no third-party assets) for the roles that see it."""

import pytest

from network.forum import moderation, services
from tests.html_checks import html_problems


@pytest.fixture
def thread(public_category, member, other_member):
    thread = services.create_thread(member, public_category, "Pop-up-Stores im Leerstand",
                                    "Wer hat **Erfahrungen**?", ["Leerstand"])
    reply = services.post_reply(other_member, thread, "Wir! > Zitat\n\n- eins\n- zwei")
    services.edit_post(other_member, reply, "Wir haben Erfahrungen.")
    services.report_post(member, reply, "Bitte prüfen, klingt nach Werbung")
    return thread


def _check(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    problems = html_problems(response.content.decode())
    assert problems == [], (url, problems)


def test_public_pages_are_well_formed(client, thread):
    for url in ("/forum/", "/forum/kategorie/allgemeines/", "/forum/schlagwort/leerstand/",
                thread.get_absolute_url()):
        _check(client, url)


def test_member_pages_are_well_formed(client, thread, member):
    reply = thread.posts.last()
    client.force_login(member)
    for url in ("/forum/", thread.get_absolute_url(),
                f"{thread.get_absolute_url()}?zitat={reply.pk}",
                "/forum/kategorie/allgemeines/neu/", f"/forum/beitrag/{reply.pk}/verlauf/",
                f"/forum/beitrag/{thread.posts.first().pk}/bearbeiten/",
                "/benachrichtigungen/", "/benachrichtigungen/einstellungen/"):
        _check(client, url)
    client.force_login(thread.posts.last().author)
    _check(client, f"/forum/beitrag/{thread.posts.first().pk}/melden/")


def test_form_errors_page_is_well_formed(client, public_category, member):
    client.force_login(member)
    response = client.post("/forum/kategorie/allgemeines/neu/", {"title": "", "body": ""})
    assert html_problems(response.content.decode()) == []
    assert "Bitte geben Sie einen Titel ein." in response.content.decode()


def test_moderation_pages_are_well_formed(client, thread, member, moderator):
    moderation.close_with_result(moderator, thread, "Ergebnis: Pop-ups funktionieren.")
    client.force_login(moderator)
    for url in ("/forum/moderation/", "/forum/moderation/protokoll/",
                f"/forum/thema/{thread.pk}/moderieren/", f"/forum/thema/{thread.pk}/ergebnis/",
                f"/forum/moderation/mitglied/{member.pk}/sperren/", thread.get_absolute_url()):
        _check(client, url)


def test_admin_manages_categories_and_shows_the_log_read_only(admin_client, thread, moderator):
    moderation.set_pinned(moderator, thread, True, "Wichtig")
    assert admin_client.get("/django-admin/network/forumcategory/").status_code == 200
    log = admin_client.get("/django-admin/network/moderationaction/")
    assert log.status_code == 200 and "Wichtig" in log.content.decode()
    assert admin_client.get("/django-admin/network/moderationaction/add/").status_code == 403


def test_live_announcement_is_in_the_page_language(client, thread):
    """forum.js announces a new post with the box's data-new-label."""
    german = client.get(thread.get_absolute_url()).content.decode()
    assert 'data-new-label="Neuer Beitrag"' in german
    english = client.get("/en" + thread.get_absolute_url()).content.decode()
    assert 'data-new-label="New post"' in english
