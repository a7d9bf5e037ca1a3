"""`manage.py evaluate_matching`: metrics on a dataset, JSON output, baseline, floors."""

import json
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

REPO = Path(__file__).resolve().parents[2]
DEV_SET = REPO / ".." / "shared" / "benchmarks" / "matchmaking_dev.json"
HOLDOUT_NEEDS = Path(__file__).parent / "data" / "holdout_needs.json"

# A little under what the engine reaches (issue 13, without the synonym groups that were
# written from the dev set's needs: dev 0.756, hold-out 0.884 on its 14 needs), so a
# change that makes matching worse fails here.
DEV_NDCG_FLOOR = 0.73
HOLDOUT_NDCG_FLOOR = 0.86

TINY_DATASET = {
    "offers": [
        {"id": "o1", "title": "Pop-up-Stores in leeren Läden", "description": "",
         "tags": ["Leerstand", "Zwischennutzung"], "regions": ["DE"],
         "municipality_sizes": ["small", "medium", "large"]},
        {"id": "o2", "title": "Parkleitsystem", "description": "Freie Parkplätze anzeigen.",
         "tags": ["Parken"], "regions": ["DE"], "municipality_sizes": ["medium", "large"]},
        {"id": "o3", "title": "Leerstandsbörse", "description": "",
         "tags": ["leere Ladenlokale"], "regions": ["BY"], "municipality_sizes": ["small"]},
    ],
    "needs": [
        {"id": "n1", "municipality": "Hamm", "state": "NW", "population": 180000,
         "title": "Leere Läden", "description": "Viele Ladenlokale stehen leer.",
         "tags": ["Leerstand"], "relevant": {"o1": 2}},
        {"id": "n2", "municipality": "Wesel", "state": "NW", "population": 60000,
         "title": "Parkplatzsuche", "description": "Autos kreisen.", "tags": ["Parken"],
         "relevant": {"o2": 2}},
    ],
}


def shared_dataset(path):
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} fehlt, in CI ist der Datensatz Pflicht.")
        pytest.skip(f"{path} fehlt (../shared nicht vorhanden)")
    return path


@pytest.fixture
def tiny_dataset(tmp_path):
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(TINY_DATASET), encoding="utf-8")
    return path


