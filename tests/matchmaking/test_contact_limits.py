"""One person cannot send contact request after contact request (issue 10)."""

import pytest

from matchmaking import contacts
from matchmaking.models import ContactRequest
from tests.factories import OrganisationFactory, ProviderFactory, make_member
from tests.matchmaking.factories import OfferFactory, PainPointFactory

pytestmark = pytest.mark.django_db

MESSAGE = "Guten Tag, wir bieten Zwischennutzung aus einer Hand und würden gern sprechen."


def test_a_provider_is_stopped_after_a_few_requests_and_keeps_the_text(client):
    provider = ProviderFactory()
    writer = make_member(provider)
    offer = OfferFactory(organisation=provider, author=writer, topics=["Leerstand"])
    limit = contacts.CONTACT_LIMITS[0].amount
    needs = []
    for _ in range(limit + 1):
        town = OrganisationFactory()
        needs.append(
            PainPointFactory(organisation=town, author=make_member(town), topics=["Leerstand"])
        )
    client.force_login(writer)
    for need in needs[:limit]:
        response = client.post(
            f"/matching/kontakt/neu/?bedarf={need.pk}&angebot={offer.pk}", {"message": MESSAGE}
        )
        assert response.status_code == 302, response.content.decode()[:1000]
    typed = MESSAGE + " Dieser Text darf nicht verloren gehen."
    response = client.post(
        f"/matching/kontakt/neu/?bedarf={needs[-1].pk}&angebot={offer.pk}", {"message": typed}
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "schon viele Kontaktanfragen geschickt" in html
    assert "Dieser Text darf nicht verloren gehen." in html
    assert ContactRequest.objects.filter(sender=writer).count() == limit
