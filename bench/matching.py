"""Benchmark the matching engine on synthetic catalogs, and check it against all pairs.

    nice -n 10 .venv/bin/python bench/matching.py --items 1000 10000 [--new 200] [--exact-sample 40]

Builds N pain points and N offers from the words of the development set (so
document frequencies look like the real catalog's) for each size given, then reports:
  * the time to build both indexes and to recompute every top-10 match in both
    directions (each pain point against all offers, each offer against all pain
    points; over `--workers` processes, 1 by default as recompute_all), wall clock and
    CPU of all processes (the machine is shared), and their sum: a full recompute,
  * p50/p95 of one new item's top 10 (adding it to its index, then querying the other),
  * exactness: how many of the exact top 10 `top()` returns, the exact list coming from
    the plain all-pairs scoring of `engine/reference.py`, on a sample of queries,
  * peak memory (process peak RSS, and the resident memory the two indexes add).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from matchmaking.engine import Item, MatchIndex, load_dataset, reference  # noqa: E402
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


def current_rss_mib() -> float:
    """Resident memory now (Linux); the peak comes from getrusage at the end."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / 2**20


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the recompute's workers)."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                          resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run(size: int, args) -> dict:
    """Build, recompute and check one catalog size; prints as it goes."""
    generator = Generator(args.seed)
    started = time.perf_counter()
    needs = [generator.item(f"n{i}", "need") for i in range(size)]
    offers = [generator.item(f"o{i}", "offer") for i in range(size)]
    print(
        f"catalogs: {len(needs)} pain points, {len(offers)} offers "
        f"(generated in {time.perf_counter() - started:.1f} s)"
    )

    gc.collect()
    rss_before = current_rss_mib()
    wall, cpu = time.perf_counter(), cpu_seconds()
    offer_index = MatchIndex(offers)
    need_index = MatchIndex(needs)
    build = time.perf_counter() - wall, cpu_seconds() - cpu
    gc.collect()
    index_mib = current_rss_mib() - rss_before
    print(
        f"build both indexes: {build[0]:.1f} s (CPU {build[1]:.1f} s), resident memory "
        f"they added: {index_mib:.0f} MiB"
    )

    wall, cpu = time.perf_counter(), cpu_seconds()
    # As recompute_all() does: every list of one direction in one batched call, split
    # over `--workers` processes (their CPU is counted too).
    for_needs = offer_index.top_many(needs, TOP, workers=args.workers)
    need_index.top_many(offers, TOP, workers=args.workers)
    recompute = time.perf_counter() - wall, cpu_seconds() - cpu
    queries = len(needs) + len(offers)
    print(
        f"recompute all top-{TOP} (both directions, {queries} queries, "
        f"{args.workers} process(es)): {recompute[0]:.1f} s (CPU {recompute[1]:.1f} s) = "
        f"{1000 * recompute[0] / queries:.2f} ms/query"
    )
    full = build[0] + recompute[0], build[1] + recompute[1]
    print(f"full recompute (build both + every top {TOP}): {full[0]:.1f} s "
          f"(CPU {full[1]:.1f} s)")

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

    # Exactness: what top() returns against the plain all-pairs scoring of every item
    # (engine/reference.py), on a sample of pain points and offers.
    # The lists checked are those the recompute produced (the new items above have
    # joined the pain points' index since: those lists are computed anew with top()).
    half = (args.exact_sample + 1) // 2
    sample = [(offer_index, need, for_needs[position])
              for position, need in enumerate(needs[:half])]
    sample += [(need_index, offer, None) for offer in offers[: args.exact_sample - half]]
    agree = overlap = 0
    started = time.perf_counter()
    for index, query, computed in sample:
        exact = reference.top_ids(index, query, TOP)
        found = [match.item_id for match in (computed or index.top(query, TOP))]
        agree += exact == found
        overlap += len(set(exact) & set(found)) / max(len(exact), 1) * TOP
    brute_per_query = (time.perf_counter() - started) / max(len(sample), 1)
    exactness = overlap / len(sample) if sample else None
    if sample:
        print(
            f"exactness: {exactness:.2f} of the exact top {TOP} (identical lists "
            f"{agree}/{len(sample)}; all-pairs reference {1000 * brute_per_query:.0f} "
            f"ms/query, for {queries} queries about {brute_per_query * queries:.0f} s)"
        )
    else:  # --exact-sample 0: nothing compared, so nothing to claim
        print("exactness: not measured (--exact-sample 0)")
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (process RSS): {peak_rss:.0f} MiB")
    return {
        "items": size,
        "build_seconds": round(build[0], 2),
        "build_cpu_seconds": round(build[1], 2),
        "recompute_seconds": round(recompute[0], 2),
        "recompute_cpu_seconds": round(recompute[1], 2),
        "recompute_workers": args.workers,
        "full_recompute_seconds": round(full[0], 2),
        "full_recompute_cpu_seconds": round(full[1], 2),
        "new_item_p50_ms": round(1000 * p50, 2),
        "new_item_p95_ms": round(1000 * p95, 2),
        "exactness_of_10": None if exactness is None else round(exactness, 2),
        "identical_lists": f"{agree}/{len(sample)}",
        "reference_ms_per_query": round(1000 * brute_per_query, 1),
        "peak_rss_mib": round(peak_rss),
        "index_rss_mib": round(index_mib),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--items", type=int, nargs="+", default=[10_000],
                        help="pain points and offers each; several sizes run one after another")
    parser.add_argument("--new", type=int, default=200, help="new items timed one by one")
    parser.add_argument("--exact-sample", type=int, default=40,
                        help="queries checked against the all-pairs reference")
    parser.add_argument("--workers", type=int, default=1,
                        help="processes for the recompute (recompute_all: "
                             "MATCHING_RECOMPUTE_WORKERS, default 1)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args()
    results = []
    for size in args.items:
        print(f"== {size} x {size} ==")
        results.append(run(size, args))
        gc.collect()
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
