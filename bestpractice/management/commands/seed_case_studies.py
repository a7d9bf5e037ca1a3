"""Fill the library with N synthetic case studies for load tests (`bench/library_load.py`,
`bench/compare.py`).

By default the pages are inserted in bulk: tree paths are computed here the way treebeard
numbers children (`Page._get_path`), page and case-study rows and their topic links go in
with one INSERT per batch each, and the library's `numchild` is raised once. That takes
seconds per 1,000 instead of minutes (`--slow` keeps the page-by-page `add_child`, which
also fills Wagtail's own search and reference indexes). Afterwards the matching catalog is
rebuilt and the library's cached facet counts are invalidated.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, Site

from bestpractice import listing_cache
from bestpractice.models import (
    BestPracticeIndexPage,
    BestPracticePage,
    BestPracticeTag,
    BudgetRange,
)
from bestpractice.richtext import to_safe_html
from demo.network import ensure_root_page
from network.models import Bundesland, HomePage, Organisation

TOPICS = [
    "Leerstand",
    "Zwischennutzung",
    "Lokaler Onlinemarktplatz",
    "Stadtgutschein",
    "Kundenbindung",
    "Frequenzmessung",
    "Events",
    "Stadtmarketing",
    "Digitalisierung",
    "Weiterbildung",
    "Unternehmensnachfolge",
    "BID/ISG",
    "Letzte Meile",
    "Citymanagement",
]
POPULATIONS = [6_000, 14_000, 19_000, 26_000, 48_000, 87_000, 120_000, 260_000, 540_000]
BATCH = 200
BULK_BATCH = 1000


class Command(BaseCommand):
    help = (
        "Legt N erfundene Praxisbeispiele für Lasttests an (--scale N). Erstellt Startseite und "
        "Bibliothek, falls sie fehlen. Nicht für Produktionsdaten gedacht."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, required=True, help="Anzahl der Praxisbeispiele")
        parser.add_argument("--towns", type=int, default=60, help="Anzahl erfundener Kommunen")
        parser.add_argument("--seed", type=int, default=7, help="Zufallsstartwert")
        parser.add_argument(
            "--slow", action="store_true",
            help="Seite für Seite anlegen (füllt auch Wagtails Such- und Referenzindex)",
        )

    def handle(self, *args, scale, towns, seed, slow=False, **options):
        if scale < 1:
            raise CommandError("--scale muss mindestens 1 sein.")
        rng = random.Random(seed)
        library = self._library()
        organisations = self._towns(towns, rng)
        existing = (
            BestPracticePage.objects.child_of(library).filter(slug__startswith="last-").count()
        )
        self.stdout.write(f"Bibliothek enthält {existing} Lasttest-Beispiele; Ziel {scale}.")
        if not slow:
            for start in range(existing, scale, BULK_BATCH):
                with transaction.atomic():
                    self._bulk(library, range(start, min(start + BULK_BATCH, scale)),
                               organisations, rng)
                self.stdout.write(f"  {min(start + BULK_BATCH, scale)}/{scale}")
            self._after_bulk()
            self.stdout.write(self.style.SUCCESS(f"{scale} Praxisbeispiele vorhanden."))
            return
        for start in range(existing, scale, BATCH):
            with transaction.atomic():
                library = BestPracticeIndexPage.objects.get(pk=library.pk)  # fresh tree numchild
                for number in range(start, min(start + BATCH, scale)):
                    self._create(library, number, organisations, rng)
            self.stdout.write(f"  {min(start + BATCH, scale)}/{scale}")
        self.stdout.write(self.style.SUCCESS(f"{scale} Praxisbeispiele vorhanden."))

    def _library(self):
        home = HomePage.objects.first()
        if home is None:
            home = ensure_root_page().add_child(
                instance=HomePage(title="Stadtlabor", slug="start")
            )
            Site.objects.update_or_create(
                is_default_site=True,
                defaults={
                    "hostname": "localhost",
                    "port": 80,
                    "root_page": home,
                    "site_name": "Stadtlabor",
                },
            )
        library = BestPracticeIndexPage.objects.first()
        if library is None:
            library = BestPracticeIndexPage(title="Praxisbeispiele", slug="praxisbeispiele")
            home.add_child(instance=library)
        return library

    def _towns(self, count, rng):
        lands = [land.value for land in Bundesland]
        towns = []
        for number in range(count):
            town, _created = Organisation.objects.get_or_create(
                slug=f"lasttest-stadt-{number}",
                defaults={
                    "name": f"Lasttest-Stadt {number}",
                    "kind": Organisation.Kind.KOMMUNE,
                    "bundesland": lands[number % len(lands)],
                    "population": rng.choice(POPULATIONS),
                    "status": Organisation.Status.APPROVED,
                },
            )
            towns.append(town)
        return towns

    def _create(self, library, number, organisations, rng):
        page = self._page(number, organisations, rng)
        page.topics.add(*rng.sample(TOPICS, 3))
        library.add_child(instance=page)

    def _page(self, number, organisations, rng):
        now = timezone.now()
        return BestPracticePage(
            title=f"Lasttest-Praxisbeispiel {number}: {rng.choice(TOPICS)}",
            slug=f"last-{number}",
            organisation=organisations[number % len(organisations)],
            summary="Ein erfundenes Beispiel für Lasttests mit typischer Textlänge. " * 3,
            year=rng.randint(2015, 2025),
            duration="18 Monate",
            budget_range=rng.choice(BudgetRange.values),
            problem=to_safe_html("Leere Läden und sinkende Frequenz.\n\nViele Ideen, wenig Plan."),
            approach=to_safe_html("Runder Tisch, Kataster, Zwischennutzung, Messung."),
            results=to_safe_html("Die Innenstadt ist belebter."),
            kpis=[
                (
                    "kpi",
                    {
                        "label": "Besucherfrequenz",
                        "value": "+12 %",
                        "period": "in 6 Monaten",
                        "source": "",
                    },
                )
            ],
            live=True,
            has_unpublished_changes=False,
            first_published_at=now - datetime.timedelta(minutes=number),
            last_published_at=now,
        )

    def _bulk(self, library, numbers, organisations, rng):
        """Insert the pages `numbers` under `library` without a query per page."""
        library = BestPracticeIndexPage.objects.select_for_update().get(pk=library.pk)
        last = library.get_last_child()
        step = Page._str2int(last.path[-Page.steplen:]) + 1 if last else 1
        content_type = ContentType.objects.get_for_model(BestPracticePage)
        pages, topics = [], []
        for offset, number in enumerate(numbers):
            page = self._page(number, organisations, rng)
            page.copy_organisation_facts()
            page.path = Page._get_path(library.path, library.depth + 1, step + offset)
            page.depth = library.depth + 1
            page.numchild = 0
            page.url_path = f"{library.url_path}{page.slug}/"
            page.content_type = content_type
            page.locale_id = library.locale_id
            page.translation_key = uuid.uuid4()
            page.draft_title = page.title
            page.live = True
            pages.append(page)
            topics.append(rng.sample(TOPICS, 3))
        page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        parents = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(page, f.attname) for f in page_fields}) for page in pages]
        )
        for page, parent in zip(pages, parents, strict=True):
            page.page_ptr_id = page.pk = parent.pk
        BestPracticePage.objects.all()._batched_insert(
            pages, fields=BestPracticePage._meta.local_concrete_fields, batch_size=BULK_BATCH
        )
        tags = {name: Tag.objects.get_or_create(name=name)[0] for name in TOPICS}
        BestPracticeTag.objects.bulk_create(
            BestPracticeTag(tag=tags[name], content_object_id=page.pk)
            for page, names in zip(pages, topics, strict=True)
            for name in names
        )
        Page.objects.filter(pk=library.pk).update(numchild=F("numchild") + len(pages))

    def _after_bulk(self):
        """What the per-page signals would have done, once: counts, matching catalog and
        search documents; and fresh planner statistics, without which PostgreSQL guesses
        one row for the library and sorts all of it for each page of results."""
        from django.apps import apps

        from matchmaking import catalogs

        listing_cache.bump()
        catalogs.build(catalogs.CASE_STUDIES)
        if apps.is_installed("search"):
            from search.services import rebuild_index

            self.stdout.write("Suchindex der Praxisbeispiele …")
            rebuild_index(types=["case_study"])
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
