"""Fill the library with N synthetic case studies for load tests (`bench/library_load.py`)."""

import datetime
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from bestpractice.models import BestPracticeIndexPage, BestPracticePage, BudgetRange
from bestpractice.richtext import to_safe_html
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


class Command(BaseCommand):
    help = (
        "Legt N erfundene Praxisbeispiele für Lasttests an (--scale N). Erstellt Startseite und "
        "Bibliothek, falls sie fehlen. Nicht für Produktionsdaten gedacht."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, required=True, help="Anzahl der Praxisbeispiele")
        parser.add_argument("--towns", type=int, default=60, help="Anzahl erfundener Kommunen")
        parser.add_argument("--seed", type=int, default=7, help="Zufallsstartwert")

    def handle(self, *args, scale, towns, seed, **options):
        if scale < 1:
            raise CommandError("--scale muss mindestens 1 sein.")
        rng = random.Random(seed)
        library = self._library()
        organisations = self._towns(towns, rng)
        existing = (
            BestPracticePage.objects.child_of(library).filter(slug__startswith="last-").count()
        )
        self.stdout.write(f"Bibliothek enthält {existing} Lasttest-Beispiele; Ziel {scale}.")
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
            home = Page.get_first_root_node().add_child(
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
        now = timezone.now()
        page = BestPracticePage(
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
        page.topics.add(*rng.sample(TOPICS, 3))
        library.add_child(instance=page)
