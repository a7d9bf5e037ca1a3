"""A corpus of XSS payloads, posted as Markdown and as HTML, is neutralised in every place the
forum shows user text: thread pages and lists, live fragments, edit history, report and
moderation pages, result pages, notifications, the discussion under a page, search."""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from network.forum import moderation, services
from network.models import Post, StandardPage
from tests.factories import make_member
from tests.network.forum.conftest import established

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">klick</a>',
    "[klick](javascript:alert(1))",
    "[klick](JaVaScRiPt:alert(1))",
    "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "<svg onload=alert(1)><circle r=10 /></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table>"
    "</mtext></math>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<style><img src=x onerror=alert(1)></style>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<a href="jav&#x09;ascript:alert(1)">tab</a>',
    '<a href="&#106;avascript:alert(1)">entity</a>',
    "<<script>script>alert(1)<</script>/script>",
    '<div onclick="alert(1)">x',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    "<details open ontoggle=alert(1)>",
    "![x](javascript:alert(1))",
    '![x](x" onerror="alert(1))',
    '<a href="   javascript:alert(1)">spaces</a>',
    '<img src="x` `<script>alert(1)</script>"` `>',
    "<textarea><script>alert(1)</script></textarea>",
    "<title><script>alert(1)</script></title>",
    "<!--<script>alert(1)</script>-->",
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<a href="vbscript:msgbox(1)">vb</a>',
    "`<script>alert(1)</script>` und ```\n<script>alert(1)</script>\n```",
    "<p <img src=x onerror=alert(1)>>",
    "<a href='javascript:alert(1)'<b>unclosed",
]
# Each payload once plain and once inside Markdown formatting.
CORPUS = PAYLOADS + [f"**Wichtig:** {payload}\n\n> {payload}" for payload in PAYLOADS]
TITLE = '<script>alert("titel")</script> Leerstand <img src=x onerror=alert(2)>'

FORBIDDEN_TAGS = {
    "svg", "math", "iframe", "object", "embed", "style", "base", "meta", "form", "img",
    "textarea", "noscript", "template", "details",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "content"}
DANGEROUS_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


