"""Live-room throughput and latency with the Redis channel layer.

Opens N websocket clients to one live room through the real ASGI stack (origin check,
session auth, consumer, services, database) in-process with Channels' communicators,
then has participants post messages and measures, per delivered copy, the delay from
sending to receipt. Prints delivered messages per second and p50/p95 latency.

    REDIS_URL=redis://127.0.0.1:6379/13 .venv/bin/python bench/live_room.py --clients 50 200 500

Uses a throwaway SQLite database (or DATABASE_URL) and DEBUG off. Not a test.
"""

import argparse
import asyncio
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def configure():
    workdir = Path(tempfile.mkdtemp(prefix="stadtlabor-bench-"))
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/13")
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-" + os.urandom(16).hex())
    os.environ["ALLOWED_HOSTS"] = "localhost"
    os.environ["STADTLABOR_VAR_DIR"] = str(workdir)
    if not os.environ.get("DATABASE_URL"):
        os.environ["SQLITE_PATH"] = str(workdir / "bench.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.core.management import call_command

    print("Datenbank wird vorbereitet (migrate) …", flush=True)
    call_command("migrate", verbosity=0, interactive=False)
    return workdir


def build_room(max_clients):
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
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
    users = User.objects.bulk_create(
        [
            User(email=f"bench{i}@example.org", first_name="Bench", last_name=str(i))
            for i in range(max_clients)
        ]
    )
    users = list(User.objects.order_by("pk"))
    Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                user=u,
                name=u.email,
                email=u.email,
                status="confirmed",
                queued_at=timezone.now(),
            )
            for u in users
        ]
    )
    cookies = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}".encode())
    return event, cookies


class Client:
    def __init__(self, application, path, cookie):
        from channels.testing import WebsocketCommunicator

        self.comm = WebsocketCommunicator(
            application, path, headers=[(b"origin", b"http://localhost"), (b"cookie", cookie)]
        )
        self.latencies = []
        self.last_received = time.perf_counter()
        self.task = None

    async def open(self):
        connected, code = await self.comm.connect(timeout=60)
        if not connected:
            raise RuntimeError(f"Verbindung abgelehnt ({code})")
        self.task = asyncio.ensure_future(self.read())

    async def read(self):
        import json

        while True:
            raw = await self.comm.output_queue.get()
            if raw.get("type") != "websocket.send":
                return
            self.last_received = time.perf_counter()
            data = json.loads(raw["text"])
            if data["type"] == "message" and data["message"]["text"].startswith("bench "):
                sent_at = float(data["message"]["text"].split()[1])
                self.latencies.append(time.perf_counter() - sent_at)


async def run_round(application, event, cookies, clients_count, messages):
    path = f"/ws/veranstaltungen/{event.pk}/live/"
    clients = [Client(application, path, cookie) for cookie in cookies[:clients_count]]
    started = time.perf_counter()
    for batch in range(0, len(clients), 25):
        await asyncio.gather(*(c.open() for c in clients[batch : batch + 25]))
    connect_seconds = time.perf_counter() - started
    # Every arrival is broadcast to everyone (N² presence events): let that settle first.
    settle_deadline = time.perf_counter() + 120
    while time.perf_counter() < settle_deadline:
        await asyncio.sleep(0.5)
        if time.perf_counter() - max(c.last_received for c in clients) > 1.0:
            break
    settle_seconds = time.perf_counter() - started - connect_seconds
    expected = clients_count * messages
    first_send = time.perf_counter()
    for number in range(messages):
        # Different senders: the room allows each person a few messages per 10 seconds.
        sender = clients[number % len(clients)]
        await sender.comm.send_json_to(
            {"action": "chat", "text": f"bench {time.perf_counter()} {number}"}
        )
        await asyncio.sleep(0.02)
    deadline = time.perf_counter() + 60
    while sum(len(c.latencies) for c in clients) < expected and time.perf_counter() < deadline:
        await asyncio.sleep(0.05)
    elapsed = time.perf_counter() - first_send
    latencies = sorted(latency for c in clients for latency in c.latencies)
    for client in clients:
        client.task.cancel()
    await asyncio.gather(*(c.comm.disconnect(timeout=5) for c in clients), return_exceptions=True)
    delivered = len(latencies)
    p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
    p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000 if latencies else float("nan")
    print(
        f"{clients_count:>5} Clients | Verbindungsaufbau {connect_seconds:6.1f} s "
        f"(+{settle_seconds:5.1f} s Anwesenheit) | "
        f"zugestellt {delivered}/{expected} | {delivered / elapsed:8.0f} Nachr./s | "
        f"p50 {p50:7.1f} ms | p95 {p95:7.1f} ms",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[50, 200, 500])
    parser.add_argument("--messages", type=int, default=20, help="Nachrichten je Runde")
    args = parser.parse_args()
    configure()
    from asgiref.sync import sync_to_async
    from django.conf import settings

    from config.asgi import application
    from webtalks.models import LiveMessage, LivePresence

    print(f"Channel-Layer: {settings.CHANNEL_LAYERS['default']['BACKEND']}", flush=True)
    event, cookies = build_room(max(args.clients))

    async def all_rounds():
        for count in args.clients:
            await sync_to_async(LiveMessage.objects.all().delete)()
            await sync_to_async(LivePresence.objects.all().delete)()
            await run_round(application, event, cookies, count, args.messages)

    asyncio.run(all_rounds())


if __name__ == "__main__":
    main()
