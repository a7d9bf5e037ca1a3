"""Live room under load: real daphne processes, the Redis channel layer, and websocket
clients in separate OS processes.

    REDIS_URL=redis://127.0.0.1:6379/13 nice -n 10 .venv/bin/python bench/live_room.py \\
        --clients 50 --rate 5 --duration 60

    createdb -h 127.0.0.1 -U postgres liveroom_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/liveroom_bench \\
    REDIS_URL=redis://127.0.0.1:6379/13 nice -n 10 .venv/bin/python bench/live_room.py \\
        --clients 500 --servers 2 --workers 4 --rate 5 --duration 60

What it does (needs `websockets`, in the dev extra):

1. Prepares a database (a throwaway SQLite file, or DATABASE_URL, migrated), one live
   WebTalk, N registered participants plus the authors of the burst (below) and a signed-in
   session for each participant, all in bulk: no password is hashed.
2. Starts --servers daphne processes serving config.asgi:application on free ports with
   DJANGO_DEBUG=0 and REDIS_URL: the channels-redis layer is the only link between them.
3. Starts --workers client processes; each opens its share of the N websockets (session
   cookie, Origin header), spread over the servers, and reports when all are connected.
4. Steady phase: --senders participants post chat messages at --rate messages/s in total
   for --duration seconds, each text carrying a unique id and the send time (the
   wall clock; all processes run on this machine). Every client records when each
   message arrives. Meanwhile --wanderers clients drop their connection (no close
   handshake) for --away seconds and come back the way static/js/live-room.js does:
   reconnect with exponential backoff, `?after=<last id>`, then `sync` pages while the
   server says `more`.
5. Catch-up beyond one page: the wanderers drop again, the bench process posts --burst
   messages (more than the 200 of a history page) through `services.post_live_message`
   (stored, broadcast over Redis to everyone connected), then the wanderers come back and
   must page through all of them.
6. Every client must end with every stored bench message (live or caught up). The table
   shows lost deliveries, duplicates, delivery latency (p50/p95/max, steady phase and burst
   apart), connection failures, unexpected closes (1011 = a consumer crash), tracebacks in
   the daphne logs, sender errors, messages sent vs. stored, and the CPU seconds spent by
   daphne, Redis, the database server (PostgreSQL only) and the client processes.

Exit status 1 when a target is missed: a lost delivery, a crash, a stored message count
that does not match, a client that never connected, or p95 above --p95-target (500 ms).
--profile runs daphne under cProfile and prints where its time went. Uses the Redis
database of REDIS_URL (or --redis-url), which it empties of the layer's keys (prefix
"stadtlabor") first. Not a test.
"""

import argparse
import asyncio
import datetime
import json
import math
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
ORIGIN = "http://localhost"
TICK = os.sysconf("SC_CLK_TCK")


# --- orchestrator: database, servers, workers --------------------------------------------


def configure(args):
    workdir = Path(tempfile.mkdtemp(prefix="stadtlabor-liveroom-"))
    os.environ["REDIS_URL"] = args.redis_url
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-" + secrets.token_hex(32))
    os.environ["ALLOWED_HOSTS"] = "localhost,127.0.0.1"
    os.environ["STADTLABOR_VAR_DIR"] = str(workdir)
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if not os.environ.get("DATABASE_URL"):
        os.environ["SQLITE_PATH"] = str(workdir / "bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.core.management import call_command

    print("Datenbank wird vorbereitet (migrate) …", flush=True)
    call_command("migrate", verbosity=0, interactive=False)
    return workdir


def flush_redis(url):
    import redis

    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter("stadtlabor*", count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start : start + 1000])
    return client


