"""Stored matches follow every change of a pain point, an offer or the synonym list."""

import pytest

from matchmaking import services
from matchmaking.models import Direction, OfferStatus, StoredMatch, SynonymEntry
from matchmaking.recompute import recompute_all
from tests.factories import OrganisationFactory, ProviderFactory, make_member

pytestmark = pytest.mark.django_db


def stored(direction, **lookup):
    return list(
        StoredMatch.objects.filter(direction=direction, **lookup)
        .order_by("position").values_list("offer_id" if "pain_point" in lookup else
                                          "pain_point_id", flat=True)
    )


@pytest.fixture
def town_member():
    return make_member(OrganisationFactory(name="Stadt Einbeck", bundesland="NI"))


@pytest.fixture
def provider_member():
    return make_member(ProviderFactory(name="Frequenzwerk"))


@pytest.fixture
def publish_offer(committed):
    def publish(user, title, topics, **extra):
        data = {"title": title, "description": extra.pop("description", title),
                "topics": topics, "nationwide": True, **extra}
        with committed():
            return services.create_offer(user, user.memberships.first().organisation, data)

    return publish


@pytest.fixture
def publish_need(committed):
    def publish(user, title, topics, description="Wir suchen Unterstützung."):
        data = {"title": title, "description": description, "topics": topics}
        with committed():
            return services.create_pain_point(user, user.memberships.first().organisation,
                                              data)

    return publish


@pytest.fixture
def update(committed):
    def run(service, *args):
        with committed():
            return service(*args)

    return run


def test_new_pain_point_gets_matching_offers_and_offers_get_it(town_member, provider_member,
                                                               publish_offer, publish_need):
    sensor = publish_offer(provider_member, "Passantenzählung mit Sensoren",
                           ["Frequenzmessung", "Sensorik"])
    publish_offer(provider_member, "Weihnachtsbeleuchtung zur Miete", ["Beleuchtung"])

    need = publish_need(town_member, "Wie viele Menschen kommen in die Innenstadt?",
                        ["Frequenz", "Passantenzählung"])

    assert stored(Direction.FOR_PAIN_POINT, pain_point=need) == [sensor.pk]
    assert stored(Direction.FOR_OFFER, offer=sensor) == [need.pk]
    reasons = StoredMatch.objects.get(direction=Direction.FOR_PAIN_POINT, pain_point=need).reasons
    assert reasons[0]["code"] == "topics"


def test_new_offer_enters_existing_pain_points_lists(town_member, provider_member,
                                                     publish_offer, publish_need):
    need = publish_need(town_member, "Leerstand in der Fußgängerzone", ["Leerstand"])
    assert stored(Direction.FOR_PAIN_POINT, pain_point=need) == []

    offer = publish_offer(provider_member, "Leerstandsmanagement und Zwischennutzung",
                          ["Leerstandsmanagement", "Zwischennutzung"])

    assert stored(Direction.FOR_PAIN_POINT, pain_point=need) == [offer.pk]


def test_archived_offer_leaves_every_list(town_member, provider_member, publish_offer,
                                          publish_need, update):
    need = publish_need(town_member, "Leerstand in der Fußgängerzone", ["Leerstand"])
    offer = publish_offer(provider_member, "Leerstandsmanagement", ["Leerstand"])
    assert stored(Direction.FOR_PAIN_POINT, pain_point=need) == [offer.pk]

    update(services.update_offer, provider_member, offer, {"status": OfferStatus.ARCHIVED})

    assert stored(Direction.FOR_PAIN_POINT, pain_point=need) == []
    assert stored(Direction.FOR_OFFER, offer=offer) == []


def test_editing_topics_moves_the_pain_point_between_offers(town_member, provider_member,
                                                            publish_offer, publish_need, update):
    vacancy = publish_offer(provider_member, "Leerstandsmanagement", ["Leerstand"])
    lights = publish_offer(provider_member, "Lichtinszenierung", ["Beleuchtung"])
    need = publish_need(town_member, "Unsere Innenstadt", ["Leerstand"],
                        description="Viele Läden sind leer.")
    assert stored(Direction.FOR_OFFER, offer=vacancy) == [need.pk]

    update(services.update_pain_point, town_member, need,
           {"topics": ["Beleuchtung"], "description": "Es ist abends zu dunkel."})

    assert stored(Direction.FOR_OFFER, offer=vacancy) == []
    assert stored(Direction.FOR_OFFER, offer=lights) == [need.pk]


def test_editor_synonyms_take_effect_on_recompute(town_member, provider_member, publish_offer,
                                                  publish_need):
    offer = publish_offer(provider_member, "Angebot auf Zeit", ["Bummelbus"])
    need = publish_need(town_member, "Anfrage", ["Einkaufsshuttle"])
    assert stored(Direction.FOR_PAIN_POINT, pain_point=need) == []

    SynonymEntry.objects.create(terms="Einkaufsshuttle, Bummelbus")
    recompute_all()

    assert stored(Direction.FOR_PAIN_POINT, pain_point=need) == [offer.pk]


def test_organisation_moving_state_changes_region_reasons(town_member, publish_offer,
                                                          publish_need, committed):
    lower_saxony_only = make_member(ProviderFactory(name="Nordlicht"))
    offer = publish_offer(lower_saxony_only, "Leerstandsmanagement", ["Leerstand"],
                          nationwide=False, regions=["NI"])
    need = publish_need(town_member, "Leerstand in der Fußgängerzone", ["Leerstand"])
    match = StoredMatch.objects.get(direction=Direction.FOR_PAIN_POINT, pain_point=need)
    assert {"code": "region", "values": ["Niedersachsen"]} in match.reasons

    town = need.organisation
    town.bundesland = "BY"
    with committed():
        town.save()

    match = StoredMatch.objects.get(direction=Direction.FOR_PAIN_POINT, pain_point=need,
                                    offer=offer)
    assert {"code": "region_mismatch", "values": ["Bayern"]} in match.reasons


def test_only_matches_worth_showing_are_kept():
    from matchmaking.engine import Match, Reason
    from matchmaking.recompute import worth_showing

    topics = (Reason("topics", ("Leerstand",)),)
    region_only = (Reason("region", ("Bayern",)),)
    matches = [
        Match("strong", 100.0, topics),
        Match("generic-but-close", 60.0, region_only),  # no nameable topic, yet strong
        Match("weak", 20.0, topics),
        Match("weak-and-generic", 20.0, region_only),
        Match("noise", 10.0, topics),
        Match("pinned", 5.0, region_only),
    ]

    kept = [match.item_id for match in worth_showing(matches, pinned={"pinned"})]

    assert kept == ["strong", "generic-but-close", "weak", "pinned"]
