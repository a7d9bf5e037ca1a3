"""Roundtable overlay: queries and time per request of the organiser's overlay page for the
demo roundtables (run `seed_demo` on the database first).

    DATABASE_URL=postgres://…/db .venv/bin/python bench/roundtables.py

Prints per roundtable the number of pain points, offers and pairs with a reason, the number
of queries of one request (after a first one that warms the engine's index) and the median
time of five requests.
"""

import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from network.models import User  # noqa: E402
from webtalks import roundtable_selectors  # noqa: E402
from webtalks.models import EventPage  # noqa: E402

SLUGS = ("roundtable-nachvermietung", "roundtable-zwischennutzung-bilanz")


def main():
    client = Client(SERVER_NAME="localhost")
    client.force_login(User.objects.get(email="leerstand@einbeck.example"))
    print("roundtable | Bedarfe | Angebote | Paare | Abfragen | Median ms")
    for slug in SLUGS:
        event = EventPage.objects.get(slug=slug)
        url = reverse("roundtables:overlay", args=[event.pk])
        assert client.get(url).status_code == 200
        # Counted at the cursor: the debug query log is cleared when a request starts.
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            assert client.get(url).status_code == 200
        times = []
        for _ in range(5):
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        overlay = roundtable_selectors.overlay(event)
        print(f"{slug} | {len(overlay.pain_points)} | {len(overlay.offers)} | "
              f"{len(overlay.cells)} | {len(queries)} | {statistics.median(times):.0f}")


if __name__ == "__main__":
    main()
