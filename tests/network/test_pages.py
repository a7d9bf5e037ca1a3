"""Footer pages (Impressum, Datenschutz, Erklärung zur Barrierefreiheit), the site shell
(header, footer, error pages) and the rule that no template loads anything from elsewhere."""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Site

from network.models import (
    AccessibilityStatementPage,
    BarrierReportField,
    FooterSettings,
    StandardPage,
)
from tests.html_checks import html_problems

TEMPLATES_DIR = Path(django_settings.BASE_DIR) / "templates"
BARRIER_INBOX = "barrierefreiheit@stadtlabor.example"


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_standard_page(parent, **fields):
    return publish(parent.add_child(instance=StandardPage(**fields)))


@pytest.fixture
def accessibility_page(home_page):
    page = AccessibilityStatementPage(
        title="Erklärung zur Barrierefreiheit",
        slug="barrierefreiheit",
        body="<p>Diese Website ist teilweise barrierefrei.</p>",
        thank_you_text="<p>Danke, wir melden uns innerhalb von zwei Wochen.</p>",
        to_address=BARRIER_INBOX,
        from_address="noreply@stadtlabor.example",
        subject="Gemeldete Barriere",
        form_fields=[
            BarrierReportField(
                label="Wo ist die Barriere?",
                field_type="url",
                required=False,
                help_text="Adresse der Seite, wenn Sie sie kennen.",
            ),
            BarrierReportField(label="Beschreibung", field_type="multiline", required=True),
            BarrierReportField(label="Ihre E-Mail-Adresse", field_type="email", required=False),
        ],
    )
    return publish(home_page.add_child(instance=page))


# --- Standard pages ---------------------------------------------------------------------


@pytest.mark.django_db
def test_standard_page_renders_title_intro_and_rich_text(client, home_page):
    page = add_standard_page(
        home_page,
        title="Impressum",
        slug="impressum",
        intro="Angaben gemäß § 5 DDG.",
        body="<h2>Anbieter</h2><p>Stadtlabor e. V., Musterstraße 1</p>",
    )
    add_standard_page(page, title="Bildnachweise", slug="bildnachweise")

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert response.templates[0].name == "network/standard_page.html"
    assert "<h1>Impressum</h1>" in html
    assert "Angaben gemäß § 5 DDG." in html
    assert "Stadtlabor e. V., Musterstraße 1" in html
    assert 'href="/impressum/bildnachweise/"' in html
    assert html_problems(html) == []


@pytest.mark.django_db
def test_footer_links_the_pages_chosen_in_the_footer_settings(client, home_page):
    imprint = add_standard_page(home_page, title="Impressum", slug="impressum")
    privacy = add_standard_page(home_page, title="Datenschutz", slug="datenschutz")
    statement = publish(
        home_page.add_child(
            instance=AccessibilityStatementPage(title="Barrierefreiheit", slug="barrierefreiheit")
        )
    )
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.imprint_page = imprint
    footer.privacy_page = privacy
    footer.accessibility_page = statement
    footer.contact_email = "kontakt@stadtlabor.example"
    footer.save()

    html = client.get("/").content.decode()

    footer_html = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/impressum/">Impressum</a>' in footer_html
    assert '<a href="/datenschutz/">Datenschutz</a>' in footer_html
    assert '<a href="/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>' in footer_html
    assert 'href="mailto:kontakt@stadtlabor.example"' in footer_html


@pytest.mark.django_db
def test_footer_leaves_out_unset_and_unpublished_pages(client, home_page):
    imprint = add_standard_page(home_page, title="Impressum", slug="impressum")
    imprint.unpublish()
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.imprint_page = imprint
    footer.save()

    html = client.get("/").content.decode()

    assert "/impressum/" not in html
    assert "Datenschutz</a>" not in html


@pytest.mark.django_db
def test_menu_pages_appear_in_the_main_navigation_marked_current(client, home_page):
    add_standard_page(home_page, title="Über uns", slug="ueber-uns", show_in_menus=True)
    add_standard_page(home_page, title="Versteckt", slug="versteckt", show_in_menus=False)

    html = client.get("/ueber-uns/").content.decode()

    nav = html[html.index('aria-label="Hauptnavigation"') : html.index("</nav>")]
    assert '<a href="/ueber-uns/" aria-current="page">Über uns</a>' in nav
    assert "Versteckt" not in nav
    assert f'href="{reverse("network:directory")}"' in nav


# --- Erklärung zur Barrierefreiheit with its barrier report form ------------------------


