"""Exact scoring of large catalogs with a sparse matrix (scipy), beside the postings.

The postings (feature -> {item: impact}) stay the source of truth and are updated per
item; the matrix (features x items, row-compressed) is built from them and scores a
batch of queries (one row each) with one sparse product. Items added since the build are
scored from the postings ("delta"), items removed or replaced are masked out, so one new
item never waits for a rebuild. Only the candidates that can still reach the top are
returned: the best `keep` by raw score (pseudo-relevance feedback re-ranks those) and the
best `keep` under the constraints (state served first, other town sizes penalised), so
the top k is exact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from scipy.sparse import csr_matrix


class SparseScorer:
    def __init__(self, postings: Mapping[str, Mapping[str, float]],
                 masks: Mapping[str, tuple[int, int]]):
        self.ids = list(masks)
        self.row = row = {item_id: position for position, item_id in enumerate(self.ids)}
        self.col: dict[str, int] = {}
        # Features x items, a feature's row in the order of its postings: a query's row
        # times this sums each item's score over the query's features in the query's
        # order, as the postings do (so the same rounding, and the same ties).
        indptr = [0]
        positions: list[int] = []
        data: list[float] = []
        for feature, items in postings.items():
            self.col[feature] = len(self.col)
            positions.extend(map(row.__getitem__, items.keys()))
            data.extend(items.values())
            indptr.append(len(positions))
        self.matrix = csr_matrix(
            (np.asarray(data, dtype=np.float64), np.asarray(positions, dtype=np.int32),
             np.asarray(indptr, dtype=np.int32)),
            shape=(len(self.col), len(self.ids)),
        )
        self.regions = np.asarray([masks[item_id][0] for item_id in self.ids], dtype=np.int64)
        self.sizes = np.asarray([masks[item_id][1] for item_id in self.ids], dtype=np.int64)
        self.alive = np.ones(len(self.ids), dtype=bool)
        self.dead = 0
        self.id_array = np.asarray(self.ids, dtype=object)
        self._constraint_cache: dict[tuple[int, int, float], tuple[np.ndarray, np.ndarray]] = {}

    def kill(self, item_id: str) -> None:
        """The item was removed or replaced: its row no longer counts."""
        position = self.row.get(item_id)
        if position is not None and self.alive[position]:
            self.alive[position] = False
            self.dead += 1

    def raw_scores(self, queries: Sequence[Mapping[str, float]]) -> np.ndarray:
        """Per query, its raw score against every item of the catalog (0 for those it shares
        no feature with, and for those removed since): one sparse product for a whole
        batch of queries, spread into one dense row per query."""
        col = self.col
        indptr = [0]
        columns: list[int] = []
        weights: list[float] = []
        for query_weights in queries:
            for feature, weight in query_weights.items():
                column = col.get(feature)
                if column is not None:
                    columns.append(column)
                    weights.append(weight)
            indptr.append(len(columns))
        block = csr_matrix(
            (np.asarray(weights, dtype=np.float64), np.asarray(columns, dtype=np.int32),
             np.asarray(indptr, dtype=np.int32)),
            shape=(len(queries), self.matrix.shape[0]),
        )
        # Dense rows (a batch of 200 at 10,000 items is 16 MB): a query scores most of the
        # catalog above zero, and per-row work on them is cheaper than on the sparse rows.
        rows = (block @ self.matrix).toarray()
        if self.dead:
            rows[:, ~self.alive] = 0.0
        return rows

    def candidates(self, query_weights: Mapping[str, float], query_regions: int,
                   query_sizes: int, size_penalty: float, keep: int,
                   raw: np.ndarray | None = None) -> dict[str, float]:
        """Raw scores of the candidates that can still reach the top `keep`; `raw` is the
        query's row of `raw_scores()` if a batch computed it already."""
        scores = raw if raw is not None else self.raw_scores([query_weights])[0]
        # Positions in catalog order: the candidates come out in that order, so ties
        # break the same way every time.
        found = np.flatnonzero(scores > 0)
        if len(found) > 2 * keep:
            raw_found = scores[found]
            in_region, size_factor = self._constraints(query_regions, query_sizes, size_penalty)
            constrained = raw_found * size_factor[found]
            tier = np.where(in_region[found], 2.0 * float(raw_found.max()) + 1.0, 0.0)
            chosen = _best_of(raw_found, keep) | _best_of(constrained + tier, keep)
            found = found[chosen]
        return dict(zip(self.id_array[found].tolist(), scores[found].tolist(), strict=True))

    def _constraints(self, query_regions: int, query_sizes: int,
                     size_penalty: float) -> tuple[np.ndarray, np.ndarray]:
        """Per item, whether it serves one of the query's states and the share of its score
        it keeps for the town sizes: the same for every query with these masks (a pain
        point names one state and one size), so worked out once per combination."""
        key = (query_regions, query_sizes, size_penalty)
        found = self._constraint_cache.get(key)
        if found is None:
            found = ((self.regions & query_regions) != 0,
                     np.where((self.sizes & query_sizes) == 0, size_penalty, 1.0))
            if len(self._constraint_cache) >= 256:
                self._constraint_cache.clear()
            self._constraint_cache[key] = found
        return found


def _best_of(values: np.ndarray, keep: int) -> np.ndarray:
    """A mask of the `keep` largest values: the set `np.argpartition(-values, keep)[:keep]`
    gives. Two partitioned values tell whether that set is unique (no tie across its
    border); then one comparison finds it, at a sixth of argpartition's cost; with a tie,
    argpartition itself picks, as it always did."""
    negated = -values
    ordered = np.partition(negated, (keep - 1, keep))
    if ordered[keep - 1] < ordered[keep]:
        return negated <= ordered[keep - 1]
    mask = np.zeros(len(values), dtype=bool)
    mask[np.argpartition(negated, keep)[:keep]] = True
    return mask