def build_room(participants, burst_authors):
    """One live event, `participants` + `burst_authors` confirmed registrants, and a
    session cookie for each participant (bulk: no password hashing, no login request)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from wagtail.models import Locale, Page, Site

    from network.models import HomePage, User
    from webtalks.models import EventIndexPage, EventPage, Registration

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(instance=HomePage(title="Start", slug="start"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
    index = home.add_child(instance=EventIndexPage(title="Veranstaltungen", slug="veranstaltungen"))
    start = timezone.now() - datetime.timedelta(minutes=5)
    event = index.add_child(
        instance=EventPage(
            title="Bench-WebTalk",
            slug="bench",
            kind="webtalk",
            intro="Messung",
            start=start,
            end=start + datetime.timedelta(hours=3),
        )
    )
    total = participants + burst_authors
    # "!" + random: an unusable password, as for accounts that log in elsewhere.
    User.objects.bulk_create(
        [
            User(
                email=f"live{i}@example.org",
                first_name="Live",
                last_name=str(i),
                password="!" + secrets.token_hex(8),
            )
            for i in range(total)
        ],
        batch_size=500,
    )
    users = list(User.objects.filter(email__startswith="live").order_by("pk"))
    now = timezone.now()
    Registration.objects.bulk_create(
        [
            Registration(
                event=event, user=u, name=u.email, email=u.email, status="confirmed", queued_at=now
            )
            for u in users
        ],
        batch_size=500,
    )
    store = SessionStore()
    expires = now + datetime.timedelta(days=1)
    sessions = []
    for user in users[:participants]:
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        sessions.append(
            Session(session_key=secrets.token_hex(16), session_data=store.encode(data),
                    expire_date=expires)
        )
    Session.objects.bulk_create(sessions, batch_size=500)
    cookies = [f"{settings.SESSION_COOKIE_NAME}={s.session_key}" for s in sessions]
    return event, cookies, users[participants:]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"daphne auf Port {port} ist beendet ({process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"daphne auf Port {port} antwortet nicht")


def start_servers(count, workdir, profile=False):
    servers = []
    for number in range(count):
        port = free_port()
        log = open(workdir / f"daphne-{number}.log", "w")  # noqa: SIM115 - closed at the end
        # --profile: cProfile writes daphne-N.prof when daphne stops (SIGTERM ends it cleanly).
        profiler = ["-m", "cProfile", "-o", str(workdir / f"daphne-{number}.prof")]
        process = subprocess.Popen(
            [PYTHON, *(profiler if profile else []), "-m", "daphne", "-b", "127.0.0.1",
             "-p", str(port), "config.asgi:application"],
            cwd=REPO,
            env=os.environ.copy(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        servers.append({"port": port, "process": process, "log": log})
    for server in servers:
        wait_for_port(server["port"], server["process"])
    return servers


def cpu_seconds(pid):
    """User + system CPU seconds of a process (and its waited-for children)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return sum(int(value) for value in fields[11:15]) / TICK


