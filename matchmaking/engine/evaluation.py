"""Side-by-side evaluation: several rankers over several judged sets (pure, no Django).

A ranker is a function that builds itself once per catalog and then orders every
offer for one need. The table compares the engine, its ablations (knowledge
sources switched on one at a time), plain tag overlap and a library baseline
(character n-gram TF-IDF from scikit-learn) on each set with nDCG@k, P@k and MRR.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .dataset import Dataset, DatasetError, Need, parse_dataset
from .index import MatchIndex
from .items import Item
from .knowledge import Sources, Verdict
from .metrics import evaluate
from .ranking import rank_by_tag_overlap

# Orders every offer of a catalog for one need.
Ranker = Callable[[Item], list[str]]
# Builds a ranker for a catalog; `training` are other judged needs it may learn from
# (simulated members' feedback), never the needs it is measured on.
RankerFactory = Callable[[Sequence[Item], Sequence[Need]], Ranker]

DEV_SET_NAME = "matchmaking_dev.json"


def find_dev_set(base_dir: Path) -> Path | None:
    """The shared development set: $STADTLABOR_BENCHMARKS, or a `shared/benchmarks`
    folder next to the checkout (or next to the folder of worktrees)."""
    candidates = []
    if os.environ.get("STADTLABOR_BENCHMARKS"):
        candidates.append(Path(os.environ["STADTLABOR_BENCHMARKS"]) / DEV_SET_NAME)
    for parent in (base_dir.parent, base_dir.parent.parent):
        candidates.append(parent / "shared" / "benchmarks" / DEV_SET_NAME)
    return next((path for path in candidates if path.exists()), None)


def load_set(path: Path, catalog: Path | None = None) -> Dataset:
    """A judged set; a file with needs only is judged over `catalog`'s offers."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"Datei nicht gefunden: {path}")
    except json.JSONDecodeError as error:
        raise DatasetError(f"Kein gültiges JSON in {path}: {error}")
    if isinstance(data, dict) and "offers" not in data and isinstance(data.get("needs"), list):
        if catalog is None:
            raise DatasetError(f"{path} enthält nur Bedarfe; es fehlt der Katalog mit Angeboten.")
        offers = json.loads(Path(catalog).read_text(encoding="utf-8"))["offers"]
        data = {"offers": offers, "needs": data["needs"]}
    return parse_dataset(data)


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    factory: RankerFactory
    # Learns from other needs' labels (k-fold within the set); measured only on the rest.
    learns: bool = False


def run_ranker(row: Row, dataset: Dataset, k: int, folds: int = 2) -> dict[str, float]:
    needs = dataset.needs
    rankings: dict[str, list[str]] = {}
    if row.learns and len(needs) >= folds:
        for fold in range(folds):
            test = [need for position, need in enumerate(needs) if position % folds == fold]
            train = [need for position, need in enumerate(needs) if position % folds != fold]
            ranker = row.factory(dataset.offers, train)
            for need in test:
                rankings[need.item.id] = ranker(need.item)
    else:
        ranker = row.factory(dataset.offers, ())
        for need in needs:
            rankings[need.item.id] = ranker(need.item)
    return evaluate(rankings, dataset.judgements, k)


def table(rows: Sequence[Row], datasets: Mapping[str, Dataset], k: int = 5
          ) -> dict[str, dict[str, dict[str, float]]]:
    """{row name: {set name: metrics}}."""
    return {row.name: {name: run_ranker(row, dataset, k) for name, dataset in datasets.items()}
            for row in rows}


def render_table(results: Mapping[str, Mapping[str, Mapping[str, float]]],
                 datasets: Mapping[str, Dataset], k: int = 5) -> str:
    """A Markdown table: one row per ranker, nDCG@k / P@k / MRR per set."""
    names = list(datasets)
    header = ["Ranking"] + [
        f"{name} ({len(datasets[name].needs)}) nDCG@{k} / P@{k} / MRR" for name in names
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row_name, per_set in results.items():
        cells = [row_name]
        for name in names:
            metrics = per_set[name]
            cells.append(f"{metrics[f'ndcg@{k}']:.3f} / {metrics[f'p@{k}']:.3f} / "
                         f"{metrics['mrr']:.3f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


# -- baselines -------------------------------------------------------------------------


def tag_overlap_factory(offers: Sequence[Item], _training: Iterable[Need] = ()) -> Ranker:
    return lambda need: rank_by_tag_overlap(need, offers)


def _text(item: Item) -> str:
    return " ".join((item.title, " ".join(item.tags), item.description))


def tfidf_factory(offers: Sequence[Item], _training: Iterable[Need] = ()) -> Ranker:
    """The library baseline: TF-IDF over character 3–5-grams within word boundaries,
    cosine similarity, no German knowledge and no region or size constraint."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                                 lowercase=True)
    matrix = vectorizer.fit_transform([_text(offer) for offer in offers])
    ids = [offer.id for offer in offers]

    def ranker(need: Item) -> list[str]:
        scores = linear_kernel(vectorizer.transform([_text(need)]), matrix)[0]
        order = sorted(range(len(ids)), key=lambda position: (-scores[position], position))
        return [ids[position] for position in order if ids[position] != need.id]

    return ranker


# -- the engine and its ablations ------------------------------------------------------


def engine_factory(sources: Sources | None = None, corpus: Sequence[str] = ()) -> RankerFactory:
    def factory(offers: Sequence[Item], training: Sequence[Need] = ()) -> Ranker:
        index = MatchIndex(offers, sources=sources or Sources(), corpus=corpus,
                           verdicts=simulated_verdicts(training))
        return index.ranking

    return factory


def simulated_verdicts(needs: Iterable[Need]) -> list[Verdict]:
    """Members' verdicts as a judged need would give them: "hilfreich" for an offer
    labelled 2, "passt nicht" for one it does not label."""
    verdicts = []
    for need in needs:
        for offer_id, label in need.relevant.items():
            if label >= 2:
                verdicts.append(Verdict(need.item, offer_id, helpful=True))
    return verdicts


def default_rows(corpus: Sequence[str] = ()) -> list[Row]:
    """The engine, each knowledge source alone on top of the bare engine, the baselines.

    `corpus`: the platform's other texts (case studies, articles, …) for the corpus source."""
    engine = Sources()
    rows = [Row("Engine (ihre Quellen, ohne Feedback)", engine_factory(engine, corpus))]
    rows.append(Row("Engine + Feedback (2-fach Kreuzvalidierung)",
                    engine_factory(engine, corpus), learns=True))
    bare = Sources.none()
    rows.append(Row("Engine ohne Wissensquellen", engine_factory(bare)))
    for name, label in Sources.LABELS.items():
        if name == "feedback":
            rows.append(Row(f"  nur + {label} (2-fach Kreuzvalidierung)",
                            engine_factory(bare.with_(name)), learns=True))
        else:
            rows.append(Row(f"  nur + {label}", engine_factory(bare.with_(name), corpus)))
    # Each source the engine leaves out, added to it; each one it uses, taken away.
    for name, label in Sources.LABELS.items():
        if name != "feedback":
            on = getattr(engine, name)
            rows.append(Row(f"  {'ohne' if on else 'mit'} {label}",
                            engine_factory(replace(engine, **{name: not on}), corpus)))
    rows.append(Row("TF-IDF Zeichen-3–5-Gramme (scikit-learn)", tfidf_factory))
    rows.append(Row("reine Tag-Überschneidung", tag_overlap_factory))
    return rows
