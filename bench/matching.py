"""Benchmark the matching engine on synthetic catalogs, beside a naive all-pairs ranking.

    .venv/bin/python bench/matching.py [--items 10000] [--new 200] [--naive-sample 40]

Builds N pain points and N offers from the words of the development set (so
document frequencies look like the real catalog's), then reports:
  * the time to recompute every top-10 match in both directions
    (each pain point against all offers, each offer against all pain points),
  * p50/p95 of one new item's top 10 (adding it to its index, then querying the other),
  * peak memory (process peak RSS, and the resident memory the two indexes add),
  * the same recompute with a naive all-pairs scorer over the same profiles,
    measured on a sample of queries and extrapolated (said so in the output).
"""

from __future__ import annotations

import argparse
import gc
import heapq
import json
import random
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from matchmaking.engine import Item, MatchIndex, load_dataset  # noqa: E402
from matchmaking.engine.items import SIZES, STATE_NAMES  # noqa: E402
from matchmaking.engine.text import raw_words  # noqa: E402

DEV_SET = REPO.parent / "shared" / "benchmarks" / "matchmaking_dev.json"
STATES = sorted(set(STATE_NAMES) - {"DE"})
TOP = 10

FALLBACK_TEMPLATES = [
    (
        "Leerstand in der Innenstadt",
        "Leere Ladenlokale Zwischennutzung Eigentümer Pop-up-Store "
        "Gründer Mietzuschuss Vermietung Innenstadt",
        ["Leerstand", "Zwischennutzung"],
    ),
    (
        "Digitale Sichtbarkeit der Händler",
        "Onlineshop Marktplatz Social Media Google Profil "
        "Schulung Händler Einzelhandel Digitalisierung",
        ["Digitalisierung", "Onlinehandel"],
    ),
    (
        "Frequenz messen",
        "Passantenzählung Sensoren Dashboard Daten Besucher Innenstadt",
        ["Frequenzmessung", "Daten"],
    ),
]


def templates() -> list[tuple[str, str, list[str]]]:
    if not DEV_SET.exists():
        return FALLBACK_TEMPLATES
    dataset = load_dataset(DEV_SET)
    items = [*dataset.offers, *(need.item for need in dataset.needs)]
    return [(item.title, item.description, list(item.tags)) for item in items]


