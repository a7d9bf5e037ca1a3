from django.core.management.base import BaseCommand

from network.notifications.services import send_due_mails


class Command(BaseCommand):
    help = (
        "Verschickt fällige Benachrichtigungs-Mails, gebündelt: höchstens eine Mail pro "
        "Person und Thema und Stunde. Kann alle paar Minuten laufen."
    )

    def handle(self, *args, **options):
        sent = send_due_mails()
        self.stdout.write(f"{sent} Benachrichtigungs-Mail(s) verschickt.")
