"""Exact scoring of large catalogs with a sparse matrix (scipy), beside the postings.

The postings (feature -> {item: impact}) stay the source of truth and are updated per
item; the matrix (items x features, column-compressed) is built from them and scores a
query with one sparse product over the query's columns. Items added since the build are
scored from the postings ("delta"), items removed or replaced are masked out, so one new
item never waits for a rebuild. Only the candidates that can still reach the top are
returned: the best `keep` by raw score (pseudo-relevance feedback re-ranks those) and the
best `keep` under the constraints (state served first, other town sizes penalised), so
the top k is exact.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from scipy.sparse import csc_matrix


class SparseScorer:
    def __init__(self, postings: Mapping[str, Mapping[str, float]],
                 masks: Mapping[str, tuple[int, int]]):
        self.ids = list(masks)
        self.row = {item_id: position for position, item_id in enumerate(self.ids)}
        self.col: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        data: list[float] = []
        row = self.row
        for feature, items in postings.items():
            column = self.col.setdefault(feature, len(self.col))
            for item_id, impact in items.items():
                position = row.get(item_id)
                if position is not None:
                    rows.append(position)
                    cols.append(column)
                    data.append(impact)
        self.matrix = csc_matrix(
            (np.asarray(data, dtype=np.float64),
             (np.asarray(rows, dtype=np.int32), np.asarray(cols, dtype=np.int32))),
            shape=(len(self.ids), max(len(self.col), 1)),
        )
        self.regions = np.asarray([masks[item_id][0] for item_id in self.ids], dtype=np.int64)
        self.sizes = np.asarray([masks[item_id][1] for item_id in self.ids], dtype=np.int64)
        self.alive = np.ones(len(self.ids), dtype=bool)

    def kill(self, item_id: str) -> None:
        """The item was removed or replaced: its row no longer counts."""
        position = self.row.get(item_id)
        if position is not None:
            self.alive[position] = False

    def candidates(self, query_weights: Mapping[str, float], query_regions: int,
                   query_sizes: int, size_penalty: float, keep: int) -> dict[str, float]:
        """Raw scores of the candidates that can still reach the top `keep`."""
        features = [feature for feature in query_weights if feature in self.col]
        if not features:
            return {}
        columns = [self.col[feature] for feature in features]
        weights = np.asarray([query_weights[feature] for feature in features])
        scores = self.matrix[:, columns] @ weights
        scores[~self.alive] = 0.0
        found = np.flatnonzero(scores > 0)
        ids = self.ids
        if len(found) > 2 * keep:
            raw = scores[found]
            by_raw = found[np.argpartition(-raw, keep)[:keep]]
            constrained = raw * np.where((self.sizes[found] & query_sizes) == 0,
                                         size_penalty, 1.0)
            tier = np.where((self.regions[found] & query_regions) != 0,
                            2.0 * float(raw.max()) + 1.0, 0.0)
            key = constrained + tier
            by_constraint = found[np.argpartition(-key, keep)[:keep]]
            found = np.union1d(by_raw, by_constraint)
        return {ids[position]: float(scores[position]) for position in found}
