"""The database side of the matching: stored top-10 lists in a real database.

Fills a separate SQLite database (or $DATABASE_URL with --use-database-url) with N pain
points and N offers from the same synthetic generator as `bench/matching.py`, then prints:

- the time to recompute and store every top-10 list (`recompute_all`),
- p50/p95 of the background task after one new pain point or offer
  (`recompute_after_change`: index update, its own list, and the lists of the
  neighbours it may enter), with its number of SQL queries,
- peak memory of the process.

    .venv/bin/python bench/matching_db.py --items 2000
    DATABASE_URL=postgres://postgres@127.0.0.1/stadtlabor_bench \\
        .venv/bin/python bench/matching_db.py --items 2000 --use-database-url
"""

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
# Appended, not first: bench/search.py would shadow the project's `search` app.
sys.path.append(str(REPO / "bench"))


def configure(args):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["TASKS_BACKEND"] = "immediate"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if not args.use_database_url:
        os.environ.pop("DATABASE_URL", None)
        path = REPO / "var" / "bench" / f"matching-{args.items}.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        os.environ["SQLITE_PATH"] = str(path)
    import django

    django.setup()


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def organisations():
    from matchmaking.engine import SIZES, STATE_NAMES
    from network.models import Organisation

    population = {"small": 12_000, "medium": 60_000, "large": 250_000}
    towns = {}
    for state in sorted(set(STATE_NAMES) - {"DE"}):
        for size in SIZES:
            towns[state, size] = Organisation.objects.create(
                name=f"Stadt {state}-{size}", slug=f"stadt-{state}-{size}".lower(),
                kind=Organisation.Kind.KOMMUNE, bundesland=state, population=population[size],
                status=Organisation.Status.APPROVED,
            )
    providers = [
        Organisation.objects.create(
            name=f"Anbieter {number}", slug=f"anbieter-{number}", kind=Organisation.Kind.ANBIETER,
            bundesland="NW", status=Organisation.Status.APPROVED,
        )
        for number in range(20)
    ]
    return towns, providers


def fill(generator, towns, providers, count):
    """Bulk-insert `count` pain points and offers with their tags."""
    from taggit.models import Tag

    from matchmaking.models import Offer, PainPoint, TaggedOffer, TaggedPainPoint

    needs = [generator.item(f"n{number}", "need") for number in range(count)]
    offers = [generator.item(f"o{number}", "offer") for number in range(count)]
    pain_rows = PainPoint.objects.bulk_create(
        PainPoint(organisation=towns[next(iter(item.regions)), next(iter(item.sizes))],
                  title=item.title[:160], description=item.description[:4000])
        for item in needs
    )
    offer_rows = Offer.objects.bulk_create(
        Offer(organisation=providers[number % len(providers)], title=item.title[:160],
              description=item.description[:4000], nationwide="DE" in item.regions,
              regions=sorted(item.regions - {"DE"}), sizes=sorted(item.sizes))
        for number, item in enumerate(offers)
    )
    names = {tag[:100] for item in needs + offers for tag in item.tags}
    existing = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
    first = Tag.objects.count()
    Tag.objects.bulk_create(Tag(name=name, slug=f"bench-{first + index}") for index, name in
                            enumerate(sorted(names - existing)))
    tag_ids = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
    TaggedPainPoint.objects.bulk_create(
        TaggedPainPoint(content_object=row, tag_id=tag_ids[tag[:100]])
        for row, item in zip(pain_rows, needs, strict=True) for tag in set(item.tags)
    )
    TaggedOffer.objects.bulk_create(
        TaggedOffer(content_object=row, tag_id=tag_ids[tag[:100]])
        for row, item in zip(offer_rows, offers, strict=True) for tag in set(item.tags)
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2_000, help="pain points and offers each")
    parser.add_argument("--changes", type=int, default=50, help="new items timed one by one")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--use-database-url", action="store_true")
    args = parser.parse_args()
    configure(args)

    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from matching import Generator

    from matchmaking import catalogs
    from matchmaking.models import Direction, StoredMatch
    from matchmaking.recompute import recompute_after_change, recompute_all

    call_command("migrate", verbosity=0)
    generator = Generator(args.seed)
    towns, providers = organisations()
    started = time.perf_counter()
    fill(generator, towns, providers, args.items)
    print(f"{args.items} Bedarfe und {args.items} Angebote angelegt in "
          f"{time.perf_counter() - started:.1f} s ({connection.vendor})", flush=True)

    started = time.perf_counter()
    recompute_all()
    total = time.perf_counter() - started
    stored = StoredMatch.objects.count()
    print(f"recompute_all: {total:.1f} s für {2 * args.items} Listen "
          f"({1000 * total / (2 * args.items):.1f} ms je Liste), {stored} Treffer gespeichert",
          flush=True)

    extra = Generator(args.seed + 1)
    fill(extra, towns, providers, args.changes)
    from matchmaking.models import Offer, PainPoint

    new_items = [(Direction.FOR_PAIN_POINT, pk) for pk in PainPoint.objects.order_by("-pk")
                 .values_list("pk", flat=True)[: args.changes]]
    new_items += [(Direction.FOR_OFFER, pk) for pk in Offer.objects.order_by("-pk")
                  .values_list("pk", flat=True)[: args.changes]]
    catalogs.index_for(catalogs.PAIN_POINTS)  # the new rows make the cached stamp stale once
    catalogs.index_for(catalogs.OFFERS)
    timings, queries, neighbours = [], [], []
    for direction, pk in new_items:
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            neighbours.append(recompute_after_change(direction, pk))
            timings.append(time.perf_counter() - started)
        queries.append(len(captured.captured_queries))
    print(f"Neuberechnung nach einer Änderung ({len(timings)} Fälle): "
          f"p50 {1000 * percentile(timings, 0.5):.0f} ms, "
          f"p95 {1000 * percentile(timings, 0.95):.0f} ms; "
          f"Nachbarlisten im Mittel {statistics.mean(neighbours):.1f}, "
          f"SQL-Abfragen p50 {percentile(queries, 0.5)}, max {max(queries)}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Spitzenspeicher: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