class _Scanner(HTMLParser):
    """Finds executable markup inside the elements of user content."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.depth = 0  # > 0 while inside a user-content container

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if self.depth:
            self.depth += 1
        elif "prose" in classes:
            self.depth = 1
        if tag == "script" and not (attrs.get("src") or "").startswith("/static/"):
            self.problems.append(f"<script> {attrs}")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if name in URL_ATTRIBUTES and value and DANGEROUS_URL.match(value):
                self.problems.append(f"{name}={value!r} on <{tag}>")
            if name == "style" and value and re.search(r"url\(|expression", value, re.I):
                self.problems.append(f"style={value!r}")
        if self.depth and tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> in user content")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.depth:
            self.depth -= 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1


def executable_markup(html):
    scanner = _Scanner()
    scanner.feed(html)
    return scanner.problems


def assert_neutral(response_or_html):
    html = getattr(response_or_html, "content", response_or_html)
    if isinstance(html, bytes):
        html = html.decode()
    problems = executable_markup(html)
    assert problems == [], problems[:10]


def test_the_scanner_catches_what_it_should():
    assert executable_markup('<div class="prose"><img src=x onerror=alert(1)></div>')
    assert executable_markup('<a href=" javascript:alert(1)">x</a>')
    assert executable_markup("<script>alert(1)</script>")
    assert not executable_markup('<div class="prose"><a href="https://x.de">ok</a></div>')


@pytest.mark.parametrize("payload", CORPUS)
def test_payload_is_neutral_after_rendering(payload):
    from network.forum.markdown import render_markdown

    assert_neutral(f'<div class="prose">{render_markdown(payload)}</div>')


@pytest.fixture
def hostile_thread(public_category, member, other_member):
    mention = f"@ben-yilmaz-{other_member.pk} "
    thread = services.create_thread(
        member, public_category, TITLE, mention + PAYLOADS[0], ["<b>Leer</b>stand"]
    )
    for index, payload in enumerate(CORPUS):
        author = member if index % 2 else other_member
        Post.objects.create(
            thread=thread, author=author, body_markdown=payload,
            body_html=services.render_body(author, payload)[1],
        )
    # Written "earlier", so the tests' own posts stay within the rate limit.
    Post.objects.filter(thread=thread).update(created_at=timezone.now() - timedelta(minutes=5))
    return thread


def test_thread_page_list_and_fragments_are_neutral(client, hostile_thread, member):
    for url in (
        "/forum/",
        "/forum/kategorie/allgemeines/",
        hostile_thread.get_absolute_url() + "?page=1",
        hostile_thread.get_absolute_url() + "?page=2",
        hostile_thread.get_absolute_url() + "?page=3",
        f"/forum/thema/{hostile_thread.pk}/beitraege/?nach=0",
    ):
        assert_neutral(client.get(url))
    client.force_login(member)
    response = client.get(hostile_thread.get_absolute_url())
    assert "&lt;script&gt;alert(&quot;titel&quot;)&lt;/script&gt;" in response.content.decode()
    assert_neutral(response)


def test_reply_edit_history_report_and_moderation_pages_are_neutral(
    client, hostile_thread, member, other_member, moderator
):
    post = services.post_reply(member, hostile_thread, PAYLOADS[1])
    services.edit_post(member, post, PAYLOADS[2])
    services.edit_post(member, post, PAYLOADS[9])
    client.force_login(member)
    assert_neutral(client.get(f"/forum/beitrag/{post.pk}/verlauf/"))
    client.force_login(other_member)
    assert_neutral(client.get(f"/forum/beitrag/{post.pk}/melden/"))
    services.report_post(other_member, post, "<script>alert(3)</script> Spam")
    client.force_login(moderator)
    assert_neutral(client.get("/forum/moderation/"))
    assert_neutral(client.get("/forum/moderation/protokoll/"))
    assert_neutral(client.get(f"/forum/beitrag/{post.pk}/bearbeiten/"))


def test_result_and_notifications_are_neutral(client, hostile_thread, other_member, moderator):
    moderation.close_with_result(moderator, hostile_thread, "Ergebnis: " + PAYLOADS[10])
    assert_neutral(client.get(f"/forum/thema/{hostile_thread.pk}/ergebnis/"))
    client.force_login(other_member)  # was mentioned: a notification carries the title
    response = client.get("/benachrichtigungen/")
    assert "Leerstand" in response.content.decode()
    assert_neutral(response)


def test_preview_is_neutral(client, public_category, member):
    client.force_login(member)
    for payload in PAYLOADS:
        response = client.post(
            "/forum/kategorie/allgemeines/neu/",
            {"title": "Vorschau-Test", "body": payload, "topics": "", "preview": "1"},
        )
        assert_neutral(response)


def test_page_comments_are_neutral(home_page, member):
    page = home_page.add_child(instance=StandardPage(title="Praxisbeispiel", slug="praxis"))
    thread = services.comment_on_page(member, page, "Erster Kommentar").thread
    for payload in PAYLOADS:
        Post.objects.create(thread=thread, author=member, body_markdown=payload,
                            body_html=services.render_body(member, payload)[1])
    request = RequestFactory().get(page.url)
    request.user = make_member()
    html = Template("{% load forum_tags %}{% page_discussion page %}").render(
        Context({"request": request, "page": page})
    )
    assert 'class="forum-post' in html
    assert_neutral(html)


def test_search_results_are_neutral(client, public_category, django_capture_on_commit_callbacks):
    author = established(make_member())
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.create_thread(author, public_category, "Leerstand XSS", PAYLOADS[0])
        for payload in PAYLOADS[1:]:
            Post.objects.create(thread=thread, author=author, body_markdown=payload,
                                body_html=services.render_body(author, "Leerstand " + payload)[1])
    response = client.get("/suche/", {"q": "Leerstand"})
    assert response.status_code == 200
    assert "Leerstand XSS" in response.content.decode()
    assert_neutral(response)
