"""Each page type is creatable through the Wagtail admin (Wagtail's page test helpers)."""

from django.contrib.auth import get_user_model
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from bestpractice.models import (
    ArticleIndexPage,
    ArticleKind,
    ArticlePage,
    BestPracticeIndexPage,
    BestPracticePage,
)
from demo.network import ensure_root_page
from network.models import HomePage
from tests.factories import OrganisationFactory, ProviderFactory


class PageCreationTests(WagtailPageTestCase):
    def setUp(self):
        root = ensure_root_page()  # a transactional test before this one may have flushed it
        self.home = root.add_child(instance=HomePage(title="Stadtlabor", slug="start"))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": self.home},
        )
        admin = get_user_model().objects.create_superuser(
            email="redaktion@example.org", password="Redaktion-Test-1!"
        )
        self.client.force_login(admin)

    def create_library(self):
        self.assertCanCreate(
            self.home,
            BestPracticeIndexPage,
            nested_form_data(
                {
                    "title": "Praxisbeispiele",
                    "slug": "praxisbeispiele",
                    "intro": rich_text("<p>Städte lernen von Städten.</p>"),
                    "per_page": 12,
                }
            ),
        )
        return BestPracticeIndexPage.objects.get()

    def test_page_type_hierarchy(self):
        self.assertAllowedParentPageTypes(BestPracticePage, {BestPracticeIndexPage})
        self.assertAllowedSubpageTypes(BestPracticePage, set())
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertCanNotCreateAt(HomePage, BestPracticePage)

    def test_editor_creates_library_and_a_case_study(self):
        library = self.create_library()
        town = OrganisationFactory(name="Stadt Einbeck", bundesland="NI", population=31_000)
        provider = ProviderFactory(name="Frequenzlabor GmbH")
        form_data = nested_form_data(
            {
                "title": "Frequenzmessung am Marktplatz",
                "slug": "frequenzmessung-am-marktplatz",
                "organisation": town.pk,
                "summary": "Zwei Sensoren zählen Passant*innen; die Zahlen steuern Aktionen.",
                "topics": "Frequenzmessung, Stadtmarketing",
                "year": 2023,
                "duration": "12 Monate",
                "budget_range": "10k_50k",
                "budget_note": "18.000 € Sensorik, 4.000 € Auswertung",
                "funding": "",
                "problem": rich_text("<p>Niemand wusste, wie viele Menschen kommen.</p>"),
                "approach": rich_text("<p>Laserzähler an zwei Eingängen.</p>"),
                "results": rich_text("<p>Aktionen wirken messbar.</p>"),
                "kpis": streamfield(
                    [
                        (
                            "kpi",
                            {
                                "label": "Besucherfrequenz",
                                "value": "+12 %",
                                "period": "in 6 Monaten",
                                "source": "Laserzählung",
                                # The numbers the page draws as charts.
                                "unit": "Passant*innen pro Tag",
                                "before_label": "2022",
                                "before_value": "8400",
                                "after_label": "2023",
                                "after_value": "9400",
                                "series": {
                                    "count": "2",
                                    "0": {"value": {"year": "2022", "value": "8400"},
                                          "deleted": "", "order": "0"},
                                    "1": {"value": {"year": "2023", "value": "9400"},
                                          "deleted": "", "order": "1"},
                                },
                            },
                        )
                    ]
                ),
                "lessons": rich_text("<p>Früher mit dem Datenschutz sprechen.</p>"),
                "transferability": "Für jede Stadt mit klarer Hauptlage.",
                "transfers_to_medium": "on",
                "partners_note": "",
                "contact_name": "Anna Beispiel",
                "contact_role": "Citymanagerin",
                "contact_email": "anna@example.org",
                "body": streamfield(
                    [
                        (
                            "quote",
                            {"text": "Jetzt reden wir über Zahlen.", "author": "A. B.", "role": ""},
                        ),
                        (
                            "video",
                            {
                                "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                                "title": "Rundgang",
                                "description": "",
                            },
                        ),
                    ]
                ),
                "comments": inline_formset([]),
            }
        )
        form_data["partners"] = [provider.pk]  # nested_form_data would number a list
        self.assertCanCreate(library, BestPracticePage, form_data)
        page = BestPracticePage.objects.get(slug="frequenzmessung-am-marktplatz")
        # Facts for the facets are copied from the organisation.
        assert (page.bundesland, page.population, page.size_class) == ("NI", 31_000, "medium")
        assert sorted(tag.name for tag in page.topics.all()) == [
            "Frequenzmessung",
            "Stadtmarketing",
        ]
        assert list(page.partners.all()) == [provider]
        response = self.client.get(page.url)
        self.assertContains(response, "+12 %")
        self.assertContains(response, "Besucherfrequenz vorher und nachher (Passant*innen pro Tag)")
        self.assertContains(response, "Besucherfrequenz im Verlauf der Jahre")
        self.assertContains(response, "Video laden (Daten werden an YouTube (Google) übertragen)")
        self.assertNotContains(response, "<iframe")
        self.assertPageIsRenderable(page)

    def test_editor_creates_article_index_and_an_impulse(self):
        self.assertCanCreate(
            self.home,
            ArticleIndexPage,
            nested_form_data(
                {"title": "Aktuelles", "slug": "aktuelles", "intro": rich_text(""), "per_page": 12}
            ),
        )
        index = ArticleIndexPage.objects.get()
        self.assertCanCreate(
            index,
            ArticlePage,
            nested_form_data(
                {
                    "title": "Frequenz ist nicht alles",
                    "slug": "frequenz-ist-nicht-alles",
                    "kind": ArticleKind.IMPULSE,
                    "date": "2025-03-03",
                    "author_name": "Dr. Jana Beispiel",
                    "author_role": "Stadtforscherin",
                    "intro": "Warum Aufenthaltsqualität mehr zählt als Passantenzahlen.",
                    "topics": "Frequenzmessung",
                    "body": streamfield([("text", rich_text("<p>Ein Plädoyer.</p>"))]),
                    "comments": inline_formset([]),
                }
            ),
        )
        article = ArticlePage.objects.get()
        assert article.is_impulse
        self.assertPageIsRenderable(article)
        self.assertPageIsRenderable(index)

    def test_case_study_follows_changes_of_its_town(self):
        library = self.create_library()
        town = OrganisationFactory(bundesland="SN", population=18_000)
        page = BestPracticePage(
            title="Zwischennutzung",
            organisation=town,
            summary="…",
            problem="<p>a</p>",
            approach="<p>b</p>",
            year=2022,
        )
        library.add_child(instance=page)
        assert page.size_class == "small"
        town.population = 22_000
        town.save()
        page.refresh_from_db()
        assert (page.size_class, page.population) == ("medium", 22_000)
