"""Members' verdicts on suggestions: "hilfreich" pins, "passt nicht" removes and lowers
similar suggestions; withdrawing restores the engine's order."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from matchmaking import services
from matchmaking.engine import Match, Reason
from matchmaking.feedback import REJECTED_SIMILARITY_PENALTY, apply_feedback
from matchmaking.models import Direction, MatchFeedback, StoredMatch, Verdict
from matchmaking.recompute import recompute_all
from tests.factories import OrganisationFactory, ProviderFactory, make_member
from tests.matchmaking.factories import OfferFactory, PainPointFactory

# --- apply_feedback: pure -------------------------------------------------------------------


def match(item_id, score, serves_region=True):
    return Match(item_id, score, (Reason("topics", ("Leerstand",)),),
                 serves_region=serves_region)


def ids(matches):
    return [m.item_id for m in matches]


def test_without_feedback_the_engine_order_stays():
    matches = [match("a", 3.0), match("b", 2.0), match("c", 1.0)]

    assert apply_feedback(matches) == matches


def test_helpful_is_pinned_first_with_its_reason():
    matches = [match("a", 3.0), match("b", 2.0), match("c", 1.0)]

    result = apply_feedback(matches, helpful={"c"})

    assert ids(result) == ["c", "a", "b"]
    assert result[0].reasons[0] == Reason("helpful")
    assert result[0].reasons[1:] == matches[2].reasons
    assert result[0].score == 1.0


def test_several_helpful_ones_keep_their_order_by_score():
    matches = [match("a", 3.0), match("b", 2.0), match("c", 1.0)]

    assert ids(apply_feedback(matches, helpful={"c", "b"})) == ["b", "c", "a"]


def test_rejected_is_removed_and_similar_ones_lose_by_their_similarity():
    matches = [match("a", 3.0), match("b", 2.9), match("c", 2.0), match("d", 1.0)]
    # How much the other suggestions resemble the rejected "a" (its own score is the top).
    similarity = [{"a": 10.0, "b": 10.0, "d": 5.0}]

    result = apply_feedback(matches, rejected={"a"}, similarity_to_rejected=similarity)

    assert ids(result) == ["c", "b", "d"]
    scores = {m.item_id: m.score for m in result}
    assert scores["b"] == pytest.approx(2.9 * (1 - REJECTED_SIMILARITY_PENALTY))
    assert scores["c"] == 2.0  # not similar: untouched
    assert scores["d"] == pytest.approx(1.0 * (1 - REJECTED_SIMILARITY_PENALTY / 2))


def test_the_strongest_penalty_of_several_rejections_counts():
    matches = [match("b", 2.0), match("c", 1.5)]
    similarity = [{"x": 4.0, "b": 1.0}, {"y": 2.0, "b": 2.0}]

    result = apply_feedback(matches, rejected={"x", "y"}, similarity_to_rejected=similarity)

    assert [(m.item_id, m.score) for m in result] == [("c", 1.5), ("b", 1.0)]


def test_similarity_without_any_positive_score_changes_nothing():
    matches = [match("b", 2.0), match("c", 1.5)]

    assert apply_feedback(matches, rejected={"x"}, similarity_to_rejected=[{"b": 0.0}]) \
        == matches


def test_candidates_serving_the_region_stay_above_those_that_do_not():
    matches = [match("a", 3.0), match("b", 2.0), match("far", 5.0, serves_region=False)]
    similarity = [{"a": 1.0, "b": 1.0}]

    result = apply_feedback(matches, rejected={"a"}, similarity_to_rejected=similarity)

    assert ids(result) == ["b", "far"]


def test_only_k_are_returned_pinned_ones_included():
    matches = [match(str(n), 10.0 - n) for n in range(6)]

    result = apply_feedback(matches, helpful={"5"}, rejected={"0"}, k=3)

    assert ids(result) == ["5", "1", "2"]


# --- through the services -------------------------------------------------------------------


@pytest.fixture
def scene(db):
    """A town's vacancy pain point, two near-identical vacancy offers (a, b), a weaker but
    matching offer (c), and unrelated offers so that the engine has a real catalog."""
    town = OrganisationFactory(name="Stadt Lemgo", bundesland="NW", population=41_000)
    town_member = make_member(town)
    pain_point = PainPointFactory(
        organisation=town, author=town_member,
        title="Leerstand und Zwischennutzung in der Mittelstraße",
        description="In der Mittelstraße stehen elf Ladenlokale leer. Wir suchen "
                    "Zwischennutzungen und ein aktives Leerstandsmanagement.",
        topics=["Leerstand", "Zwischennutzung", "Leerstandsmanagement"],
    )
    provider = ProviderFactory(name="Leerstandslotsen GmbH")
    provider_member = make_member(provider)
    twin = {
        "description": "Wir vermitteln Zwischennutzungen für leere Ladenlokale und "
                       "übernehmen das Leerstandsmanagement für die Kommune.",
        "topics": ["Leerstand", "Zwischennutzung", "Leerstandsmanagement"],
    }
    a = OfferFactory(organisation=provider, title="Leerstandsmanagement und Zwischennutzung",
                     **twin)
    b = OfferFactory(title="Zwischennutzung und Leerstandsmanagement", **twin)
    c = OfferFactory(
        title="Pop-up-Stores für die Innenstadt",
        description="Temporäre Läden beleben leere Schaufenster; wir bringen "
                    "Gründer*innen und Eigentümer*innen zusammen.",
        topics=["Pop-up-Store", "Leerstand", "Gründung"],
    )
    for title, topics in (
        ("Weihnachtsbeleuchtung zur Miete", ["Beleuchtung", "Weihnachten"]),
        ("Parkleitsystem mit Sensoren", ["Parken", "Sensorik"]),
        ("Kassensystem für Cafés", ["Gastronomie", "Kassensystem"]),
        ("Freies WLAN in der Fußgängerzone", ["WLAN", "Digitalisierung"]),
    ):
        OfferFactory(title=title, description=title, topics=topics)
    recompute_all()
    return {"town_member": town_member, "pain_point": pain_point, "a": a, "b": b, "c": c,
            "provider_member": provider_member}


def stored_offers(pain_point):
    return list(StoredMatch.objects.filter(direction=Direction.FOR_PAIN_POINT,
                                           pain_point=pain_point)
                .order_by("position").values_list("offer_id", "score"))


def offer_ids(pain_point):
    return [offer_id for offer_id, _ in stored_offers(pain_point)]


def score_of(pain_point, offer):
    return dict(stored_offers(pain_point))[offer.pk]


def test_scene_ranks_the_twins_above_the_weaker_offer(scene):
    order = offer_ids(scene["pain_point"])

    assert set(order[:2]) == {scene["a"].pk, scene["b"].pk}
    assert order[2] == scene["c"].pk


def test_not_fitting_removes_the_offer_and_lowers_its_twin(scene):
    pain_point, a, b, c = scene["pain_point"], scene["a"], scene["b"], scene["c"]
    b_before = score_of(pain_point, b)

    services.give_feedback(scene["town_member"], Direction.FOR_PAIN_POINT, pain_point, a,
                           Verdict.NOT_FITTING)

    order = offer_ids(pain_point)
    assert a.pk not in order
    assert b.pk in order and c.pk in order
    assert score_of(pain_point, b) < b_before * 0.75
    assert MatchFeedback.objects.get(pain_point=pain_point, offer=a).verdict == "not_fitting"


def test_helpful_pins_a_lower_offer_first(scene):
    pain_point, c = scene["pain_point"], scene["c"]
    assert offer_ids(pain_point)[0] != c.pk

    services.give_feedback(scene["town_member"], Direction.FOR_PAIN_POINT, pain_point, c,
                           Verdict.HELPFUL)

    first = StoredMatch.objects.get(direction=Direction.FOR_PAIN_POINT, pain_point=pain_point,
                                    position=1)
    assert first.offer_id == c.pk
    assert first.reasons[0]["code"] == "helpful"


def test_withdrawing_feedback_restores_the_original_order(scene):
    pain_point, member = scene["pain_point"], scene["town_member"]
    original = stored_offers(pain_point)

    services.give_feedback(member, Direction.FOR_PAIN_POINT, pain_point, scene["a"],
                           Verdict.NOT_FITTING)
    services.give_feedback(member, Direction.FOR_PAIN_POINT, pain_point, scene["c"],
                           Verdict.HELPFUL)
    assert stored_offers(pain_point) != original

    services.withdraw_feedback(member, Direction.FOR_PAIN_POINT, pain_point, scene["a"])
    services.withdraw_feedback(member, Direction.FOR_PAIN_POINT, pain_point, scene["c"])

    assert stored_offers(pain_point) == original
    assert not MatchFeedback.objects.exists()


def test_changing_a_verdict_replaces_it(scene):
    pain_point, member, c = scene["pain_point"], scene["town_member"], scene["c"]

    services.give_feedback(member, Direction.FOR_PAIN_POINT, pain_point, c, Verdict.HELPFUL)
    services.give_feedback(member, Direction.FOR_PAIN_POINT, pain_point, c,
                           Verdict.NOT_FITTING)

    assert MatchFeedback.objects.get().verdict == Verdict.NOT_FITTING
    assert c.pk not in offer_ids(pain_point)


def test_unknown_verdict_is_refused(scene):
    with pytest.raises(ValidationError):
        services.give_feedback(scene["town_member"], Direction.FOR_PAIN_POINT,
                               scene["pain_point"], scene["a"], "super")
    assert not MatchFeedback.objects.exists()


@pytest.mark.parametrize("who", ["visitor", "other_town", "provider_of_the_offer"])
def test_feedback_on_a_pain_points_list_from_non_members_is_refused(scene, who):
    user = {
        "visitor": AnonymousUser(),
        "other_town": make_member(OrganisationFactory(name="Stadt Detmold")),
        "provider_of_the_offer": scene["provider_member"],
    }[who]
    pain_point, a = scene["pain_point"], scene["a"]
    original = stored_offers(pain_point)

    with pytest.raises(services.MatchmakingRefused):
        services.give_feedback(user, Direction.FOR_PAIN_POINT, pain_point, a,
                               Verdict.NOT_FITTING)

    assert not MatchFeedback.objects.exists()
    assert stored_offers(pain_point) == original


def test_non_member_cannot_withdraw_feedback(scene):
    pain_point, a = scene["pain_point"], scene["a"]
    services.give_feedback(scene["town_member"], Direction.FOR_PAIN_POINT, pain_point, a,
                           Verdict.NOT_FITTING)

    with pytest.raises(services.MatchmakingRefused):
        services.withdraw_feedback(make_member(), Direction.FOR_PAIN_POINT, pain_point, a)

    assert MatchFeedback.objects.count() == 1
    assert a.pk not in offer_ids(pain_point)


# --- the provider's side --------------------------------------------------------------------


@pytest.fixture
def provider_scene(db):
    """One offer, two near-identical vacancy pain points (x, y) and a weaker one (z)."""
    provider = ProviderFactory(name="Leerstandslotsen GmbH")
    provider_member = make_member(provider)
    offer = OfferFactory(
        organisation=provider, title="Leerstandsmanagement und Zwischennutzung",
        description="Wir vermitteln Zwischennutzungen für leere Ladenlokale.",
        topics=["Leerstand", "Zwischennutzung", "Leerstandsmanagement"],
    )
    twin = {
        "description": "Viele Ladenlokale stehen leer; wir suchen Zwischennutzungen und "
                       "ein Leerstandsmanagement.",
        "topics": ["Leerstand", "Zwischennutzung", "Leerstandsmanagement"],
    }
    x = PainPointFactory(organisation=OrganisationFactory(name="Stadt Höxter"),
                         title="Leerstand in der Altstadt", **twin)
    y = PainPointFactory(organisation=OrganisationFactory(name="Stadt Brakel"),
                         title="Leerstand in der Innenstadt", **twin)
    z = PainPointFactory(organisation=OrganisationFactory(name="Stadt Warburg"),
                         title="Gründungen fördern",
                         description="Wir wollen Gründer*innen in leere Läden holen.",
                         topics=["Gründung", "Leerstand", "Pop-up-Store"])
    PainPointFactory(title="Zu dunkel am Abend", description="Die Beleuchtung fehlt.",
                     topics=["Beleuchtung"])
    recompute_all()
    return {"provider_member": provider_member, "offer": offer, "x": x, "y": y, "z": z}


def stored_pain_points(offer):
    return list(StoredMatch.objects.filter(direction=Direction.FOR_OFFER, offer=offer)
                .order_by("position").values_list("pain_point_id", "score"))


def test_provider_side_feedback_works_the_same_way(provider_scene):
    member, offer = provider_scene["provider_member"], provider_scene["offer"]
    x, y, z = provider_scene["x"], provider_scene["y"], provider_scene["z"]
    original = stored_pain_points(offer)
    assert [pk for pk, _ in original][2] == z.pk
    y_before = dict(original)[y.pk]

    services.give_feedback(member, Direction.FOR_OFFER, x, offer, Verdict.NOT_FITTING)
    after = dict(stored_pain_points(offer))
    assert x.pk not in after
    assert after[y.pk] < y_before * 0.75

    services.give_feedback(member, Direction.FOR_OFFER, z, offer, Verdict.HELPFUL)
    first = StoredMatch.objects.get(direction=Direction.FOR_OFFER, offer=offer, position=1)
    assert first.pain_point_id == z.pk
    assert first.reasons[0]["code"] == "helpful"

    services.withdraw_feedback(member, Direction.FOR_OFFER, x, offer)
    services.withdraw_feedback(member, Direction.FOR_OFFER, z, offer)
    assert stored_pain_points(offer) == original


def test_provider_side_feedback_leaves_the_pain_points_own_list_alone(provider_scene):
    member, offer, x = (provider_scene["provider_member"], provider_scene["offer"],
                        provider_scene["x"])
    before = stored_offers(x)

    services.give_feedback(member, Direction.FOR_OFFER, x, offer, Verdict.NOT_FITTING)

    assert stored_offers(x) == before
    assert offer.pk in offer_ids(x)


def test_town_cannot_give_feedback_on_a_providers_list(provider_scene):
    town_member = make_member(provider_scene["x"].organisation)

    with pytest.raises(services.MatchmakingRefused):
        services.give_feedback(town_member, Direction.FOR_OFFER, provider_scene["x"],
                               provider_scene["offer"], Verdict.NOT_FITTING)

    assert not MatchFeedback.objects.exists()
