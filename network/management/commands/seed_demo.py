from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from network.demo import DemoContext
from network.demo_data import DEMO_PASSWORD, PEOPLE

# Apps whose `<app>.demo.load_demo(context)` adds demo content, in dependency order.
DEMO_APPS = ["network", "bestpractice", "webtalks", "network_forum", "matchmaking"]


class Command(BaseCommand):
    help = (
        "Lädt die deutschen Demo-Inhalte (Organisationen, Personen, Seiten …). "
        "Idempotent: ein zweiter Lauf ändert nichts."
    )

    def handle(self, *args, **options):
        context = DemoContext(stdout=self.stdout)
        for app_label in DEMO_APPS:
            if not apps.is_installed(app_label):
                continue
            try:
                module = import_module(f"{app_label}.demo")
            except ModuleNotFoundError:
                continue
            self.stdout.write(f"Demo-Inhalte: {app_label} …")
            with transaction.atomic():
                module.load_demo(context)
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind geladen."))
        self.stdout.write(f"Demo-Zugänge (Passwort für alle: {DEMO_PASSWORD}):")
        for person in PEOPLE:
            self.stdout.write(f"  {person['email']:<38} {person['job_title']}")
