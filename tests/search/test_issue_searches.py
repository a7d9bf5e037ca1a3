"""The searches of issue 12, through the search page, on the configured database engine."""

import json
import re
from datetime import UTC, datetime

import pytest

import search
from search.documents import MEMBERS, SearchDocument, SearchPart
from tests.factories import make_member
from tests.search.test_search_page import get

pytestmark = pytest.mark.django_db


def doc(doc_type, doc_id, title, body="", tags=(), year=2025, **kwargs):
    return SearchDocument(
        type=doc_type,
        id=doc_id,
        title=title,
        body=body,
        tags=tags,
        url=f"/{doc_type}/{doc_id}/",
        date=datetime(year, 6, 1, tzinfo=UTC),
        **kwargs,
    )


LIBRARY = [
    doc(
        "case_study",
        1,
        "Eine Leerstandslotsin bringt 14 Läden zurück",
        "Stadt Einbeck. Eine feste Ansprechperson für Eigentümer*innen senkt den Leerstand.",
        tags=["Leerstand", "Zwischennutzung"],
    ),
    doc(
        "case_study",
        2,
        "Passantenfrequenz messen und Entscheidungen darauf stützen",
        "Stadt Iserlohn. Vier Lasersensoren zählen seit 2022 Passant*innen.",
        tags=["Citymanagement"],
    ),
    doc(
        "case_study",
        3,
        "Digitales Leerstandskataster für eine Großstadt",
        "Stadt Rheinhafen. Ein Kataster zeigt freie Flächen tagesaktuell.",
        tags=["Leerstand", "Digitalisierung"],
    ),
    doc(
        "case_study",
        4,
        "Schaufenstergalerie: Kunst statt Leere",
        "Stadt Lindenfeld. Leere Schaufenster zeigen Kunst; der Leerstand wird sichtbar.",
        tags=["Leerstand"],
    ),
    doc("funding", 1, "NRW-Sofortprogramm Innenstadt", "Land NRW. Mietzuschüsse für Ladenlokale."),
    doc("funding", 2, "Sachsen: Landesprogramm Lebendige Innenstadt", "Freistaat Sachsen."),
    doc(
        "funding",
        3,
        "Städtebauförderung: Lebendige Zentren",
        "Bund und Länder.",
        tags=["Städtebau"],
    ),
    doc("organisation", 1, "Stadt Einbeck", "Einbeck, Niedersachsen – Fachwerkstadt."),
    doc("organisation", 2, "Raumwende Beratung für Leerstand", "Beratung für Eigentümer*innen."),
    doc(
        "forum_thread",
        1,
        "Frequenzmessung per Sensor – welche Erfahrungen gibt es?",
        "Wir überlegen, die Frequenz in der Fußgängerzone zu messen.",
        tags=["Frequenzmessung"],
        parts=[
            SearchPart("/forum/beitrag/11/", "Wir messen seit zwei Jahren mit Lasersensoren."),
            SearchPart(
                "/forum/beitrag/12/", "Die Frequenzmessung hat uns beim Datenschutz Mühe gemacht."
            ),
            SearchPart("/forum/beitrag/13/", "Danke für die Hinweise!"),
        ],
    ),
    doc(
        "forum_thread",
        2,
        "Pop-up-Stores im Leerstand: Wer hat Mietverträge?",
        "Wir suchen Musterverträge für leere Läden.",
        tags=["Leerstand"],
        parts=[
            SearchPart("/forum/beitrag/21/", "Unser Leerstand wird mit Pop-ups bespielt."),
            SearchPart(
                "/forum/beitrag/22/", "Leerstand ist bei uns auch ein Thema, Verträge gibt es."
            ),
            SearchPart("/forum/beitrag/23/", "Im Leerstand am Markt lief es gut."),
        ],
    ),
    doc(
        "pain_point", 1, "Internes: Leerstandsgeheimnis", "Nur für Mitglieder.", visibility=MEMBERS
    ),
]


@pytest.fixture
def library(home_page):
    search.engine().rebuild(LIBRARY)


