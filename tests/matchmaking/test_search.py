"""Pain points, offers and funding programmes are in the one site search, with visibility."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

import search
from matchmaking import services
from matchmaking.models import Visibility
from tests.factories import ProviderFactory, make_member
from tests.matchmaking.factories import FundingProgrammeFactory

pytestmark = pytest.mark.django_db
TYPES = ["pain_point", "offer", "funding"]


def titles(query, user):
    return {(hit.type, hit.title) for hit in
            search.engine().search(query, user=user, types=TYPES).hits}


def test_members_only_pain_point_is_found_by_members_only(committed):
    town_member = make_member()
    with committed():
        secret = services.create_pain_point(town_member, town_member.memberships.first()
                                            .organisation,
                                            {"title": "Leerstand am Marktplatz",
                                             "description": "Fünf Läden stehen leer.",
                                             "topics": ["Leerstand"]})
        services.create_pain_point(town_member, secret.organisation,
                                   {"title": "Leerstand in der Bahnhofstraße",
                                    "description": "Auch hier stehen Läden leer.",
                                    "topics": ["Leerstand"],
                                    "visibility": Visibility.PUBLIC})

    assert titles("Leerstand", AnonymousUser()) == {
        ("pain_point", "Leerstand in der Bahnhofstraße")}
    assert ("pain_point", "Leerstand am Marktplatz") in titles("Leerstand", make_member())


def test_offers_and_open_funding_programmes_are_found(committed):
    provider_member = make_member(ProviderFactory())
    with committed():
        services.create_offer(provider_member, provider_member.memberships.first().organisation,
                              {"title": "Passantenzählung mit Lasersensoren",
                               "description": "Anonyme Frequenzmessung für Innenstädte.",
                               "topics": ["Frequenz"], "nationwide": True})
        FundingProgrammeFactory(name="Zählen hilft: Frequenzmessung fördern",
                                description="Zuschüsse für Frequenzmessung.")
        FundingProgrammeFactory(name="Abgelaufene Frequenzmessung-Förderung",
                                description="Zuschüsse für Frequenzmessung.",
                                deadline=timezone.localdate() - datetime.timedelta(days=1))

    found = titles("Frequenzmessung", AnonymousUser())

    assert ("offer", "Passantenzählung mit Lasersensoren") in found
    assert ("funding", "Zählen hilft: Frequenzmessung fördern") in found
    assert not any("Abgelaufene" in title for _type, title in found)
