"""Error pages speak German, use the site's layout and show the message the code gave."""

import pytest
from django.test import override_settings

from tests.factories import UserFactory


def _layout(body):
    assert '<html lang="de">' in body
    assert 'class="site-header"' in body
    assert body.count("<h1") == 1


def test_403_shows_the_german_permission_denied_message(client, home_page):
    client.force_login(UserFactory())
    response = client.get("/mitglieder/freigaben/")
    assert response.status_code == 403
    body = response.content.decode()
    _layout(body)
    assert "Dafür fehlt Ihnen die Berechtigung" in body
    assert "Nur die Moderation darf Organisationen freigeben." in body


def test_400_is_german_in_the_layout(client, home_page):
    response = client.get("/mitglieder/?x=%00")
    assert response.status_code == 400
    body = response.content.decode()
    _layout(body)
    assert "Diese Anfrage können wir nicht verarbeiten" in body
    assert "Bad Request" not in body


def test_400_for_an_unknown_host_still_answers_in_german(client, home_page):
    response = client.get("/", HTTP_HOST="nicht-erlaubt.example")
    assert response.status_code == 400
    body = response.content.decode()
    assert '<html lang="de">' in body
    assert "Diese Anfrage können wir nicht verarbeiten" in body


def test_404_is_german_in_the_layout(client, home_page):
    response = client.get("/gibt-es-nicht-xyz/")
    assert response.status_code == 404
    body = response.content.decode()
    _layout(body)
    assert "Diese Seite gibt es nicht (mehr)" in body


@override_settings(DEBUG=False)
def test_500_is_german(home_page):
    from django.test import Client

    from config import urls

    def boom(request):
        raise RuntimeError("kaputt")

    client = Client(raise_request_exception=False)
    with pytest.MonkeyPatch.context() as patch:
        from django.urls import clear_url_caches, path

        patch.setattr(urls, "urlpatterns", [path("kaputt/", boom), *urls.urlpatterns])
        clear_url_caches()
        response = client.get("/kaputt/")
    clear_url_caches()
    assert response.status_code == 500
    body = response.content.decode()
    assert '<html lang="de">' in body
    assert "Da ist etwas schiefgelaufen" in body
