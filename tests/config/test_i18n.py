"""English: the catalogue is complete, the public pages speak English under /en/, German stays
unprefixed whatever the browser asks for, and the header links to the same page in the other
language."""

import json
import re
import shutil
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory

LOCALE = Path(settings.BASE_DIR) / "locale"
PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"
MO = LOCALE / "en" / "LC_MESSAGES" / "django.mo"
# Same scope as `make messages`: the project's own code, not the venv or the tests.
IGNORE = [".venv", "var", "bench", "tests", "node_modules"]


def _entries(text):
    """(msgid, [msgstr…], flags) for every entry except the header, joining continued lines."""
    entries = []
    for block in text.strip().split("\n\n"):
        fields, flags, key = {}, "", None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags += line
                continue
            if line.startswith("#"):
                continue
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line)
            if match:
                key = match.group(1)
                fields[key] = _unquote(match.group(2))
            elif line.startswith('"') and key:
                fields[key] += _unquote(line)
        if "msgid" not in fields or fields["msgid"] == "":
            continue
        strings = [v for k, v in fields.items() if k.startswith("msgstr")]
        entries.append((fields.get("msgctxt"), fields["msgid"], strings, flags))
    return entries


def _unquote(quoted):
    # PO strings use C escapes (\n, \", \\), which JSON reads the same way.
    return json.loads(quoted)


def test_every_msgid_is_translated_and_nothing_is_fuzzy():
    entries = _entries(PO.read_text(encoding="utf-8"))
    assert len(entries) > 1000
    untranslated = [msgid for _ctx, msgid, strings, _f in entries if not all(strings)]
    fuzzy = [msgid for _ctx, msgid, _s, flags in entries if "fuzzy" in flags]
    assert not untranslated, f"unübersetzt: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:10]}"


def test_translations_keep_the_placeholders():
    placeholder = re.compile(r"%\(\w+\)[sd]|%\(\w+\)\.\d+f|\{\w+\}")
    for _ctx, msgid, strings, _flags in _entries(PO.read_text(encoding="utf-8")):
        wanted = set(placeholder.findall(msgid))
        for msgstr in strings:
            # A singular may spell out the count ("1 reply"); otherwise all placeholders stay.
            assert set(placeholder.findall(msgstr)) <= wanted or not wanted, (msgid, msgstr)


def test_the_compiled_catalogue_matches_the_po():
    """The committed .mo is compiled from the committed .po (fresh clones need no gettext)."""
    assert MO.exists()
    assert MO.stat().st_mtime >= PO.stat().st_mtime - 1 or _mo_matches_po()
    with translation.override("en"):
        assert translation.gettext("Anmelden") == "Log in"
        assert translation.gettext("Impuls der Woche") == "Impulse of the week"
        assert translation.gettext("Wochenübersicht") == "Weekly digest"


def _mo_matches_po():
    import gettext

    with MO.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    for ctx, msgid, strings, _flags in _entries(PO.read_text(encoding="utf-8")):
        if ctx is None and len(strings) == 1 and catalogue.gettext(msgid) != strings[0]:
            return False
    return True


