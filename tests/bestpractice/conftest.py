import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from bestpractice.models import (
    ArticleIndexPage,
    ArticleKind,
    ArticlePage,
    BestPracticeIndexPage,
    BestPracticePage,
)
from tests.factories import OrganisationFactory


def png_bytes(width=800, height=600, color=(11, 85, 99)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


def make_image(title="Marktplatz"):
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(png_bytes()), name=f"{title}.png")
    )


@pytest.fixture
def library(home_page):
    existing = BestPracticeIndexPage.objects.first()
    if existing:
        return existing
    index = BestPracticeIndexPage(title="Praxisbeispiele", slug="praxisbeispiele", per_page=12)
    home_page.add_child(instance=index)
    return index


@pytest.fixture
def article_index(home_page):
    existing = ArticleIndexPage.objects.first()
    if existing:
        return existing
    index = ArticleIndexPage(title="Aktuelles", slug="aktuelles", per_page=12)
    home_page.add_child(instance=index)
    return index


@pytest.fixture
def make_case_study(library):
    """Create a live case study under the library; keyword arguments override defaults."""
    counter = {"n": 0}

    def create(title=None, organisation=None, topics=(), live=True, image=False, **fields):
        counter["n"] += 1
        page = BestPracticePage(
            title=title or f"Praxisbeispiel {counter['n']}",
            organisation=organisation or OrganisationFactory(),
            summary="Eine Stadt probiert etwas Neues aus und misst, was es bringt.",
            problem="<p>Leere Schaufenster in der Fußgängerzone.</p>",
            approach="<p>Runder Tisch mit Eigentümer*innen und Händler*innen.</p>",
            year=fields.pop("year", 2023),
            live=live,
            **fields,
        )
        if image:
            page.main_image = make_image(f"bild-{counter['n']}")
            page.main_image_alt = "Blick in die Fußgängerzone"
        page.topics.add(*topics)
        library.add_child(instance=page)
        if live:
            page.save_revision().publish()
        return page

    return create


@pytest.fixture
def make_article(article_index):
    counter = {"n": 0}

    def create(title=None, kind=ArticleKind.NEWS, topics=(), **fields):
        counter["n"] += 1
        page = ArticlePage(
            title=title or f"Artikel {counter['n']}",
            kind=kind,
            intro="Was Innenstädte diese Woche bewegt.",
            **fields,
        )
        page.topics.add(*topics)
        article_index.add_child(instance=page)
        page.save_revision().publish()
        return page

    return create
