"""The search page /suche/: form, hits, facets, pagination, visibility, escaping."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import search
from network.models import Organisation
from search import services
from tests.factories import OrganisationFactory, ProviderFactory, make_member
from tests.html_checks import html_problems
from tests.search.conftest import document

pytestmark = pytest.mark.django_db

URL = "/suche/"


def get(client, params=None):
    response = client.get(URL, params or {})
    assert response.status_code == 200
    return response.content.decode()


def hit_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]*)</a></h3>', html)


@pytest.fixture
def organisations(home_page):
    OrganisationFactory(
        name="Stadt Lindenau",
        description="<p>Unser Leerstandsmanagement bringt Leben in leere Läden.</p>",
        topics=["Leerstand"],
    )
    OrganisationFactory(
        name="Stadt Bergheim",
        bundesland="BY",
        description="Innenstadtentwicklung mit Bürger*innen.",
    )
    ProviderFactory(name="Frequenzlabor GmbH", description="Wir messen Passanten in Innenstädten.")
    services.rebuild_index()


def test_the_url_is_named_and_the_empty_page_invites_a_search(client, home_page):
    assert reverse("search:results") == URL
    html = get(client)
    assert '<label for="id_q">Suchbegriff</label>' in html
    assert 'aria-describedby="id_q_helptext"' in html
    assert "Leerstandsmanagement" in html  # the tip
    assert "Ergebnisse eingrenzen" not in html
    assert html_problems(html) == []


def test_hits_show_type_date_and_a_highlighted_snippet(client, organisations):
    html = get(client, {"q": "Leerstand"})

    assert hit_titles(html) == ["Stadt Lindenau"]
    assert "1 Treffer für „Leerstand“" in html
    assert "<mark>Leerstandsmanagement</mark>" in html
    assert "<p>Unser" not in html  # stored HTML is stripped, never rendered
    assert "Organisationen" in html
    assert html_problems(html) == []


def test_facets_offer_counts_and_filter_by_get_parameters(client, organisations):
    html = get(client, {"q": "Innenstadt"})
    assert sorted(hit_titles(html)) == ["Frequenzlabor GmbH", "Stadt Bergheim"]
    assert re.search(
        r'name="kind" value="kommune"> Kommune</span>\s*<span class="facet-list__count">1', html
    )
    assert re.search(
        r'name="kind" value="anbieter"> Lösungsanbieter</span>\s*<span class="facet-list__count">1',
        html,
    )
    assert re.search(r'name="bundesland" value="BY"> Bayern</span>', html)

    filtered = get(client, {"q": "Innenstadt", "kind": "anbieter"})
    assert hit_titles(filtered) == ["Frequenzlabor GmbH"]
    assert 'name="kind" value="anbieter" checked' in filtered
    assert "Filter zurücksetzen" in filtered

    by_type = get(client, {"typ": "organisation", "bundesland": "BY"})
    assert hit_titles(by_type) == ["Stadt Bergheim"]
    assert 'name="typ" value="organisation" checked' in by_type


def test_hostile_queries_are_shown_escaped_and_never_break_the_page(client, organisations):
    hostile = '<script>alert("x")</script> "Leerstand* OR NEAR('
    html = get(client, {"q": hostile})
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert html_problems(html) == []


def test_hostile_document_text_is_escaped_in_snippets(client, home_page):
    search.engine().index_document(
        document(
            1,
            "Böser <b>Titel</b>",
            '<img src=x onerror="alert(1)"> Leerstand hier',
            doc_type="organisation",
        )
    )
    html = get(client, {"q": "Leerstand"})
    assert "<img src=x" not in html and "<b>Titel</b>" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>Leerstand</mark> hier" in html
    assert "Böser &lt;b&gt;Titel&lt;/b&gt;" in html


def test_invalid_input_gets_a_german_message_and_keeps_what_was_typed(client, home_page):
    long_query = "Leerstand " * 30
    html = get(client, {"q": long_query, "typ": "gibtsnicht"})
    assert "Bitte prüfen Sie Ihre Suche." in html
    assert "Bitte geben Sie höchstens 200 Zeichen ein (jetzt: 299)." in html
    assert "Diese Inhaltsart gibt es nicht: gibtsnicht." in html
    assert f'value="{long_query}"' in html
    assert 'aria-invalid="true"' in html
    assert html_problems(html) == []


def test_nothing_found_says_so(client, organisations):
    html = get(client, {"q": "Seilbahn"})
    assert "0 Treffer für „Seilbahn“" in html
    assert "Nichts gefunden." in html


def test_pagination_keeps_the_query_and_filters(client, home_page):
    search.engine().index_documents(
        [
            document(
                n,
                f"Kommune {n:02d} Innenstadt",
                doc_type="organisation",
                facets={"kind": "kommune"},
            )
            for n in range(23)
        ]
    )
    first = get(client, {"q": "Innenstadt", "kind": "kommune"})
    third = get(client, {"q": "Innenstadt", "kind": "kommune", "page": "3"})
    beyond = get(client, {"q": "Innenstadt", "kind": "kommune", "page": "99"})

    assert len(hit_titles(first)) == 10
    assert 'href="?q=Innenstadt&amp;kind=kommune&amp;page=2"' in first
    assert len(hit_titles(third)) == 3
    assert '<ol class="stack search-results" start="21">' in third
    assert hit_titles(beyond) == hit_titles(third)
    assert get(client, {"q": "Innenstadt", "page": "abc"}).count('class="card search-hit"') == 10


def test_visitors_see_no_members_only_hits_or_facets_members_do(
    client, home_page, members_only_type
):
    OrganisationFactory(
        name="Städtetag Nord", kind=Organisation.Kind.VERBAND, description="Leerstand im Norden"
    )
    services.rebuild_index()

    visitor = get(client, {"q": "Leerstand"})
    assert hit_titles(visitor) == ["Städtetag Nord"]
    assert "Protokoll" not in visitor and 'name="gremium"' not in visitor

    client.force_login(make_member())
    member = get(client, {"q": "Leerstand"})
    assert sorted(hit_titles(member)) == ["Internes Protokoll Städtetag Nord", "Städtetag Nord"]
    assert re.search(
        r'name="typ" value="protokoll"> Protokolle</span>\s*<span class="facet-list__count">1',
        member,
    )
    assert re.search(r'name="gremium" value="vorstand"> vorstand</span>', member)


def test_the_page_needs_the_same_number_of_queries_for_few_and_many_hits(client, home_page):
    def queries_for(count):
        search.engine().rebuild(
            [
                document(
                    n,
                    f"Leerstand {n}",
                    doc_type="organisation",
                    facets={"kind": "kommune", "bundesland": "NW"},
                    tags=[f"Thema {n % 4}"],
                )
                for n in range(count)
            ]
        )
        with CaptureQueriesContext(connection) as context:
            html = get(client, {"q": "Leerstand"})
        assert len(hit_titles(html)) == min(count, 10)
        return len(context.captured_queries)

    get(client, {"q": "warm-up"})  # the first request also loads the site and its settings
    # Fewer than three hits also look for a "Meinten Sie …?" (one more query): not the case here.
    assert queries_for(4) == queries_for(30)
