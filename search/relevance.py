"""Relevance figures for a judged query set: nDCG@10 and "best item in the top 3".

Plain Python, no database: `evaluate(judged_queries, run_query)` takes the judged queries
(as in `tests/search/data/relevance_queries.json`) and a function that returns the hits
of one query in rank order, and returns the figures. The command `evaluate_search` runs
it against the engines of the current database.
"""

import json
import math
from dataclasses import dataclass
from pathlib import Path

DEFAULT_QUERY_FILE = (
    Path(__file__).resolve().parent.parent / "tests" / "search" / "data" / "relevance_queries.json"
)
CUTOFF = 10
BEST_WITHIN = 3

# A forum reply is judged as its thread: the thread is the thing a member looks for.
_SAME_THING = {"forum_post": "forum_thread"}


def load_queries(path=DEFAULT_QUERY_FILE):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)["queries"]


def item_key(doc_type, title):
    return (_SAME_THING.get(doc_type, doc_type), " ".join(str(title).split()))


@dataclass(frozen=True)
class QueryResult:
    query: str
    ndcg: float
    best_rank: int | None  # 1-based rank of the first best-graded item, None when not in the list
    ranked: tuple  # the distinct item keys as returned, at most CUTOFF

    @property
    def best_in_top(self):
        return self.best_rank is not None and self.best_rank <= BEST_WITHIN


@dataclass(frozen=True)
class Figures:
    ndcg: float
    best_in_top3: float
    results: tuple

    @property
    def count(self):
        return len(self.results)


def _gain(grade):
    return 2**grade - 1


def dcg(grades):
    return sum(_gain(grade) / math.log2(rank + 2) for rank, grade in enumerate(grades))


def judge(query, hits):
    """Score one query: `hits` are (type, title) pairs in rank order.

    The same thing listed twice (a thread and its replies) counts once, at its first place:
    the repeat pushes other results down and gains nothing.
    """
    grades_by_key = {
        item_key(item["type"], item["title"]): item["grade"] for item in query["relevant"]
    }
    seen, ranked, grades = set(), [], []
    for doc_type, title in hits[:CUTOFF]:
        key = item_key(doc_type, title)
        if key in seen:
            grades.append(0)
        else:
            seen.add(key)
            grades.append(grades_by_key.get(key, 0))
        ranked.append(key)
    ideal = dcg(sorted(grades_by_key.values(), reverse=True)[:CUTOFF])
    best = max(grades_by_key.values(), default=0)
    best_rank = next(
        (rank for rank, grade in enumerate(grades, start=1) if best and grade == best), None
    )
    return QueryResult(
        query=query["query"],
        ndcg=dcg(grades) / ideal if ideal else 0.0,
        best_rank=best_rank,
        ranked=tuple(ranked),
    )


def evaluate(queries, run_query):
    """Figures over all `queries`; `run_query(text)` returns [(type, title), …] in rank order."""
    results = tuple(judge(query, run_query(query["query"])) for query in queries)
    count = len(results) or 1
    return Figures(
        ndcg=sum(result.ndcg for result in results) / count,
        best_in_top3=sum(result.best_in_top for result in results) / count,
        results=results,
    )
