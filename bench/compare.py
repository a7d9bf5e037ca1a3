"""Stadtlabor side by side with Wagtail's bakerydemo, and our own pages at two library sizes.

    nice -n 10 .venv/bin/python bench/compare.py --bakerydemo /path/to/bakerydemo \\
        --rounds 4 --requests 200 --concurrency 8 --scales 1000 10000

Fetches nothing at run time. The bakerydemo checkout is one an operator cloned
(github.com/wagtail/bakerydemo, see docs/operations.md "Benchmarks"); on first use this
script sets it up in its own venv (PATH/.venv: pip install from PyPI, the only time
anything is downloaded; --bakerydemo-python picks the interpreter when bakerydemo's Django
needs a newer Python than ours), with its demo data (`load_initial_data`) in its own PostgreSQL
database, and never writes into our repository.

Both sites run under gunicorn (2 workers × 4 threads, gthread, DEBUG off, WhiteNoise) on
free ports, on PostgreSQL, one at a time; rounds alternate A B A B. Each round sends
--requests GETs per page with --concurrency threads and counts requests per second. The
first table is the ratio Stadtlabor ÷ bakerydemo (median and range over rounds) for:
library index vs /blog/, case study vs a blog page, home vs home, search "Leerstand" vs
bakerydemo search "bread". The second table is our own pages (library, case study, search,
articles, events, directory, home) at the largest --scales size ÷ the smallest, each size
in its own database `<DATABASE_URL name>_<size>` grown with `seed_case_studies --scale N`
(kept between runs; growing to 10,000 takes minutes). The third table is each page's
latency as a client sees it (p50, p95 over all requests of all rounds, and the range of
the rounds' own p95), ours at each size and bakerydemo's; a last line names every page
whose p95 at the largest size crosses 1 s (issue 14), or says that none does.
"""

import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import REPO, SECRET_KEY, Gunicorn, free_port, request, server_env  # noqa: E402

POSTGRES = os.environ.get("COMPARE_POSTGRES", "postgres://postgres@127.0.0.1:5432")
PAIRS = [  # (label, our route, bakerydemo route)
    ("Bibliothek ÷ /blog/", "library", "blog_index"),
    ("Praxisbeispiel ÷ Blogseite", "case_study", "blog_page"),
    ("Startseite ÷ Startseite", "home", "home"),
    ("Suche „Leerstand“ ÷ Suche „bread“", "search", "search"),
]
# Every page we compare, at both sizes: the p95 target (issue 14) holds for all of them.
OWN_PAGES = ["library", "case_study", "search", "articles", "events", "directory", "home"]
P95_LIMIT = 1.0  # seconds, at the largest size with --concurrency clients


def run(command, env, cwd, timeout=1800):
    print("$ " + " ".join(str(c) for c in command), flush=True)
    subprocess.run(command, env=env, cwd=cwd, check=True, timeout=timeout)  # noqa: S603


def ensure_database(url):
    name = urlparse(url).path.lstrip("/")
    exists = subprocess.run(  # noqa: S603
        ["psql", POSTGRES + "/postgres", "-tAc",  # noqa: S607
         f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", POSTGRES + "/postgres", "-qc",  # noqa: S603,S607
                        f'CREATE DATABASE "{name}"'], check=True)
    return not exists


# --- bakerydemo -------------------------------------------------------------------------


def bakery_env(path, database_url, work):
    env = {k: v for k, v in os.environ.items()
           if k not in {"DATABASE_URL", "REDIS_URL", "VIRTUAL_ENV", "PYTHONPATH"}}
    env.update(
        DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(Path(work) / "bakery-static"),
    )
    return env


def setup_bakerydemo(path, database_url, base_python=sys.executable):
    path = Path(path).resolve()
    if not (path / "bakerydemo" / "settings" / "production.py").exists():
        sys.exit(f"{path} ist kein bakerydemo-Checkout (bakerydemo/settings/production.py fehlt).")
    python = path / ".venv" / "bin" / "python"
    if not python.exists():
        run([base_python, "-m", "venv", str(path / ".venv")], os.environ, path)
        run([python, "-m", "pip", "install", "--disable-pip-version-check", "-q",
             "-r", "requirements/base.txt", "gunicorn", "whitenoise>=6.11,<7",
             "psycopg[binary]>=3.3.3,<3.4"], os.environ, path)
    return python


