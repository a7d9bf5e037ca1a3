"""bench/load.py on a small scale: the real production server (gunicorn, 2 workers, DEBUG
off, the psycopg pool) on the test database, 8 clients for a few seconds reading, logging
in, registering for one event with 5 seats and writing forum posts."""

import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection, connections

from bench.load import REPO, Gunicorn, check_registrations, run_load, seed, server_env, summarise

CLIENTS = 8
SEATS = 5


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_production_server_under_mixed_load_loses_nothing(home_page, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("braucht PostgreSQL (DATABASE_URL)")
    scenario = seed(CLIENTS, SEATS, library_size=3, form_logins=2)
    connections.close_all()
    db = connection.settings_dict
    database_url = (f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:"
                    f"{db['PORT'] or 5432}/{db['NAME']}")
    # The sessions made by the seed are signed with this process' key.
    env = server_env(database_url, tmp_path, secret_key=settings.SECRET_KEY)
    subprocess.run(  # noqa: S603 - our interpreter, fixed arguments
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=REPO, env=env, check=True, timeout=120,
    )

    with Gunicorn(env, workers=2, threads=4) as server:
        outcome = run_load(server.port, scenario, CLIENTS, duration=5, timeout=30)
        log = server.log_text()

    summary = summarise(outcome["results"])
    check = check_registrations(scenario, outcome["attempted"])
    assert summary["5xx"] == 0, log[-3000:]
    assert summary["errors"] == 0, summary["by_status"]
    assert check["sent"] == CLIENTS  # everyone got to register
    assert check["confirmed"] == SEATS
    assert check["waitlisted"] == CLIENTS - SEATS
    assert check["missing"] == [] and check["unexpected"] == [] and check["other"] == 0
    routes = summary["routes"]
    assert {"register", "login", "forum_post"} <= set(routes)
    assert set(scenario.reads) <= set(routes)  # every read route, then at random
    assert routes["login"]["statuses"] == {302: routes["login"]["n"]}
    assert set(routes["forum_post"]["statuses"]) <= {302, 400}  # 400: the per-minute limit
