"""Our pages at two library sizes, in one process each, rounds alternating: the work per request.

    nice -n 10 .venv/bin/python bench/scale_ab.py \\
        --static-work /tmp/stadtlabor-compare-XXXX --rounds 5

bench/compare.py measures through gunicorn with 8 clients; on two shared cores its
10,000 ÷ 1,000 ratios wander with whatever else runs (one run gave the event index 0.94,
the next 0.85). This script asks the narrower question — does a page cost more per request
when the library is ten times larger? — without a server or concurrency: per round and
size, a fresh process (DEBUG off, the databases compare.py has grown, `compare_1000` and
`compare_10000` by default) warms up and then times `--requests` requests of each page
through Django's test client, one after the other. Sizes alternate within each round.
Prints ms per request per round, then 10,000 ÷ 1,000 as a rate (median and range).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = {
    "library": "/praxisbeispiele/",
    "case_study": "/praxisbeispiele/last-0/",
    "articles": "/artikel/",
    "events": "/veranstaltungen/",
    "directory": "/mitglieder/",
    "home": "/",
    "search": "/suche/?q=Leerstand",
}
CHILD = r"""
import json, os, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django
django.setup()
from django.test import Client
client = Client()
pages, count = json.loads(sys.argv[1]), int(sys.argv[2])
result = {}
for name, path in pages.items():
    for _ in range(5):
        response = client.get(path, HTTP_X_FORWARDED_PROTO="https")
        assert response.status_code == 200, (path, response.status_code)
    began = time.perf_counter()
    for _ in range(count):
        client.get(path, HTTP_X_FORWARDED_PROTO="https")
    result[name] = (time.perf_counter() - began) / count * 1000
print(json.dumps(result))
"""


def environment(database_url, static_work):
    env = {key: value for key, value in os.environ.items() if key not in {"SQLITE_PATH"}}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(Path(static_work) / "static"),
        LOG_LEVEL="WARNING",
    )
    return env


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--static-work", required=True, help="Ordner mit static/ aus compare.py")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--small", default="compare_1000")
    parser.add_argument("--large", default="compare_10000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    sizes = (args.small, args.large)
    timings = {size: [] for size in sizes}
    for number in range(1, args.rounds + 1):
        for size in sizes:
            output = subprocess.run(  # noqa: S603 - our own interpreter and script
                [sys.executable, "-c", CHILD, json.dumps(PAGES), str(args.requests)],
                env=environment(f"{args.server}/{size}", args.static_work),
                cwd=REPO, capture_output=True, text=True, check=True,
            )
            timings[size].append(json.loads(output.stdout.strip().splitlines()[-1]))
        print(f"Runde {number}: " + " | ".join(
            f"{size} " + " ".join(f"{name} {timings[size][-1][name]:.1f} ms" for name in PAGES)
            for size in sizes), flush=True)
    print(f"\n{args.large} ÷ {args.small}, Anfragen pro Sekunde in einem Prozess "
          f"(Runden abwechselnd)")
    print("| Seite | ms je Anfrage klein / groß (Median) | Verhältnis (Median) | Spanne |")
    print("| --- | ---: | ---: | ---: |")
    for name in PAGES:
        small = [round_[name] for round_ in timings[args.small]]
        large = [round_[name] for round_ in timings[args.large]]
        ratios = [one / other for one, other in zip(small, large, strict=True)]
        print(f"| {name} | {statistics.median(small):.1f} / {statistics.median(large):.1f} | "
              f"{statistics.median(ratios):.2f} | {min(ratios):.2f}–{max(ratios):.2f} |")


if __name__ == "__main__":
    main()