def run_queue_seconds(pid):
    """Seconds the process's threads were runnable but waited for a CPU (schedstat)."""
    total = 0
    for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        try:
            total += int(stat.read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return total / 1e9


def redis_cpu(client):
    info = client.info("cpu")
    return info["used_cpu_sys"] + info["used_cpu_user"]


def postgres_cpu():
    """CPU seconds of the PostgreSQL backends serving this bench's database (other
    databases on the server are not ours), or nan on SQLite."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return float("nan")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
        pids = [row[0] for row in cursor.fetchall()]
    return sum(seconds for seconds in map(cpu_seconds, pids) if seconds == seconds)


class Worker:
    def __init__(self, number, config_path, log_path):
        self.number = number
        self.log = open(log_path, "w")  # noqa: SIM115 - closed at the end
        self.process = subprocess.Popen(
            [PYTHON, __file__, "--worker", str(config_path)],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
            bufsize=1,
        )

    def tell(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def expect(self, word):
        line = self.process.stdout.readline()
        if not line.startswith(word):
            raise RuntimeError(
                f"Client-Prozess {self.number}: {line.strip()!r} statt {word!r} "
                f"(Log: {self.log.name})"
            )
        return line.split()[1:]


def post_burst(event_id, authors, count):
    """`count` messages through the service, as fast as the database allows; each author
    stays under the rate limit (RATE_LIMIT_MESSAGES per window)."""
    from asgiref.sync import sync_to_async

    from webtalks import services
    from webtalks.services import live as live_services

    per_author = live_services.RATE_LIMIT_MESSAGES - 1

    async def burst():
        for number in range(count):
            author = authors[number // per_author]
            await sync_to_async(services.post_live_message)(
                author, event_id, "chat", f"bench b{number} {time.time():.6f}"
            )

    started = time.monotonic()
    asyncio.run(burst())
    return time.monotonic() - started


CRASH_PATTERNS = re.compile(r"Traceback|Exception inside application|TimeoutError|1011")


def scan_logs(paths):
    crashes, samples = 0, []
    for path in paths:
        for line in Path(path).read_text(errors="replace").splitlines():
            if CRASH_PATTERNS.search(line):
                crashes += line.startswith("Traceback") or "Exception inside" in line
                if len(samples) < 5:
                    samples.append(f"{Path(path).name}: {line.strip()[:160]}")
    return crashes, samples


def percentile(values, fraction):
    if not values:
        return float("nan")
    return values[min(len(values) - 1, max(0, math.ceil(len(values) * fraction) - 1))]


def run(args):
    if args.burst and args.wanderers == 0:
        args.burst = 0
    workdir = configure(args)
    from django.conf import settings
    from django.db import connection

    from webtalks.models import LiveMessage
    from webtalks.services import live as live_services

    redis_client = flush_redis(args.redis_url)
    layer = settings.CHANNEL_LAYERS["default"]["BACKEND"]
    print(f"Channel-Layer: {layer}, Datenbank: {connection.vendor}, Arbeitsordner {workdir}",
          flush=True)
    per_author = live_services.RATE_LIMIT_MESSAGES - 1
    authors_needed = math.ceil(args.burst / per_author) if args.burst else 0
    started = time.monotonic()
    event, cookies, authors = build_room(args.clients, authors_needed)
    print(f"{args.clients} Teilnehmende mit Sitzung, {authors_needed} Burst-Autor*innen "
          f"({time.monotonic() - started:.1f} s)", flush=True)
    # Senders: each may post RATE_LIMIT_MESSAGES per window; stay at half of that.
    window = live_services.RATE_LIMIT_WINDOW.total_seconds()
    senders = args.senders or max(
        1, math.ceil(args.rate * window / (live_services.RATE_LIMIT_MESSAGES / 2))
    )
    senders = min(senders, args.clients)
    step = args.clients / senders
    sender_indexes = sorted({int(i * step) for i in range(senders)})
    others = [i for i in range(args.clients) if i not in set(sender_indexes)]
    wanderer_indexes = set(random.Random(14).sample(others, min(args.wanderers, len(others))))
    messages = int(args.rate * args.duration)
    schedule = {}  # client index -> [message number]
    for number in range(messages):
        schedule.setdefault(sender_indexes[number % len(sender_indexes)], []).append(number)

    servers = start_servers(args.servers, workdir, profile=args.profile)
    print(f"{args.servers} daphne-Prozess(e) auf Port(s) "
          f"{', '.join(str(s['port']) for s in servers)}", flush=True)
    path = f"/ws/veranstaltungen/{event.pk}/live/"
    workers = []
    try:
        for number in range(args.workers):
            mine = list(range(number, args.clients, args.workers))
            config = {
                "clients": [
                    {
                        "index": i,
                        "url": f"ws://127.0.0.1:{servers[i % len(servers)]['port']}{path}",
                        "cookie": cookies[i],
                        "sends": schedule.get(i, []),
                        "wanderer": i in wanderer_indexes,
                    }
                    for i in mine
                ],
                "rate": args.rate,
                "away_at": args.duration / 3,
                "away": args.away,
                "connect_concurrency": args.connect_concurrency,
                "result": str(workdir / f"worker-{number}.json"),
            }
            config_path = workdir / f"worker-{number}-config.json"
            config_path.write_text(json.dumps(config))
            workers.append(Worker(number, config_path, workdir / f"worker-{number}.log"))
        connect_started = time.monotonic()
        failed_connects = connected = 0
        for worker in workers:
            ready, failed = worker.expect("ready")
            connected += int(ready)
            failed_connects += int(failed)
        connect_seconds = time.monotonic() - connect_started
        print(f"{args.clients} Clients in {args.workers} Prozessen verbunden "
              f"({connect_seconds:.1f} s, {failed_connects} Fehlversuche)", flush=True)
        time.sleep(args.settle)

        cpu_before = {
            "daphne": sum(cpu_seconds(s["process"].pid) for s in servers),
            "redis": redis_cpu(redis_client),
            "postgres": postgres_cpu(),
            "clients": sum(cpu_seconds(w.process.pid) for w in workers),
            "daphne_wait": sum(run_queue_seconds(s["process"].pid) for s in servers),
            "clients_wait": sum(run_queue_seconds(w.process.pid) for w in workers),
        }
        t0 = time.monotonic() + 1.0
        for worker in workers:
            worker.tell(f"go {t0:.6f}")
        print(f"Gleichmäßige Phase: {messages} Nachrichten mit {args.rate}/s von "
              f"{len(sender_indexes)} Sendenden, {len(wanderer_indexes)} Clients "
              f"{args.away:.0f} s weg ab {args.duration / 3:.0f} s …", flush=True)
        time.sleep(max(0.0, t0 + args.duration + 3 - time.monotonic()))
        for worker in workers:
            worker.expect("sent")
        wall = time.monotonic() - t0
        cpu_after = {
            "daphne": sum(cpu_seconds(s["process"].pid) for s in servers),
            "redis": redis_cpu(redis_client),
            "postgres": postgres_cpu(),
            "clients": sum(cpu_seconds(w.process.pid) for w in workers),
            "daphne_wait": sum(run_queue_seconds(s["process"].pid) for s in servers),
            "clients_wait": sum(run_queue_seconds(w.process.pid) for w in workers),
        }

        burst_seconds = 0.0
        if args.burst:
            for worker in workers:
                worker.tell("leave")
            for worker in workers:
                worker.expect("left")
            print(f"Burst: {args.burst} Nachrichten, während {len(wanderer_indexes)} Clients "
                  "getrennt sind …", flush=True)
            burst_seconds = post_burst(event.pk, authors, args.burst)
            for worker in workers:
                worker.tell("return")

        stored = list(
            LiveMessage.objects.filter(event=event, text__startswith="bench ")
            .order_by("pk")
            .values_list("text", flat=True)
        )
        stored_ids = [text.split()[1] for text in stored]
        # Send → stored: the first half of a delivery (consumer, services, database).
        to_stored = sorted(
            (created.timestamp() - float(text.split()[2])) * 1000
            for text, created in LiveMessage.objects.filter(
                event=event, text__startswith="bench s"
            ).values_list("text", "created_at")
        )
        expected_path = workdir / "expected.json"
        expected_path.write_text(json.dumps(stored_ids))
        for worker in workers:
            worker.tell(f"finish {expected_path} {args.drain}")
        results = []
        for worker in workers:
            worker.expect("done")
            results.append(json.loads(Path(json.loads(
                (workdir / f"worker-{worker.number}-config.json").read_text()
            )["result"]).read_text()))
    finally:
        for worker in workers:
            if worker.process.poll() is None:
                worker.process.kill()
            worker.process.wait()
            worker.log.close()
        for server in servers:
            server["process"].terminate()
        for server in servers:
            try:
                server["process"].wait(timeout=10)
            except subprocess.TimeoutExpired:
                server["process"].kill()
            server["log"].close()

    crashes, samples = scan_logs([s["log"].name for s in servers])
    steady = sorted(x for r in results for x in r["latency_steady"])
    fanout = sorted(x for r in results for x in r["fanout_steady"])
    burst = sorted(x for r in results for x in r["latency_burst"])
    clients = [c for r in results for c in r["clients"]]
    lost = sum(c["missing"] for c in clients)
    duplicates = sum(c["duplicates"] for c in clients)
    expected_deliveries = len(stored_ids) * args.clients
    sent = sum(c["sent"] for c in clients)
    send_errors = sum(c["errors"] for c in clients)
    closes = {}
    for client in clients:
        for code in client["unexpected_closes"]:
            closes[str(code)] = closes.get(str(code), 0) + 1
    wanderers = [c for c in clients if c["wanderer"]]
    caught_up = sum(c["via_history"] for c in wanderers)
    largest_gap = max((c["largest_catchup"] for c in wanderers), default=0)
    pages = sum(c["history_pages"] for c in wanderers)
    attempts = sum(c["reconnect_attempts"] for c in clients)
    steady_seconds = cpu_after["daphne"] - cpu_before["daphne"]

    def ms(values, fraction):
        return f"{percentile(values, fraction):.0f}"

    rows = [
        ("Clients / daphne-Prozesse / Client-Prozesse",
         f"{args.clients} / {args.servers} / {args.workers}"),
        ("Verbindungsaufbau", f"{connected} verbunden in {connect_seconds:.1f} s, "
         f"{failed_connects} Versuche wiederholt"),
        ("Nachrichten gesendet / Fehler an Sendende / gespeichert",
         f"{sent} + {args.burst} Burst / {send_errors} / {len(stored_ids)}"),
        ("Zustellungen erwartet / erhalten", f"{expected_deliveries} / "
         f"{expected_deliveries - lost}"),
        ("verloren / doppelt", f"{lost} / {duplicates}"),
        ("Latenz gleichmäßig p50 / p95 / max (ms)",
         f"{ms(steady, 0.5)} / {ms(steady, 0.95)} / {ms(steady, 1.0)}  ({len(steady)} live)"),
        ("  davon gesendet → gespeichert p50 / p95 / max (ms)",
         f"{ms(to_stored, 0.5)} / {ms(to_stored, 0.95)} / {ms(to_stored, 1.0)}"),
        ("  davon gespeichert → beim Client p50 / p95 / max (ms)",
         f"{ms(fanout, 0.5)} / {ms(fanout, 0.95)} / {ms(fanout, 1.0)}"),
        ("Latenz Burst p50 / p95 / max (ms)",
         f"{ms(burst, 0.5)} / {ms(burst, 0.95)} / {ms(burst, 1.0)}  "
         f"({args.burst} in {burst_seconds:.1f} s gespeichert)"),
        ("unerwartete Abbrüche (Code: Anzahl)", json.dumps(closes) if closes else "0"),
        ("Tracebacks in den daphne-Logs", str(crashes)),
        ("Wiederverbindungen: Clients / Versuche", f"{len(wanderers)} / {attempts}"),
        ("nachgeladen / größte Lücke / Seiten",
         f"{caught_up} / {largest_gap} / {pages}"),
        ("CPU-s in der gleichmäßigen Phase (daphne / Redis / PostgreSQL / Clients)",
         f"{steady_seconds:.1f} / {cpu_after['redis'] - cpu_before['redis']:.1f} / "
         f"{cpu_after['postgres'] - cpu_before['postgres']:.1f} / "
         f"{cpu_after['clients'] - cpu_before['clients']:.1f}  in {wall:.0f} s"),
        ("  auf eine freie CPU gewartet (daphne / Clients), s",
         f"{cpu_after['daphne_wait'] - cpu_before['daphne_wait']:.1f} / "
         f"{cpu_after['clients_wait'] - cpu_before['clients_wait']:.1f}"),
    ]
    width = max(len(label) for label, _value in rows)
    print()
    print(f"{'Live-Raum':<{width}} | Wert")
    print(f"{'-' * width}-|-{'-' * 40}")
    for label, value in rows:
        print(f"{label:<{width}} | {value}")
    for sample in samples:
        print("  Log:", sample)
    missing_ids = sorted({i for c in clients for i in c["missing_sample"]})
    if missing_ids:
        print("  fehlend z. B.:", " ".join(missing_ids[:10]))
    if args.profile:
        import pstats

        for server in range(args.servers):
            path = workdir / f"daphne-{server}.prof"
            if path.exists():
                print(f"\ndaphne {server}, Funktionen nach eigener Zeit:")
                pstats.Stats(str(path)).sort_stats("tottime").print_stats(25)
                pstats.Stats(str(path)).sort_stats("cumulative").print_stats(40)
    p95 = percentile(steady, 0.95)
    failures = []
    if lost:
        failures.append(f"{lost} Zustellungen verloren")
    if crashes or closes.get("1011"):
        failures.append("Verbraucher abgestürzt")
    if len(stored_ids) != sent - send_errors + args.burst:
        failures.append("gespeichert ≠ gesendet − Fehler")
    if not steady or p95 > args.p95_target:
        failures.append(f"p95 {p95:.0f} ms > {args.p95_target:.0f} ms")
    # A refused or timed-out handshake that the client retried with backoff is what the
    # backoff is for (reported above); a client that never got in is a failure.
    if connected < args.clients:
        failures.append(f"{args.clients - connected} Clients nie verbunden")
    print("\nZiel erreicht." if not failures else "\nZiel verfehlt: " + "; ".join(failures))
    if connection.vendor == "postgresql":
        LiveMessage.objects.filter(event=event).delete()
    return 1 if failures else 0


# --- worker: one OS process with many websocket clients ----------------------------------


class Client:
    """One participant's websocket, reconnecting like static/js/live-room.js."""

    def __init__(self, spec, stats):
        self.spec = spec
        self.stats = stats
        self.url = spec["url"]
        self.headers = {"Cookie": spec["cookie"], "Origin": ORIGIN}
        self.socket = None
        self.connected = asyncio.Event()
        self.stay_away = False
        self.closing = False
        self.last_id = 0
        self.live = set()
        self.seen = set()
        self.duplicates = 0
        self.via_history = 0
        self.catchup_count = 0
        self.largest_catchup = 0
        self.history_pages = 0
        self.sent = 0
        self.errors = 0
        self.error_samples = []
        self.unexpected_closes = []
        self.reconnect_attempts = 0
        self.failed_connects = 0
        self.complete = asyncio.Event()
        self.expected = None

    async def run(self):
        import websockets

        delay = 0.5
        while not self.closing:
            if self.stay_away:
                await asyncio.sleep(0.05)
                continue
            url = self.url + (f"?after={self.last_id}" if self.last_id else "")
            self.reconnect_attempts += self.connected.is_set()
            try:
                async with websockets.connect(
                    url,
                    additional_headers=self.headers,
                    open_timeout=60,
                    ping_interval=None,
                    compression=None,
                    max_queue=None,
                ) as ws:
                    self.socket = ws
                    delay = 0.5
                    self.catchup_count = 0
                    async for raw in ws:
                        self.handle(json.loads(raw))
                    code = ws.close_code
                    if not self.closing and not self.stay_away:
                        self.unexpected_closes.append(code)
                        if code in (4401, 4403):
                            return
            except (TimeoutError, OSError, websockets.WebSocketException) as error:
                if self.closing:
                    return
                if not self.stay_away:
                    self.failed_connects += not self.connected.is_set()
                    code = getattr(getattr(error, "rcvd", None), "code", None)
                    if code is not None:
                        self.unexpected_closes.append(code)
            finally:
                self.socket = None
            if self.closing:
                return
            if not self.stay_away:
                # Backoff with jitter, doubling up to 10 s, as the browser client does.
                await asyncio.sleep(delay * random.uniform(0.5, 1.0))
                delay = min(delay * 2, 10)

    def handle(self, data):
        kind = data.get("type")
        now = time.time()
        if kind in ("welcome", "history"):
            self.connected.set()
            if kind == "history" or self.last_id:
                self.history_pages += 1
            for message in data["history"]:
                self.record(message, None)
            if data.get("more"):
                asyncio.ensure_future(self.send({"action": "sync", "after": self.last_id}))
        elif kind == "message":
            self.record(data["message"], now)
        elif kind == "error":
            self.errors += 1
            if len(self.error_samples) < 3:
                self.error_samples.append(data.get("message", ""))

    def record(self, message, received_at):
        self.last_id = max(self.last_id, message["id"])
        parts = message["text"].split()
        if len(parts) != 3 or parts[0] != "bench":
            return
        bench_id = parts[1]
        if received_at is not None:
            if bench_id in self.live:
                self.duplicates += 1
                return
            self.live.add(bench_id)
            latency = (received_at - float(parts[2])) * 1000
            bucket = "latency_steady" if bench_id[0] == "s" else "latency_burst"
            self.stats[bucket].append(round(latency, 1))
            if bench_id[0] == "s":
                stored_at = datetime.datetime.fromisoformat(message["created_at"]).timestamp()
                self.stats["fanout_steady"].append(round((received_at - stored_at) * 1000, 1))
        elif bench_id not in self.seen:
            self.via_history += 1
            self.catchup_count += 1
            self.largest_catchup = max(self.largest_catchup, self.catchup_count)
        self.seen.add(bench_id)
        if (
            self.expected is not None
            and len(self.seen) >= len(self.expected)
            and self.expected <= self.seen
        ):
            self.complete.set()

    async def send(self, payload):
        ws = self.socket
        if ws is not None:
            try:
                await ws.send(json.dumps(payload))
                return True
            except Exception:  # noqa: BLE001 - a dropped socket; the reconnect loop retries
                return False
        return False

    def drop(self):
        """Lose the connection without a close handshake, like a train into a tunnel."""
        self.stay_away = True
        ws = self.socket
        if ws is not None:
            ws.transport.abort()

    async def post(self, number, at):
        await asyncio.sleep(max(0.0, at - time.monotonic()))
        if await self.send(
            {"action": "chat", "text": f"bench s{number} {time.time():.6f}"}
        ):
            self.sent += 1

    def report(self):
        missing = len(self.expected - self.seen) if self.expected is not None else -1
        return {
            "index": self.spec["index"],
            "wanderer": self.spec["wanderer"],
            "missing": missing,
            "missing_sample": sorted(self.expected - self.seen)[:5] if missing > 0 else [],
            "duplicates": self.duplicates,
            "via_history": self.via_history,
            "largest_catchup": self.largest_catchup,
            "history_pages": self.history_pages,
            "sent": self.sent,
            "errors": self.errors,
            "error_samples": self.error_samples,
            "unexpected_closes": self.unexpected_closes,
            "reconnect_attempts": self.reconnect_attempts,
            "failed_connects": self.failed_connects,
        }


async def worker_main(config_path):
    config = json.loads(Path(config_path).read_text())
    stats = {"latency_steady": [], "latency_burst": [], "fanout_steady": []}
    clients = [Client(spec, stats) for spec in config["clients"]]
    tasks = []
    gate = asyncio.Semaphore(config["connect_concurrency"])

    async def start(client):
        async with gate:
            tasks.append(asyncio.ensure_future(client.run()))
            await asyncio.wait_for(client.connected.wait(), 120)

    async def readline():
        return (await asyncio.to_thread(sys.stdin.readline)).split()

    def say(*words):
        print(*words, flush=True)

    results = await asyncio.gather(*(start(c) for c in clients), return_exceptions=True)
    failed = sum(isinstance(r, BaseException) for r in results) + sum(
        c.failed_connects for c in clients
    )
    say("ready", sum(c.connected.is_set() for c in clients), failed)

    command = await readline()
    t0 = float(command[1])
    interval = 1 / config["rate"]
    sends = [
        asyncio.ensure_future(client.post(number, t0 + number * interval))
        for client in clients
        for number in client.spec["sends"]
    ]
    wanderers = [c for c in clients if c.spec["wanderer"]]

    async def wander(client):
        await asyncio.sleep(max(0.0, t0 + config["away_at"] - time.monotonic()))
        client.drop()
        await asyncio.sleep(config["away"])
        client.stay_away = False

    await asyncio.gather(*sends, *(wander(c) for c in wanderers))
    say("sent")

    while True:
        command = await readline()
        if not command:
            break
        if command[0] == "leave":
            for client in wanderers:
                client.drop()
            say("left")
        elif command[0] == "return":
            for client in wanderers:
                client.stay_away = False
        elif command[0] == "finish":
            expected = set(json.loads(Path(command[1]).read_text()))
            for client in clients:
                client.expected = expected
                if expected <= client.seen:
                    client.complete.set()
            try:
                await asyncio.wait_for(
                    asyncio.gather(*(c.complete.wait() for c in clients)), float(command[2])
                )
            except TimeoutError:
                pass
            for client in clients:
                client.closing = True
                if client.socket is not None:
                    await client.socket.close()
            await asyncio.gather(*tasks, return_exceptions=True)
            Path(config["result"]).write_text(json.dumps({
                **stats, "clients": [c.report() for c in clients]
            }))
            say("done")
            break


def main():
    # SIGTERM (timeout, kill) runs the cleanup too: no daphne or client process is left.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        asyncio.run(worker_main(sys.argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50, help="Teilnehmende (Websockets)")
    parser.add_argument("--servers", type=int, default=1, help="daphne-Prozesse")
    parser.add_argument("--workers", type=int, default=2, help="Client-Prozesse")
    parser.add_argument("--rate", type=float, default=5.0, help="Nachrichten je Sekunde")
    parser.add_argument("--duration", type=float, default=60.0, help="Sekunden")
    parser.add_argument("--senders", type=int, default=0,
                        help="Sendende (Standard: so viele, dass niemand ans Limit stößt)")
    parser.add_argument("--wanderers", type=int, default=5,
                        help="Clients, die zwischendurch die Verbindung verlieren")
    parser.add_argument("--away", type=float, default=8.0, help="Sekunden ohne Verbindung")
    parser.add_argument("--burst", type=int, default=250,
                        help="Nachrichten, während die Wandernden weg sind (> 200: mehrere Seiten)")
    parser.add_argument("--settle", type=float, default=3.0,
                        help="Sekunden Ruhe nach dem Verbindungsaufbau")
    parser.add_argument("--drain", type=float, default=90.0,
                        help="höchstens so lange auf die letzten Zustellungen warten")
    parser.add_argument("--connect-concurrency", type=int, default=8,
                        help="gleichzeitige Verbindungsaufbauten je Client-Prozess")
    parser.add_argument("--profile", action="store_true",
                        help="daphne unter cProfile; druckt die teuersten Funktionen")
    parser.add_argument("--p95-target", type=float, default=500.0, help="ms")
    parser.add_argument("--redis-url",
                        default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/13"))
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
