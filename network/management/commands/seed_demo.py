from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from network.demo import DemoContext
from network.demo_data import DEMO_PASSWORD, PEOPLE

# Modules whose `load_demo(context)` adds demo content, in dependency order; a module
# is used when its app is installed and it exists.
DEMO_MODULES = [
    "network.demo",
    "bestpractice.demo",
    "webtalks.demo",
    "network.forum.demo",
    "matchmaking.demo",
    "demo.roundtables",
    "demo.people",
]


class Command(BaseCommand):
    help = (
        "Lädt die deutschen Demo-Inhalte (Organisationen, Personen, Seiten …). "
        "Idempotent: ein zweiter Lauf ändert nichts."
    )

    def handle(self, *args, **options):
        context = DemoContext(stdout=self.stdout)
        for module_path in DEMO_MODULES:
            package = module_path.split(".")[0]
            # Loaders in the top-level `demo` package belong to no app; the others need theirs.
            if package != "demo" and not apps.is_installed(package):
                continue
            try:
                module = import_module(module_path)
            except ModuleNotFoundError as error:
                if error.name and module_path.startswith(error.name):
                    continue  # that part of the platform has no demo content (yet)
                raise
            self.stdout.write(f"Demo-Inhalte: {module_path} …")
            with transaction.atomic():
                module.load_demo(context)
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind geladen."))
        self.stdout.write(f"Demo-Zugänge (Passwort für alle: {DEMO_PASSWORD}):")
        for person in PEOPLE:
            self.stdout.write(f"  {person['email']:<38} {person['job_title']}")
