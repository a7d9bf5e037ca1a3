"""Pseudo-relevance feedback in the pure engine (no database): candidates like the best
match move up, the best match itself and the reasons stay as the query says."""

from matchmaking.engine import Item, MatchIndex, Weights, rank

ALL_SIZES = ("small", "medium", "large")


def offer(item_id, title="", tags=(), description=""):
    return Item.create(item_id, title, description, tags, ["DE"], ALL_SIZES, kind="offer")


CATALOG = [
    offer("kasse", "Kassensystem für Cafés", ["Kassensystem", "Gastronomie"]),
    offer("wlan", "Freies WLAN in der Fußgängerzone", ["WLAN", "Hotspot"]),
    offer("parken", "Parkleitsystem mit Sensoren", ["Parken", "Sensorik"]),
    offer("lastenrad", "Lieferdienst per Lastenrad", ["Lieferdienst", "Lastenrad", "Emissionsfrei"],
          "Wir liefern Einkäufe mit dem Lastenrad emissionsfrei nach Hause."),
    # Both say as little about the query; only the first is like the best match.
    offer("kurier", "Kuriere für die Innenstadt", ["Lastenrad", "Emissionsfrei"],
          "Unsere Kuriere bringen Einkäufe nach Hause."),
    offer("paket", "Pakete für die Innenstadt", ["Paketstation"],
          "Wir bringen Einkäufe nach Hause."),
]

NEED = Item.create("need", "Einkäufe nach Hause liefern", "", ["Lieferdienst"], ["NW"],
                   population=50_000, kind="need")

WITHOUT_FEEDBACK = Weights(feedback_docs=0)


def ids(matches):
    return [match.item_id for match in matches]


def test_a_candidate_like_the_best_match_moves_up():
    plain = MatchIndex(CATALOG, weights=WITHOUT_FEEDBACK).top(NEED, 3)
    assert ids(plain) == ["lastenrad", "paket", "kurier"]
    assert ids(MatchIndex(CATALOG).top(NEED, 3)) == ["lastenrad", "kurier", "paket"]
    assert ids(rank(NEED, CATALOG, k=3)) == ["lastenrad", "kurier", "paket"]


def test_ranking_and_scores_agree_with_top():
    index = MatchIndex(CATALOG)
    assert index.ranking(NEED)[:3] == ids(index.top(NEED, 3))
    scores = index.scores(NEED)
    assert scores["kurier"] > scores["paket"]
    # A bare profile has no region to weigh, the feedback still applies.
    assert index.scores(index.analyse(NEED))["kurier"] > scores["paket"]


def test_reasons_name_only_what_the_query_said():
    by_id = {match.item_id: match for match in MatchIndex(CATALOG).top(NEED, 3)}
    assert "Lastenrad" not in by_id["kurier"].topics
    assert "Einkäufe" in by_id["kurier"].topics


def test_feedback_never_changes_the_best_match_or_what_is_found():
    plain = MatchIndex(CATALOG, weights=WITHOUT_FEEDBACK).top(NEED, 10)
    with_feedback = MatchIndex(CATALOG).top(NEED, 10)
    assert with_feedback[0].item_id == plain[0].item_id
    assert set(ids(with_feedback)) == set(ids(plain))


def test_the_best_match_is_taken_inside_the_querys_state():
    catalog = [
        *CATALOG,
        # Scores highest, but does not serve NW: the feedback must not follow it.
        Item.create("bayern", "Einkäufe nach Hause liefern",
                    "Lieferdienst für Einkäufe nach Hause, mit Paketstation.",
                    ["Lieferdienst", "Paketstation", "Einkäufe"], ["BY"], ALL_SIZES,
                    kind="offer"),
    ]
    plain = MatchIndex(catalog, weights=WITHOUT_FEEDBACK).scores(NEED)
    assert max(plain, key=plain.get) == "bayern"
    matches = MatchIndex(catalog).top(NEED, 4)
    assert ids(matches)[:2] == ["lastenrad", "kurier"]
    assert ids(matches)[-1] == "bayern"
