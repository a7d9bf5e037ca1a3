"""/api/v1/organisations/: approved organisations only, schema, ETag of the content."""

import pytest

from network.models import Organisation
from tests.api_checks import validate
from tests.factories import OrganisationFactory, ProviderFactory, make_member

URL = "/api/v1/organisations/"


@pytest.mark.django_db
def test_lists_approved_organisations_only_without_private_data(client):
    town = OrganisationFactory(name="Stadt Hameln", topics=["Leerstand"], bundesland="NI")
    make_member(organisation=town, email="anna@hameln.example")
    OrganisationFactory(name="Wartet GmbH", status=Organisation.Status.PENDING)
    OrganisationFactory(
        name="Abgelehnt e. V.", status=Organisation.Status.REJECTED, review_note="Spam"
    )

    response = client.get(URL)

    data = response.json()
    validate(data, "OrganisationList")
    assert [row["name"] for row in data["results"]] == ["Stadt Hameln"]
    assert "anna@hameln.example" not in response.content.decode()
    assert data["results"][0]["url"] == "http://testserver/mitglieder/" + town.slug + "/"


@pytest.mark.django_db
def test_filters_by_kind_land_and_topic(client):
    provider = ProviderFactory(bundesland="BY", topics=["Frequenzmessung"])
    OrganisationFactory(bundesland="BY", topics=["Frequenzmessung"])
    ProviderFactory(bundesland="NW", topics=["Frequenzmessung"])

    data = client.get(
        URL, {"kind": "anbieter", "bundesland": "BY", "topic": "frequenzmessung"}
    ).json()

    assert [row["slug"] for row in data["results"]] == [provider.slug]


@pytest.mark.django_db
def test_etag_follows_the_content(client):
    organisation = OrganisationFactory(description="<p>Alt</p>")
    etag = client.get(URL)["ETag"]
    assert client.get(URL, headers={"If-None-Match": etag}).status_code == 304

    organisation.description = "<p>Neu</p>"
    organisation.save()
    assert client.get(URL, headers={"If-None-Match": etag}).status_code == 200


@pytest.mark.django_db
def test_constant_queries_at_two_sizes(client, django_assert_max_num_queries):
    for index in range(2):
        OrganisationFactory(topics=["Leerstand", f"Thema {index}"])
    with django_assert_max_num_queries(6) as small:
        client.get(URL, {"page_size": 100})
    for index in range(10):
        OrganisationFactory(topics=["Leerstand", f"Anderes {index}"])
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(URL, {"page_size": 100}).json()["count"] == 12
