from django.core.management.base import BaseCommand

from network.digest import services


class Command(BaseCommand):
    help = (
        "Wendet die Löschfristen an: unbestätigte Anmeldungen zur Wochenübersicht werden "
        "nach 30 Tagen gelöscht (per Cron täglich)."
    )

    def handle(self, *args, **options):
        for rule, count in services.apply_retention().items():
            self.stdout.write(f"{rule}: {count} gelöscht")
