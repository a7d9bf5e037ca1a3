"""What the stored catalogs learn from beyond their own rows: the platform's texts and the
members' verdicts.

`evaluate_matching` measures the engine with the knowledge sources it uses (the feedback
source with verdicts; the corpus source with the platform's texts when it is switched on,
see `Sources`); the catalogs the worker builds for the site must learn from the same, or
the figures describe an engine nobody uses. Both are read once per build, in the worker,
never in a request.
"""

from __future__ import annotations

from django.db.models import Count, Max, Q
from django.utils.html import strip_tags

from matchmaking.engine import Verdict as EngineVerdict
from matchmaking.models import (
    ContactOutcome,
    ContactRequest,
    ContactStatus,
    Direction,
    FundingProgramme,
    MatchFeedback,
    Offer,
    PainPoint,
    Verdict,
    Visibility,
)

# The newest texts of each kind the corpus source reads: word co-occurrence settles long
# before that, and it keeps a build's cost flat as the library grows to 10,000 and beyond.
TEXTS_PER_KIND = 2000
# A contact that led to a talk, a pilot or an implementation is a verdict "hilfreich".
GOOD_OUTCOMES = (ContactOutcome.TALKED, ContactOutcome.PILOT, ContactOutcome.IMPLEMENTED)


def platform_texts() -> list[str]:
    """Public texts of the platform: case studies, articles, funding programmes, pain
    points and offers (members-only pages are left out: nothing learned may come from a
    text a visitor could not read)."""
    from bestpractice.selectors import live_articles, live_case_studies

    texts = []
    for title, summary, problem, approach in (
        live_case_studies().order_by("-last_published_at")
        .values_list("title", "summary", "problem", "approach")[:TEXTS_PER_KIND]
    ):
        texts.append(" ".join((title, summary, strip_tags(problem), strip_tags(approach))))
    texts += [
        f"{title} {intro}" for title, intro in
        live_articles().order_by("-last_published_at").values_list("title", "intro")[
            :TEXTS_PER_KIND]
    ]
    for rows, title in ((FundingProgramme.objects.all(), "name"),
                        (PainPoint.objects.listed().filter(visibility=Visibility.PUBLIC), "title"),
                        (Offer.objects.listed().filter(visibility=Visibility.PUBLIC), "title")):
        texts += [
            f"{name} {description}" for name, description in
            rows.order_by("-pk").values_list(title, "description")[:TEXTS_PER_KIND]
        ]
    return [text for text in texts if text.strip()]


def _helpful_pairs(direction):
    """(pain point id, offer id) pairs members found helpful, seen from `direction`'s
    query side, plus contacts that led somewhere (they count for both sides)."""
    pairs = set(
        MatchFeedback.objects.filter(direction=direction, verdict=Verdict.HELPFUL)
        .values_list("pain_point_id", "offer_id")
    )
    pairs |= set(_fruitful_contacts().values_list("pain_point_id", "offer_id"))
    return pairs


def _fruitful_contacts():
    return ContactRequest.objects.filter(
        Q(outcome__in=GOOD_OUTCOMES) | Q(status=ContactStatus.ACCEPTED)
    )


def verdicts_for(catalog_name: str) -> list[EngineVerdict]:
    """Members' verdicts as the engine learns them for `catalog_name`: a need's words
    taught to the offer it found helpful (offers catalog), an offer's words to the need
    (pain points catalog). Other catalogs have no verdicts yet."""
    from matchmaking import catalogs

    sides = {
        # catalog: (direction, query model, query item, position of the query in a pair)
        catalogs.OFFERS: (Direction.FOR_PAIN_POINT, PainPoint, catalogs.pain_point_item, 0),
        catalogs.PAIN_POINTS: (Direction.FOR_OFFER, Offer, catalogs.offer_item, 1),
    }
    if catalog_name not in sides:
        return []
    direction, model, to_item, query_at = sides[catalog_name]
    pairs = sorted(_helpful_pairs(direction))
    rows = catalogs._tagged(model.objects.select_related("organisation")
                            .filter(pk__in={pair[query_at] for pair in pairs}))
    queries = {row.pk: to_item(row) for row in rows}
    return [EngineVerdict(queries[pair[query_at]], str(pair[1 - query_at]))
            for pair in pairs if pair[query_at] in queries]


def verdict_stamp():
    """Changes whenever a verdict or a contact's outcome does (part of a catalog's stamp,
    so the worker rebuilds the catalogs that learn from them)."""
    feedback = MatchFeedback.objects.aggregate(count=Count("pk"), latest=Max("created_at"))
    contacts = _fruitful_contacts().aggregate(
        count=Count("pk"), answered=Max("answered_at"), outcome=Max("outcome_at"))
    return (feedback["count"], feedback["latest"], contacts["count"], contacts["answered"],
            contacts["outcome"])
