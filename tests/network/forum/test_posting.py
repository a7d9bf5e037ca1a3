"""Writing in the forum through HTTP and services: threads, replies, quotes, preview, edits
with history, deleting one's own post, "hilfreich", rate and link limits, page comments."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.text import slugify

from network.forum import services
from network.models import HelpfulMark, Post, StandardPage, Thread
from tests.factories import UserFactory, make_member
from tests.network.forum.conftest import established


@pytest.fixture
def thread(public_category, member):
    return services.create_thread(
        member, public_category, "Pop-up-Stores im Leerstand", "Wer hat Erfahrungen?",
        ["Leerstand", "Zwischennutzung"],
    )


def test_member_opens_a_thread_through_the_form(client, public_category, member):
    client.force_login(member)
    response = client.post(
        "/forum/kategorie/allgemeines/neu/",
        {"title": "Frequenzzählung per Sensor", "topics": "Digitalisierung, Frequenz",
         "body": "Welche **Sensoren** nutzen Sie?"},
    )
    thread = Thread.objects.get(title="Frequenzzählung per Sensor")
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    assert sorted(t.name for t in thread.topics.all()) == ["Digitalisierung", "Frequenz"]
    assert thread.posts.get().body_html == "<p>Welche <strong>Sensoren</strong> nutzen Sie?</p>"
    assert thread.follows.filter(user=member).exists()


def test_invalid_thread_keeps_everything_typed(client, public_category, member):
    client.force_login(member)
    response = client.post(
        "/forum/kategorie/allgemeines/neu/",
        {"title": "Kurz", "topics": "Leerstand", "body": "Mein langer Text bleibt erhalten"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "mindestens 5 Zeichen" in html
    assert "Mein langer Text bleibt erhalten" in html and 'value="Leerstand"' in html
    assert not Thread.objects.exists()


def test_preview_renders_without_saving(client, thread, other_member):
    client.force_login(other_member)
    response = client.post(thread.get_absolute_url(), {"body": "## Vorschau *kursiv*",
                                                       "preview": "1"})
    html = response.content.decode()
    assert "<em>kursiv</em>" in html and "## Vorschau *kursiv*" in html
    assert thread.posts.count() == 1


def test_reply_with_quote_links_to_the_quoted_post(client, thread, other_member):
    opening = thread.posts.get()
    client.force_login(other_member)
    form = client.get(f"{thread.get_absolute_url()}?zitat={opening.pk}").content.decode()
    assert "&gt; **Anna Schmidt schrieb:**" in form
    response = client.post(
        thread.get_absolute_url(),
        {"body": "> Wer hat Erfahrungen?\n\nWir!", "quote_of": opening.pk},
    )
    reply = Post.objects.get(is_opening=False)
    assert response["Location"] == reply.get_absolute_url()
    assert reply.quote_of == opening
    thread.refresh_from_db()
    assert thread.reply_count == 1


def test_link_to_a_reply_opens_the_thread_page_it_is_on(client, thread, member, other_member):
    Post.objects.bulk_create(
        Post(thread=thread, author=other_member, body_markdown=f"Nr. {n}", body_html=f"<p>{n}</p>")
        for n in range(60)
    )
    last = Post.objects.filter(thread=thread).last()
    response = client.get(last.get_absolute_url())
    assert response["Location"] == f"{thread.get_absolute_url()}?page=3#beitrag-{last.pk}"
    page = client.get(response["Location"]).content.decode()
    assert f'id="beitrag-{last.pk}"' in page


def test_locked_thread_refuses_replies(client, thread, other_member, moderator):
    from network.forum.moderation import set_locked

    set_locked(moderator, thread, True, "Diskussion beendet")
    with pytest.raises(PermissionDenied):
        services.post_reply(other_member, thread, "Noch etwas")
    client.force_login(other_member)
    assert "geschlossen" in client.get(thread.get_absolute_url()).content.decode()


@pytest.mark.parametrize("who", ["visitor", "without_organisation"])
def test_non_members_cannot_reply(client, thread, who):
    if who == "without_organisation":
        person = UserFactory()
        client.force_login(person)
        with pytest.raises(PermissionDenied):
            services.post_reply(person, thread, "Hallo")
    response = client.post(thread.get_absolute_url(), {"body": "Hallo"})
    assert response.status_code in (302, 403)
    assert thread.posts.count() == 1


def test_edit_keeps_a_visible_history(client, thread, member):
    post = thread.posts.get()
    services.edit_post(member, post, "Wer hat Erfahrungen mit Pop-ups?")
    client.force_login(member)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "bearbeitet" in page
    history = client.get(f"/forum/beitrag/{post.pk}/verlauf/").content.decode()
    assert "Wer hat Erfahrungen?" in history and "Wer hat Erfahrungen mit Pop-ups?" in history


def test_others_cannot_edit_or_delete(thread, other_member):
    post = thread.posts.get()
    with pytest.raises(PermissionDenied):
        services.edit_post(other_member, post, "übernommen")
    with pytest.raises(PermissionDenied):
        services.delete_own_post(other_member, post)


def test_deleting_own_post_leaves_a_readable_thread(client, thread, member, other_member):
    reply = services.post_reply(other_member, thread, "Das lösche ich gleich wieder.")
    client.force_login(other_member)
    client.post(f"/forum/beitrag/{reply.pk}/loeschen/")
    reply.refresh_from_db()
    assert reply.status == Post.Status.DELETED
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "gelöscht" in page and "Das lösche ich gleich wieder." not in page
    assert "Wer hat Erfahrungen?" in page


def test_helpful_toggles_and_counts(client, thread, other_member, member):
    post = thread.posts.get()
    client.force_login(other_member)
    response = client.post(f"/forum/beitrag/{post.pk}/hilfreich/",
                           HTTP_ACCEPT="application/json")
    assert response.json() == {"marked": True, "count": 1}
    assert client.post(f"/forum/beitrag/{post.pk}/hilfreich/",
                       HTTP_ACCEPT="application/json").json() == {"marked": False, "count": 0}
    with pytest.raises(ValidationError):
        services.toggle_helpful(member, post)
    assert not HelpfulMark.objects.exists()


def test_new_accounts_are_limited_and_keep_their_text(client, thread):
    newcomer = make_member()
    client.force_login(newcomer)
    for n in range(services.NEW_ACCOUNT_POSTS_PER_MINUTE):
        services.post_reply(newcomer, thread, f"Beitrag {n}")
    response = client.post(thread.get_absolute_url(), {"body": "Mein vierter Gedanke"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte warten Sie einen Moment" in html
    assert "Mein vierter Gedanke" in html


def test_new_accounts_may_post_only_a_few_links(client, thread):
    newcomer = make_member()
    client.force_login(newcomer)
    body = "Siehe https://a.example.org https://b.example.org [c](https://c.example.org)"
    response = client.post(thread.get_absolute_url(), {"body": body})
    html = response.content.decode()
    assert "enthält 3 Links; erlaubt sind 2" in html
    assert body in html
    assert services.post_reply(established(newcomer), thread, body)


def test_suspended_members_cannot_write(thread, other_member, moderator):
    from network.forum.moderation import suspend_member

    suspend_member(moderator, other_member, 3, "Wiederholt beleidigend")
    with pytest.raises(PermissionDenied):
        services.post_reply(other_member, thread, "Hallo")


def test_page_comments_use_the_same_thread_machinery(client, home_page, member, other_member):
    page = home_page.add_child(instance=StandardPage(title="Fallstudie Iserlohn", slug="iserlohn"))
    assert not Thread.objects.filter(page=page).exists()  # created lazily
    client.force_login(member)
    response = client.post(f"/forum/kommentare/{page.pk}/", {"body": "Tolles Beispiel!"})
    thread = Thread.objects.get(page=page)
    post = thread.posts.get()
    assert response["Location"] == f"{page.url}#beitrag-{post.pk}"
    services.comment_on_page(other_member, page, f"Finde ich auch, @anna-schmidt-{member.pk}")
    assert Thread.objects.filter(page=page).count() == 1
    assert thread.posts.count() == 2
    assert member.notifications.filter(kind="mention").exists()
    assert client.get(post.get_absolute_url())["Location"] == f"{page.url}#beitrag-{post.pk}"


def test_visitor_cannot_comment(client, home_page):
    page = home_page.add_child(instance=StandardPage(title="Artikel", slug="artikel"))
    response = client.post(f"/forum/kommentare/{page.pk}/", {"body": "Spam"})
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    with pytest.raises(PermissionDenied):
        services.comment_on_page(UserFactory(), page, "Ohne Organisation")
    assert not Thread.objects.exists()


def test_mention_completion_offers_only_members_who_can_read(client, thread, member):
    make_member(first_name="Annika", last_name="Berg")
    UserFactory(first_name="Anton", last_name="Ohneorg")
    client.force_login(member)
    names = [r["name"] for r in client.get(
        "/forum/erwaehnen/", {"q": "An", "thema": thread.pk}
    ).json()["results"]]
    assert "Annika Berg" in names and "Anton Ohneorg" not in names
    assert client.get("/forum/erwaehnen/", {"q": "An"}).status_code == 200
    client.logout()
    assert client.get("/forum/erwaehnen/", {"q": "An"}).status_code == 403


def test_failed_comment_comes_back_with_text_and_error(client, home_page):
    from django.template import Context, Template

    page = home_page.add_child(instance=StandardPage(title="Artikel", slug="artikel"))
    newcomer = make_member()
    client.force_login(newcomer)
    body = "Links: [a](https://a.example.org) [b](https://b.example.org) [c](https://c.example.org)"
    response = client.post(f"/forum/kommentare/{page.pk}/", {"body": body})
    assert response["Location"] == f"{page.url}#kommentare"
    request = response.wsgi_request
    request.user = newcomer
    html = Template("{% load forum_tags %}{% page_discussion page %}").render(
        Context({"request": request, "page": page})
    )
    assert "erlaubt sind 2" in html
    assert "[a](https://a.example.org)" in html
    assert "forum_comment_draft" not in request.session


@pytest.mark.parametrize(
    ("typed", "rendered"),
    [
        ("**Eigentümer*innen**", "<strong>Eigentümer*innen</strong>"),
        ("Eigentümer*innen und Bürger*innen", "Eigentümer*innen und Bürger*innen"),
        ("**Bürger:innen** und Händler_innen", "<strong>Bürger:innen</strong> und Händler_innen"),
        ("die Lehrer*in und *betont*", "die Lehrer*in und <em>betont</em>"),
    ],
)
def test_the_gender_star_is_text_never_emphasis(client, thread, other_member, typed, rendered):
    client.force_login(other_member)
    response = client.post(thread.get_absolute_url(), {"body": typed}, follow=True)
    assert response.status_code == 200
    assert f"<p>{rendered}</p>" in response.content.decode()
    assert thread.posts.order_by("-pk").first().body_html == f"<p>{rendered}</p>"


def test_a_mention_shows_the_name_as_a_link_not_the_handle(client, thread, member, other_member):
    client.force_login(other_member)
    handle = f"@{slugify(member.display_name)}-{member.pk}"
    client.post(thread.get_absolute_url(), {"body": f"Frage an {handle}: wie lief es?"})
    post = thread.posts.order_by("-pk").first()
    organisation = member.memberships.get().organisation
    assert handle not in post.body_html
    assert f'href="{organisation.get_absolute_url()}"' in post.body_html
    assert "@Anna Schmidt</a>" in post.body_html
    assert member.notifications.filter(kind="mention").exists()


def test_a_typed_name_without_the_picker_mentions_the_member(client, thread, member, other_member):
    client.force_login(other_member)
    client.post(thread.get_absolute_url(), {"body": "Danke @Anna für den Tipp!"})
    post = thread.posts.order_by("-pk").first()
    assert f"-{member.pk}" in post.body_markdown
    assert "@Anna Schmidt</a>" in post.body_html
    assert member.notifications.filter(kind="mention").exists()


def test_an_ambiguous_typed_name_says_so_and_keeps_the_text(client, thread, member, other_member):
    established(make_member(first_name="Anna", last_name="Zimmermann"))
    client.force_login(other_member)
    typed = "Danke @Anna für den Tipp!"
    response = client.post(thread.get_absolute_url(), {"body": typed})
    assert response.status_code == 400  # the thread page with the form and its error
    body = response.content.decode()
    assert "passt auf mehrere Mitglieder" in body
    assert "Anna Schmidt" in body and "Anna Zimmermann" in body
    assert typed in body
    assert not member.notifications.filter(kind="mention").exists()
