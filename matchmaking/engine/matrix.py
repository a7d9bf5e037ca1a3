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

    def kill(self, item_id: str) -> None:
        """The item was removed or replaced: its row no longer counts."""
        position = self.row.get(item_id)
        if position is not None:
            self.alive[position] = False

    def raw_scores(self, queries: Sequence[Mapping[str, float]]) -> list[tuple[np.ndarray,
                                                                            np.ndarray]]:
        """Per query, the positions of the items it scores above zero and their scores:
        one sparse product for a whole batch of queries."""
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
        product = block @ self.matrix
        indptr, indices, data = product.indptr, product.indices, product.data
        return [(indices[indptr[number]:indptr[number + 1]],
                 data[indptr[number]:indptr[number + 1]]) for number in range(len(queries))]

    def candidates(self, query_weights: Mapping[str, float], query_regions: int,
                   query_sizes: int, size_penalty: float, keep: int,
                   raw: tuple[np.ndarray, np.ndarray] | None = None) -> dict[str, float]:
        """Raw scores of the candidates that can still reach the top `keep`; `raw` is the
        query's row of `raw_scores()` if a batch computed it already."""
        positions, values = raw if raw is not None else self.raw_scores([query_weights])[0]
        # Spread over the whole catalog (the product's row is in no particular order): the
        # candidates come out in catalog order, so ties break the same way every time.
        scores = np.zeros(len(self.ids))
        scores[positions] = values
        scores[~self.alive] = 0.0
        found = np.flatnonzero(scores > 0)
        ids = self.ids
        if len(found) > 2 * keep:
            raw_found = scores[found]
            by_raw = found[np.argpartition(-raw_found, keep)[:keep]]
            constrained = raw_found * np.where((self.sizes[found] & query_sizes) == 0,
                                               size_penalty, 1.0)
            tier = np.where((self.regions[found] & query_regions) != 0,
                            2.0 * float(raw_found.max()) + 1.0, 0.0)
            by_constraint = found[np.argpartition(-(constrained + tier), keep)[:keep]]
            found = np.union1d(by_raw, by_constraint)
        return dict(zip([ids[position] for position in found.tolist()],
                        scores[found].tolist(), strict=True))
