"""Evaluate the matching engine on a benchmark dataset (nDCG@k, P@k, MRR)."""

import json
import json as _json
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from matchmaking.engine import DatasetError, MatchIndex, evaluate, load_dataset, rank_by_tag_overlap
from matchmaking.engine.evaluation import (
    default_rows,
    find_dev_set,
    load_set,
    render_table,
    table,
)
from matchmaking.engine.metrics import ndcg_at_k
from matchmaking.engine.texts import strings_in

DATA_DIR = settings.BASE_DIR / "tests" / "matchmaking" / "data"
STANDARD_SETS = {
    "dev": None,  # the shared development set, found by `find_dev_set`
    "holdout": DATA_DIR / "holdout_needs.json",
    "frozen": DATA_DIR / "frozen_needs_2026-11-30.json",
    "frozen2": DATA_DIR / "frozen_needs_2026-11-30b.json",
    "frozen3": DATA_DIR / "frozen_needs_2026-12-01.json",
    "frozen4": DATA_DIR / "frozen_needs_2026-12-01b.json",
}


class Command(BaseCommand):
    help = gettext_noop(
        "Bewertet die Matching-Engine auf einem Datensatz im Format von "
        "shared/benchmarks/README.md und gibt nDCG@k, P@k und MRR über alle Bedarfe aus."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?",
            help=_("Pfad zur JSON-Datei mit „offers“ und „needs“. Ohne Pfad: Tabelle über "
                   "Entwicklungs-, Holdout- und eingefrorenen Satz mit Engine, Ablation und "
                   "Vergleichsverfahren."),
        )
        parser.add_argument(
            "--sets", default="dev,holdout,frozen,frozen2,frozen3,frozen4",
            help=_("Für die Tabelle: welche Sätze, durch Komma getrennt (dev, holdout, frozen, "
                   "frozen2, frozen3, frozen4)."),
        )
        parser.add_argument(
            "--k", type=int, default=5, help=_("Schnitt für nDCG@k und P@k (Standard: 5).")
        )
        parser.add_argument(
            "--json", action="store_true", help=_("Ergebnis als ein JSON-Objekt ausgeben.")
        )
        parser.add_argument(
            "--baseline",
            action="store_true",
            help=_("Zum Vergleich reine Tag-Überschneidung statt der Engine bewerten."),
        )

    def handle(self, *args, path, k, json: bool, baseline: bool, sets: str, **options):
        if k < 1:
            raise CommandError(_("--k muss mindestens 1 sein."))
        if path is None:
            return self.table(k, [name.strip() for name in sets.split(",") if name.strip()],
                              json)
        try:
            dataset = load_dataset(path)
        except DatasetError as error:
            raise CommandError(str(error))
        started = time.perf_counter()
        index = None if baseline else MatchIndex(dataset.offers)
        rankings = {}
        total = len(dataset.needs)
        for position, need in enumerate(dataset.needs, start=1):
            if index is None:
                rankings[need.item.id] = rank_by_tag_overlap(need.item, dataset.offers)
            else:
                rankings[need.item.id] = index.ranking(need.item)
            if position % 50 == 0 or position == total:
                self.stderr.write(f"\r{position}/{total} Bedarfe", ending="")
        self.stderr.write("")
        metrics = evaluate(rankings, dataset.judgements, k)
        if json:
            self.stdout.write(_dumps(metrics))
            return
        label = _("Tag-Überschneidung (Baseline)") if baseline else _("Matching-Engine")
        self.stdout.write(
            _("%(label)s auf %(needs)d Bedarfen und %(offers)d Angeboten (%(seconds).2f s)")
            % {
                "label": label,
                "needs": metrics["needs"],
                "offers": len(dataset.offers),
                "seconds": time.perf_counter() - started,
            }
        )
        if options["verbosity"] >= 2:
            for need in dataset.needs:
                ranking = rankings[need.item.id]
                self.stdout.write(
                    f"  {need.item.id}  nDCG@{k} {ndcg_at_k(ranking, need.relevant, k):.3f}  "
                    f"top: {', '.join(ranking[:k])}"
                )
        self.stdout.write(f"nDCG@{k}  {metrics[f'ndcg@{k}']:.4f}")
        self.stdout.write(f"P@{k}     {metrics[f'p@{k}']:.4f}")
        self.stdout.write(f"MRR      {metrics['mrr']:.4f}")


    def table(self, k, names, as_json):
        dev = find_dev_set(settings.BASE_DIR)
        if dev is None:
            raise CommandError(_("Entwicklungssatz nicht gefunden (shared/benchmarks/"
                                 "matchmaking_dev.json oder $STADTLABOR_BENCHMARKS)."))
        unknown = set(names) - set(STANDARD_SETS)
        if unknown or not names:
            raise CommandError(_("Unbekannter Satz: %(names)s") % {"names": ", ".join(unknown)})
        try:
            datasets = {name: load_set(STANDARD_SETS[name] or dev, catalog=dev)
                        for name in names}
        except DatasetError as error:
            raise CommandError(str(error))
        started = time.perf_counter()
        results = table(default_rows(platform_corpus()), datasets, k)
        if as_json:
            self.stdout.write(_json.dumps(
                {row: {name: {key: round(value, 4) for key, value in metrics.items()}
                       for name, metrics in per_set.items()} for row, per_set in results.items()}
            ))
            return
        self.stdout.write(render_table(results, datasets, k))
        self.stdout.write(_("(%(seconds).1f s; Feedback-Zeilen: Urteile aus der einen Hälfte "
                            "der Bedarfe, gemessen auf der anderen, und umgekehrt)")
                          % {"seconds": time.perf_counter() - started})


# The platform's own texts the corpus source learns from in the evaluation: the demo's
# case studies, articles, pain points, offers and funding programmes (in production the
# index reads the same kinds of texts from the database).
# The platform's own texts as the demo ships them (demo/data/<area>.json).
DEMO_TEXTS = (
    ("bestpractice", "CASES_PART_ONE"),
    ("bestpractice", "CASES_PART_TWO"),
    ("bestpractice", "ARTICLES"),
    ("matchmaking", "PAIN_POINTS"),
    ("matchmaking", "PROVIDERS"),
    ("matchmaking", "OFFERS"),
    ("matchmaking", "PROGRAMMES"),
)


def platform_corpus() -> list[str]:
    from demo.data import load

    texts = []
    for area, attribute in DEMO_TEXTS:
        texts.extend(" ".join(strings_in(record)) for record in getattr(load(area), attribute))
    return [text for text in texts if text]


def _dumps(metrics):
    return json.dumps(
        {key: (round(value, 4) if isinstance(value, float) else value)
         for key, value in metrics.items()}
    )
