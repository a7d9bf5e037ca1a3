"""Load test of the production HTTP server on PostgreSQL: reads, logins, registrations
for ONE event with few seats, and forum posts, all at once.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/load_db REDIS_URL=redis://127.0.0.1:6379/12 \\
        nice -n 10 .venv/bin/python bench/load.py --clients 64 --duration 60

Migrates and seeds the database itself (a small library with `seed_case_studies`, an event
index, a fresh event with --seats seats, a public forum category with one thread, one
member account per client), starts gunicorn with config/gunicorn.py (--workers workers,
DJANGO_DEBUG=0, a secret key, ALLOWED_HOSTS, the psycopg pool) on a free port, and lets
--clients threads act for --duration seconds. Each client logs in (again now and then),
reads home, library, a case study, events, the event and the forum, registers once for the
event and writes forum replies. Afterwards it checks in the database that every
registration a client sent is there, confirmed or waitlisted, and that exactly --seats are
confirmed, and prints responses by status, p50/p95 per route and the server's
max_connections. Exit status 1 when a check fails (5xx, over/under-booking, a lost
registration, a client error).

The client side (`run_load`) and the seeding (`seed`) are shared with the CI test
tests/config/test_load.py, which runs the same on a small scale.
"""

import argparse
import http.client
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
PASSWORD = "Lasttest-Passwort-2026!"  # noqa: S105 - load-test accounts only
SECRET_KEY = "load-test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"  # noqa: S105


# --- seeding (in-process ORM; call after django.setup()) -------------------------------


@dataclass
class Scenario:
    """What the clients act on: URLs and one account per client."""

    reads: dict  # route name -> path
    event_path: str
    event_pk: int
    thread_path: str
    seats: int
    accounts: list = field(default_factory=list)  # e-mail addresses, password PASSWORD
    # e-mail -> session key made in the seed: logging in costs a password hash (PBKDF2,
    # about half a second of CPU), so only some clients log in through the form.
    sessions: dict = field(default_factory=dict)


