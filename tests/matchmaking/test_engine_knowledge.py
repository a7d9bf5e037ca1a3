"""The engine's knowledge sources (lexicon, corpus, feedback) and the exact sparse scorer."""

import pickle

from matchmaking.engine import Item, MatchIndex, Sources, Verdict, Weights
from matchmaking.engine.knowledge import corpus_neighbours

ALL_SIZES = ("small", "medium", "large")


def offer(item_id, title="", tags=(), description=""):
    return Item.create(item_id, title, description, tags, ("DE",), ALL_SIZES, kind="offer")


def need(title="", tags=(), description="", item_id="need"):
    return Item.create(item_id, title, description, tags, ["NW"], population=50_000,
                       kind="need")


FILLER = [
    offer("kasse", "Kassensystem für Cafés", ["Kassensystem", "Gastronomie"]),
    offer("wlan", "Freies WLAN in der Fußgängerzone", ["WLAN", "Hotspot"]),
    offer("parken", "Parkleitsystem mit Sensoren", ["Parken", "Sensorik"]),
]


def test_the_noun_lexicon_splits_compounds_the_catalog_never_taught():
    catalog = [*FILLER, offer("analyse", "Modernisierung der Beleuchtung", ["Modernisierung"])]
    query = need("Laternenmodernisierung geplant", ["Laternenmodernisierung"])
    without = MatchIndex(catalog, sources=Sources(lexicon=False)).top(query, 3)
    with_lexicon = MatchIndex(catalog, sources=Sources()).top(query, 3)
    assert "analyse" not in [match.item_id for match in without]
    assert with_lexicon[0].item_id == "analyse"


def test_a_pickled_index_shares_the_processes_noun_lexicon_instead_of_carrying_it():
    catalog = [*FILLER, offer("analyse", "Modernisierung der Beleuchtung", ["Modernisierung"])]
    query = need("Laternenmodernisierung geplant", ["Laternenmodernisierung"])
    data = pickle.dumps(MatchIndex(catalog), protocol=pickle.HIGHEST_PROTOCOL)
    # 250,000 nouns pickle to 7 MB; the stored index of a small catalog is a few KB.
    assert len(data) < 200_000
    restored = pickle.loads(data)  # noqa: S301 - our own data
    assert restored.top(query, 1)[0].item_id == "analyse"


def test_words_that_occur_together_become_neighbours():
    documents = [["laterne", "beleuchtung", "strom"], ["laterne", "beleuchtung"],
                 ["parken", "sensor"], ["parken", "sensor", "app"], ["kasse"], ["wlan"],
                 ["gutschein"], ["rad"], ["fest"], ["markt"], ["hof"], ["park"], ["bau"],
                 ["team"], ["zeit"], ["haus"], ["kunst"], ["licht"], ["plan"], ["daten"]]
    neighbours = corpus_neighbours(documents)
    assert neighbours["laterne"][0][0] == "beleuchtung"
    assert "sensor" not in dict(neighbours["laterne"])


def test_a_helpful_verdict_teaches_the_offer_the_needs_words():
    catalog = [*FILLER, offer("licht", "Lichtinszenierung zur Miete", ["Lichtkunst"])]
    earlier = need("Im Winter ist die Innenstadt trist", ["Wintertristesse"], item_id="n1")
    later = need("Wintertristesse in der Altstadt", ["Wintertristesse"], item_id="n2")
    assert MatchIndex(catalog).top(later, 3) == []
    learned = MatchIndex(catalog, verdicts=[Verdict(earlier, "licht", helpful=True)])
    assert learned.ranking(later)[0] == "licht"


def test_the_sparse_scorer_finds_the_same_top_as_the_postings():
    catalog = [offer(f"o{i}", f"Angebot {i}", [f"Thema{i % 7}", f"Feld{i % 5}", "Innenstadt"])
               for i in range(60)]
    query = need("Thema3 und Feld2", ["Thema3", "Feld2"])
    exact = MatchIndex(catalog, weights=Weights(matrix_min_items=10_000))
    sparse = MatchIndex(catalog, weights=Weights(matrix_min_items=10))
    assert [m.item_id for m in sparse.top(query, 10)] == [m.item_id for m in exact.top(query, 10)]
    # One added item is found at once, a removed one no more.
    sparse.add(offer("neu", "Neu", ["Thema3", "Feld2"]))
    sparse.remove("o3")
    ids = [match.item_id for match in sparse.top(query, 10)]
    assert ids[0] == "neu" and "o3" not in ids
