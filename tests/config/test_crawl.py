"""The safety net: seed the demo, follow every internal link as each demo role.

Fails on any 5xx, on any HTML page without exactly one <h1>, and on internal links that
lead to a 404. All failures of a role are collected and reported together.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from network.models import User
from tests.crawl import crawl

ROLES = {
    "Besucher*in": None,
    "Kommune": "citymanagerin@iserlohn.example",
    "Anbieter": "anbieter@frequenzwerk.example",
    "Mitglied": "mitglied@modehaus-behrens.example",
    "nicht freigegebene Organisation": "neu@neuhafen.example",
    "Moderation": "moderation@stadtlabor.example",
    "Redaktion": "redaktion@stadtlabor.example",
}


@pytest.fixture(scope="module")
def seeded_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, seeded once for the module inside a transaction rolled back at the end;
    each test runs in a savepoint within it. Returns the media folder the seed wrote to."""
    media = tmp_path_factory.mktemp("crawl-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("seed_demo", stdout=StringIO())
            yield media
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.mark.parametrize("role", list(ROLES))
def test_every_internal_link_answers_without_error(seeded_demo, db, client, settings, role):
    settings.MEDIA_ROOT = seeded_demo
    email = ROLES[role]
    start = ["/"]
    if email:
        client.force_login(User.objects.get(email=email))
        start += ["/mein-konto/"]
    result = crawl(client, start=start, label=role)
    print(f"{role}: {len(result.visited)} Seiten, {len(result.templates)} Vorlagen")
    assert not result.capped, f"Mehr als {len(result.visited)} Seiten: Crawl begrenzen"
    assert len(result.visited) > 50, result.visited
    assert result.failures == [], (
        f"{len(result.failures)} Fehler bei {len(result.visited)} Seiten:\n" + result.describe()
    )
