"""The export of a member's own data (DSGVO Art. 15, 20): contents, owner-only download,
expiry and clean-up."""

import io
import json
import re
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from network import personal_data
from network.account import services
from network.models import DataExport
from tests.factories import DEFAULT_PASSWORD, make_member

pytestmark = pytest.mark.django_db


def _request_export(client, user, django_capture_on_commit_callbacks):
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("network:my_data"), {"action": "export"})
    assert response.status_code == 302
    return DataExport.objects.get(user=user)


def _zip(response):
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_registry_skips_providers_that_do_not_exist(monkeypatch):
    monkeypatch.setattr(personal_data, "PROVIDER_MODULES",
                        ["network.digest.does_not_exist", "webtalks.personal_data"])
    assert [m.__name__ for m in personal_data.providers()] == ["webtalks.personal_data"]


def test_export_holds_everything_from_every_app(client, world, django_capture_on_commit_callbacks):
    export = _request_export(client, world.anna, django_capture_on_commit_callbacks)
    assert export.status == DataExport.Status.READY
    page = client.get(reverse("network:my_data"))
    download_url = reverse("network:download_export", kwargs={"token": export.token})
    assert download_url in page.content.decode()

    response = client.get(download_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = _zip(response)
    assert sorted(archive.namelist()) == ["daten.json", "uebersicht.html"]
    data = json.loads(archive.read("daten.json"))

    assert data["profil"][0]["email"] == "anna.schmidt@lemgo.example"
    assert {m["organisation"] for m in data["mitgliedschaften"]} == {"Stadt Lemgo", "Büro Schmidt"}
    texts = [p["text"] for p in data["forum_beitraege_und_kommentare"]]
    assert "Wer hat schon Pop-up-Stores in Leerständen erprobt?" in texts
    assert "Freue mich auf den Austausch!" in texts
    assert "Wir, in der Bahnhofstraße." not in texts  # Ben's reply is Ben's
    assert [t["titel"] for t in data["forum_themen"]] == ["Erfahrungen mit Pop-up-Stores"]
    assert [r["veranstaltung"] for r in data["veranstaltungs_anmeldungen"]] == ["WebTalk Leerstand"]
    assert data["kalender_abonnements"][0]["email"] == "anna.schmidt@lemgo.example"
    assert [m["text"] for m in data["live_raum_beitraege"]] == [
        "Wie lange laufen Zwischennutzungen?"
    ]
    assert [p["titel"] for p in data["bedarfe"]] == ["Leerstand in der Mittelstraße"]
    assert [o["titel"] for o in data["loesungsangebote"]] == ["Moderation von Workshops"]
    assert data["treffer_rueckmeldungen"][0]["rueckmeldung"] == "hilfreich"
    assert data["kontaktanfragen"][0]["an"] == "Leerstandslotsen GmbH"
    assert data["kontaktanfragen"][0]["antwort"] == "Gern, Frau Schmidt."
    assert data["benachrichtigungen"], "the accepted contact request notified Anna"
    assert data["forum_abonnements"], "starting a thread follows it"
    # Nothing of the other people leaks into Anna's export.
    assert "ben@lemgo.example" not in json.dumps(data)
    assert "vera@example.org" not in json.dumps(data)

    html = archive.read("uebersicht.html").decode()
    assert '<html lang="de">' in html
    assert "Ihre Daten im Stadtlabor" in html
    assert "Forumsbeiträge und Kommentare" in html
    assert "http" not in html.split("<body>")[0]  # no external resource in the head


def test_the_overview_is_written_in_the_member_s_language(
    client, world, django_capture_on_commit_callbacks
):
    world.anna.language = "en"
    world.anna.save()
    export = _request_export(client, world.anna, django_capture_on_commit_callbacks)
    download_url = reverse("network:download_export", kwargs={"token": export.token})

    overview = _zip(client.get(download_url)).read("uebersicht.html").decode()

    assert "Your data in Stadtlabor" in overview and "Contact requests" in overview
    assert "Kontaktanfragen" not in overview
    assert re.search(r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d", overview)
    assert not re.search(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", overview)


def test_the_file_is_not_under_media(client, world, settings, django_capture_on_commit_callbacks):
    export = _request_export(client, world.anna, django_capture_on_commit_callbacks)
    assert (settings.PRIVATE_STORAGE_ROOT / export.file_name).exists()
    assert not list(settings.MEDIA_ROOT.rglob("*.zip")) if settings.MEDIA_ROOT.exists() else True


def test_another_member_cannot_download(client, world, django_capture_on_commit_callbacks):
    export = _request_export(client, world.anna, django_capture_on_commit_callbacks)
    url = reverse("network:download_export", kwargs={"token": export.token})
    client.force_login(world.ben)
    assert client.get(url).status_code == 404
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_expired_link_answers_gone_and_clean_up_removes_file(
        client, world, settings, django_capture_on_commit_callbacks):
    export = _request_export(client, world.anna, django_capture_on_commit_callbacks)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    url = reverse("network:download_export", kwargs={"token": export.token})
    response = client.get(url)
    assert response.status_code == 410
    assert "abgelaufen" in response.content.decode()

    assert services.delete_expired_exports() == 1
    assert not DataExport.objects.exists()
    assert not (settings.PRIVATE_STORAGE_ROOT / export.file_name).exists()


def test_repeated_clicks_make_one_export(client, world, django_capture_on_commit_callbacks):
    _request_export(client, world.anna, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("network:my_data"), {"action": "export"})
    assert DataExport.objects.filter(user=world.anna).count() == 1


def test_page_needs_login_and_is_german(client, db):
    response = client.get(reverse("network:my_data"))
    assert response.status_code == 302
    member = make_member(password=DEFAULT_PASSWORD)
    client.force_login(member)
    html = client.get(reverse("network:my_data")).content.decode()
    assert html.count("<h1") == 1
    assert "Ihre Daten herunterladen" in html and "Konto löschen" in html


def test_purge_command_removes_expired_exports(world, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):
        export = services.request_export(world.anna)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(days=1))
    out = io.StringIO()
    call_command("delete_expired_data_exports", stdout=out)
    assert "1" in out.getvalue()
    assert not DataExport.objects.exists()
