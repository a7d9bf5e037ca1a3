from django.core.management.base import BaseCommand, CommandError

from search import services
from search.documents import document_types


class Command(BaseCommand):
    help = (
        "Baut den Suchindex aus der Datenbank neu auf – für alle registrierten Inhaltsarten "
        "oder nur für die mit --type genannten. Ohne --type ersetzt er den ganzen Index."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--type",
            action="append",
            dest="types",
            metavar="TYP",
            help="Nur diese Inhaltsart neu indexieren (mehrfach möglich). "
            f"Registriert: {', '.join(document_types()) or '–'}.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=500,
            help="Wie viele Objekte auf einmal geladen werden (Standard: 500).",
        )

    def handle(self, *args, types=None, batch_size=500, verbosity=1, **options):
        unknown = sorted(set(types or ()) - set(document_types()))
        if unknown:
            raise CommandError(
                f"Unbekannte Inhaltsart: {', '.join(unknown)}. "
                f"Registriert: {', '.join(document_types())}."
            )
        if batch_size < 1:
            raise CommandError("--batch-size muss mindestens 1 sein.")

        def progress(doc_type, done, total):
            if verbosity >= 1:
                self.stdout.write(f"  {doc_type}: {done}/{total}")

        counts = services.rebuild_index(types=types, batch_size=batch_size, progress=progress)
        summary = ", ".join(f"{doc_type}: {count}" for doc_type, count in counts.items())
        self.stdout.write(
            self.style.SUCCESS(f"Suchindex neu aufgebaut ({summary or 'keine Typen'}).")
        )