class Generator:
    """Synthetic items mixing one or two real templates with words from the whole vocabulary."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)
        self.templates = templates()
        vocabulary = sorted(
            {
                word
                for title, description, tags in self.templates
                for word in raw_words(" ".join([title, description, *tags]))
            }
        )
        nouns = [word for word in vocabulary if len(word) > 5]
        compounds = [
            self.random.choice(nouns) + self.random.choice(nouns) for _ in range(len(nouns))
        ]
        self.vocabulary = vocabulary + compounds
        # Zipf-like: a few words are very common, most are rare.
        self.word_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(self.vocabulary))]
        self.random.shuffle(self.vocabulary)

    def words(self, count: int) -> list[str]:
        return self.random.choices(self.vocabulary, weights=self.word_weights, k=count)

    def item(self, item_id: str, kind: str) -> Item:
        chosen = self.random.sample(self.templates, self.random.choice((1, 1, 2)))
        title_words, description_words, tags = [], [], []
        for title, description, template_tags in chosen:
            title_words += self.random.sample(title.split(), min(4, len(title.split())))
            description_words += self.random.sample(
                description.split(), min(45, len(description.split()))
            )
            tags += self.random.sample(template_tags, min(3, len(template_tags)))
        description_words += self.words(self.random.randint(10, 25))
        tags += [word.capitalize() for word in self.words(self.random.randint(0, 2))]
        self.random.shuffle(description_words)
        if self.random.random() < 0.35:
            regions = ["DE"]
        else:
            regions = self.random.sample(STATES, self.random.randint(1, 3))
        if kind == "need":
            regions = [self.random.choice(STATES)]
            sizes = [self.random.choice(SIZES)]
        else:
            sizes = self.random.sample(SIZES, self.random.randint(1, 3))
        return Item.create(
            id=item_id,
            title=" ".join(title_words + self.words(2)),
            description=" ".join(description_words),
            tags=tags,
            regions=regions,
            sizes=sizes,
            kind=kind,
        )


def naive_top(index: MatchIndex, query: Item, k: int) -> list[str]:
    """All pairs: score the query's profile against every catalog profile, no inverted index,
    the same BM25 features, the same feedback from the best match and the same constraints."""
    profile = index.analyse(query)
    query_weights = index._query_weights(profile)  # noqa: SLF001 - same weights, fair comparison
    scored = []
    for item_id, candidate in index._profiles.items():  # noqa: SLF001
        score = 0.0
        for feature, weight in query_weights.items():
            if feature in candidate.features:
                score += weight * index._postings[feature][item_id]  # noqa: SLF001
        if score > 0:
            scored.append((score, item_id))
    scores = {item_id: s for s, item_id in scored}
    scores = index._feedback(query, query_weights, scores)  # noqa: SLF001
    ranked = index._constrained(query, scores, 0.0)  # noqa: SLF001
    return [item_id for (_, _, item_id, _) in heapq.nsmallest(k, ranked)]


def current_rss_mib() -> float:
    """Resident memory now (Linux); the peak comes from getrusage at the end."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / 2**20


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--items", type=int, default=10_000, help="pain points and offers each")
    parser.add_argument("--new", type=int, default=200, help="new items timed one by one")
    parser.add_argument("--naive-sample", type=int, default=40, help="queries timed all-pairs")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args()

    generator = Generator(args.seed)
    started = time.perf_counter()
    needs = [generator.item(f"n{i}", "need") for i in range(args.items)]
    offers = [generator.item(f"o{i}", "offer") for i in range(args.items)]
    print(
        f"catalogs: {len(needs)} pain points, {len(offers)} offers "
        f"(generated in {time.perf_counter() - started:.1f} s)"
    )

    gc.collect()
    rss_before = current_rss_mib()
    started = time.perf_counter()
    offer_index = MatchIndex(offers)
    need_index = MatchIndex(needs)
    build_seconds = time.perf_counter() - started
    gc.collect()
    index_mib = current_rss_mib() - rss_before
    print(
        f"build both indexes: {build_seconds:.1f} s, resident memory they added: "
        f"{index_mib:.0f} MiB"
    )

    started = time.perf_counter()
    for position, need in enumerate(needs, start=1):
        offer_index.top(need, TOP)
        if position % 2000 == 0:
            print(f"  … {position}/{len(needs)} pain points", file=sys.stderr)
    for position, offer in enumerate(offers, start=1):
        need_index.top(offer, TOP)
        if position % 2000 == 0:
            print(f"  … {position}/{len(offers)} offers", file=sys.stderr)
    recompute_seconds = time.perf_counter() - started
    queries = len(needs) + len(offers)
    print(
        f"recompute all top-{TOP} (both directions, {queries} queries): "
        f"{recompute_seconds:.1f} s = {1000 * recompute_seconds / queries:.2f} ms/query"
    )

    single = []
    for position in range(args.new):
        new_need = generator.item(f"new{position}", "need")
        started = time.perf_counter()
        need_index.add(new_need)
        offer_index.top(new_need, TOP)
        single.append(time.perf_counter() - started)
    p50, p95 = percentile(single, 0.5), percentile(single, 0.95)
    print(
        f"one new item's top {TOP} (add + query, n={args.new}): "
        f"p50 {1000 * p50:.1f} ms, p95 {1000 * p95:.1f} ms"
    )

    sample = needs[: args.naive_sample]
    agree = overlap = 0
    started = time.perf_counter()
    for need in sample:
        naive = naive_top(offer_index, need, TOP)
        # The index's own ranking path (what top() ranks before it drops suggestions
        # without a topical reason), compared with all pairs.
        query_weights, scores = offer_index._scored(  # noqa: SLF001 - same path as top()
            need, offer_index.analyse(need), (), keep=4 * TOP + 50)
        indexed = [item_id for (_, _, item_id, _) in
                   offer_index._best(need, scores, TOP, 0.0)]  # noqa: SLF001
        agree += naive == indexed
        overlap += len(set(naive) & set(indexed))
    naive_per_query = (time.perf_counter() - started) / len(sample)
    # The indexed top() of the same sample ran inside the loop; subtract its share.
    indexed_per_query = recompute_seconds / queries
    naive_per_query = max(naive_per_query - indexed_per_query, 1e-9)
    naive_total = naive_per_query * queries
    print(
        f"naive all-pairs: {1000 * naive_per_query:.1f} ms/query measured on {len(sample)} "
        f"queries, extrapolated to {queries} queries: {naive_total:.0f} s "
        f"(identical top {TOP} for {agree}/{len(sample)} queries; the index finds "
        f"{overlap / len(sample):.1f} of the exact top {TOP} on average)"
    )
    print(f"exactness: {overlap / len(sample):.2f} of {TOP} (identical lists "
          f"{agree}/{len(sample)})")
    print(
        f"ratio naive / indexed recompute: {naive_total / recompute_seconds:.1f}x; "
        f"one new item: {1000 * naive_per_query:.1f} ms naive vs p50 {1000 * p50:.1f} ms "
        f"= {naive_per_query / p50:.1f}x"
    )
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (process RSS): {peak_rss:.0f} MiB")
    if args.json:
        print(
            json.dumps(
                {
                    "items": args.items,
                    "build_seconds": round(build_seconds, 2),
                    "recompute_seconds": round(recompute_seconds, 2),
                    "new_item_p50_ms": round(1000 * p50, 2),
                    "new_item_p95_ms": round(1000 * p95, 2),
                    "naive_ms_per_query": round(1000 * naive_per_query, 2),
                    "naive_recompute_seconds_extrapolated": round(naive_total, 1),
                    "ratio": round(naive_total / recompute_seconds, 1),
            "top10_overlap_with_exact": round(overlap / len(sample), 2),
                    "peak_rss_mib": round(peak_rss),
                    "index_rss_mib": round(index_mib),
                }
            )
        )


if __name__ == "__main__":
    main()
