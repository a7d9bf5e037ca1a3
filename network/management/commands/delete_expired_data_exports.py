from django.core.management.base import BaseCommand

from network.account.services import delete_expired_exports


class Command(BaseCommand):
    help = (
        "Löscht abgelaufene Datenexporte (DSGVO-Auskunft) samt ihrer ZIP-Dateien. "
        "Regelmäßig laufen lassen, z. B. stündlich per cron."
    )

    def handle(self, *args, **options):
        count = delete_expired_exports()
        self.stdout.write(f"{count} abgelaufene Datenexporte gelöscht.")
