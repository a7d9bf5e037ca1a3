"""The cached header menu and footer (network.site_chrome) follow every change at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from network.models import FooterSettings, StandardPage

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def nav_of(client, url="/"):
    html = client.get(url).content.decode()
    return html[html.index('aria-label="Hauptnavigation"') : html.index("</nav>")]


def footer_of(client):
    html = client.get("/").content.decode()
    return html[html.index('<footer class="site-footer">') :]


def test_menu_follows_publish_rename_unpublish_and_delete(client, home_page):
    assert "Über uns" not in nav_of(client)  # cached now
    page = publish(home_page.add_child(
        instance=StandardPage(title="Über uns", slug="ueber-uns", show_in_menus=True)))
    assert '<a href="/ueber-uns/">Über uns</a>' in nav_of(client)

    page.title = "Wir über uns"
    publish(page)
    assert "Wir über uns" in nav_of(client)

    page.unpublish()
    assert "über uns" not in nav_of(client)

    publish(page)
    assert "Wir über uns" in nav_of(client)
    page.delete()
    assert "über uns" not in nav_of(client)


def test_footer_follows_its_settings_and_the_linked_pages(client, home_page):
    imprint = publish(home_page.add_child(instance=StandardPage(title="Impressum",
                                                                slug="impressum")))
    assert "/impressum/" not in footer_of(client)  # cached now
    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.imprint_page = imprint
    footer.contact_email = "kontakt@stadtlabor.example"
    footer.save()
    html = footer_of(client)
    assert '<a href="/impressum/">Impressum</a>' in html
    assert "mailto:kontakt@stadtlabor.example" in html

    imprint.unpublish()
    assert "/impressum/" not in footer_of(client)


def test_menu_and_footer_cost_no_query_once_cached(client, home_page):
    publish(home_page.add_child(
        instance=StandardPage(title="Über uns", slug="ueber-uns", show_in_menus=True)))
    client.get("/")
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert "network_footersettings" not in tables
    assert 'AND "wagtailcore_page"."show_in_menus"' not in tables  # the menu's filter
