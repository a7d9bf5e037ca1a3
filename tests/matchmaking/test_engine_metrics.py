"""nDCG@k, P@k and MRR as the benchmark README defines them."""

import math

import pytest

from matchmaking.engine import evaluate, ndcg_at_k, precision_at_k, reciprocal_rank

LABELS = {"a": 2, "b": 1}


def test_ideal_ranking_scores_one():
    assert ndcg_at_k(["a", "b", "x"], LABELS, 5) == pytest.approx(1.0)


def test_swapped_ranking_uses_label_gains_and_log_discount():
    expected = (1 + 2 / math.log2(3)) / (2 + 1 / math.log2(3))
    assert ndcg_at_k(["b", "a"], LABELS, 5) == pytest.approx(expected)


def test_precision_divides_by_k_and_mrr_looks_for_the_first_label_two():
    assert precision_at_k(["x", "b", "a", "y", "z"], LABELS, 5) == pytest.approx(0.4)
    assert reciprocal_rank(["x", "b", "a"], LABELS) == pytest.approx(1 / 3)
    assert reciprocal_rank(["b", "x"], LABELS) == 0.0


def test_evaluate_averages_over_needs():
    result = evaluate({"n1": ["a", "b"], "n2": ["x", "a"]}, {"n1": LABELS, "n2": {"a": 2}}, k=5)
    assert result["needs"] == 2
    assert result["mrr"] == pytest.approx((1 + 0.5) / 2)
