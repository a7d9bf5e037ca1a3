"""/sitemap.xml lists every public page and approved organisation; robots.txt points to it."""

from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest
from wagtail.models import PageViewRestriction

from network.models import AccessibilityStatementPage, Organisation, StandardPage
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own response
    locations = [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]
    assert all(urlparse(location).scheme in {"http", "https"} for location in locations)
    return [urlparse(location).path for location in locations]


def add_page(parent, page):
    page = parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_sitemap_lists_public_pages_and_approved_organisations(client, home_page):
    imprint = add_page(home_page, StandardPage(title="Impressum", slug="impressum"))
    add_page(imprint, StandardPage(title="Bildnachweise", slug="bildnachweise"))
    add_page(
        home_page, AccessibilityStatementPage(title="Barrierefreiheit", slug="barrierefreiheit")
    )
    approved = OrganisationFactory(slug="stadt-lindenau")
    pending = OrganisationFactory(slug="stadt-wartefeld", status=Organisation.Status.PENDING)
    rejected = OrganisationFactory(slug="stadt-abgelehnt", status=Organisation.Status.REJECTED)

    paths = sitemap_paths(client)

    assert "/" in paths
    assert "/impressum/" in paths
    assert "/impressum/bildnachweise/" in paths
    assert "/barrierefreiheit/" in paths
    assert approved.get_absolute_url() in paths
    assert pending.get_absolute_url() not in paths
    assert rejected.get_absolute_url() not in paths


def test_sitemap_leaves_out_drafts_and_restricted_pages(client, home_page):
    home_page.add_child(instance=StandardPage(title="Entwurf", slug="entwurf", live=False))
    internal = add_page(home_page, StandardPage(title="Intern", slug="intern"))
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.LOGIN)

    paths = sitemap_paths(client)

    assert "/entwurf/" not in paths
    assert "/intern/" not in paths
    assert "/" in paths


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    lines = response.content.decode().splitlines()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /konto/" in lines