def prepare_bakerydemo(path, python, database_url, work):
    env = bakery_env(path, database_url, work)
    fresh = ensure_database(database_url)
    run([python, "manage.py", "migrate", "-v0"], env, path)
    if fresh:
        run([python, "manage.py", "load_initial_data"], env, path)
    run([python, "manage.py", "collectstatic", "--noinput", "-v0"], env, path)
    return env


class BakeryGunicorn(Gunicorn):
    def __init__(self, path, python, env):
        self.port = free_port()
        self.path, self.python, self.env = Path(path), python, env
        self.log = tempfile.NamedTemporaryFile(prefix="bakery-", suffix=".log", delete=False)
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(  # noqa: S603
            [self.python, "-m", "gunicorn", "-w", "2", "--threads", "4", "-k", "gthread",
             "-b", f"127.0.0.1:{self.port}", "bakerydemo.wsgi:application"],
            cwd=self.path, env=self.env, stdout=subprocess.DEVNULL, stderr=self.log,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("bakerydemo startete nicht:\n" + self.log_text()[-3000:])
            try:
                if request(self.port, "GET", "/", headers=HOST(self.port))[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError("bakerydemo antwortete nicht:\n" + self.log_text()[-3000:])


def HOST(port):  # noqa: N802 - reads like a constant header
    # As behind a TLS proxy: bakerydemo's production settings redirect plain HTTP.
    return {"Host": f"127.0.0.1:{port}", "X-Forwarded-Proto": "https"}


def bakery_routes(port):
    _status, (_headers, body) = request(port, "GET", "/blog/", headers=HOST(port))
    links = re.findall(rb'href="(/blog/[a-z0-9-]+/)"', body)
    if not links:
        raise RuntimeError("keine Blogseite unter /blog/ gefunden")
    return {"home": "/", "blog_index": "/blog/", "blog_page": links[0].decode(),
            "search": "/search/?q=bread"}


# --- Stadtlabor -------------------------------------------------------------------------

URLS_CODE = """
import json, django
django.setup()
from django.urls import reverse
from bestpractice.models import ArticleIndexPage, BestPracticeIndexPage, BestPracticePage
from network.models import HomePage
from webtalks.models import EventIndexPage
home = HomePage.objects.first()
for model, title, slug in [(ArticleIndexPage, "Artikel", "artikel"),
                           (EventIndexPage, "Veranstaltungen", "veranstaltungen")]:
    if not model.objects.exists():
        home.add_child(instance=model(title=title, slug=slug))
def url(model):
    return model.objects.live().order_by("pk").first().url
print(json.dumps({"home": "/", "library": url(BestPracticeIndexPage),
                  "case_study": url(BestPracticePage), "articles": url(ArticleIndexPage),
                  "events": url(EventIndexPage), "directory": reverse("network:directory"),
                  "search": "/suche/?q=Leerstand"}))
"""


def prepare_ours(database_url, work, scale):
    env = server_env(database_url, work, {"DJANGO_SETTINGS_MODULE": "config.settings"})
    ensure_database(database_url)
    run([sys.executable, "manage.py", "migrate", "-v0"], env, REPO)
    if not Path(work, "static", "staticfiles.json").exists():
        run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env, REPO)
    run([sys.executable, "manage.py", "seed_case_studies", "--scale", str(scale)], env, REPO,
        timeout=3600)
    result = subprocess.run([sys.executable, "-c", URLS_CODE], env=env, cwd=REPO,  # noqa: S603
                            capture_output=True, text=True, check=True)
    routes = {k: v for k, v in json.loads(result.stdout.strip().splitlines()[-1]).items() if v}
    return env, routes


# --- measuring --------------------------------------------------------------------------


@dataclass
class Figures:
    """One page in one round: requests per second and each request's latency (s)."""

    rate: float
    latencies: list = field(default_factory=list)


def percentile(values, fraction):
    """Nearest-rank percentile of `values` (fraction 0.95 for p95)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def throughput(port, path, requests, concurrency):
    """`Figures` for `requests` GETs of `path` from `concurrency` threads."""
    for _ in range(3):  # warm: templates, caches
        request(port, "GET", path, headers=HOST(port))
    remaining = list(range(requests))
    lock, statuses, latencies = threading.Lock(), [], []

    def worker():
        while True:
            with lock:
                if not remaining:
                    return
                remaining.pop()
            # Latency as a client sees it under this concurrency: queueing in gunicorn
            # included, which is what a p95 target is about.
            started = time.perf_counter()
            status = request(port, "GET", path, headers=HOST(port))[0]
            took = time.perf_counter() - started
            with lock:
                statuses.append(status)
                latencies.append(took)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    bad = [s for s in statuses if s != 200]
    if bad:
        raise RuntimeError(f"{path}: {len(bad)} Antworten ungleich 200 ({sorted(set(bad))})")
    return Figures(requests / elapsed, latencies)


def measure(server, routes, names, requests, concurrency):
    with server:
        return {name: throughput(server.port, routes[name], requests, concurrency)
                for name in names if name in routes}


def ratio_row(label, ratios):
    return (f"| {label} | {statistics.median(ratios):.2f} | "
            f"{min(ratios):.2f}–{max(ratios):.2f} | {len(ratios)} |")


class Latencies:
    """Every request's latency per (site, size, page) over all rounds, and each round's
    p95 (for the range)."""

    def __init__(self):
        self.all, self.p95s = {}, {}

    def add(self, where, figures):
        for page, figure in figures.items():
            self.all.setdefault((where, page), []).extend(figure.latencies)
            self.p95s.setdefault((where, page), []).append(percentile(figure.latencies, 0.95))

    def p95(self, where, page):
        values = self.all.get((where, page))
        return percentile(values, 0.95) if values else None

    def print_table(self, title, order):
        print(f"\n{title}")
        print("| Seite | Größe | p50 ms | p95 ms | p95 je Runde ms | Anfragen |")
        print("| --- | --- | ---: | ---: | ---: | ---: |")
        for where, page in order:
            values = self.all.get((where, page))
            if not values:
                continue
            rounds = self.p95s[(where, page)]
            print(f"| {page} | {where} | {percentile(values, 0.5) * 1000:.0f} | "
                  f"{percentile(values, 0.95) * 1000:.0f} | "
                  f"{min(rounds) * 1000:.0f}–{max(rounds) * 1000:.0f} | {len(values)} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bakerydemo", required=True, help="Pfad zu einem bakerydemo-Checkout")
    parser.add_argument("--bakerydemo-python", default=sys.executable,
                        help="Python für bakerydemos venv (dessen Django verlangt evtl. ein "
                             "neueres als unseres, z. B. python3.12)")
    parser.add_argument("--rounds", type=int, default=4, help="Runden je Seite (A B A B …)")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--scales", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--skip-own", action="store_true", help="ohne die 10.000-÷-1.000-Tabelle")
    args = parser.parse_args()
    base = os.environ.get("COMPARE_DATABASE_PREFIX", "compare")
    work = Path(tempfile.mkdtemp(prefix="stadtlabor-compare-"))
    scales = sorted(args.scales)

    python = setup_bakerydemo(args.bakerydemo, f"{POSTGRES}/{base}_bakerydemo",
                              args.bakerydemo_python)
    bakery_env_ = prepare_bakerydemo(args.bakerydemo, python,
                                     f"{POSTGRES}/{base}_bakerydemo", work)
    ours = {scale: prepare_ours(f"{POSTGRES}/{base}_{scale}", work, scale) for scale in scales}
    with BakeryGunicorn(args.bakerydemo, python, bakery_env_) as server:
        bakery = bakery_routes(server.port)
    print("bakerydemo:", bakery, "\nStadtlabor:", ours[scales[0]][1], flush=True)
    latencies = Latencies()

    # Side by side at the smallest size: A B A B.
    env, routes = ours[scales[0]]
    ratios = {label: [] for label, _o, _b in PAIRS}
    for round_number in range(args.rounds):
        a = measure(Gunicorn(env, 2, 4), routes, [o for _l, o, _b in PAIRS],
                    args.requests, args.concurrency)
        b = measure(BakeryGunicorn(args.bakerydemo, python, bakery_env_), bakery,
                    [b for _l, _o, b in PAIRS], args.requests, args.concurrency)
        print(f"Runde {round_number + 1}: Stadtlabor {fmt(a)} | bakerydemo {fmt(b)}", flush=True)
        latencies.add(f"Stadtlabor {scales[0]}", a)
        latencies.add("bakerydemo", b)
        for label, our_route, their_route in PAIRS:
            if our_route in a and their_route in b:
                ratios[label].append(a[our_route].rate / b[their_route].rate)

    print(f"\nStadtlabor ÷ bakerydemo, Anfragen pro Sekunde ({scales[0]} Praxisbeispiele; "
          f"gunicorn 2 Worker × 4 Threads, DEBUG aus, PostgreSQL, {args.concurrency} parallel)")
    print("| Seite | Verhältnis (Median) | Spanne | Runden |")
    print("| --- | ---: | ---: | ---: |")
    for label, values in ratios.items():
        if values:
            print(ratio_row(label, values))

    small, large = scales[0], scales[-1]
    if not args.skip_own and len(scales) > 1:
        own = {page: [] for page in OWN_PAGES}
        for round_number in range(args.rounds):
            a = measure(Gunicorn(ours[large][0], 2, 4), ours[large][1], OWN_PAGES,
                        args.requests, args.concurrency)
            b = measure(Gunicorn(ours[small][0], 2, 4), ours[small][1], OWN_PAGES,
                        args.requests, args.concurrency)
            print(f"Runde {round_number + 1}: {large} {fmt(a)} | {small} {fmt(b)}", flush=True)
            latencies.add(f"Stadtlabor {large}", a)
            latencies.add(f"Stadtlabor {small}", b)
            for page in OWN_PAGES:
                if page in a and page in b:
                    own[page].append(a[page].rate / b[page].rate)
        print(f"\nStadtlabor bei {large} ÷ bei {small} Praxisbeispielen, Anfragen pro Sekunde")
        print("| Seite | Verhältnis (Median) | Spanne | Runden |")
        print("| --- | ---: | ---: | ---: |")
        for page, values in own.items():
            if values:
                print(ratio_row(page, values))

    # Latencies over every request of every round (the smallest size gets the requests of
    # both tables); "p95 je Runde" is the range of the rounds' own p95.
    sizes = [small] if small == large else [small, large]
    order = [(f"Stadtlabor {size}", page) for page in OWN_PAGES for size in sizes]
    order += [("bakerydemo", b) for _l, _o, b in PAIRS]
    latencies.print_table(f"Latenz je Anfrage ({args.concurrency} parallel, alle Runden)", order)
    slow = [(page, p95) for page in OWN_PAGES
            if (p95 := latencies.p95(f"Stadtlabor {large}", page)) is not None
            and p95 > P95_LIMIT]
    if slow:
        print(f"\nÜBER {P95_LIMIT:.0f} s p95 bei {large} Praxisbeispielen und "
              f"{args.concurrency} parallel: "
              + ", ".join(f"{page} {p95 * 1000:.0f} ms" for page, p95 in slow))
    else:
        print(f"\nKeine Seite über {P95_LIMIT:.0f} s p95 bei {large} Praxisbeispielen und "
              f"{args.concurrency} parallel.")


def fmt(figures):
    return " ".join(
        f"{name} {figure.rate:.1f}/s p95 {percentile(figure.latencies, 0.95) * 1000:.0f} ms"
        for name, figure in figures.items()
    )


if __name__ == "__main__":
    main()
