"""Load test of the best-practice library under a production-style server.

Fills a separate SQLite database (or $DATABASE_URL if --use-database-url) with N case
studies (`seed_case_studies --scale N`), serves the site with daphne and DEBUG off, fires
concurrent requests with threads and keep-alive `http.client` connections, and prints
requests per second and p50/p95 latency for the index, a filtered index and a detail page.

    .venv/bin/python bench/library_load.py --scale 1000
    .venv/bin/python bench/library_load.py --scale 10000 --requests 400 --concurrency 8
"""

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(args, work):
    env = dict(os.environ)
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(work / "static"),
        MEDIA_ROOT=str(work / "media"),
        LOG_LEVEL="WARNING",
        DISABLE_RATE_LIMITS="1",
    )
    if not args.use_database_url:
        env.pop("DATABASE_URL", None)
        env["SQLITE_PATH"] = str(
            args.db or REPO / "var" / "bench" / f"library-{args.scale}.sqlite3"
        )
        Path(env["SQLITE_PATH"]).parent.mkdir(parents=True, exist_ok=True)
    return env


def manage(env, *command):
    print("$ manage.py", " ".join(command), flush=True)
    subprocess.run([PYTHON, "manage.py", *command], cwd=REPO, env=env, check=True)


def wait_until_up(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/praxisbeispiele/")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("Der Server antwortet nicht.")


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read().decode()


def load(port, path, total, concurrency):
    """Fire `total` GETs of `path` from `concurrency` threads.

    Returns the latencies in seconds, the failed statuses and the wall time."""
    latencies, errors = [], []
    lock = threading.Lock()
    counter = iter(range(total))

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if next(counter, None) is None:
                    break
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                status = repr(error)
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    errors.append(status)
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=int, default=1000, help="Anzahl Praxisbeispiele (N)")
    parser.add_argument("--requests", type=int, default=300, help="Anfragen je Seite")
    parser.add_argument("--concurrency", type=int, default=8, help="gleichzeitige Verbindungen")
    parser.add_argument(
        "--db", type=Path, help="SQLite-Datei (Standard: var/bench/library-N.sqlite3)"
    )
    parser.add_argument("--use-database-url", action="store_true", help="$DATABASE_URL benutzen")
    parser.add_argument("--skip-seed", action="store_true", help="Datenbank nicht befüllen")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="stadtlabor-bench-") as tmp:
        work = Path(tmp)
        env = server_env(args, work)
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        if not args.skip_seed:
            manage(env, "seed_case_studies", "--scale", str(args.scale))

        port = free_port()
        server = subprocess.Popen(
            [PYTHON, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "config.asgi:application"],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            wait_until_up(port)
            _status, html = fetch(port, "/praxisbeispiele/")
            detail = re.search(r'href="(/praxisbeispiele/[^"?/]+/)"', html).group(1)
            targets = [
                ("Übersicht", "/praxisbeispiele/"),
                ("Übersicht gefiltert", "/praxisbeispiele/?thema=leerstand&groesse=medium"),
                ("Übersicht Seite 5", "/praxisbeispiele/?seite=5&sortierung=titel"),
                ("Detailseite", detail),
            ]
            for _label, path in targets:  # warm up caches and renditions
                load(port, path, args.concurrency * 2, args.concurrency)
            print(
                f"\nN={args.scale} Praxisbeispiele, {args.requests} Anfragen je Seite, "
                f"{args.concurrency} gleichzeitig, daphne, DEBUG aus, "
                f"{'PostgreSQL' if args.use_database_url else 'SQLite'}"
            )
            print(f"{'Seite':<22}{'Anfr./s':>9}{'p50 ms':>9}{'p95 ms':>9}{'Fehler':>8}")
            for label, path in targets:
                latencies, errors, wall = load(port, path, args.requests, args.concurrency)
                print(
                    f"{label:<22}{len(latencies) / wall:>9.1f}"
                    f"{statistics.median(latencies) * 1000:>9.0f}"
                    f"{percentile(latencies, 0.95) * 1000:>9.0f}{len(errors):>8}"
                )
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