@pytest.mark.skipif(not shutil.which("xgettext"), reason="xgettext (gettext) ist nicht installiert")
def test_no_marked_string_is_missing_from_the_catalogue(tmp_path):
    """makemessages into a copy of the catalogue: every msgid it finds must already be in the
    committed .po. A new `{% translate %}` without an English translation fails here."""
    committed = {(c, m) for c, m, _s, _f in _entries(PO.read_text(encoding="utf-8"))}
    started = time.monotonic()
    # makemessages writes into ./locale of the working directory: run it in a scratch tree
    # that links the project's code (never the venv or the tests) next to a copy of the
    # catalogue, so the committed .po stays untouched.
    base = Path(settings.BASE_DIR)
    shutil.copytree(LOCALE, tmp_path / "locale")
    for child in base.iterdir():
        if child.name in IGNORE or child.name.startswith(".") or child.name == "locale":
            continue
        (tmp_path / child.name).symlink_to(child)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(settings, "LOCALE_PATHS", [tmp_path / "locale"])
        patch.chdir(tmp_path)
        call_command(
            "makemessages", locale=["en"], ignore_patterns=IGNORE, symlinks=True, verbosity=0
        )
    copy = tmp_path / "locale"
    if time.monotonic() - started > 60:  # pragma: no cover - a very slow machine
        pytest.skip("makemessages took too long")
    extracted = {(c, m) for c, m, _s, _f in _entries(
        (copy / "en" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8"))}
    assert len(extracted) > 1000, "makemessages fand den Projektcode nicht"
    missing = sorted(m for _c, m in extracted - committed)
    assert not missing, f"nicht im Katalog – `make messages` und übersetzen: {missing[:10]}"


# ---- HTTP --------------------------------------------------------------------------------


def test_english_home_page_is_english(client, home_page):
    response = client.get("/en/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="en">' in body
    assert "Skip to content" in body
    assert "Network for lively town centres" in body
    assert "Zum Inhalt springen" not in body


def test_unprefixed_pages_stay_german_whatever_the_browser_says(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="de">' in body
    assert "Zum Inhalt springen" in body
    response = client.get(reverse("network:directory"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert '<html lang="de">' in response.content.decode()


def test_german_urls_are_unchanged(client, home_page):
    assert reverse("network:directory") == "/mitglieder/"
    assert reverse("account_login") == "/konto/login/"
    with translation.override("en"):
        assert reverse("network:directory") == "/en/mitglieder/"
        assert reverse("account_login") == "/en/konto/login/"
    # Machine endpoints and the admin stay outside the language prefix.
    assert reverse("healthz") == "/healthz"
    assert client.get("/en/healthz").status_code != 200
    assert client.get("/healthz").status_code == 200


def _switch_links(body):
    pattern = r'<a href="([^"]+)" lang="(\w+)" hreflang="\w+" data-language-switch'
    return dict(re.findall(pattern, body))


def test_switcher_links_to_the_same_page_in_the_other_language(client, home_page):
    body = client.get("/mitglieder/?thema=leerstand").content.decode()
    links = {lang: url for url, lang in _switch_links(body).items()}
    assert links == {"en": "/en/mitglieder/?thema=leerstand"}
    assert 'aria-label="Sprache"' in body

    body = client.get("/en/mitglieder/?thema=leerstand").content.decode()
    links = {lang: url for url, lang in _switch_links(body).items()}
    assert links == {"de": "/mitglieder/?thema=leerstand"}
    assert 'aria-label="Language"' in body
    assert ">Deutsch</a>" in body

    # Wagtail pages too: the home page switches between / and /en/.
    body = client.get("/").content.decode()
    assert {lang: url for url, lang in _switch_links(body).items()} == {"en": "/en/"}
    body = client.get("/en/").content.decode()
    assert {lang: url for url, lang in _switch_links(body).items()} == {"de": "/"}


def test_form_errors_are_english_on_english_pages(client, home_page):
    UserFactory(email="anna@example.org")
    response = client.post(
        "/en/konto/login/", {"login": "anna@example.org", "password": "falsch"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="en">' in body
    assert "Please correct the marked entry." in body or "marked entries" in body
    assert "Bitte korrigieren" not in body

    response = client.post("/konto/login/", {"login": "anna@example.org", "password": "falsch"})
    assert "Bitte korrigieren" in response.content.decode()


def test_set_language_view_is_available(client, home_page):
    # Django's own view (a form posting "language" and "next") translates "next" as well.
    response = client.post(reverse("set_language"), {"language": "en", "next": "/mitglieder/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/mitglieder/"


# ---- Wagtail ------------------------------------------------------------------------------


def test_editors_can_translate_pages(client, home_page):
    from wagtail.models import Locale

    assert settings.WAGTAIL_I18N_ENABLED
    assert Locale.get_default().language_code == "de"
    assert Locale.objects.filter(language_code="en").exists()
    assert home_page.locale.language_code == "de"
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("simple_translation:submit_page_translation", args=[home_page.id])
    response = client.get(url)
    assert response.status_code == 200
    response = client.post(url, {"locales": [Locale.objects.get(language_code="en").id]})
    assert response.status_code == 302
    english = home_page.get_translation(Locale.objects.get(language_code="en"))
    assert english.title == home_page.title
    # The German page keeps its URL; the English copy (a draft until published) is under /en/.
    assert home_page.url == "/"


def test_page_links_keep_the_visitors_language(client, home_page):
    """German pages link with the /en/ prefix while English is active (network/i18n.py)."""
    from network.models import StandardPage

    child = home_page.add_child(instance=StandardPage(title="Über uns", slug="ueber-uns"))
    assert child.url == "/ueber-uns/"
    with translation.override("en"):
        assert child.url == "/en/ueber-uns/"
        assert home_page.url == "/en/"
    response = client.get("/en/ueber-uns/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_untranslated_wagtail_pages_are_served_under_en(client, home_page):
    """Without an English copy, /en/ serves the German page with the English interface."""
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Skip to content" in response.content.decode()


def test_cached_menu_and_map_are_kept_per_language(client, home_page):
    """The header menu and the home page's map are cached (network.site_chrome,
    bestpractice.listing_cache); their links and labels differ per language."""
    from tests.network.test_home_page import add_library_content

    add_library_content(home_page)
    home_page.get_children().filter(slug="praxisbeispiele").update(show_in_menus=True)
    english = client.get("/en/").content.decode()
    german = client.get("/").content.decode()
    english_again = client.get("/en/").content.decode()

    assert 'href="/en/praxisbeispiele/"' in english
    assert 'href="/praxisbeispiele/"' in german
    assert 'href="/en/praxisbeispiele/"' not in german
    assert 'href="/en/praxisbeispiele/?land=' in english_again
    assert 'href="/praxisbeispiele/?land=' in german
