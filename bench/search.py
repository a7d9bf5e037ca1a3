"""Search at scale: load N documents through the indexing API, then time a 50-query mix.

For each engine (the database engine on SQLite and on PostgreSQL) a fresh database is
migrated, N synthetic German documents of every type are indexed in bulk through
`search.engine().index_documents()` (with progress), and 50 queries — broad single words
matching tens of thousands of documents, topics, compounds, typos, organisation names —
run as the search page runs them (member visibility, all facets), several rounds each.
Prints indexing speed and p50/p95 per engine.

    nice -n 10 .venv/bin/python bench/search.py --documents 100000
    .venv/bin/python bench/search.py --documents 5000 --engine sqlite

PostgreSQL: --postgres-url (default postgres://postgres@127.0.0.1:5432/search_bench_db);
the database is dropped and created again. --queries-only times the queries again on the
database (PostgreSQL) or file (--sqlite-path) a previous run left, without re-indexing.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TOPICS = (
    "Leerstand Zwischennutzung Frequenzmessung Passantenfrequenz Stadtgutschein Kundenbindung "
    "Digitalisierung Onlinemarktplatz Lastenrad Lieferdienst Unternehmensnachfolge Wochenmarkt "
    "Aufenthaltsqualität Klimaanpassung Hitzeschutz Stadtgrün Barrierefreiheit Parkleitsystem "
    "Weihnachtsmarkt Sicherheitskonzept Verfügungsfonds Innenstadtfonds Förderprogramm "
    "Städtebauförderung Citymanagement Stadtmarketing Beteiligung Ehrenamt Nahversorgung "
    "Dorfladen Gründung Ansiedlung Eigentümeransprache Leerstandsmanagement Sauberkeit"
).split()
COMMON = (
    "Innenstadt Stadt Handel Geschäfte Läden Menschen Projekt Jahr Kommune Verwaltung Idee "
    "Eigentümer Händler Gastronomie Angebot Zentrum Altstadt Markt Platz Straße Konzept "
    "Erfahrung Beratung Planung Umsetzung Ergebnis Budget Partner Netzwerk Veranstaltung "
    "Besucher Kunden Daten Förderung Quartier Entwicklung Gemeinde Region Zukunft Wandel"
).split()
FILLER = (
    "wir haben mit den und die für eine neue gute schnell gemeinsam heute seit zwei drei "
    "viele mehr als im am zum bei nach auch noch sehr gut klein groß offen lokal regional "
    "direkt einfach wichtig erfolgreich sichtbar lebendig"
).split()
TOWNS = (
    "Einbeck Iserlohn Görlitz Flensburg Lörrach Gießen Weißenfels Rheinhafen Saalbruck "
    "Lindenfeld Moorhusen Elbstedt Ostwalden Hohenbrück Neuhafen Bergheim Lindenau"
).split()
TYPES = (
    ("case_study", 0.10),
    ("article", 0.05),
    ("event", 0.08),
    ("funding", 0.02),
    ("offer", 0.15),
    ("pain_point", 0.10),
    ("organisation", 0.10),
    ("forum_thread", 0.40),
)
QUERIES = [
    # broad: tens of thousands of hits
    "Innenstadt",
    "Stadt",
    "Handel",
    "Projekt",
    "Menschen",
    "Geschäfte",
    "Kommune",
    "Zentrum",
    "Förderung",
    "Entwicklung",
    # topics, one or two words
    "Leerstand",
    "Zwischennutzung",
    "Stadtgutschein",
    "Lastenrad",
    "Wochenmarkt",
    "Klimaanpassung",
    "Barrierefreiheit",
    "Weihnachtsmarkt",
    "Ehrenamt",
    "Nahversorgung",
    "Leerstand Eigentümer",
    "Frequenz messen",
    "Gutschein digital",
    "Hitze Innenstadt",
    "Nachfolge Geschäft",
    "Markt Altstadt",
    "Beteiligung Quartier",
    "Dorfladen Gemeinde",
    "Sicherheit Veranstaltung",
    "Daten Besucher",
    # compounds and word forms
    "Förderprogramme",
    "Foerderprogramm",
    "Frequenzmessung",
    "Leerstände",
    "Innenstadtentwicklung",
    "Unternehmensnachfolge",
    "Citymanagerin",
    "Parkleitsysteme",
    # typos
    "Leerstnad",
    "Zwischennutzng",
    "Stadtgutshein",
    "Wochnmarkt",
    "Barierefreiheit",
    # names and towns
    "Stadt Einbeck",
    "Iserlohn",
    "Görlitz Nachfolge",
    "Einbeck Leerstand",
    "Netzwerk Flensburg",
    # exclusion
    "Leerstand -Einbeck",
    # narrow: a few matches among broad words (read through the GIN index, not in rank order)
    "Stadt Görlitz 4711",
]


def make_documents(count, seed=12):
    from search.documents import MEMBERS, PUBLIC, SearchDocument, SearchPart

    rng = random.Random(seed)
    weights = [weight for _type, weight in TYPES]
    start = datetime(2020, 1, 1, tzinfo=UTC)

    def sentence(length):
        words = []
        for _ in range(length):
            roll = rng.random()
            if roll < 0.12:
                words.append(rng.choice(TOPICS))
            elif roll < 0.45:
                words.append(rng.choice(COMMON))
            elif roll < 0.5:
                words.append(rng.choice(TOWNS))
            else:
                words.append(rng.choice(FILLER))
        return " ".join(words) + "."

    for n in range(count):
        doc_type = rng.choices([t for t, _w in TYPES], weights)[0]
        topic = rng.choice(TOPICS)
        town = rng.choice(TOWNS)
        title = f"{topic} in {town}: {sentence(rng.randint(3, 6))}"
        if doc_type == "organisation":
            title = f"Stadt {town} {n}" if rng.random() < 0.5 else f"{topic}werk {town} GmbH"
        parts = ()
        if doc_type == "forum_thread":
            parts = tuple(
                SearchPart(f"/forum/beitrag/{n}-{i}/", sentence(rng.randint(15, 40)))
                for i in range(rng.randint(0, 4))
            )
        yield SearchDocument(
            type=doc_type,
            id=n,
            title=title,
            body=" ".join(sentence(rng.randint(8, 16)) for _ in range(rng.randint(3, 8))),
            tags=rng.sample(TOPICS, 2),
            facets={},
            url=f"/bench/{doc_type}/{n}/",
            visibility=MEMBERS if rng.random() < 0.2 else PUBLIC,
            date=start + timedelta(days=rng.randint(0, 2500)),
            parts=parts,
        )


def child(args):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.core.cache import cache
    from django.db import connection

    import search
    from search.documents import MEMBERS, PUBLIC, facet_names

    engine = search.engine()
    label = f"{type(engine).__name__} ({connection.vendor})"
    started = time.perf_counter()
    step = max(1, args.documents // 20)
    shown = [0]

    def progress(done):
        if done - shown[0] >= step or done == args.documents:
            shown[0] = done
            rate = done / (time.perf_counter() - started)
            print(f"  {label}: {done}/{args.documents} indexiert ({rate:.0f}/s)", flush=True)

    if not args.queries_only:
        engine.index_documents(make_documents(args.documents), progress=progress)
        elapsed = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        rate = args.documents / elapsed
        print(f"  {label}: {args.documents} Dokumente in {elapsed:.0f} s ({rate:.0f}/s)")

    visibilities = (PUBLIC, MEMBERS)
    facets = facet_names()
    for query in QUERIES[:5]:  # warm-up
        engine.search(query, visibilities=visibilities, facets=facets)
    timings, totals = [], {}
    for _round in range(args.rounds):
        for query in QUERIES:
            # The engine's work, not a cached page (search/result_cache.py): every query
            # is measured as the first one after a change of the index.
            cache.clear()
            began = time.perf_counter()
            results = engine.search(query, visibilities=visibilities, facets=facets)
            timings.append((time.perf_counter() - began) * 1000)
            totals[query] = (results.total, results.total_is_exact)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    broad = sum(1 for total, exact in totals.values() if not exact)
    print(
        f"RESULT {label}: {len(QUERIES)} Anfragen × {args.rounds} Runden, "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms "
        f"({broad} Anfragen mit mehr als 1.000 Treffern)",
        flush=True,
    )


def run_engine(args, name):
    env = dict(os.environ)
    env.pop("ELASTICSEARCH_URL", None)
    if name == "sqlite":
        env.pop("DATABASE_URL", None)
        if args.sqlite_path:
            env["SQLITE_PATH"] = args.sqlite_path
            if not args.queries_only:
                Path(args.sqlite_path).unlink(missing_ok=True)
        else:
            work = tempfile.mkdtemp(prefix="search-bench-")
            env["SQLITE_PATH"] = str(Path(work) / "bench.sqlite3")
    elif args.queries_only:
        env["DATABASE_URL"] = args.postgres_url
    else:
        url = args.postgres_url
        database = url.rsplit("/", 1)[1]
        admin = url.rsplit("/", 1)[0] + "/postgres"
        import psycopg

        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
            connection.execute(f'CREATE DATABASE "{database}"')
        env["DATABASE_URL"] = url
    print(f"{name}: Datenbank {'prüfen' if args.queries_only else 'anlegen'} …", flush=True)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=REPO, env=env, check=True
    )
    subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            "--documents",
            str(args.documents),
            "--rounds",
            str(args.rounds),
            *(["--queries-only"] if args.queries_only else []),
        ],
        cwd=REPO,
        env=env,
        check=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], action="append")
    parser.add_argument(
        "--postgres-url", default="postgres://postgres@127.0.0.1:5432/search_bench_db"
    )
    parser.add_argument(
        "--sqlite-path", help="SQLite file to use (kept afterwards); default: a temporary one"
    )
    parser.add_argument(
        "--queries-only",
        action="store_true",
        help="Only time the queries on the database or file a previous run filled",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    for name in args.engine or ["postgresql", "sqlite"]:
        run_engine(args, name)


if __name__ == "__main__":
    main()
