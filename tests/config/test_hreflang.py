"""hreflang alternates: public pages name their German and English URLs (and German as
x-default) with absolute links, only in the languages the page exists in; private, admin and
error pages name none. The head stays valid HTML."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import UserFactory
from tests.html_checks import html_problems

pytestmark = pytest.mark.django_db

ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


def _alternates(response):
    assert response.status_code == 200, response.status_code
    return dict(ALTERNATE.findall(response.content.decode()))


@pytest.fixture
def english_home(home_page):
    english = Locale.objects.get_or_create(language_code="en")[0]
    translation = home_page.copy_for_translation(english)
    translation.save_revision().publish()
    return translation


def test_a_wagtail_page_names_its_translations(client, home_page, english_home):
    german = _alternates(client.get("/"))
    assert german == {
        "de": "http://localhost/",
        "en": "http://localhost/en/",
        "x-default": "http://localhost/",
    }
    assert _alternates(client.get("/en/")) == german
    assert not html_problems(client.get("/").content.decode())


def test_an_untranslated_wagtail_page_names_only_german_until_translated(client, home_page):
    assert _alternates(client.get("/")) == {
        "de": "http://localhost/", "x-default": "http://localhost/",
    }
    # The alternates are cached; publishing the translation replaces them.
    english = Locale.objects.get_or_create(language_code="en")[0]
    home_page.copy_for_translation(english).save_revision().publish()
    assert _alternates(client.get("/"))["en"] == "http://localhost/en/"


def test_a_django_view_names_the_same_path_in_each_language(client, home_page):
    path = reverse("digest:archive")
    expected = {
        "de": f"http://testserver{path}",
        "en": f"http://testserver/en{path}",
        "x-default": f"http://testserver{path}",
    }
    response = client.get(path)
    assert _alternates(response) == expected
    assert not html_problems(response.content.decode())
    assert _alternates(client.get(f"/en{path}")) == expected


def test_private_pages_name_no_alternates(client, home_page):
    client.force_login(UserFactory())
    response = client.get(reverse("network:my_account"))
    assert _alternates(response) == {}
    assert 'rel="alternate" hreflang' not in response.content.decode()


def test_error_pages_name_no_alternates(client, home_page):
    response = client.get("/mitglieder/gibt-es-nicht/")
    assert response.status_code == 404
    assert 'rel="alternate" hreflang' not in response.content.decode()
