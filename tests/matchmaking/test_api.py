"""/api/v1/funding-programmes/: filters and schema."""

import datetime

import pytest

from tests.api_checks import validate
from tests.matchmaking.factories import FundingProgrammeFactory

URL = "/api/v1/funding-programmes/"


@pytest.mark.django_db
def test_filters_by_land_keeping_nationwide_programmes(client):
    nationwide = FundingProgrammeFactory(name="A Bundesprogramm", topics=["Leerstand"])
    nrw = FundingProgrammeFactory(name="B Landesprogramm NRW", funder="land", bundeslaender=["NW"])
    FundingProgrammeFactory(name="C Bayern", funder="land", bundeslaender=["BY"])

    data = client.get(URL, {"bundesland": "NW"}).json()

    validate(data, "FundingProgrammeList")
    assert [row["id"] for row in data["results"]] == [nationwide.pk, nrw.pk]
    assert data["results"][0]["nationwide"] is True
    assert data["results"][1]["bundeslaender"] == [{"code": "NW", "label": "Nordrhein-Westfalen"}]


@pytest.mark.django_db
def test_filters_by_topic_funder_applicant_and_deadline(client):
    today = datetime.date(2027, 1, 1)
    hit = FundingProgrammeFactory(
        name="Zentren", topics=["Leerstand"], applicant_kinds=["kommune", "verband"],
        deadline=today + datetime.timedelta(days=30),
    )
    expired = FundingProgrammeFactory(
        name="Abgelaufen", topics=["Leerstand"], deadline=today - datetime.timedelta(days=1)
    )
    FundingProgrammeFactory(name="Handel", topics=["Leerstand"], applicant_kinds=["einzelhandel"])

    def ids(**query):
        return [row["id"] for row in client.get(URL, query).json()["results"]]

    assert ids(topic="leerstand", applicant_kind="verband", deadline_from=today.isoformat()) == [
        hit.pk
    ]
    # A programme without a deadline has none "until": only dated ones, by name.
    assert ids(deadline_to=(today + datetime.timedelta(days=60)).isoformat(), funder="bund") == [
        expired.pk,
        hit.pk,
    ]
    assert ids(funder="land") == []
    assert client.get(URL, {"funder": "kommune"}).status_code == 400


@pytest.mark.django_db
def test_constant_queries_at_two_sizes(client, django_assert_max_num_queries):
    for index in range(2):
        FundingProgrammeFactory(topics=["Leerstand", f"Thema {index}"])
    with django_assert_max_num_queries(6) as small:
        client.get(URL, {"page_size": 100})
    for index in range(10):
        FundingProgrammeFactory(topics=["Leerstand", f"Anderes {index}"])
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(URL, {"page_size": 100}).json()["count"] == 12
