"""A side hears of a new match near the top of its list: once, and not from recompute_all."""

import pytest
from django.core import mail

from matchmaking import services
from matchmaking.recompute import recompute_all
from network.models import Notification, NotificationKind
from network.notifications.services import send_due_mails
from tests.matchmaking.factories import OfferFactory, PainPointFactory

pytestmark = pytest.mark.django_db


def notices(user):
    return list(Notification.objects.filter(recipient=user, kind=NotificationKind.MATCH)
                .values_list("message", flat=True))


def test_provider_hears_of_a_new_pain_point_its_offer_matches(
        town_member, provider_member, publish_offer, publish_need, committed):
    offer = publish_offer(provider_member, "Passantenzählung mit Lasersensoren",
                          ["Frequenzmessung"])

    need = publish_need(town_member, "Wie viele Menschen kommen in die Innenstadt?",
                        ["Frequenzmessung", "Besucherzahlen"])

    assert notices(provider_member) == [
        f"Neuer passender Bedarf für „{offer.title}“: {need.title} (Stadt Einbeck)"]
    assert notices(town_member) == []
    assert Notification.objects.get(recipient=provider_member).url == need.get_absolute_url()
    send_due_mails()
    assert [message.to for message in mail.outbox] == [[provider_member.email]]

    with committed():
        services.update_pain_point(town_member, need, {"description": "Jetzt genauer."})
    assert len(notices(provider_member)) == 1


def test_town_hears_of_a_new_offer_for_its_pain_point(
        town_member, provider_member, publish_offer, publish_need):
    need = publish_need(town_member, "Leerstand in der Fußgängerzone", ["Leerstand"])

    offer = publish_offer(provider_member, "Leerstandsmanagement aus einer Hand",
                          ["Leerstand", "Zwischennutzung"])

    assert notices(town_member) == [
        f"Neues passendes Angebot für „{need.title}“: {offer.title} (Frequenzwerk GmbH)"]


def test_recomputing_everything_tells_no_one(town_member, provider_member):
    PainPointFactory(organisation=town_member.memberships.first().organisation,
                     topics=["Leerstand"])
    OfferFactory(organisation=provider_member.memberships.first().organisation,
                 topics=["Leerstand"])

    recompute_all()

    assert not Notification.objects.filter(kind=NotificationKind.MATCH).exists()