@pytest.mark.django_db
def test_accessibility_statement_shows_a_labelled_form(client, accessibility_page):
    response = client.get(accessibility_page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Diese Website ist teilweise barrierefrei." in html
    assert '<h2 id="barrier-report-title">Barriere melden</h2>' in html
    assert '<label for="id_beschreibung">Beschreibung <span class="required-marker"' in html
    assert 'aria-describedby="id_wo_ist_die_barriere_helptext"' in html
    textarea = re.search(r"<textarea[^>]*>", html).group(0)
    assert 'id="id_beschreibung"' in textarea
    assert " required" in textarea
    assert html_problems(html) == []


@pytest.mark.django_db
def test_barrier_report_is_stored_and_mailed_to_the_editors(
    client, accessibility_page, mailoutbox
):
    response = client.post(
        accessibility_page.url,
        {
            "wo_ist_die_barriere": "https://stadtlabor.example/mitglieder/",
            "beschreibung": "Der Filter lässt sich nicht mit der Tastatur bedienen.",
            "ihre_e_mail_adresse": "melderin@example.org",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert response.templates[0].name == "network/accessibility_statement_page_landing.html"
    assert "Danke, wir melden uns innerhalb von zwei Wochen." in html
    assert html_problems(html) == []
    submission = FormSubmission.objects.get(page=accessibility_page)
    assert submission.get_data()["beschreibung"] == (
        "Der Filter lässt sich nicht mit der Tastatur bedienen."
    )
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [BARRIER_INBOX]
    assert mail.subject == "Gemeldete Barriere"
    assert "Der Filter lässt sich nicht mit der Tastatur bedienen." in mail.body


@pytest.mark.django_db
def test_invalid_barrier_report_explains_in_german_and_keeps_the_input(
    client, accessibility_page, mailoutbox
):
    response = client.post(
        accessibility_page.url,
        {"wo_ist_die_barriere": "die Seite mit dem Formular", "ihre_e_mail_adresse": "kaputt"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Fehler:" in html
    assert 'role="alert"' in html
    assert "Beschreibung – Dieses Feld muss ausgefüllt werden." in html
    assert "Bitte gültige E-Mail-Adresse eingeben." in html
    assert "Bitte eine gültige Adresse eingeben." in html
    assert 'value="die Seite mit dem Formular"' in html
    assert 'value="kaputt"' in html
    assert 'aria-invalid="true"' in html
    assert 'href="#id_beschreibung"' in html
    assert html_problems(html) == []
    assert FormSubmission.objects.count() == 0
    assert mailoutbox == []


# --- Error pages ------------------------------------------------------------------------


@pytest.mark.django_db
def test_unknown_address_gets_the_german_404_page(client, home_page, settings):
    settings.DEBUG = False

    response = client.get("/gibt-es-nicht/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht (mehr)" in html
    assert 'href="/"' in html
    assert html_problems(html) == []


def test_500_page_renders_without_request_or_database():
    html = render_to_string("500.html")

    assert "Da ist etwas schiefgelaufen" in html
    assert '<html lang="de">' in html
    assert html_problems(html) == []


# --- No third-party requests ------------------------------------------------------------

# A URL with a host inside an attribute that makes the browser fetch it.
THIRD_PARTY_FETCH = re.compile(
    r"""<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?"""
    r"""\b(src|href|data|srcset)\s*=\s*["']?\s*(https?:)?//""",
    re.IGNORECASE | re.DOTALL,
)
THIRD_PARTY_CSS = re.compile(r"""(@import|url\()\s*["']?\s*(https?:)?//""", re.IGNORECASE)


def site_templates_and_styles():
    files = sorted(TEMPLATES_DIR.rglob("*.html"))
    files += sorted((Path(django_settings.BASE_DIR) / "static").rglob("*.css"))
    return files


def test_no_template_or_stylesheet_loads_scripts_styles_or_fonts_from_another_host():
    files = site_templates_and_styles()
    offenders = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        for pattern in (THIRD_PARTY_FETCH, THIRD_PARTY_CSS):
            offenders += [f"{path}: {match.group(0)!r}" for match in pattern.finditer(text)]

    assert len(files) > 5
    assert offenders == []


def test_third_party_check_recognises_what_it_must_refuse():
    hostile = [
        '<script src="https://cdn.example.com/lib.js"></script>',
        "<link rel='stylesheet' href='//fonts.example.com/css?family=X'>",
        '<img\n  alt="" src="http://tracker.example.com/p.gif">',
    ]
    for snippet in hostile:
        assert THIRD_PARTY_FETCH.search(snippet), snippet
    assert THIRD_PARTY_CSS.search('@import url("https://fonts.example.com/x.css");')
    assert not THIRD_PARTY_FETCH.search('<a href="https://www.bundesregierung.de/">Link</a>')
    assert not THIRD_PARTY_FETCH.search('<script src="/static/js/site.js"></script>')
