"""Huge text fields get a German error with the text kept, not the bare 400 page.

Every text field has a max length in its form (and `maxlength` in the page); the request
body limit (DATA_UPLOAD_MAX_MEMORY_SIZE) only catches a truly absurd body.
"""

import re

import pytest
from django.conf import settings

from network.models import ForumCategory, Visibility
from tests.factories import UserFactory, make_member

MB = 1024 * 1024


@pytest.fixture
def category(db):
    return ForumCategory.objects.create(
        name="Allgemeines", slug="allgemeines", visibility=Visibility.PUBLIC
    )


def _assert_kept_with_error(response, text, field):
    assert response.status_code == 200
    body = response.content.decode()
    assert "höchstens" in body  # Django's German max_length message
    assert text in body, "der eingegebene Text ging verloren"
    textarea = re.search(rf'<textarea[^>]*name="{field}"[^>]*>', body).group(0)
    assert "maxlength=" in textarea


@pytest.mark.parametrize("size", [3 * MB, 10 * MB])
def test_a_huge_forum_post_is_kept_with_a_german_error(client, home_page, category, size):
    client.force_login(make_member())
    text = ("Leerstand " * (size // 10))[:size]
    response = client.post(
        f"/forum/kategorie/{category.slug}/neu/", {"title": "Ein Thema", "body": text}
    )
    _assert_kept_with_error(response, text, "body")


def test_a_huge_organisation_description_is_kept_with_a_german_error(client, home_page):
    client.force_login(UserFactory())
    text = "Wir beleben die Innenstadt. " * (3 * MB // 28)
    response = client.post(
        "/mitglieder/neu/",
        {"name": "Stadt Beispiel", "kind": "municipality", "description": text},
    )
    _assert_kept_with_error(response, text, "description")


def test_only_an_absurd_body_gets_the_german_400_page(client, home_page, category):
    client.force_login(make_member())
    text = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(
        f"/forum/kategorie/{category.slug}/neu/", {"title": "Ein Thema", "body": text}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Die gesendeten Daten sind zu groß" in body
    assert '<html lang="de">' in body
