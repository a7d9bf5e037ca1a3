"""A NUL character anywhere in a request gets a German 400, never a 500.

PostgreSQL cannot store or compare text containing NUL; before the guard,
`GET /forum/schlagwort/a%00b/` crashed there with "text fields cannot contain NUL".
"""

import pytest

from tests.factories import UserFactory

GERMAN_MESSAGE = "unzulässiges Steuerzeichen"


def _assert_german_400(response):
    assert response.status_code == 400
    body = response.content.decode()
    assert GERMAN_MESSAGE in body
    assert '<html lang="de">' in body
    assert body.count("<h1") == 1


@pytest.mark.parametrize(
    "path",
    [
        "/forum/schlagwort/a%00b/",
        "/mitglieder/a%00b/",
        "/suche/?q=Leer%00stand",
        "/mitglieder/?bundesland=N%00I",
        "/forum/?a%00=1",
    ],
)
def test_nul_in_path_or_query_is_a_german_400(client, home_page, path):
    _assert_german_400(client.get(path))


def test_nul_in_a_form_value_is_a_german_400(client, home_page):
    response = client.post(
        "/konto/login/", {"login": "a\x00b@example.org", "password": "egal"}
    )
    _assert_german_400(response)


def test_nul_in_a_logged_in_form_is_a_german_400(client, home_page):
    client.force_login(UserFactory())
    response = client.post("/mitglieder/neu/", {"name": "Stadt\x00", "kind": "municipality"})
    _assert_german_400(response)


def test_a_normal_request_passes(client, home_page):
    assert client.get("/suche/?q=Leerstand").status_code == 200
