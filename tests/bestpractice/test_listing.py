"""The library's index: facet filters, counts, combinations, sorting, paging, query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bestpractice.models import ArticleKind, BudgetRange
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def towns():
    return {
        "klein_by": OrganisationFactory(
            name="Markt Beispielfeld", bundesland="BY", population=9_500
        ),
        "mittel_nw": OrganisationFactory(name="Stadt Mittelau", bundesland="NW", population=48_000),
        "mittel_by": OrganisationFactory(name="Stadt Auental", bundesland="BY", population=61_000),
        "gross_nw": OrganisationFactory(
            name="Stadt Großhafen", bundesland="NW", population=310_000
        ),
    }


@pytest.fixture
def catalogue(make_case_study, towns):
    return {
        "a": make_case_study(
            "Leerstandslotsin",
            towns["klein_by"],
            ["Leerstand", "Zwischennutzung"],
            year=2021,
            budget_range=BudgetRange.UNDER_10K,
        ),
        "b": make_case_study(
            "Pop-up-Laden im Rathaus",
            towns["mittel_nw"],
            ["Zwischennutzung"],
            year=2022,
            budget_range=BudgetRange.FROM_10K,
        ),
        "c": make_case_study(
            "Stadtgutschein digital",
            towns["mittel_by"],
            ["Stadtgutschein", "Digitalisierung"],
            year=2022,
            budget_range=BudgetRange.FROM_50K,
        ),
        "d": make_case_study(
            "Frequenzzählung mit Lasersensoren",
            towns["gross_nw"],
            ["Frequenzmessung"],
            year=2023,
            budget_range=BudgetRange.FROM_50K,
        ),
        "e": make_case_study(
            "Leerstandskataster",
            towns["gross_nw"],
            ["Leerstand", "Digitalisierung"],
            year=2023,
            budget_range=BudgetRange.OVER_250K,
        ),
        "draft": make_case_study(
            "Unveröffentlichter Entwurf", towns["gross_nw"], ["Leerstand"], live=False
        ),
    }


def listing(client, query=""):
    response = client.get("/praxisbeispiele/" + query)
    assert response.status_code == 200
    return response.context


def titles(context):
    return sorted(item.title for item in context["items"])


def counts(context, key):
    facet = next(f for f in context["facets"] if f["key"] == key)
    return {option["value"]: option["count"] for option in facet["options"]}


def test_unfiltered_lists_all_live_case_studies_with_counts(client, catalogue):
    context = listing(client)
    assert context["result_count"] == 5
    assert "Unveröffentlichter Entwurf" not in titles(context)
    assert counts(context, "thema") == {
        "leerstand": 2,
        "zwischennutzung": 2,
        "digitalisierung": 2,
        "stadtgutschein": 1,
        "frequenzmessung": 1,
    }
    assert counts(context, "groesse") == {"small": 1, "medium": 2, "large": 2}
    assert counts(context, "land") == {"BY": 2, "NW": 3}
    assert counts(context, "budget") == {
        "under_10k": 1,
        "10k_50k": 1,
        "50k_250k": 2,
        "over_250k": 1,
    }
    assert counts(context, "jahr") == {"2023": 2, "2022": 2, "2021": 1}


def test_topic_filter_returns_exactly_the_tagged_pages(client, catalogue):
    context = listing(client, "?thema=leerstand")
    assert titles(context) == ["Leerstandskataster", "Leerstandslotsin"]
    # The topic facet counts ignore its own selection so alternatives stay visible ...
    assert counts(context, "thema")["zwischennutzung"] == 2
    # ... while the other facets count within the selection.
    assert counts(context, "groesse") == {"small": 1, "large": 1}
    assert counts(context, "land") == {"BY": 1, "NW": 1}


def test_topic_and_town_size_combine(client, catalogue):
    context = listing(client, "?thema=leerstand&groesse=large")
    assert titles(context) == ["Leerstandskataster"]
    assert counts(context, "groesse") == {"small": 1, "large": 1}
    assert counts(context, "thema") == {"leerstand": 1, "digitalisierung": 1, "frequenzmessung": 1}


def test_values_of_one_facet_are_alternatives(client, catalogue):
    context = listing(client, "?groesse=small&groesse=medium&land=BY")
    assert titles(context) == ["Leerstandslotsin", "Stadtgutschein digital"]
    assert counts(context, "land") == {"BY": 2, "NW": 1}


def test_budget_and_year_filters(client, catalogue):
    assert titles(listing(client, "?budget=50k_250k")) == [
        "Frequenzzählung mit Lasersensoren",
        "Stadtgutschein digital",
    ]
    context = listing(client, "?budget=50k_250k&jahr=2023")
    assert titles(context) == ["Frequenzzählung mit Lasersensoren"]
    assert counts(context, "jahr") == {"2023": 1, "2022": 1}


def test_no_match_shows_an_empty_state_and_keeps_the_selected_options(client, catalogue):
    response = client.get("/praxisbeispiele/?thema=stadtgutschein&land=NW")
    assert response.context["result_count"] == 0
    assert "Keine Praxisbeispiele passen zu diesen Filtern." in response.content.decode()
    land = next(f for f in response.context["facets"] if f["key"] == "land")
    assert {"value": "NW", "label": "Nordrhein-Westfalen", "count": 0, "selected": True} in land[
        "options"
    ]


def test_unknown_values_are_ignored(client, catalogue):
    context = listing(client, "?groesse=riesig&land=XX&jahr=abc&budget=1&sortierung=zufall")
    assert context["result_count"] == 5
    assert context["active_filters"] == []


def test_filter_state_is_in_the_url_and_each_filter_can_be_removed(client, catalogue):
    response = client.get("/praxisbeispiele/?thema=leerstand&groesse=large")
    html = response.content.decode()
    assert 'name="thema" value="leerstand" checked' in html
    assert 'name="groesse" value="large" checked' in html
    removals = {f["label"]: f["remove_query"] for f in response.context["active_filters"]}
    assert removals["Leerstand"] == "?groesse=large"
    assert removals["Großstadt (über 100.000)"] == "?thema=leerstand"


def test_sort_by_newest_and_by_title(client, catalogue):
    newest = [item.title for item in listing(client)["items"]]
    assert newest[0] == "Leerstandskataster"  # published last
    by_title = [item.title for item in listing(client, "?sortierung=titel")["items"]]
    assert by_title == sorted(by_title)


def test_sort_by_most_discussed_counts_visible_comments(client, catalogue):
    from network.forum import services as forum_services
    from network.models import Post
    from tests.factories import make_member

    # one commenter per comment: new accounts may post only a few times a minute
    for _ in range(3):
        forum_services.comment_on_page(make_member(), catalogue["b"], "Wie habt ihr das bezahlt?")
    comments_on_c = [
        forum_services.comment_on_page(make_member(), catalogue["c"], f"Kommentar {number}")
        for number in range(4)
    ]
    Post.objects.filter(pk__in=[c.pk for c in comments_on_c[:2]]).update(
        status=Post.Status.HIDDEN
    )

    titles = [item.title for item in listing(client, "?sortierung=diskutiert")["items"]]
    # b: 3 visible comments; c: 2 visible (2 hidden do not count); the rest have none
    assert titles[:2] == [catalogue["b"].title, catalogue["c"].title]
    assert catalogue["a"].title in titles[2:]


def test_pagination_keeps_the_filters(client, make_case_study, library):
    town = OrganisationFactory(population=12_000)
    for number in range(14):
        make_case_study(f"Beispiel {number:02d}", town, ["Leerstand"])
    make_case_study("Anderes Thema", town, ["Logistik"])
    first = listing(client, "?thema=leerstand")
    assert first["result_count"] == 14 and len(first["items"]) == 12
    assert first["next_query"] == "?thema=leerstand&seite=2"
    second = listing(client, first["next_query"])
    assert len(second["items"]) == 2
    assert second["previous_query"] == "?thema=leerstand"
    assert listing(client, "?thema=leerstand&seite=99")["page_obj"].number == 2


def _index_queries(client, query=""):
    client.get("/praxisbeispiele/" + query)  # warm up: renditions are created on first view
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/praxisbeispiele/" + query)
    assert response.status_code == 200
    return len(captured), len(response.context["items"])


def _fill(make_case_study, count, start=0):
    sizes = [9_000, 45_000, 250_000]
    lands = ["BY", "NW", "SN", "HE"]
    for number in range(start, start + count):
        town = OrganisationFactory(bundesland=lands[number % 4], population=sizes[number % 3])
        make_case_study(
            f"Fall {number}",
            town,
            [f"Thema {number % 7}", "Innenstadt"],
            image=True,
            year=2018 + number % 6,
            budget_range=BudgetRange.values[number % 4],
        )


def test_index_query_count_does_not_grow_with_the_number_of_case_studies(
    client, make_case_study, library
):
    library.per_page = 60
    library.save()
    _fill(make_case_study, 10)
    small, rendered_small = _index_queries(client)
    filtered_small, _ = _index_queries(client, "?thema=innenstadt&groesse=medium")
    _fill(make_case_study, 90, start=10)
    large, rendered_large = _index_queries(client)
    filtered_large, _ = _index_queries(client, "?thema=innenstadt&groesse=medium")
    assert (rendered_small, rendered_large) == (10, 60)
    assert small == large
    assert filtered_small == filtered_large
    assert large <= 20


def test_article_index_filters_by_kind_topic_and_year(client, make_article):
    import datetime

    make_article(
        "Impuls: Frequenz ist nicht alles",
        ArticleKind.IMPULSE,
        ["Frequenzmessung"],
        date=datetime.date(2024, 3, 4),
    )
    make_article(
        "Neues Förderprogramm", ArticleKind.NEWS, ["Förderung"], date=datetime.date(2025, 1, 9)
    )
    make_article(
        "Impuls: Leerstand als Chance",
        ArticleKind.IMPULSE,
        ["Leerstand"],
        date=datetime.date(2025, 2, 1),
    )
    response = client.get("/aktuelles/?art=impulse")
    assert sorted(item.title for item in response.context["items"]) == [
        "Impuls: Frequenz ist nicht alles",
        "Impuls: Leerstand als Chance",
    ]
    assert counts(response.context, "art") == {"impulse": 2, "news": 1}
    assert counts(response.context, "jahr") == {"2025": 1, "2024": 1}
    response = client.get("/aktuelles/?art=impulse&jahr=2025")
    assert [item.title for item in response.context["items"]] == ["Impuls: Leerstand als Chance"]
    response = client.get("/aktuelles/", {"thema": "förderung"})  # taggit keeps umlauts in slugs
    assert [item.title for item in response.context["items"]] == ["Neues Förderprogramm"]
