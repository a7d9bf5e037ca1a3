"""Keeping the stored top matches true: what changes when one pain point or offer changes.

A changed pain point gets its own list of offers anew; offers whose list held it before,
or that it now matches well, get theirs anew as well. The same holds the other way round.
The heavy lifting happens in the engine's in-memory index; the database only sees the
replaced rows.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from matchmaking import catalogs
from matchmaking.feedback import apply_feedback
from matchmaking.models import Direction, MatchFeedback, Offer, PainPoint, StoredMatch, Verdict
from matchmaking.reasons import from_match

logger = logging.getLogger(__name__)

TOP_K = 10
# Candidates looked at before feedback re-orders them, and neighbours re-checked after a change.
CANDIDATES = 3 * TOP_K

SIDES = {
    # direction: (query catalog, candidate catalog, query model, query field, candidate field)
    Direction.FOR_PAIN_POINT: (catalogs.PAIN_POINTS, catalogs.OFFERS, PainPoint,
                               "pain_point_id", "offer_id"),
    Direction.FOR_OFFER: (catalogs.OFFERS, catalogs.PAIN_POINTS, Offer,
                          "offer_id", "pain_point_id"),
}
OPPOSITE = {Direction.FOR_PAIN_POINT: Direction.FOR_OFFER,
            Direction.FOR_OFFER: Direction.FOR_PAIN_POINT}


def _feedback_for(direction, query_field, query_id):
    helpful, rejected = set(), set()
    _, _, _, _, candidate_field = SIDES[direction]
    rows = MatchFeedback.objects.filter(direction=direction, **{query_field: query_id})
    for verdict, candidate_id in rows.values_list("verdict", candidate_field):
        (helpful if verdict == Verdict.HELPFUL else rejected).add(str(candidate_id))
    return helpful, rejected


def ranked_for(direction, query_id, *, query_index=None, candidate_index=None):
    """The top matches of one pain point (or offer) after its members' feedback, or None if
    it is not listed (closed, archived, organisation not approved)."""
    query_name, candidate_name, _, query_field, _ = SIDES[direction]
    query_index = query_index or catalogs.index_for(query_name)
    candidate_index = candidate_index or catalogs.index_for(candidate_name)
    query = query_index.get(str(query_id))
    if query is None:
        return None
    helpful, rejected = _feedback_for(direction, query_field, query_id)
    matches = candidate_index.top(query, CANDIDATES + len(rejected))
    similarity = [
        candidate_index.scores(candidate_index.get(item_id))
        for item_id in rejected
        if candidate_index.get(item_id) is not None
    ]
    return apply_feedback(matches, helpful=helpful, rejected=rejected,
                          similarity_to_rejected=similarity, k=TOP_K)


def store_matches(direction, query_id, matches):
    """Replace the stored list of one pain point or offer."""
    _, _, query_model, query_field, candidate_field = SIDES[direction]
    now = timezone.now()
    with transaction.atomic():
        StoredMatch.objects.filter(direction=direction, **{query_field: query_id}).delete()
        StoredMatch.objects.bulk_create(
            StoredMatch(
                direction=direction,
                position=position,
                score=match.score,
                reasons=from_match(match),
                **{query_field: query_id, candidate_field: int(match.item_id)},
            )
            for position, match in enumerate(matches or (), start=1)
        )
        query_model.objects.filter(pk=query_id).update(matches_computed_at=now)


def recompute_one(direction, query_id):
    store_matches(direction, query_id, ranked_for(direction, query_id))


def recompute_after_change(direction, changed_id):
    """`changed_id` (a pain point for FOR_PAIN_POINT, an offer for FOR_OFFER) was created,
    edited or removed: refresh it in the index and every list it may have entered or left."""
    query_name, candidate_name, _, query_field, candidate_field = SIDES[direction]
    query_index = catalogs.refresh_item(query_name, changed_id)
    candidate_index = catalogs.index_for(candidate_name)
    matches = ranked_for(direction, changed_id, query_index=query_index,
                         candidate_index=candidate_index)
    store_matches(direction, changed_id, matches)

    opposite = OPPOSITE[direction]
    neighbours = set(
        StoredMatch.objects.filter(direction=opposite, **{query_field: changed_id})
        .values_list(candidate_field, flat=True)
    )
    changed = query_index.get(str(changed_id))
    if changed is not None:
        neighbours.update(int(m.item_id) for m in candidate_index.top(changed, CANDIDATES))
    for neighbour_id in sorted(neighbours):
        store_matches(opposite, neighbour_id, ranked_for(
            opposite, neighbour_id, query_index=candidate_index, candidate_index=query_index
        ))
    return len(neighbours)


def recompute_all():
    """Every stored list anew (after the synonym list changed, or as a nightly check)."""
    catalogs.clear_cache()
    pain_index = catalogs.index_for(catalogs.PAIN_POINTS)
    offer_index = catalogs.index_for(catalogs.OFFERS)
    indexes = {Direction.FOR_PAIN_POINT: (pain_index, offer_index),
               Direction.FOR_OFFER: (offer_index, pain_index)}
    counts = {}
    for direction, (query_index, candidate_index) in indexes.items():
        _, _, query_model, query_field, _ = SIDES[direction]
        listed = {str(pk) for pk in query_model.objects.values_list("pk", flat=True)}
        for query_id in sorted(listed, key=int):
            matches = ranked_for(direction, int(query_id), query_index=query_index,
                                 candidate_index=candidate_index)
            store_matches(direction, int(query_id), matches)
        counts[direction] = len(listed)
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