def make_sessions(emails):
    """Signed-in sessions for these accounts, as a login would leave them."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from network.models import User

    engine = import_module(settings.SESSION_ENGINE)
    sessions = {}
    for user in User.objects.filter(email__in=emails):
        store = engine.SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions[user.email] = store.session_key
    return sessions


def seed(clients, seats, library_size=30, form_logins=None):
    """Seed what the load needs; idempotent apart from the event, which is new each run."""
    import datetime

    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from bestpractice.models import BestPracticeIndexPage, BestPracticePage
    from network.forum import services as forum
    from network.models import (
        ForumCategory,
        HomePage,
        Membership,
        Organisation,
        Thread,
        User,
        Visibility,
    )
    from webtalks.models import EventIndexPage, EventPage

    if BestPracticePage.objects.live().count() < library_size:
        call_command("seed_case_studies", scale=library_size, verbosity=0)
    home = HomePage.objects.first()
    library = BestPracticeIndexPage.objects.first()
    case_study = BestPracticePage.objects.live().order_by("pk").first()
    events = EventIndexPage.objects.first()
    if events is None:
        events = home.add_child(instance=EventIndexPage(title="Veranstaltungen",
                                                       slug="veranstaltungen"))
    stamp = f"{time.time():.0f}-{random.randint(0, 9999)}"  # noqa: S311 - a slug, not a secret
    start = timezone.now() + datetime.timedelta(days=14)
    event = events.add_child(instance=EventPage(
        title=f"Lasttest-WebTalk {stamp}", slug=f"lasttest-{stamp}", kind="webtalk",
        start=start, end=start + datetime.timedelta(hours=1), capacity=seats,
        intro="Eine Veranstaltung mit wenigen Plätzen für den Lasttest.",
        join_url="https://konferenz.example/lasttest",
    ))

    town, _ = Organisation.objects.get_or_create(
        slug="lasttest-anmeldestadt",
        defaults={"name": "Lasttest-Anmeldestadt", "kind": Organisation.Kind.KOMMUNE,
                  "bundesland": "NW", "population": 40_000,
                  "status": Organisation.Status.APPROVED},
    )
    emails = [f"lasttest-{number}@example.org" for number in range(clients)]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    missing = [email for email in emails if email not in existing]
    if missing:
        hashed = make_password(PASSWORD)  # hashed once: seeding 64 accounts stays quick
        joined = timezone.now() - datetime.timedelta(days=90)  # past the new-account limits
        with transaction.atomic():
            users = User.objects.bulk_create([
                User(email=email, password=hashed, date_joined=joined,
                     first_name="Last", last_name=f"Test {email.split('-')[1].split('@')[0]}")
                for email in missing
            ])
            users = list(User.objects.filter(email__in=missing))
            EmailAddress.objects.bulk_create([
                EmailAddress(user=user, email=user.email, verified=True, primary=True)
                for user in users
            ])
            Membership.objects.bulk_create([
                Membership(user=user, organisation=town, status=Membership.Status.ACTIVE)
                for user in users
            ])

    category, _ = ForumCategory.objects.get_or_create(
        slug="lasttest", defaults={"name": "Lasttest", "visibility": Visibility.PUBLIC}
    )
    thread = Thread.objects.filter(category=category).order_by("pk").first()
    if thread is None:
        author = User.objects.get(email=emails[0])
        thread = forum.create_thread(author, category, "Lasttest: Erfahrungen mit Leerstand",
                                     "Wie geht es Ihnen mit leeren Läden in der Innenstadt?")
    form_logins = max(1, clients // 8) if form_logins is None else form_logins
    return Scenario(
        sessions=make_sessions(emails[form_logins:]),
        reads={
            "home": home.url,
            "library": library.url,
            "case_study": case_study.url,
            "events": events.url,
            "event": event.url,
            "forum": "/forum/",
            "thread": f"/forum/thema/{thread.pk}/",
        },
        event_path=event.url,
        event_pk=event.pk,
        thread_path=f"/forum/thema/{thread.pk}/",
        seats=seats,
        accounts=emails,
    )


def check_registrations(scenario, attempted):
    """Registrations of the event in the database against the e-mails that sent one."""
    from webtalks.models import Registration

    rows = list(Registration.objects.filter(event_id=scenario.event_pk)
                .values_list("email", "status"))
    statuses = Counter(status for _email, status in rows)
    stored = {email for email, status in rows if status in {"confirmed", "waitlisted"}}
    return {
        "confirmed": statuses.get("confirmed", 0),
        "waitlisted": statuses.get("waitlisted", 0),
        "other": sum(n for s, n in statuses.items() if s not in {"confirmed", "waitlisted"}),
        "sent": len(attempted),
        "missing": sorted(set(attempted) - stored),
        "unexpected": sorted(stored - set(attempted)),
    }


# --- the server -------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database_url, work, extra=None, secret_key=SECRET_KEY):
    env = {k: v for k, v in os.environ.items() if k not in {"SQLITE_PATH"}}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(Path(work) / "static"),
        MEDIA_ROOT=str(Path(work) / "media"),
        EMAIL_FILE_PATH=str(Path(work) / "mail"),
        LOG_LEVEL="WARNING",
        DISABLE_RATE_LIMITS="1",  # every client comes from 127.0.0.1
    )
    env.update(extra or {})
    return env


class Gunicorn:
    """gunicorn with config/gunicorn.py on a free port; a context manager."""

    def __init__(self, env, workers, threads=4, timeout=30):
        self.port = free_port()
        self.env = dict(env, GUNICORN_BIND=f"127.0.0.1:{self.port}", WEB_CONCURRENCY=str(workers),
                        GUNICORN_THREADS=str(threads), GUNICORN_TIMEOUT=str(timeout))
        self.log = tempfile.NamedTemporaryFile(prefix="gunicorn-", suffix=".log", delete=False)
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(  # noqa: S603 - our interpreter, fixed arguments
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py",
             "config.wsgi:application"],
            cwd=REPO, env=self.env, stdout=subprocess.DEVNULL, stderr=self.log,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn startete nicht:\n" + self.log_text()[-3000:])
            try:
                status, _ = request(self.port, "GET", "/healthz")
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError("gunicorn antwortete nicht binnen 90 s:\n" + self.log_text()[-3000:])

    def log_text(self):
        return Path(self.log.name).read_text(errors="replace")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.log.close()


# --- the clients ------------------------------------------------------------------------


def request(port, method, path, body=None, headers=None, timeout=60):
    """One request on a fresh connection: (status, response headers and body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, (response.getheaders(), response.read())
    finally:
        connection.close()


CSRF_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class Client:
    """One person: a cookie jar, an account, and the requests they made."""

    def __init__(self, port, email, results, lock, timeout):
        self.port, self.email = port, email
        self.cookies = {}
        self.results, self.lock, self.timeout = results, lock, timeout
        self.logged_in = False
        self.registered = False
        self.form_login = True
        self.posted = False

    def resume(self, session_key):
        """Start signed in with a session made in the seed (and any valid CSRF secret)."""
        self.cookies["sessionid"] = session_key
        self.cookies["csrftoken"] = "".join(random.choices(CSRF_CHARS, k=32))  # noqa: S311
        self.logged_in, self.form_login = True, False

    def _send(self, route, method, path, form=None):
        headers = {"Host": f"127.0.0.1:{self.port}", "User-Agent": "stadtlabor-load"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        start = time.perf_counter()
        try:
            status, (response_headers, content) = request(
                self.port, method, path, body, headers, self.timeout
            )
        except (OSError, http.client.HTTPException) as error:
            status, response_headers, content = f"error:{type(error).__name__}", [], b""
        elapsed = (time.perf_counter() - start) * 1000
        for name, value in response_headers:
            if name.lower() == "set-cookie":
                for key, morsel in SimpleCookie(value).items():
                    if morsel.value:
                        self.cookies[key] = morsel.value
                    else:
                        self.cookies.pop(key, None)
        with self.lock:
            self.results.append((route, status, elapsed))
        return status, content

    def login(self):
        self.cookies.clear()
        status, content = self._send("login_form", "GET", "/konto/login/")
        if status != 200:
            return
        match = CSRF_INPUT.search(content)
        status, _ = self._send("login", "POST", "/konto/login/", {
            "login": self.email, "password": PASSWORD,
            "csrfmiddlewaretoken": match.group(1).decode() if match else "",
        })
        self.logged_in = status == 302 and "sessionid" in self.cookies

    def register(self, scenario, attempted):
        if not self.logged_in or self.registered:
            return
        self.registered = True
        with self.lock:
            attempted.append(self.email)
        self._send("register", "POST", scenario.event_path, {"action": "register"})

    def post(self, scenario):
        if not self.logged_in:
            return
        self.posted = True
        self._send("forum_post", "POST", scenario.thread_path,
                   {"body": f"Bei uns hilft eine Zwischennutzung ({time.time():.3f})."})


def warm_up(port, scenario, workers):
    """A few untimed reads of every route first, so that each worker has loaded its
    templates and caches before the clock runs."""
    paths = list(scenario.reads.values()) * (2 * workers)

    def fetch(path):
        try:
            request(port, "GET", path, headers={"Host": f"127.0.0.1:{port}"})
        except OSError:
            pass

    threads = [threading.Thread(target=fetch, args=(p,)) for p in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)


def run_load(port, scenario, clients, duration, seed_value=1, timeout=60):
    """`clients` threads act on `scenario` for `duration` seconds. Returns the results."""
    results, attempted, lock = [], [], threading.Lock()
    deadline = time.monotonic() + duration
    reads = list(scenario.reads.items())
    start_barrier = threading.Barrier(clients)

    def act(number):
        rng = random.Random(seed_value * 1000 + number)
        client = Client(port, scenario.accounts[number], results, lock, timeout)
        if client.email in scenario.sessions:
            client.resume(scenario.sessions[client.email])
        start_barrier.wait(timeout=30)
        route, path = reads[number % len(reads)]  # every route at least once
        client._send(route, "GET", path)
        # Registration opens for everyone in the first seconds, the rest at random.
        register_at = time.monotonic() + rng.uniform(0, min(duration / 2, 10))
        while time.monotonic() < deadline:
            if not client.logged_in or (client.form_login and rng.random() < 0.02):
                client.login()
            elif not client.registered and time.monotonic() >= register_at:
                client.register(scenario, attempted)
            elif not client.posted or rng.random() < 0.1:
                client.post(scenario)
            else:
                route, path = rng.choice(reads)
                client._send(route, "GET", path)
        # Everyone registers and posts once, even a client whose login took the whole
        # duration: the check afterwards counts on every client having sent a registration.
        if not client.logged_in:
            client.login()
        client.register(scenario, attempted)
        if not client.posted:
            client.post(scenario)

    threads = [threading.Thread(target=act, args=(n,), daemon=True) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + timeout + 30)
    return {"results": results, "attempted": attempted, "elapsed": time.monotonic() - started}


def summarise(results):
    by_status = Counter(status for _route, status, _ms in results)
    by_route = defaultdict(list)
    for route, status, elapsed in results:
        by_route[route].append((status, elapsed))
    routes = {}
    for route, rows in sorted(by_route.items()):
        times = sorted(ms for _status, ms in rows)
        routes[route] = {
            "n": len(rows),
            "statuses": Counter(status for status, _ms in rows),
            "p50": statistics.median(times),
            "p95": times[min(len(times) - 1, int(len(times) * 0.95))],
        }
    server_errors = sum(n for s, n in by_status.items() if isinstance(s, int) and s >= 500)
    client_errors = sum(n for s, n in by_status.items() if not isinstance(s, int))
    return {"by_status": by_status, "routes": routes, "5xx": server_errors,
            "errors": client_errors}


def print_report(summary, check, elapsed, max_connections, args):
    total = sum(summary["by_status"].values())
    print(f"\n{args.clients} Clients, {elapsed:.0f} s, {args.workers} gunicorn-Worker × "
          f"{args.threads} Threads, max_connections={max_connections}")
    print(f"{total} Antworten, {total / elapsed:.1f} je Sekunde")
    print("Antworten nach Status: " + ", ".join(
        f"{status}: {n}" for status, n in sorted(summary["by_status"].items(), key=str)))
    print(f"5xx: {summary['5xx']}   Verbindungsfehler/Zeitüberschreitungen: {summary['errors']}")
    print("\n| Route | Anfragen | Status | p50 ms | p95 ms |")
    print("| --- | ---: | --- | ---: | ---: |")
    for route, row in summary["routes"].items():
        statuses = " ".join(f"{s}×{n}" for s, n in sorted(row["statuses"].items(), key=str))
        print(f"| {route} | {row['n']} | {statuses} | {row['p50']:.0f} | {row['p95']:.0f} |")
    print(f"\nAnmeldungen gesendet: {check['sent']}; bestätigt: {check['confirmed']} "
          f"(Plätze: {args.seats}); Warteliste: {check['waitlisted']}; anders: {check['other']}")
    print(f"Gesendet, aber nicht in der Datenbank: {len(check['missing'])}; "
          f"in der Datenbank, aber nicht gesendet: {len(check['unexpected'])}")


def failures(summary, check, seats):
    problems = []
    if summary["5xx"]:
        problems.append(f"{summary['5xx']} Antworten 5xx")
    if summary["errors"]:
        problems.append(f"{summary['errors']} Verbindungsfehler")
    if check["sent"] >= seats and check["confirmed"] != seats:
        problems.append(f"{check['confirmed']} bestätigt statt {seats}")
    if check["missing"] or check["unexpected"] or check["other"]:
        problems.append("Anmeldungen nicht vollständig verbucht")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seats", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60,
                        help="Sekunden, die ein Client auf eine Antwort wartet")
    parser.add_argument("--library", type=int, default=30,
                        help="Praxisbeispiele, die mindestens vorhanden sein sollen")
    parser.add_argument("--form-logins", type=int, default=None,
                        help="Clients, die sich über das Formular anmelden (Standard: 1/8); "
                             "die übrigen beginnen mit einer fertigen Sitzung")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        parser.error("DATABASE_URL muss auf eine PostgreSQL-Datenbank zeigen (eine eigene).")

    work = Path(tempfile.mkdtemp(prefix="stadtlabor-load-"))
    env = server_env(database_url, work)
    os.environ.update({k: v for k, v in env.items() if k != "DATABASE_POOL"})
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    scenario = seed(args.clients, args.seats, args.library, args.form_logins)
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        max_connections = cursor.fetchone()[0]
    connections.close_all()
    print(f"Geseedet: {len(scenario.accounts)} Konten, Veranstaltung {scenario.event_path} "
          f"mit {args.seats} Plätzen; Server startet …", flush=True)

    with Gunicorn(env, args.workers, args.threads) as server:
        warm_up(server.port, scenario, args.workers)
        outcome = run_load(server.port, scenario, args.clients, args.duration,
                           timeout=args.timeout)
        log = server.log_text()
    summary = summarise(outcome["results"])
    check = check_registrations(scenario, outcome["attempted"])
    print_report(summary, check, outcome["elapsed"], max_connections, args)
    problems = failures(summary, check, args.seats)
    if problems:
        print("\nFEHLER: " + "; ".join(problems))
        print("Server-Log (Ende):\n" + log[-3000:])
        sys.exit(1)
    print("\nOK: keine 5xx, genau die Plätze vergeben, jede Anmeldung verbucht.")


if __name__ == "__main__":
    main()
