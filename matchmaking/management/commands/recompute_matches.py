from django.core.management.base import BaseCommand

from matchmaking.recompute import recompute_all


class Command(BaseCommand):
    help = (
        "Berechnet die gespeicherten Treffer aller Bedarfe und Angebote neu – nach einer "
        "Störung der Aufgabenwarteschlange oder als nächtliche Kontrolle."
    )

    def handle(self, *args, **options):
        counts = recompute_all()
        self.stdout.write(
            f"Treffer neu berechnet: {counts['for_pain_point']} Bedarfe, "
            f"{counts['for_offer']} Angebote."
        )
