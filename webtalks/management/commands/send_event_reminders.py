from django.core.management.base import BaseCommand

from webtalks.services import send_due_reminders


class Command(BaseCommand):
    help = (
        "Verschickt die Erinnerungen 24 Stunden und 1 Stunde vor jeder Veranstaltung. "
        "Kann alle paar Minuten laufen: niemand bekommt eine Erinnerung doppelt."
    )

    def handle(self, *args, **options):
        def progress(event, kind):
            if options["verbosity"] > 1:
                self.stdout.write(f"  {event.title} ({kind})")

        sent = send_due_reminders(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"{sent} Erinnerung(en) verschickt."))
