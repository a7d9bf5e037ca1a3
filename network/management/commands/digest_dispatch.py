from django.core.management.base import BaseCommand

from network.digest import services


class Command(BaseCommand):
    help = (
        "Startet fällige geplante Wochenübersichten und reiht unterbrochene Versände wieder "
        "ein (per Cron alle paar Minuten). Mit --weekly-personal: in Wochen ohne redaktionelle "
        "Ausgabe den persönlichen Teil „Für Sie“ versenden (per Cron einmal pro Woche)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--weekly-personal", action="store_true",
                            help="Persönliche Ausgabe für Wochen ohne redaktionelle Ausgabe.")

    def handle(self, *args, weekly_personal=False, **options):
        started = services.dispatch_due()
        self.stdout.write(f"{started} geplante Ausgabe(n) gestartet.")
        if weekly_personal:
            issue = services.weekly_personal_issue()
            if issue is None:
                self.stdout.write("Diese Woche gab es eine redaktionelle Ausgabe.")
            else:
                self.stdout.write(f"Persönliche Ausgabe {issue.slug} gestartet.")
