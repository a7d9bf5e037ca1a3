import json as json_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from search.documents import MEMBERS, PUBLIC
from search.relevance import BEST_WITHIN, CUTOFF, DEFAULT_QUERY_FILE, evaluate, load_queries


class Command(BaseCommand):
    help = (
        "Misst die Relevanz der Suche mit den bewerteten Suchanfragen "
        "(tests/search/data/relevance_queries.json) auf der aktuellen Datenbank – vorher "
        "`seed_demo` ausführen; der Befehl legt selbst nichts an. Gibt nDCG@10 und den "
        "Anteil der Anfragen aus, deren bestes Ergebnis unter den ersten drei steht: für die "
        "Datenbank-Suchmaschine und, wenn ELASTICSEARCH_URL gesetzt ist, für Elasticsearch."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--queries", default=str(DEFAULT_QUERY_FILE), help="Datei mit bewerteten Anfragen."
        )
        parser.add_argument(
            "--visitor",
            action="store_true",
            help="Als Besucher*in suchen (nur öffentliche Inhalte); sonst als Mitglied.",
        )
        parser.add_argument(
            "--engine",
            choices=["database", "elasticsearch"],
            action="append",
            dest="engines",
            help="Nur diese Suchmaschine messen (mehrfach möglich).",
        )
        parser.add_argument(
            "--details", action="store_true", help="Jede Anfrage mit Rang des besten Treffers."
        )
        parser.add_argument(
            "--json", action="store_true", help="Die Kennzahlen als JSON ausgeben (für Tests, CI)."
        )

    def handle(self, *args, queries, visitor, engines=None, details=False, json=False, **options):
        try:
            judged = load_queries(queries)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Die Anfragen lassen sich nicht lesen: {error}") from error
        visibilities = (PUBLIC,) if visitor else (PUBLIC, MEMBERS)
        selected = engines or ["database", "elasticsearch"]
        measured = []
        for name in selected:
            engine = self._engine(name, explicit=bool(engines))
            if engine is None:
                continue
            label = f"{name} ({connection.vendor})" if name == "database" else name

            def run(text, engine=engine):
                results = engine.search(text, visibilities=visibilities, per_page=CUTOFF)
                return [(hit.type, hit.title) for hit in results.hits]

            figures = evaluate(judged, run)
            measured.append((label, figures))
            if details:
                self.stdout.write(f"{label}:")
                for result in figures.results:
                    rank = result.best_rank or "–"
                    self.stdout.write(f"  {result.ndcg:5.3f}  best@{rank!s:<2}  {result.query}")
        if json:
            self.stdout.write(self._json(judged, visitor, measured))
            return
        self.stdout.write(
            f"{len(judged)} bewertete Anfragen, als {'Besucher*in' if visitor else 'Mitglied'}:"
        )
        for label, figures in measured:
            self.stdout.write(
                f"  {label:<24} nDCG@{CUTOFF} {figures.ndcg:.3f}   "
                f"bestes Ergebnis unter den ersten {BEST_WITHIN}: {figures.best_in_top3:.1%}"
            )

    @staticmethod
    def _json(judged, visitor, measured):
        return json_module.dumps(
            {
                "queries": len(judged),
                "visitor": visitor,
                "engines": {
                    label: {
                        f"ndcg@{CUTOFF}": round(figures.ndcg, 4),
                        f"best_in_top{BEST_WITHIN}": round(figures.best_in_top3, 4),
                    }
                    for label, figures in measured
                },
            },
            indent=2,
        )

    def _engine(self, name, explicit):
        if name == "database":
            from search.engines.database import DatabaseEngine

            return DatabaseEngine()
        url = getattr(settings, "ELASTICSEARCH_URL", "") or settings.SEARCH_ENGINE.get("URL", "")
        if not url:
            if explicit:
                raise CommandError("Für Elasticsearch muss ELASTICSEARCH_URL gesetzt sein.")
            return None
        from search.engines.elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(
            url=url, index_prefix=settings.SEARCH_ENGINE.get("INDEX_PREFIX", "")
        )
