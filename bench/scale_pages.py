"""What a request costs with the library at its current size, in-process (DEBUG off).

Run against a database filled with `seed_case_studies --scale N`:

    DATABASE_URL=postgres://…/bench_db REDIS_URL=redis://127.0.0.1:6379/8 \\
        .venv/bin/python bench/scale_pages.py --rounds 20

Prints, per page, the median and p95 of warm requests, the first request after the
library changed (facet counts recomputed once), and for /matching/ the first request
after a case study was published, in a "fresh process" (its in-memory copies dropped),
with the number of SQL queries. Run it at 1,000 and at 10,000 and compare the medians:
flat cost means a ratio near 1.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnop")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("STATIC_ROOT", str(REPO / "var" / "bench" / "static"))


def _timed(client, url, **extra):
    from django.db import connection, reset_queries

    reset_queries()
    start = time.perf_counter()
    response = client.get(url, secure=True, **extra)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(connection.queries)


def _member_with_need():
    from matchmaking.models import PainPoint
    from network.models import Membership, Organisation, User

    user, _ = User.objects.get_or_create(email="bench-need@example.org")
    town, _ = Organisation.objects.get_or_create(
        slug="bench-stadt", defaults={"name": "Bench-Stadt", "kind": Organisation.Kind.KOMMUNE,
                                      "bundesland": "NW", "population": 30_000,
                                      "status": Organisation.Status.APPROVED})
    Membership.objects.get_or_create(user=user, organisation=town,
                                     defaults={"status": Membership.Status.ACTIVE})
    if not PainPoint.objects.filter(organisation=town).exists():
        need = PainPoint.objects.create(organisation=town, author=user,
                                        title="Leerstand in der Fußgängerzone",
                                        description="Viele Läden stehen leer.")
        need.topics.add("Leerstand", "Zwischennutzung")
    return user


def _publish_one():
    from bestpractice.models import BestPracticePage

    page = BestPracticePage.objects.live().order_by("pk").first()
    page.title = page.title.split(" (")[0] + f" ({time.time():.0f})"
    page.save_revision().publish()  # signals queue the catalog update and cache bump


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from bestpractice import listing_cache
    from bestpractice.models import BestPracticePage
    from matchmaking import catalogs

    settings.DEBUG = False
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        from django.core.management import call_command

        call_command("collectstatic", "--noinput", verbosity=0)
    connection.force_debug_cursor = True  # count queries with DEBUG off
    size = BestPracticePage.objects.live().count()
    detail = BestPracticePage.objects.live().order_by("-pk").first().url
    client = Client()
    pages = [
        ("library index", "/praxisbeispiele/"),
        ("library filtered", "/praxisbeispiele/?thema=leerstand&groesse=medium"),
        ("case study", detail),
        ("home", "/"),
        ("articles", "/aktuelles/"),
        ("events", "/veranstaltungen/"),
        ("directory", "/mitglieder/"),
    ]
    print(f"library: {size} live case studies; {args.rounds} warm rounds per page")
    print(f"{'page':<20} {'cold ms':>8} {'warm p50':>9} {'warm p95':>9} {'queries':>8}")
    for label, url in pages:
        listing_cache.bump()
        try:
            cold, _ = _timed(client, url)
        except AssertionError as error:
            print(f"{label:<20} skipped ({error})")
            continue
        warm = [_timed(client, url) for _ in range(args.rounds)]
        times = sorted(ms for ms, _ in warm)
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        print(f"{label:<20} {cold:8.1f} {statistics.median(times):9.1f} {p95:9.1f} "
              f"{warm[-1][1]:8d}")

    member = _member_with_need()
    client.force_login(member)
    _timed(client, "/matching/")  # the catalogs exist (seed_case_studies builds them)
    print()
    print("/matching/ right after a publish (the worker records the change):")
    for fresh in (False, True):
        for _ in range(3):
            start = time.perf_counter()
            _publish_one()
            worker_ms = (time.perf_counter() - start) * 1000
            if fresh:
                catalogs.clear_cache()  # a process without a copy: loads the stored base
            first, queries = _timed(client, "/matching/")
            second, _ = _timed(client, "/matching/")
            kind = "new process    " if fresh else "running process"
            print(f"  {kind} first {first:7.1f} ms ({queries} queries), next {second:6.1f} ms;"
                  f" publish incl. worker {worker_ms:7.1f} ms")

if __name__ == "__main__":
    main()
