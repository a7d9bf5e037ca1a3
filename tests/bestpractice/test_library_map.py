"""The library map: pure outlines and rendering, and the map on the library and home page
(counts per Land, links to the filtered library, one cached query)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bestpractice import germany_map
from bestpractice.laender_outlines import ARCS, LAENDER, rings
from network.models import Bundesland
from tests.factories import OrganisationFactory
from tests.html_checks import html_problems

NAMES = dict(Bundesland.choices)


# --- Pure: outlines and rendering -------------------------------------------------------


def test_there_are_sixteen_laender_and_every_ring_closes():
    assert set(LAENDER) == set(NAMES)
    for code in LAENDER:
        for ring in rings(code):
            assert ring[0] == ring[-1], code
            assert len(ring) >= 4, code


def test_neighbours_share_their_border_exactly():
    used = {name.lstrip("-") for arcs in LAENDER.values() for ring in arcs for name in ring}
    assert used == set(ARCS)
    # The Bavarian-Hessian border is walked by both, in opposite directions.
    assert "HE-BY" in LAENDER["BY"][0] and "-HE-BY" in LAENDER["HE"][0]


def test_laender_lie_where_they_belong():
    x = {code: germany_map.CENTROIDS[code][0] for code in LAENDER}
    y = {code: germany_map.CENTROIDS[code][1] for code in LAENDER}
    assert y["SH"] < y["NI"] < y["HE"] < y["BW"]  # north to south
    assert x["NW"] < x["NI"] < x["ST"] < x["BB"]  # west to east
    assert y["BY"] > y["TH"] and x["SN"] > x["TH"]
    for code in LAENDER:
        assert 0 <= x[code] <= germany_map.WIDTH and 0 <= y[code] <= germany_map.HEIGHT


def test_class_breaks_and_steps():
    breaks = germany_map.class_breaks(12)
    assert breaks == [3, 6, 9, 12]
    assert [germany_map.step_for(n, breaks) for n in (0, 1, 3, 4, 12, 40)] == [0, 1, 1, 2, 4, 4]
    # A tiny library still uses the light end of the scale.
    assert germany_map.class_breaks(0) == [1, 2, 3, 4]
    assert germany_map.legend([1, 2, 3, 4])[1:] == [(1, "1"), (2, "2"), (3, "3"), (4, "4")]
    assert germany_map.legend([3, 6, 9, 12])[2] == (2, "4–6")


def test_svg_has_one_labelled_link_per_land_and_no_inline_style():
    entries, _breaks = germany_map.entries(
        {"BY": 12, "NW": 1}, NAMES, lambda code: f"/praxisbeispiele/?land={code}"
    )
    svg = str(germany_map.render_svg(entries))
    assert svg.count("<a ") == 16
    assert 'aria-label="Bayern: 12 Praxisbeispiele"' in svg
    assert 'aria-label="Nordrhein-Westfalen: 1 Praxisbeispiel"' in svg
    assert 'href="/praxisbeispiele/?land=BY"' in svg
    assert "map-step-4" in svg and "map-step-0" in svg
    assert "style=" not in svg and "<script" not in svg
    # City-states last, on top of the Land around them.
    assert svg.index("Berlin:") > svg.index("Brandenburg:")


def test_svg_escapes_names_and_addresses():
    entries, _ = germany_map.entries(
        {}, {**NAMES, "BY": '<b>"Bayern"</b>'}, lambda code: f"/x/?a=1&land={code}"
    )
    svg = str(germany_map.render_svg(entries))
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    assert "&amp;land=BY" in svg


# --- On the pages -----------------------------------------------------------------------


def _case_studies_in(make_case_study, land, count):
    town = OrganisationFactory(bundesland=land)
    return [make_case_study(organisation=town) for _ in range(count)]


@pytest.mark.django_db
def test_library_shows_the_map_with_counts_and_filtered_links(client, make_case_study):
    _case_studies_in(make_case_study, "BY", 3)
    _case_studies_in(make_case_study, "HB", 1)
    response = client.get("/praxisbeispiele/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-label="Bayern: 3 Praxisbeispiele"' in html
    assert 'aria-label="Bremen: 1 Praxisbeispiel"' in html
    assert 'aria-label="Saarland: 0 Praxisbeispiele"' in html
    assert 'href="/praxisbeispiele/?land=BY"' in html
    # The text alternative lists every Land with its count.
    table = html[html.index("<details class=\"library-map__table\""):]
    assert re.search(r'land=BY">Bayern</a></th><td class="numeric">3<', table)
    assert html_problems(html) == []
    # The link leads to the library filtered by that Land.
    filtered = client.get("/praxisbeispiele/?land=BY")
    assert filtered.context["result_count"] == 3
    assert "library_map" not in filtered.context  # the map shows the whole library


@pytest.mark.django_db
def test_home_page_shows_the_map(client, make_case_study):
    _case_studies_in(make_case_study, "SN", 2)
    html = client.get("/").content.decode()
    assert 'aria-label="Sachsen: 2 Praxisbeispiele"' in html
    assert 'href="/praxisbeispiele/?land=SN"' in html
    assert html_problems(html) == []


@pytest.mark.django_db
def test_drafts_and_restricted_pages_count_for_nobody(client, make_case_study):
    from wagtail.models import PageViewRestriction

    _case_studies_in(make_case_study, "BY", 2)
    make_case_study(organisation=OrganisationFactory(bundesland="BY"), live=False)
    hidden = make_case_study(organisation=OrganisationFactory(bundesland="BY"))
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    for viewer in (None, OrganisationFactory):
        if viewer:
            from tests.factories import make_member

            client.force_login(make_member())
        html = client.get("/praxisbeispiele/").content.decode()
        assert 'aria-label="Bayern: 2 Praxisbeispiele"' in html


def _map_queries(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/praxisbeispiele/?sortierung=titel").status_code == 200
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_map_counts_cost_one_cached_aggregate_whatever_the_library_size(client, make_case_study):
    from bestpractice import selectors
    from bestpractice.models import BestPracticeIndexPage

    _case_studies_in(make_case_study, "BY", 2)
    index = BestPracticeIndexPage.objects.get()
    with CaptureQueriesContext(connection) as captured:
        selectors.counts_by_bundesland(index)
    # One GROUP BY, and Wagtail's `public()` reading the view restrictions first.
    assert len(captured.captured_queries) <= 2
    with CaptureQueriesContext(connection) as captured:
        assert selectors.counts_by_bundesland(index) == {"BY": 2}
    assert len(captured.captured_queries) == 0  # from the cache
    client.get("/praxisbeispiele/")
    small = _map_queries(client)
    for land in ("NW", "SN", "HE", "SH"):
        _case_studies_in(make_case_study, land, 2)
    client.get("/praxisbeispiele/")  # fills the cache after the publications
    assert _map_queries(client) <= small
    assert 'Hessen: 2 Praxisbeispiele' in client.get("/praxisbeispiele/").content.decode()