def hits(html):
    return re.findall(r'<h3 class="card__title"><a href="([^"]*)">([^<]*)</a></h3>', html)


def urls(html):
    return [url for url, _title in hits(html)]


def test_leerstand_lists_every_thing_once_with_the_library_before_the_forum(client, library):
    html = get(client, {"q": "Leerstand"})
    found = urls(html)
    assert len(found) == len(set(found))
    thread = [url for url in found if url.startswith("/forum")]
    assert len(thread) == 1  # the thread once, not once per reply
    case_studies = [url for url in found[:5] if url.startswith("/case_study/")]
    assert len(case_studies) >= 2
    assert found.index(thread[0]) > found.index(case_studies[0])


def test_frequenzmessung_finds_frequenz_messen_and_links_the_best_reply(client, library):
    html = get(client, {"q": "Frequenzmessung"})
    found = urls(html)
    assert "/case_study/2/" in found[:5]  # "Passantenfrequenz messen"
    forum = [url for url in found if "forum" in url]
    assert forum == ["/forum/beitrag/12/"]  # one hit, linked to the reply about Frequenzmessung
    assert "<mark>Frequenzmessung</mark>" in html


@pytest.mark.parametrize("query", ["Förderprogramm", "Förderprogramme", "Foerderprogramm"])
def test_foerderprogramm_finds_the_programmes(client, library, query):
    found = urls(get(client, {"q": query}))
    assert {"/funding/1/", "/funding/2/"} <= set(found[:5])


def test_einbeck_leerstand_puts_einbecks_case_study_near_the_top(client, library):
    found = urls(get(client, {"q": "Einbeck Leerstand"}))
    assert "/case_study/1/" in found[:2]


def test_an_organisations_name_finds_it_first(client, library):
    assert urls(get(client, {"q": "Raumwende"}))[0] == "/organisation/2/"
    assert urls(get(client, {"q": "Stadt Einbeck"}))[0] == "/organisation/1/"


def test_a_typo_shows_the_results_of_the_known_word(client, library):
    html = get(client, {"q": "Leerstnad"})
    assert "Keine Treffer für „Leerstnad“. Ergebnisse für „leerstand“" in html
    assert "/case_study/1/" in urls(html)


def test_few_hits_offer_meinten_sie(client, library):
    html = get(client, {"q": "Leerstnad Einbeck"})
    # "Einbeck" alone is known, the typo is corrected: one hit for the corrected query.
    assert "leerstand einbeck" in html.lower()


def test_suggestions_complete_the_last_word_from_public_words_only(client, library):
    response = client.get("/suche/vorschlaege/", {"q": "Einbeck lee"})
    assert response.status_code == 200
    suggestions = json.loads(response.content)["suggestions"]
    assert "Einbeck leerstand" in suggestions
    assert all("geheimnis" not in word for word in suggestions)
    assert json.loads(client.get("/suche/vorschlaege/", {"q": "l"}).content) == {"suggestions": []}


def test_members_only_words_are_never_suggested_but_members_find_the_content(client, library):
    response = client.get("/suche/vorschlaege/", {"q": "leerstandsge"})
    assert json.loads(response.content)["suggestions"] == []
    client.force_login(make_member())
    assert "/pain_point/1/" in urls(get(client, {"q": "Leerstandsgeheimnis"}))


def test_the_header_search_suggests_without_inline_script(client, library):
    html = get(client, {"q": "Leerstand"})
    assert 'data-suggest-url="/suche/vorschlaege/"' in html
    assert 'list="site-search-suggestions"' in html
    assert "search-suggest.js" in html
    assert re.search(r"<script>(?!\s*</script>)", html) is None


def test_more_than_a_thousand_matches_are_not_counted(client, home_page):
    search.engine().rebuild(
        [doc("article", n, f"Innenstadt Nummer {n}", "Innenstadt") for n in range(1005)]
    )
    html = get(client, {"q": "Innenstadt"})
    assert "Mehr als 1.000 Treffer für „Innenstadt“" in html
    assert len(urls(html)) == 10
