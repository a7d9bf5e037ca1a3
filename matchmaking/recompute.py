"""Keeping the stored top matches true: what changes when one pain point or offer changes.

A changed pain point gets its own list of offers anew; offers whose list held it before,
or that it now matches well, get theirs anew as well. The same holds the other way round.
The heavy lifting happens in the engine's in-memory index; the database only sees the
replaced rows.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from matchmaking import catalogs, notices
from matchmaking.engine import TOPICAL
from matchmaking.feedback import apply_feedback
from matchmaking.models import Direction, MatchFeedback, Offer, PainPoint, StoredMatch, Verdict
from matchmaking.reasons import from_match

logger = logging.getLogger(__name__)

TOP_K = 10
# Candidates looked at before feedback re-orders them, and neighbours re-checked after a change.
CANDIDATES = 3 * TOP_K
MIN_SHARE_OF_BEST = 0.15
STRONG_SHARE_OF_BEST = 0.5

SIDES = {
    # direction: (query catalog, candidate catalog, query model, query field, candidate field)
    Direction.FOR_PAIN_POINT: (catalogs.PAIN_POINTS, catalogs.OFFERS, PainPoint,
                               "pain_point_id", "offer_id"),
    Direction.FOR_OFFER: (catalogs.OFFERS, catalogs.PAIN_POINTS, Offer,
                          "offer_id", "pain_point_id"),
}
OPPOSITE = {Direction.FOR_PAIN_POINT: Direction.FOR_OFFER,
            Direction.FOR_OFFER: Direction.FOR_PAIN_POINT}


def feedback_of(direction, query_ids):
    """{query id: (helpful ids, rejected ids)} for many pain points (or offers), one query."""
    _, _, _, query_field, candidate_field = SIDES[direction]
    result = {query_id: (set(), set()) for query_id in query_ids}
    rows = MatchFeedback.objects.filter(direction=direction, **{f"{query_field}__in": query_ids})
    for query_id, verdict, candidate_id in rows.values_list(query_field, "verdict",
                                                            candidate_field):
        helpful, rejected = result[query_id]
        (helpful if verdict == Verdict.HELPFUL else rejected).add(str(candidate_id))
    return result


def ranked_for(direction, query_id, *, query_index=None, candidate_index=None, feedback=None,
               matches=None):
    """The top matches of one pain point (or offer) after its members' feedback, or None if
    it is not listed (closed, archived, organisation not approved). `matches`: its
    `top(query, CANDIDATES)` if a batch computed it already."""
    query_name, candidate_name, _, _, _ = SIDES[direction]
    query_index = query_index or catalogs.index_for(query_name)
    candidate_index = candidate_index or catalogs.index_for(candidate_name)
    query = query_index.get(str(query_id))
    if query is None:
        return None
    if feedback is None:
        feedback = feedback_of(direction, [query_id])[query_id]
    helpful, rejected = feedback
    if matches is None or rejected:
        matches = candidate_index.top(query, CANDIDATES + len(rejected))
    similarity = [
        candidate_index.scores(candidate_index.get(item_id))
        for item_id in rejected
        if candidate_index.get(item_id) is not None
    ]
    ranked = apply_feedback(matches, helpful=helpful, rejected=rejected,
                            similarity_to_rejected=similarity, k=TOP_K)
    return worth_showing(ranked, pinned=helpful)


def worth_showing(matches, pinned=()):
    """Drop suggestions far below the best one, and weak ones that share no topic specific
    enough to name: people read a short list of real matches, not ten with a word in common."""
    best = max((match.score for match in matches if match.item_id not in pinned), default=0.0)
    return [
        match for match in matches
        if match.item_id in pinned
        or match.score >= STRONG_SHARE_OF_BEST * best
        or (match.score >= MIN_SHARE_OF_BEST * best
            and any(reason.code in TOPICAL for reason in match.reasons))
    ]


def store_lists(direction, lists):
    """Replace the stored lists of many pain points (or offers): {query id: matches or None}."""
    _, _, query_model, query_field, candidate_field = SIDES[direction]
    query_ids = list(lists)
    with transaction.atomic():
        # Workers recomputing overlapping lists at once take turns per list (in pk order, so
        # they cannot deadlock); otherwise both would insert the rows the other just wrote.
        list(query_model.objects.select_for_update().filter(pk__in=query_ids).order_by("pk")
             .values_list("pk", flat=True))
        StoredMatch.objects.filter(direction=direction,
                                   **{f"{query_field}__in": query_ids}).delete()
        StoredMatch.objects.bulk_create(
            StoredMatch(
                direction=direction,
                position=position,
                score=match.score,
                reasons=from_match(match),
                **{query_field: query_id, candidate_field: int(match.item_id)},
            )
            for query_id, matches in lists.items()
            for position, match in enumerate(matches or (), start=1)
        )
        query_model.objects.filter(pk__in=query_ids).update(matches_computed_at=timezone.now())


def store_matches(direction, query_id, matches):
    store_lists(direction, {query_id: matches})


def recompute_many(direction, query_ids, *, query_index=None, candidate_index=None,
                   found=None):
    """Compute and store the lists of `query_ids` with a constant number of queries.
    `found`: {query id: its `top(query, CANDIDATES)`} if computed already (`recompute_all`)."""
    query_ids = list(query_ids)
    feedback = feedback_of(direction, query_ids)
    query_name, candidate_name, _, _, _ = SIDES[direction]
    query_index = query_index or catalogs.index_for(query_name)
    candidate_index = candidate_index or catalogs.index_for(candidate_name)
    if found is None:
        # The lists without rejected suggestions in one batched call: a large catalog
        # scores them with one sparse product (the same lists as one top() each).
        plain = {query_id: query_index.get(str(query_id)) for query_id in query_ids
                 if not feedback[query_id][1]}
        plain = {query_id: query for query_id, query in plain.items() if query is not None}
        found = dict(zip(plain, candidate_index.top_many(plain.values(), CANDIDATES),
                         strict=True))
    store_lists(direction, {
        query_id: ranked_for(direction, query_id, query_index=query_index,
                             candidate_index=candidate_index, feedback=feedback[query_id],
                             matches=found.get(query_id))
        for query_id in query_ids
    })


def recompute_one(direction, query_id):
    recompute_many(direction, [query_id])


def recompute_after_change(direction, changed_id):
    """`changed_id` (a pain point for FOR_PAIN_POINT, an offer for FOR_OFFER) was created,
    edited or removed: refresh it in the index and every list it may have entered or left.

    Its neighbours are the lists that held it and the items it now matches best; a list
    that it would enter although it matches that item only weakly is corrected by the
    next `recompute_all` (the `recompute_matches` command).
    """
    query_name, candidate_name, _, query_field, candidate_field = SIDES[direction]
    query_index = catalogs.refresh_item(query_name, changed_id)
    candidate_index = catalogs.index_for(candidate_name)
    recompute_many(direction, [changed_id], query_index=query_index,
                   candidate_index=candidate_index)

    opposite = OPPOSITE[direction]
    neighbours = set(
        StoredMatch.objects.filter(direction=opposite, **{query_field: changed_id})
        .values_list(candidate_field, flat=True)
    )
    changed = query_index.get(str(changed_id))
    if changed is not None:
        neighbours.update(int(m.item_id) for m in candidate_index.top(changed, CANDIDATES))
    recompute_many(opposite, sorted(neighbours), query_index=candidate_index,
                   candidate_index=query_index)
    notices.tell_about_new_matches(opposite, changed_id)
    return len(neighbours)


BATCH = 500


def workers():
    """Processes a full recompute uses: `MATCHING_RECOMPUTE_WORKERS`, default one.
    Forking pays only where the worker has cores of its own: on the shared two-core
    machine two processes took 50.8 s against 47.9 s for one (docs/decisions.md), and a
    fork from a threaded process (the immediate task backend of `make run`) is a risk
    for nothing there."""
    return getattr(settings, "MATCHING_RECOMPUTE_WORKERS", None) or 1


def recompute_all():
    """Every stored list anew (after the synonym list changed, or as a nightly check)."""
    # Built anew, not checked against the stamp: an organisation's facts are not in it.
    pain_index = catalogs.build(catalogs.PAIN_POINTS)
    offer_index = catalogs.build(catalogs.OFFERS)
    indexes = {Direction.FOR_PAIN_POINT: (pain_index, offer_index),
               Direction.FOR_OFFER: (offer_index, pain_index)}
    counts = {}
    for direction, (query_index, candidate_index) in indexes.items():
        _, _, query_model, _, _ = SIDES[direction]
        query_ids = list(query_model.objects.order_by("pk").values_list("pk", flat=True))
        # Every list of the direction in one call, so that it can use several cores
        # (`engine/parallel.py`); a list with rejected suggestions is computed anew below.
        listed = {query_id: query for query_id in query_ids
                  if (query := query_index.get(str(query_id))) is not None}
        found = dict(zip(listed, candidate_index.top_many(listed.values(), CANDIDATES,
                                                          workers=workers()), strict=True))
        for start in range(0, len(query_ids), BATCH):
            recompute_many(direction, query_ids[start:start + BATCH],
                           query_index=query_index, candidate_index=candidate_index,
                           found=found)
        counts[str(direction)] = len(query_ids)
    logger.info("Treffer neu berechnet: %s", counts)
    return counts


def recompute_organisation(organisation_id):
    pain_point_ids = list(PainPoint.objects.filter(organisation_id=organisation_id)
                          .values_list("pk", flat=True))
    offer_ids = list(Offer.objects.filter(organisation_id=organisation_id)
                     .values_list("pk", flat=True))
    for pain_point_id in pain_point_ids:
        recompute_after_change(Direction.FOR_PAIN_POINT, pain_point_id)
    for offer_id in offer_ids:
        recompute_after_change(Direction.FOR_OFFER, offer_id)
    return len(pain_point_ids) + len(offer_ids)
