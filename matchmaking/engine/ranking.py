"""Ranking entry points: `rank()` for one query, and the plain tag-overlap baseline."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .index import MatchIndex, Weights
from .items import Item
from .matches import Match
from .synonyms import DEFAULT_SYNONYMS, GroupData
from .text import fold


def rank(
    need: Item,
    offers: Iterable[Item],
    k: int = 5,
    *,
    synonyms: Iterable[GroupData] = DEFAULT_SYNONYMS,
    extra_synonyms: Iterable[GroupData] = (),
    weights: Weights | None = None,
) -> list[Match]:
    """The k best of `offers` for `need`, best first, with readable reasons.

    Works in every direction (a pain point against offers, an offer against pain
    points, a pain point against best practices or funding programmes): only the
    plain item shape matters. To rank many queries against one catalog, build a
    `MatchIndex` once and call its `top()`.
    """
    index = MatchIndex(
        offers, synonyms=synonyms, extra_synonyms=extra_synonyms, weights=weights
    )
    return index.top(need, k)


def normalise_tag(tag: str) -> str:
    return " ".join(fold(tag).split())


def rank_by_tag_overlap(need: Item, offers: Sequence[Item]) -> list[str]:
    """Baseline: every offer id ordered by the number of tags it shares exactly
    (case-insensitive) with the need, ties in catalog order."""
    need_tags = {normalise_tag(tag) for tag in need.tags}
    overlaps = [
        (-len(need_tags & {normalise_tag(tag) for tag in offer.tags}), position, offer.id)
        for position, offer in enumerate(offers)
        if offer.id != need.id
    ]
    return [offer_id for (_, _, offer_id) in sorted(overlaps)]
