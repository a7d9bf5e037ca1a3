"""The relevance figures themselves (pure) and the frozen judged query set."""

import pytest

from search.relevance import DEFAULT_QUERY_FILE, evaluate, judge, load_queries

QUERY = {
    "query": "Leerstand",
    "relevant": [
        {"type": "case_study", "title": "A", "grade": 3},
        {"type": "forum_thread", "title": "B", "grade": 2},
    ],
}


def test_perfect_order_scores_one():
    result = judge(QUERY, [("case_study", "A"), ("forum_thread", "B")])
    assert result.ndcg == pytest.approx(1.0)
    assert result.best_rank == 1


def test_a_reply_counts_as_its_thread_once():
    repeated = judge(QUERY, [("forum_thread", "B"), ("forum_post", "B"), ("case_study", "A")])
    once = judge(QUERY, [("forum_thread", "B"), ("case_study", "A")])
    assert repeated.ndcg < once.ndcg
    assert repeated.best_rank == 3


def test_best_item_outside_the_top_three():
    figures = evaluate(
        [QUERY], lambda text: [("x", "1"), ("x", "2"), ("x", "3"), ("case_study", "A")]
    )
    assert figures.best_in_top3 == 0
    assert 0 < figures.ndcg < 1


def test_the_frozen_set_has_enough_judged_queries():
    queries = load_queries()
    assert len(queries) >= 40
    assert all(query["relevant"] for query in queries)
    assert "2026-11-30" in DEFAULT_QUERY_FILE.read_text(encoding="utf-8")[:80]