def run(*args):
    stdout, stderr = StringIO(), StringIO()
    call_command("evaluate_matching", *[str(arg) for arg in args], stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def test_prints_the_three_metrics_and_progress(tiny_dataset):
    output, progress = run(tiny_dataset)
    assert "nDCG@5  1.0000" in output
    assert "P@5     0.2000" in output
    assert "MRR      1.0000" in output
    assert "2/2 Bedarfe" in progress


def test_json_output_is_one_object_with_the_documented_keys(tiny_dataset):
    output, _ = run(tiny_dataset, "--json")
    assert json.loads(output) == {"ndcg@5": 1.0, "p@5": 0.2, "mrr": 1.0, "needs": 2}


def test_k_changes_the_cut(tiny_dataset):
    result = json.loads(run(tiny_dataset, "--json", "--k", "1")[0])
    assert result["p@1"] == 1.0 and "ndcg@1" in result


def test_baseline_ranks_by_plain_tag_overlap(tiny_dataset):
    result = json.loads(run(tiny_dataset, "--json", "--baseline")[0])
    assert result["needs"] == 2 and result["mrr"] == 1.0


def test_verbose_output_lists_each_need(tiny_dataset):
    output, _ = run(tiny_dataset, "-v", "2")
    assert "n1  nDCG@5 1.000  top: o1" in output


def test_missing_or_malformed_files_fail_with_a_german_message(tmp_path):
    with pytest.raises(CommandError, match="Datei nicht gefunden"):
        run(tmp_path / "fehlt.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"offers": []}', encoding="utf-8")
    with pytest.raises(CommandError, match="offers"):
        run(broken)
    with pytest.raises(CommandError, match="--k"):
        run(broken, "--k", "0")


def test_dev_set_stays_above_its_floor_and_beats_the_baseline():
    path = shared_dataset(DEV_SET)
    engine = json.loads(run(path, "--json")[0])
    baseline = json.loads(run(path, "--json", "--baseline")[0])
    assert engine["needs"] == 10
    assert engine["ndcg@5"] >= DEV_NDCG_FLOOR
    assert engine["ndcg@5"] > baseline["ndcg@5"] + 0.2


def test_hold_out_needs_over_the_same_catalog_stay_above_their_floor(tmp_path):
    """Needs written apart from the dev set, to catch tuning to its ten needs."""
    catalog = json.loads(shared_dataset(DEV_SET).read_text(encoding="utf-8"))
    needs = json.loads(HOLDOUT_NEEDS.read_text(encoding="utf-8"))["needs"]
    path = tmp_path / "holdout.json"
    path.write_text(json.dumps({"offers": catalog["offers"], "needs": needs}), encoding="utf-8")
    engine = json.loads(run(path, "--json")[0])
    assert engine["needs"] == len(needs)
    assert engine["ndcg@5"] >= HOLDOUT_NDCG_FLOOR


DATA = Path(__file__).parent / "data"
# A little under the engine's figure on each frozen set when it was first reported
# (see docs/decisions.md, issue 13; frozen2: 0.819, frozen3: 0.786, frozen4: 0.824 at their
# first and only report): a change that makes matching worse on needs nobody tuned on fails
# here. Never raise a floor by tuning on its set.
FROZEN_SETS = [
    ("frozen_needs_2026-11-30.json", 0.84),
    ("frozen_needs_2026-11-30b.json", 0.80),
    ("frozen_needs_2026-12-01.json", 0.76),
    ("frozen_needs_2026-12-01b.json", 0.80),
]
FROZEN_TFIDF_MARGIN = 0.05


@pytest.mark.parametrize("file_name, floor", FROZEN_SETS)
def test_the_frozen_set_stays_above_its_floor_and_beats_the_library_baseline(file_name, floor):
    from django.conf import settings

    from matchmaking.engine.evaluation import (
        Row,
        engine_factory,
        find_dev_set,
        load_set,
        run_ranker,
        tfidf_factory,
    )
    from matchmaking.management.commands.evaluate_matching import platform_corpus

    dev = find_dev_set(Path(settings.BASE_DIR))
    if dev is None:
        shared_dataset(DEV_SET)  # skips (or fails in CI) with the usual message
    frozen = load_set(DATA / file_name, catalog=dev)
    assert len(frozen.needs) >= 30
    engine = run_ranker(Row("engine", engine_factory(corpus=platform_corpus())), frozen, 5)
    tfidf = run_ranker(Row("tfidf", tfidf_factory), frozen, 5)
    assert engine["ndcg@5"] >= floor
    assert engine["ndcg@5"] >= tfidf["ndcg@5"] + FROZEN_TFIDF_MARGIN


def test_without_a_path_one_table_compares_rankers_across_sets(monkeypatch):
    from django.conf import settings

    from matchmaking.engine.evaluation import find_dev_set

    if find_dev_set(Path(settings.BASE_DIR)) is None:
        shared_dataset(DEV_SET)
    output, _ = run("--sets", "holdout")
    assert output.startswith("| Ranking | holdout (14) nDCG@5 / P@5 / MRR |")
    for row in ("Engine (ihre Quellen, ohne Feedback)", "Engine ohne Wissensquellen",
                "nur + Lexikon", "nur + Korpus", "nur + Feedback", "ohne Synonymliste",
                "mit Korpus",
                "TF-IDF Zeichen-3–5-Gramme (scikit-learn)", "reine Tag-Überschneidung"):
        assert row in output
    with pytest.raises(CommandError, match="Unbekannter Satz"):
        run("--sets", "geheim")
