"""The demo's pictures are drawn by the project, carry alt texts and are served as Wagtail
renditions (issue 10)."""

from io import StringIO

import pytest

from demo import pictures
from demo.network import DemoContext
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_case_studies_get_an_illustration_with_alt_text_and_organisations_a_logo(
    client, make_case_study, library
):
    town = OrganisationFactory(name="Stadt Kleinwalde", slug="stadt-kleinwalde")
    page = make_case_study(title="Leerstandslotsin bringt Läden zurück", organisation=town)
    pictures.load_demo(DemoContext(stdout=StringIO()))
    page.refresh_from_db()
    town.refresh_from_db()
    assert page.main_image is not None
    assert page.main_image_alt.startswith("Illustration zum Praxisbeispiel „Leerstandslotsin")
    assert town.logo.name.endswith(".png")

    listing = client.get(library.url).content.decode()
    assert "fill-640x360" in listing  # a rendition, not the original file
    assert 'alt="Illustration zum Praxisbeispiel' in listing
    assert "Logo von Stadt Kleinwalde" in client.get(town.get_absolute_url()).content.decode()

    # A second run changes nothing.
    image_id = page.main_image_id
    pictures.load_demo(DemoContext(stdout=StringIO()))
    page.refresh_from_db()
    assert page.main_image_id == image_id
