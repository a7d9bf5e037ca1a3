"""The fast paths of a large catalog (sparse matrix, batches, caches, vectorised corpus
neighbours) must give what the plain all-pairs scoring gives (issue 13)."""

import random
from collections import defaultdict

from matchmaking.engine import Item, MatchIndex, Weights, reference
from matchmaking.engine.items import SIZES, STATE_NAMES
from matchmaking.engine.knowledge import corpus_neighbours

WORDS = (
    "Leerstand Innenstadt Zwischennutzung Eigentümer Ladenlokal Gründer Mietzuschuss "
    "Digitalisierung Onlineshop Marktplatz Händler Schulung Frequenz Passanten Sensoren "
    "Dashboard Besucher Beleuchtung Weihnachtsmarkt Parken Radverkehr Aufenthaltsqualität "
    "Sauberkeit Begrünung Stadtmarketing Gutschein Kundenbindung Events Gastronomie "
    "Wochenmarkt Fördermittel Konzept Beteiligung Bürger*innen Jugendliche Kultur Kunst "
    "Sicherheit Barrierefreiheit Mobilität Logistik Lieferverkehr Quartier Immobilien"
).split()
STATES = sorted(set(STATE_NAMES) - {"DE"})


def generated(count, kind, rng):
    nouns = WORDS + [rng.choice(WORDS) + rng.choice(WORDS).lower() for _ in range(30)]
    items = []
    for number in range(count):
        words = rng.choices(nouns, k=rng.randint(8, 30))
        regions = ["DE"] if rng.random() < 0.3 else rng.sample(STATES, rng.randint(1, 3))
        items.append(Item.create(
            f"{kind}{number}", " ".join(words[:4]), " ".join(words[4:]),
            rng.sample(nouns, rng.randint(1, 3)), regions,
            rng.sample(SIZES, rng.randint(1, 3)), kind=kind))
    return items


def test_the_matrix_path_and_batches_find_the_exact_top_10():
    rng = random.Random(13)
    offers = generated(400, "offer", rng)
    needs = generated(40, "need", rng)
    # The sparse matrix from 100 items on, so this small catalog takes the fast path.
    index = MatchIndex(offers, weights=Weights(matrix_min_items=100))
    single = [index.top(need, 10) for need in needs]
    assert index.top_many(needs, 10) == single
    for need, matches in zip(needs, single, strict=True):
        assert [match.item_id for match in matches] == reference.top_ids(index, need, 10)
    # An item added after the matrix was built is scored from the postings, at once.
    extra = Item.create("neu", needs[0].title, needs[0].description, needs[0].tags,
                        needs[0].regions, needs[0].sizes, kind="offer")
    index.add(extra)
    assert [m.item_id for m in index.top(needs[0], 10)] == reference.top_ids(index, needs[0], 10)


def test_small_catalogs_score_from_the_postings_exactly_too():
    rng = random.Random(7)
    offers = generated(120, "offer", rng)
    needs = generated(20, "need", rng)
    index = MatchIndex(offers)
    assert index.top_many(needs, 10) == [index.top(need, 10) for need in needs]
    for need in needs:
        assert [m.item_id for m in index.top(need, 10)] == reference.top_ids(index, need, 10)


def _neighbours_by_loops(documents, max_share=0.1, min_together=2, min_similarity=0.3,
                         per_feature=5, max_features=40):
    """The pair counting as it was written before the sparse product (the reference)."""
    docs = [sorted(set(document))[: max_features * 4] for document in documents]
    frequency = defaultdict(int)
    for doc in docs:
        for feature in doc:
            frequency[feature] += 1
    limit = max(2, max_share * len(docs))
    together = defaultdict(lambda: defaultdict(int))
    for doc in docs:
        kept = [feature for feature in doc if 2 <= frequency[feature] <= limit][:max_features]
        for position, first in enumerate(kept):
            for second in kept[position + 1:]:
                together[first][second] += 1
                together[second][first] += 1
    neighbours = {}
    for feature, row in together.items():
        scored = [(other, round(count / (frequency[feature] * frequency[other]) ** 0.5, 3))
                  for other, count in row.items()
                  if count >= min_together
                  and count / (frequency[feature] * frequency[other]) ** 0.5 >= min_similarity]
        if scored:
            scored.sort(key=lambda pair: (-pair[1], pair[0]))
            neighbours[feature] = tuple(scored[:per_feature])
    return neighbours


def test_corpus_neighbours_from_the_sparse_product_equal_the_pair_loops():
    rng = random.Random(3)
    vocabulary = [f"wort{number}" for number in range(300)]
    weights = [1 / (rank + 1) ** 0.7 for rank in range(len(vocabulary))]
    documents = [rng.choices(vocabulary, weights=weights, k=rng.randint(3, 60))
                 for _ in range(500)]
    expected = _neighbours_by_loops(documents)
    assert expected
    assert corpus_neighbours(documents) == expected


def test_a_recompute_split_over_processes_gives_the_same_lists(monkeypatch):
    from matchmaking.engine import parallel

    monkeypatch.setattr(parallel, "MIN_QUERIES", 10)
    rng = random.Random(21)
    offers = generated(300, "offer", rng)
    needs = generated(45, "need", rng)
    for weights in (Weights(matrix_min_items=100), Weights()):  # matrix and postings paths
        index = MatchIndex(offers, weights=weights)
        alone = index.top_many(needs, 10)
        assert index.top_many(needs, 10, workers=2) == alone
        assert index.top_many(needs, 10, workers=3) == alone
        assert any(match.reasons for matches in alone for match in matches)
