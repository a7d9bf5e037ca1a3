"""Browser tests: Playwright driving the system Chromium against the live test server.

Chromium is looked up at CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser.
Without one the tests skip with a clear message, unless REQUIRE_BROWSER=1 (CI), where a
missing browser is a failure. Requests to any host but the live server are blocked and
recorded, so a page that would call a third party fails its test.

Helpers for the tests themselves (axe checks, logging in) live in tests/e2e/browser.py.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.db import connection

REPO = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def find_chromium():
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"]
    for candidate in candidates:
        if candidate and os.path.exists(candidate):
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium_path():
    path = find_chromium()
    if path is None:
        message = (
            "Kein Chromium gefunden (CHROMIUM_PATH, /usr/bin/chromium): "
            "Browser-Tests übersprungen. "
            "Installieren mit `apt-get install -y chromium`."
        )
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message + " REQUIRE_BROWSER=1 verlangt einen Browser.")
        pytest.skip(message)
    return path


# Module scope, not session: while Playwright runs, its event loop counts as running in
# this thread, which would break every later non-browser test (ORM and pytest-asyncio).
@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    # The ORM calls our browser tests make between steps (and the database flush after
    # each test) are plain synchronous calls, though Playwright's loop is "running".
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class BrowserSession:
    """Opens browser contexts on the live server and records third-party requests."""

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url.rstrip("/")
        self.blocked_requests = []
        self.contexts = []

    def new_page(self):
        context = self.browser.new_context(
            base_url=self.base_url,
            locale="de-DE",
            timezone_id="Europe/Berlin",
            viewport={"width": 1280, "height": 900},
        )
        live_host = urlparse(self.base_url).netloc
        context.route("**/*", lambda route: self._guard(route, live_host))
        self.contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    def _guard(self, route, live_host):
        url = urlparse(route.request.url)
        if url.scheme in {"http", "https", "ws", "wss"} and url.netloc != live_host:
            self.blocked_requests.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def browser_session(browser, live_server):
    session = BrowserSession(browser, live_server.url)
    yield session
    session.close()
    assert session.blocked_requests == [], (
        f"Die Seite wollte Dritte anfragen: {session.blocked_requests}"
    )


@pytest.fixture
def page(browser_session):
    return browser_session.new_page()


def _database_env():
    """Environment for a second process that must see this test's committed rows."""
    settings = connection.settings_dict
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_PATH"}}
    if connection.vendor == "postgresql":
        auth = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
        host = f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
        env["DATABASE_URL"] = f"postgres://{auth}@{host}/{settings['NAME']}"
    elif connection.is_in_memory_db():
        return None
    else:
        env["SQLITE_PATH"] = str(settings["NAME"])
    env.update(DJANGO_DEBUG="true", ALLOWED_HOSTS="127.0.0.1,localhost", DISABLE_RATE_LIMITS="1")
    return env


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def asgi_server():
    """daphne with the real ASGI stack (HTTP and websockets) on a free port."""
    env = _database_env()
    if env is None:
        pytest.skip(
            "Der Live-Raum läuft in einem zweiten Prozess (daphne) und braucht eine Datenbank, "
            "die dieser sieht: PostgreSQL (DATABASE_URL) oder SQLite als Datei (SQLITE_TEST_PATH)."
        )
    port = _free_port()
    # A file, not a pipe: daphne logs every request, and a full pipe would block it.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(  # noqa: S603 - our interpreter, fixed arguments
        [
            sys.executable,
            "-m",
            "daphne",
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "config.asgi:application",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    try:
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if process.poll() is not None:
                    log.seek(0)
                    pytest.fail("daphne startete nicht: " + log.read().decode()[-2000:])
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
