"""The pure text helpers: no database."""

from network.forum.markdown import (
    count_links,
    mention_handle,
    mentioned_ids,
    quote_markdown,
    render_markdown,
)


def test_markdown_renders_the_allowed_formatting():
    html = render_markdown("**fett** und *kursiv*\n\n- eins\n- zwei\n\n> Zitat")
    assert "<strong>fett</strong>" in html
    assert "<em>kursiv</em>" in html
    assert "<li>eins</li>" in html
    assert "<blockquote>" in html


def test_markdown_links_get_nofollow_and_bare_urls_are_linked():
    html = render_markdown("[Förderung](https://example.org/a) und https://example.org/b")
    assert count_links(html) == 2
    assert 'rel="nofollow noopener"' in html


def test_empty_text_renders_nothing():
    assert render_markdown("   ") == ""


def test_mentions_are_found_by_id_once_each():
    text = "Hallo @anna-schmidt-12 und @ben-yilmaz-7, nochmal @anna-schmidt-12. mail@x.de-3"
    assert mentioned_ids(text) == [12, 7]


def test_mention_handle_round_trips():
    assert mentioned_ids(f"Frage an {mention_handle('joerg-mueller', 42)}!") == [42]


def test_quote_prefixes_every_line_and_names_the_author():
    quoted = quote_markdown("Anna Schmidt", "Erste Zeile\n\nZweite Zeile")
    assert quoted.startswith("> **Anna Schmidt schrieb:**")
    assert "> Erste Zeile\n>\n> Zweite Zeile" in quoted
