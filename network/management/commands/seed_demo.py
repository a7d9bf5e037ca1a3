from importlib import import_module, util

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from config import upkeep
from demo.data import load
from demo.network import DemoContext, ensure_root_page

# Modules whose `load_demo(context)` adds demo content, in dependency order; a module
# is used when its app is installed and it exists.
DEMO_MODULES = [
    "demo.network",
    "demo.bestpractice",
    "demo.webtalks",
    "demo.forum",
    "demo.matchmaking",
    "demo.roundtables",
    "demo.digest",
    "demo.people",
    "demo.pictures",  # after everything that has pages and organisations
]


class Command(BaseCommand):
    help = (
        "Lädt die deutschen Demo-Inhalte (Organisationen, Personen, Seiten …). "
        "Idempotent: ein zweiter Lauf ändert nichts."
    )

    def handle(self, *args, **options):
        context = DemoContext(stdout=self.stdout)
        # The page root first: on a database without Wagtail's migration rows (emptied by
        # a flush) the workflow below would otherwise find no root, and only a second run
        # would attach it, so the seed would not be idempotent there.
        ensure_root_page()
        if apps.is_installed("bestpractice"):
            from bestpractice.workflow import ensure_editorial_workflow

            ensure_editorial_workflow()  # also on databases migrated before it existed
        # Saving the demo object by object would re-index each one (search, matching);
        # the derived indexes are rebuilt once at the end instead.
        with upkeep.deferred():
            for module_path in DEMO_MODULES:
                # demo.<area>: skipped when <area> is an app that is not installed.
                area = module_path.split(".")[1] if module_path.startswith("demo.") else ""
                app = area or module_path.split(".")[0]
                if util.find_spec(app) is not None and not apps.is_installed(app):
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
        self._rebuild_indexes()
        self.stdout.write(self.style.SUCCESS("Demo-Inhalte sind geladen."))
        network = load("network")
        self.stdout.write(f"Demo-Zugänge (Passwort für alle: {network.DEMO_PASSWORD}):")
        for person in network.PEOPLE:
            self.stdout.write(f"  {person['email']:<38} {person['job_title']}")

    def _rebuild_indexes(self):
        if apps.is_installed("search"):
            from search.services import rebuild_index

            self.stdout.write("Suchindex …")
            rebuild_index()
        if apps.is_installed("matchmaking"):
            from matchmaking import catalogs
            from matchmaking.recompute import recompute_all

            self.stdout.write("Matching-Kataloge und Treffer …")
            for name in (catalogs.CASE_STUDIES, catalogs.FUNDING, catalogs.EVENTS):
                catalogs.build(name)
            recompute_all()
