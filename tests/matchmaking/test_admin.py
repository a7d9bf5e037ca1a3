"""Editors curate funding programmes and synonyms in the Wagtail admin."""

import pytest
from django.urls import reverse

from matchmaking.models import Direction, FundingProgramme, StoredMatch, SynonymEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def programme_form(**overrides):
    data = {
        "name": "Lebendige Zentren",
        "funder": "bund",
        "funder_name": "Bundesministerium für Wohnen",
        "description": "Städtebauförderung für Orts- und Stadtkerne.",
        "topics": "Leerstand, Städtebau",
        "bundeslaender": ["NW", "NI"],
        "applicant_kinds": ["kommune"],
        "max_funding": "500000",
        "funding_rate": "bis zu 60 %",
        "deadline": "",
        "url": "https://foerderung.example.de/lebendige-zentren",
    }
    data.update(overrides)
    return data


def test_editor_adds_a_funding_programme_with_checkboxes(editor_client, home_page):
    add_url = reverse("wagtailsnippets_matchmaking_fundingprogramme:add")
    page = editor_client.get(add_url).content.decode()
    assert 'type="checkbox" name="bundeslaender" value="NW"' in page

    response = editor_client.post(add_url, programme_form())

    assert response.status_code == 302
    programme = FundingProgramme.objects.get()
    assert programme.bundeslaender == ["NW", "NI"]
    assert programme.applicant_kinds == ["kommune"]
    assert sorted(programme.topics.names()) == ["Leerstand", "Städtebau"]


def test_funding_programme_needs_someone_who_may_apply(editor_client, home_page):
    response = editor_client.post(
        reverse("wagtailsnippets_matchmaking_fundingprogramme:add"),
        programme_form(applicant_kinds=[]),
    )

    assert response.status_code == 200
    assert "Bitte mindestens eine antragsberechtigte Gruppe wählen." in response.content.decode()
    assert not FundingProgramme.objects.exists()


def test_synonym_entry_needs_two_terms(editor_client, home_page):
    response = editor_client.post(
        reverse("wagtailsnippets_matchmaking_synonymentry:add"), {"terms": "Bummelbus"}
    )

    assert response.status_code == 200
    assert "mindestens zwei Begriffe" in response.content.decode()
    assert not SynonymEntry.objects.exists()


def test_synonym_added_in_admin_recomputes_matches(editor_client, home_page, committed):
    from tests.matchmaking.factories import OfferFactory, PainPointFactory

    need = PainPointFactory(title="Anfrage", description="Wir suchen Hilfe.",
                            topics=["Einkaufsshuttle"])
    offer = OfferFactory(title="Angebot", description="Wir bieten an.", topics=["Bummelbus"])

    with committed():
        editor_client.post(reverse("wagtailsnippets_matchmaking_synonymentry:add"),
                           {"terms": "Einkaufsshuttle, Bummelbus"})

    assert StoredMatch.objects.filter(
        direction=Direction.FOR_PAIN_POINT, pain_point=need, offer=offer
    ).exists()
