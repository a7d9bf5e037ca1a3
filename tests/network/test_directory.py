"""The member directory at /mitglieder/: filters, pagination, query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from network import selectors
from network.models import Organisation
from tests.factories import OrganisationFactory, ProviderFactory, make_member
from tests.html_checks import html_problems
from tests.network.test_organisations import png_upload

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("network:directory")


@pytest.fixture
def network():
    """A small network with a known answer for every filter."""
    return {
        "lindenau": OrganisationFactory(
            name="Stadt Lindenau", bundesland="SN", topics=["Leerstand", "Zwischennutzung"]
        ),
        "marktheim": OrganisationFactory(
            name="Stadt Marktheim", bundesland="BY", topics=["Leerstand"]
        ),
        "city_nrw": OrganisationFactory(
            name="Citymarketing Brückstadt",
            kind=Organisation.Kind.STADTMARKETING,
            bundesland="NW",
            topics=["Events"],
        ),
        "frequenz": ProviderFactory(name="Frequenzlabor GmbH", bundesland="SN",
                                    topics=["Leerstand", "Frequenzmessung"]),
        "pending": OrganisationFactory(
            name="Stadt Wartefeld", bundesland="SN", topics=["Leerstand"],
            status=Organisation.Status.PENDING,
        ),
        "rejected": OrganisationFactory(
            name="Stadt Abgelehnt", bundesland="SN", topics=["Leerstand"],
            status=Organisation.Status.REJECTED,
        ),
    }


def names(filters):
    return [organisation.name for organisation in selectors.directory(filters)]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["Citymarketing Brückstadt", "Frequenzlabor GmbH", "Stadt Lindenau",
              "Stadt Marktheim"]),
        ({"kind": "kommune"}, ["Stadt Lindenau", "Stadt Marktheim"]),
        ({"kind": "anbieter"}, ["Frequenzlabor GmbH"]),
        ({"bundesland": "SN"}, ["Frequenzlabor GmbH", "Stadt Lindenau"]),
        ({"topic": "leerstand"}, ["Frequenzlabor GmbH", "Stadt Lindenau", "Stadt Marktheim"]),
        ({"topic": "leerstand", "bundesland": "SN", "kind": "kommune"}, ["Stadt Lindenau"]),
        ({"topic": "events", "bundesland": "SN"}, []),
    ],
)
def test_filters_return_exactly_the_matching_approved_organisations(network, filters, expected):
    assert names(filters) == expected


def test_http_filters_and_count(client, home_page, network):
    response = client.get(DIRECTORY, {"bundesland": "SN", "topic": "leerstand"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 Organisationen gefunden" in html
    for shown in ("Stadt Lindenau", "Frequenzlabor GmbH"):
        assert shown in html
    for hidden in ("Stadt Marktheim", "Stadt Wartefeld", "Stadt Abgelehnt"):
        assert hidden not in html
    assert '<option value="SN" selected>' in html
    assert html_problems(html) == []


def test_topics_offered_are_those_of_approved_organisations(network):
    offered = dict(selectors.directory_topics())
    assert offered == {
        "events": "Events",
        "frequenzmessung": "Frequenzmessung",
        "leerstand": "Leerstand",
        "zwischennutzung": "Zwischennutzung",
    }


def test_unknown_filter_values_are_ignored_not_an_error(client, home_page, network):
    response = client.get(DIRECTORY, {"kind": "gibtsnicht", "topic": "<script>"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "4 Organisationen gefunden" in html
    assert "<script>" not in html


def test_pagination_keeps_the_filters_in_the_links(client, home_page):
    for number in range(45):
        OrganisationFactory(name=f"Stadt {number:02d}", bundesland="HE")
    OrganisationFactory(name="Stadt Anderswo", bundesland="BY")

    first = client.get(DIRECTORY, {"bundesland": "HE"}).content.decode()
    assert "45 Organisationen gefunden" in first
    assert first.count('class="card"') == 20
    assert "?bundesland=HE&amp;page=2" in first

    last = client.get(DIRECTORY, {"bundesland": "HE", "page": 3}).content.decode()
    assert last.count('class="card"') == 5
    assert "Stadt 44" in last
    assert "Stadt Anderswo" not in last
    assert html_problems(last) == []

    beyond = client.get(DIRECTORY, {"bundesland": "HE", "page": 99})
    assert beyond.status_code == 200  # an outdated link shows the last page


def directory_queries(client, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DIRECTORY, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("logged_in", [False, True])
def test_query_count_is_the_same_for_5_and_50_organisations(client, home_page, logged_in):
    if logged_in:
        client.force_login(make_member())
    client.get(DIRECTORY)  # warm up per-process caches (site, content types)

    for number in range(5):
        OrganisationFactory(topics=["Leerstand", f"Thema {number}"])
    with_five = directory_queries(client, {})
    with_five_filtered = directory_queries(client, {"topic": "leerstand", "bundesland": "NW"})

    for number in range(45):
        OrganisationFactory(topics=["Leerstand", f"Thema {number}"])
    with_fifty = directory_queries(client, {})
    with_fifty_filtered = directory_queries(client, {"topic": "leerstand", "bundesland": "NW"})

    assert with_five == with_fifty
    assert with_five_filtered == with_fifty_filtered
    assert with_fifty <= 12  # includes the header's notification count for members


def test_card_shows_logo_alt_kind_land_size_and_topics(client, home_page):
    OrganisationFactory(
        name="Stadt Lindenau",
        population=23_400,
        bundesland="SN",
        topics=["Leerstand"],
        logo=png_upload(),
    )
    html = client.get(DIRECTORY).content.decode()
    assert 'alt="Logo von Stadt Lindenau"' in html
    assert "Kommune" in html
    assert "Sachsen" in html
    assert "Mittelstadt" in html
    assert "Leerstand" in html
