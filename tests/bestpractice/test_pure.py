"""Plain modules of the library, without a database: filter state, video sources, text."""

from django.http import QueryDict

from bestpractice.facets import CASE_STUDY_SORTS, ListingState, case_study_facets
from bestpractice.richtext import to_editable_text, to_safe_html
from bestpractice.video import video_source


def state(query):
    return ListingState.from_query(QueryDict(query), case_study_facets(), CASE_STUDY_SORTS)


def test_listing_state_keeps_only_valid_values_in_a_stable_order():
    parsed = state(
        "groesse=large&groesse=small&groesse=huge&land=NW&jahr=20x&thema=<b>&sortierung=titel"
    )
    assert parsed.selected == {"groesse": ("large", "small"), "land": ("NW",)}
    assert parsed.sort == "titel"
    assert parsed.querystring() == "?groesse=large&groesse=small&land=NW&sortierung=titel"
    assert parsed.querystring(page=3, without=("groesse", "small")) == (
        "?groesse=large&land=NW&sortierung=titel&seite=3"
    )


def test_default_state_has_an_empty_querystring():
    parsed = state("sortierung=unbekannt")
    assert parsed.sort == "neu" and not parsed.is_filtered
    assert parsed.querystring() == "?"
    assert parsed.querystring(page=1) == "?"


def test_active_filters_name_what_they_remove():
    parsed = state("thema=leerstand&budget=under_10k")
    assert parsed.active_filters(names={"thema": {"leerstand": "Leerstand"}}) == [
        {"facet": "Thema", "label": "Leerstand", "remove_query": "?budget=under_10k"},
        {"facet": "Kostenrahmen", "label": "unter 10.000 €", "remove_query": "?thema=leerstand"},
    ]


def test_video_sources():
    youtube = video_source("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10")
    assert youtube.embed_url == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    assert youtube.host_label == "YouTube (Google)"
    assert video_source("https://youtu.be/dQw4w9WgXcQ").provider == "youtube"
    vimeo = video_source("https://vimeo.com/76979871")
    assert vimeo.embed_url.startswith("https://player.vimeo.com/video/76979871")
    other = video_source("https://media.stadt-beispiel.de/film.mp4")
    assert (other.provider, other.host_label) == ("other", "media.stadt-beispiel.de")
    assert video_source("http://insecure.example/v").embed_url == ""
    assert video_source("javascript:alert(1)") is None
    assert video_source("") is None


def test_typed_text_becomes_safe_paragraphs_and_back():
    typed = "Erster Absatz.\nZweite Zeile & mehr.\n\nZweiter Absatz: a < b"
    html = to_safe_html(typed)
    assert html == (
        "<p>Erster Absatz.<br>Zweite Zeile &amp; mehr.</p><p>Zweiter Absatz: a &lt; b</p>"
    )
    assert to_editable_text(html) == typed


def test_hostile_markup_is_removed():
    html = to_safe_html(
        '<p onmouseover="x()">Hallo <script>alert(1)</script><a href="javascript:x">Link</a></p>'
    )
    assert "script" not in html and "onmouseover" not in html and "javascript" not in html
    assert html.startswith("<p>Hallo")
