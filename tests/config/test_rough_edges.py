"""Small things a new user saw: the port in links, the favicon, the required-fields note."""

from xml.etree import ElementTree

from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.test import Client

from bestpractice.models import CaseStudySubmission
from network.models import StandardPage
from tests.config.test_settings import REPO, run_python
from tests.factories import OrganisationFactory, make_member

REQUIRED_NOTE = "markierte Felder müssen ausgefüllt werden"


def test_site_url_follows_the_port_when_unset():
    code = "import config.settings as s; print(s.SITE_URL, s.WAGTAILADMIN_BASE_URL)"
    result = run_python(code, PORT="9000")
    assert result.stdout.split() == ["http://127.0.0.1:9000"] * 2, result.stderr
    explicit = run_python(code, PORT="9000", SITE_URL="https://stadtlabor.example/")
    assert explicit.stdout.split()[0] == "https://stadtlabor.example"


def test_make_run_passes_the_port_to_the_settings():
    assert "export PORT" in (REPO / "Makefile").read_text()


def test_the_sitemap_uses_the_host_and_port_it_was_asked_on(home_page):
    page = home_page.add_child(instance=StandardPage(title="Impressum", slug="impressum"))
    page.save_revision().publish()
    response = Client(HTTP_HOST="127.0.0.1:9000").get("/sitemap.xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own response
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in root.findall("sm:url/sm:loc", ns)]
    assert "http://127.0.0.1:9000/impressum/" in locations
    assert all(location.startswith("http://127.0.0.1:9000/") for location in locations)


def test_favicon_ico_is_served(client, home_page):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == static("img/favicon.ico")
    # Static files are served by the web server (runserver in development), not by views.
    with open(finders.find("img/favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # an ICO file


def test_required_note_only_on_forms_with_a_required_field(client, home_page):
    assert REQUIRED_NOTE in client.get("/konto/signup/").content.decode()

    town = OrganisationFactory()
    client.force_login(make_member(town))
    client.post("/einreichen/praxisbeispiel/", {"organisation": town.pk})
    submission = CaseStudySubmission.objects.get(organisation=town)
    # The steps of a draft have no required field: completeness is checked on submitting.
    response = client.get(f"/einreichen/praxisbeispiel/{submission.pk}/schritt-1/")
    assert response.status_code == 200
    assert REQUIRED_NOTE not in response.content.decode()
