"""Contact requests over HTTP: send, accept, contact details only after acceptance, outcome."""

import pytest

from matchmaking.models import ContactRequest
from tests.factories import OrganisationFactory, ProviderFactory, make_member
from tests.matchmaking.pages import assert_clean, page

pytestmark = pytest.mark.django_db

# Shared fixtures, bound here so pytest finds them in this module.

MESSAGE = ("Guten Tag, wir kämpfen mit Leerstand in der Langen Straße und würden gern über "
           "Ihr Angebot sprechen.")


@pytest.fixture
def pair(town_member, provider_member, publish_need, publish_offer):
    offer = publish_offer(provider_member)
    need = publish_need(town_member)
    return need, offer


def new_url(need, offer):
    return f"/matching/kontakt/neu/?bedarf={need.pk}&angebot={offer.pk}"


def test_contact_flow_shows_details_only_after_acceptance(client, home_page, pair, town_member,
                                                          provider_member):
    need, offer = pair
    client.force_login(town_member)
    html = page(client, new_url(need, offer))
    assert "Kontakt aufnehmen mit Frequenzwerk GmbH" in html
    assert "Guten Tag," in html and need.title in html  # a polite suggestion, prefilled

    response = client.post(new_url(need, offer), {"message": MESSAGE})
    contact = ContactRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/matching/kontakt/{contact.pk}/"
    assert contact.sender == town_member and contact.status == "pending"

    html = page(client, f"/matching/kontakt/{contact.pk}/")
    assert "Die Anfrage liegt bei Frequenzwerk GmbH" in html
    assert "Anfrage zurückziehen" in html
    assert provider_member.email not in html and 'id="details-title"' not in html

    # The provider sees it in the list and on the dashboard of the suggestion.
    client.force_login(provider_member)
    html = page(client, "/matching/kontakt/")
    assert "Erhalten" in html and "Stadt Einbeck" in html and "offen" in html
    html = page(client, f"/matching/kontakt/{contact.pk}/")
    assert "Annehmen" in html and "Ablehnen" in html
    assert town_member.email not in html

    response = client.post(f"/matching/kontakt/{contact.pk}/",
                           {"action": "accept", "response_message": "Gern, rufen Sie an!"})
    assert response.status_code == 302
    html = page(client, f"/matching/kontakt/{contact.pk}/")
    assert 'id="details-title"' in html
    assert f'href="mailto:{town_member.email}"' in html
    assert f'href="mailto:{provider_member.email}"' in html
    assert "Gern, rufen Sie an!" in html

    client.force_login(town_member)
    html = page(client, f"/matching/kontakt/{contact.pk}/")
    assert f'href="mailto:{provider_member.email}"' in html
    html = page(client, "/matching/")
    assert "Kontakt angenommen – Kontaktdaten ansehen" in html


def test_third_party_gets_404_on_the_contact_page(client, home_page, pair, town_member):
    need, offer = pair
    client.force_login(town_member)
    client.post(new_url(need, offer), {"message": MESSAGE})
    contact = ContactRequest.objects.get()

    for outsider in (make_member(OrganisationFactory()), make_member(ProviderFactory())):
        client.force_login(outsider)
        assert client.get(f"/matching/kontakt/{contact.pk}/").status_code == 404
        response = client.post(f"/matching/kontakt/{contact.pk}/", {"action": "accept"})
        assert response.status_code == 404
    client.logout()
    response = client.get(f"/matching/kontakt/{contact.pk}/")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_short_message_keeps_the_text_and_shows_a_german_error(client, home_page, pair,
                                                              town_member):
    need, offer = pair
    client.force_login(town_member)
    response = client.post(new_url(need, offer), {"message": "Hallo!"})
    html = response.content.decode()
    assert response.status_code == 422
    assert "Bitte schreiben Sie ein paar Sätze" in html
    assert "Hallo!</textarea>" in html
    assert assert_clean(html)
    assert not ContactRequest.objects.exists()


def test_outsider_cannot_write_and_a_second_request_leads_to_the_first(
    client, home_page, pair, town_member
):
    need, offer = pair
    client.force_login(make_member(OrganisationFactory()))
    response = client.get(new_url(need, offer))
    assert response.status_code == 403
    assert "Kontaktanfragen senden Mitglieder" in response.content.decode()

    client.force_login(town_member)
    client.post(new_url(need, offer), {"message": MESSAGE})
    contact = ContactRequest.objects.get()
    response = client.get(new_url(need, offer))
    assert response.status_code == 302
    assert response["Location"] == f"/matching/kontakt/{contact.pk}/"


def test_provider_writes_first_and_municipality_declines(client, home_page, pair, town_member,
                                                         provider_member):
    need, offer = pair
    client.force_login(provider_member)
    html = page(client, new_url(need, offer))
    assert "Kontakt aufnehmen mit Stadt Einbeck" in html
    client.post(new_url(need, offer), {"message": MESSAGE})
    contact = ContactRequest.objects.get()
    assert contact.sender_organisation == offer.organisation

    client.force_login(town_member)
    client.post(f"/matching/kontakt/{contact.pk}/", {"action": "decline"})
    contact.refresh_from_db()
    assert contact.status == "declined"
    html = page(client, f"/matching/kontakt/{contact.pk}/")
    assert "abgelehnt" in html and provider_member.email not in html


def test_sender_withdraws(client, home_page, pair, town_member):
    need, offer = pair
    client.force_login(town_member)
    client.post(new_url(need, offer), {"message": MESSAGE})
    contact = ContactRequest.objects.get()
    response = client.post(f"/matching/kontakt/{contact.pk}/", {"action": "withdraw"})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.status == "withdrawn"
    # A withdrawn request no longer blocks a new one.
    page(client, new_url(need, offer))


def test_outcome_implemented_links_to_my_case_studies(client, home_page, pair, town_member,
                                                      provider_member):
    need, offer = pair
    client.force_login(town_member)
    client.post(new_url(need, offer), {"message": MESSAGE})
    contact = ContactRequest.objects.get()
    html = page(client, f"/matching/kontakt/{contact.pk}/")
    assert "Ergebnis speichern" not in html  # only once accepted

    client.force_login(provider_member)
    client.post(f"/matching/kontakt/{contact.pk}/", {"action": "accept"})
    response = client.post(f"/matching/kontakt/{contact.pk}/", {"action": "outcome"})
    assert response.status_code == 422
    assert "Bitte ein Ergebnis auswählen." in response.content.decode()
    assert assert_clean(response.content.decode())

    client.post(f"/matching/kontakt/{contact.pk}/", {"action": "outcome", "outcome": "pilot"})
    contact.refresh_from_db()
    assert contact.outcome == "pilot"

    client.force_login(town_member)
    client.post(f"/matching/kontakt/{contact.pk}/",
                {"action": "outcome", "outcome": "implemented"})
    html = page(client, f"/matching/kontakt/{contact.pk}/")
    assert "umgesetzt" in html
    assert 'href="/einreichen/praxisbeispiel/"' in html


def test_contact_list_for_a_person_without_organisation(client, home_page):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    html = page(client, "/matching/kontakt/")
    assert "Kontaktanfragen senden und erhalten Mitglieder" in html
