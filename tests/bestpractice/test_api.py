"""/api/v1/case-studies/: only public case studies, filters, pagination, schema."""

import pytest
from wagtail.models import PageViewRestriction

from tests.api_checks import validate
from tests.factories import OrganisationFactory

URL = "/api/v1/case-studies/"


@pytest.fixture
def restricted(make_case_study):
    page = make_case_study(title="Nur für Mitglieder: Innenstadtfonds")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


@pytest.mark.django_db
def test_lists_public_case_studies_only(client, make_case_study, restricted):
    public = make_case_study(title="Leerstandslotsen in Hameln", topics=["Leerstand"])
    make_case_study(title="Entwurf: Zwischennutzung", live=False)

    response = client.get(URL)

    assert response.status_code == 200
    data = response.json()
    validate(data, "CaseStudyList")
    assert [row["title"] for row in data["results"]] == [public.title]
    assert data["count"] == 1
    row = data["results"][0]
    assert row["topics"] == [{"slug": "leerstand", "name": "Leerstand"}]
    assert row["bundesland"] == {"code": "NW", "label": "Nordrhein-Westfalen"}
    assert row["url"].startswith("http://testserver/praxisbeispiele/")
    assert "contact_email" not in row


@pytest.mark.django_db
def test_filters_by_topic_land_size_budget_and_year(client, make_case_study):
    bavarian = OrganisationFactory(bundesland="BY", population=12_000)
    hit = make_case_study(
        organisation=bavarian, topics=["Leerstand"], budget_range="under_10k", year=2021
    )
    make_case_study(topics=["Leerstand"], budget_range="under_10k", year=2021)  # NW
    make_case_study(organisation=bavarian, topics=["Events"], year=2021)
    make_case_study(organisation=bavarian, topics=["Leerstand"], year=2015)

    response = client.get(
        URL,
        {
            "topic": "leerstand",
            "bundesland": ["BY", "BB"],
            "size_class": "small",
            "budget": "under_10k",
            "year_from": 2020,
            "year_to": 2022,
        },
    )

    assert [row["id"] for row in response.json()["results"]] == [hit.pk]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"bundesland": "XX"}, "bundesland"),
        ({"year_from": "zwanzig"}, "year_from"),
        ({"published_from": "31.12.2024"}, "published_from"),
        ({"page_size": "1000"}, "page_size"),
        ({"page": "0"}, "page"),
    ],
)
def test_bad_parameters_get_a_german_400(client, home_page, query, parameter):
    response = client.get(URL, query)

    assert response.status_code == 400
    validate(response.json(), "Error")
    assert response.json()["error"]["parameter"] == parameter
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
def test_paginates_with_links_and_total(client, make_case_study):
    for _ in range(5):
        make_case_study()

    first = client.get(URL, {"page_size": 2}).json()
    second = client.get(URL, {"page_size": 2, "page": 2}).json()
    last = client.get(URL, {"page_size": 2, "page": 3}).json()

    assert first["count"] == 5 and len(first["results"]) == 2
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/case-studies/?")
    assert "page=2" in first["next"] and "page_size=2" in first["next"]
    assert client.get(first["next"]).json() == second
    assert "page=1" in second["previous"]
    assert len(last["results"]) == 1 and last["next"] is None
    ids = [r["id"] for page in (first, second, last) for r in page["results"]]
    assert len(set(ids)) == 5
    assert client.get(URL, {"page_size": 2, "page": 4}).status_code == 404


@pytest.mark.django_db
def test_constant_queries_whatever_the_page_size(
    client, make_case_study, django_assert_max_num_queries
):
    for index in range(3):
        make_case_study(topics=["Leerstand", f"Thema {index}"])
    with django_assert_max_num_queries(8) as small:
        client.get(URL, {"page_size": 100})
    for index in range(12):
        make_case_study(topics=["Leerstand", f"Anderes {index}"])
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(URL, {"page_size": 100})
    assert response.json()["count"] == 15


@pytest.mark.django_db
def test_etag_answers_304_until_the_library_changes(client, make_case_study):
    page = make_case_study()
    first = client.get(URL)
    etag = first["ETag"]
    assert etag.startswith('W/"')
    assert "max-age" in first["Cache-Control"]

    again = client.get(URL, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag

    other_query = client.get(URL, {"page_size": 5}, headers={"If-None-Match": etag})
    assert other_query.status_code == 200

    page.title = "Neuer Titel"
    page.save_revision().publish()
    changed = client.get(URL, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag

    page.unpublish()
    assert client.get(URL, headers={"If-None-Match": changed["ETag"]}).status_code == 200
