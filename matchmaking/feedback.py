"""How members' verdicts reshape a list of suggestions (pure; no database).

"hilfreich" pins a suggestion above all others; "passt nicht" removes it and lowers the
suggestions that resemble it, by how much they resemble it, so one rejected
footfall-counter offer pushes the other footfall counters down without hiding them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from matchmaking.engine import Match, Reason

# A suggestion as similar to a rejected one as the rejected one's closest neighbour
# keeps this share of its score.
REJECTED_SIMILARITY_PENALTY = 0.5


def apply_feedback(
    matches: Iterable[Match],
    *,
    helpful: Iterable[str] = (),
    rejected: Iterable[str] = (),
    similarity_to_rejected: Iterable[Mapping[str, float]] = (),
    k: int = 10,
) -> list[Match]:
    """The k best after feedback: pinned helpful ones first, rejected ones gone.

    `similarity_to_rejected` holds, per rejected item, the engine's scores of other items
    against it; each is normalised by its largest value.
    """
    helpful, rejected = set(helpful), set(rejected)
    penalties: dict[str, float] = {}
    for scores in similarity_to_rejected:
        top = max(scores.values(), default=0.0)
        if top <= 0:
            continue
        for item_id, score in scores.items():
            factor = 1 - REJECTED_SIMILARITY_PENALTY * min(score / top, 1.0)
            penalties[item_id] = min(penalties.get(item_id, 1.0), factor)
    pinned, others = [], []
    for match in matches:
        if match.item_id in rejected:
            continue
        if match.item_id in helpful:
            pinned.append(replace(match, reasons=(Reason("helpful"), *match.reasons)))
            continue
        factor = penalties.get(match.item_id, 1.0)
        others.append(replace(match, score=round(match.score * factor, 4)) if factor < 1 else match)
    pinned.sort(key=lambda match: -match.score)
    # Keep the engine's tiers (state served first) while re-sorting by the new scores.
    others.sort(key=lambda match: (match.serves_region is False, -match.score))
    return (pinned + others)[:k]
