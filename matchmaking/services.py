"""Writes of the matchmaking: pain points, offers, feedback and contact requests.

Every function checks who may do it and raises `MatchmakingRefused` (a PermissionDenied
whose text is shown to the person) or `ValidationError` with German messages. Changes to
pain points and offers schedule the recompute of stored matches after the commit.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from matchmaking import recompute
from matchmaking.models import (
    Direction,
    MatchFeedback,
    Offer,
    PainPoint,
    StoredMatch,
    Verdict,
)
from network.models import Membership, Organisation
from network.permissions import is_moderator

logger = logging.getLogger(__name__)

PAIN_POINT_FIELDS = ("title", "description", "budget_range", "timeline", "status", "visibility")
OFFER_FIELDS = ("title", "description", "nationwide", "regions", "sizes", "price_range",
                "status", "visibility")
MAX_TOPICS = 12
MIN_MESSAGE_LENGTH = 20


class MatchmakingRefused(PermissionDenied):
    """The user may not do this; `str(error)` is the explanation to show."""


def _active(user):
    return bool(user and user.is_authenticated and user.is_active)


def member_organisations(user, kinds):
    """Approved organisations of `kinds` in which `user` is an active member."""
    if not _active(user):
        return Organisation.objects.none()
    return Organisation.objects.approved().filter(
        kind__in=kinds, memberships__user=user, memberships__status=Membership.Status.ACTIVE
    ).order_by("name")


def municipal_organisations(user):
    return member_organisations(user, Organisation.MUNICIPAL_KINDS)


def provider_organisations(user):
    return member_organisations(user, Organisation.PROVIDER_KINDS)


def is_member_of(user, organisation):
    return (
        _active(user)
        and organisation.status == Organisation.Status.APPROVED
        and Membership.objects.filter(
            user=user, organisation=organisation, status=Membership.Status.ACTIVE
        ).exists()
    )


def check_can_publish_pain_point(user, organisation=None):
    allowed = municipal_organisations(user)
    if organisation is not None:
        allowed = allowed.filter(pk=organisation.pk)
    if not allowed.exists():
        raise MatchmakingRefused(_(
            "Bedarfe veröffentlichen Mitglieder einer freigegebenen Kommune, eines "
            "Stadtmarketings oder einer Wirtschaftsförderung."
        ))


def check_can_publish_offer(user, organisation=None):
    allowed = provider_organisations(user)
    if organisation is not None:
        allowed = allowed.filter(pk=organisation.pk)
    if not allowed.exists():
        raise MatchmakingRefused(_(
            "Lösungsangebote veröffentlichen Mitglieder eines freigegebenen Lösungsanbieters."
        ))


def check_can_edit(user, item):
    if is_moderator(user):
        return
    if not is_member_of(user, item.organisation):
        raise MatchmakingRefused(_("Das dürfen nur Mitglieder von %(organisation)s.")
                                 % {"organisation": item.organisation.name})


def clean_topics(topics):
    """Tags as people typed them, trimmed, without duplicates (case-insensitive)."""
    cleaned, seen = [], set()
    for topic in topics:
        topic = " ".join(str(topic).split())[:80]
        if topic and topic.casefold() not in seen:
            seen.add(topic.casefold())
            cleaned.append(topic)
    if not cleaned:
        raise ValidationError({"topics": _("Bitte mindestens ein Thema angeben.")})
    if len(cleaned) > MAX_TOPICS:
        raise ValidationError(
            {"topics": _("Bitte höchstens %(count)d Themen angeben.") % {"count": MAX_TOPICS}}
        )
    return cleaned


def schedule_recompute(direction, item_id):
    from matchmaking.tasks import recompute_matches

    def enqueue():
        try:
            recompute_matches.enqueue(str(direction), item_id)
        except Exception:  # the queue may be down; `recompute_matches` command catches up
            logger.exception("Neuberechnung der Treffer für %s %s nicht eingereiht",
                             direction, item_id)

    transaction.on_commit(enqueue)


def _save(item, data, fields, topics, direction):
    for name in fields:
        if name in data:
            setattr(item, name, data[name])
    item.full_clean(exclude=["topics"])
    with transaction.atomic():
        item.save()
        if topics is not None:
            item.topics.set(clean_topics(topics))
        schedule_recompute(direction, item.pk)
    return item


def create_pain_point(user, organisation, data):
    check_can_publish_pain_point(user, organisation)
    topics = clean_topics(data.get("topics", ()))
    pain_point = PainPoint(organisation=organisation, author=user)
    return _save(pain_point, data, PAIN_POINT_FIELDS, topics, Direction.FOR_PAIN_POINT)


def update_pain_point(user, pain_point, data):
    check_can_edit(user, pain_point)
    topics = data.get("topics")
    return _save(pain_point, data, PAIN_POINT_FIELDS, topics, Direction.FOR_PAIN_POINT)


def create_offer(user, organisation, data):
    check_can_publish_offer(user, organisation)
    topics = clean_topics(data.get("topics", ()))
    offer = Offer(organisation=organisation, author=user)
    offer = _save(offer, _offer_regions(data), OFFER_FIELDS, topics, Direction.FOR_OFFER)
    if "references" in data:
        offer.references.set(_live_references(data["references"]))
    return offer


def update_offer(user, offer, data):
    check_can_edit(user, offer)
    offer = _save(offer, _offer_regions(data), OFFER_FIELDS, data.get("topics"),
                  Direction.FOR_OFFER)
    if "references" in data:
        offer.references.set(_live_references(data["references"]))
    return offer


def _offer_regions(data):
    data = dict(data)
    if data.get("nationwide"):
        data["regions"] = []
    elif "nationwide" in data and not data.get("regions"):
        raise ValidationError({"regions": _(
            "Bitte die bedienten Bundesländer wählen oder „bundesweit“ ankreuzen."
        )})
    return data


def _live_references(pages):
    from bestpractice.selectors import live_case_studies

    ids = [getattr(page, "pk", page) for page in pages]
    return list(live_case_studies().filter(pk__in=ids))


def delete_item(user, item):
    """Remove a pain point or offer with its stored matches and contact history."""
    check_can_edit(user, item)
    direction = Direction.FOR_PAIN_POINT if isinstance(item, PainPoint) else Direction.FOR_OFFER
    item_id = item.pk
    # The lists that hold the item lose its row with it (cascade), so the recompute could no
    # longer find them; they are recomputed by name, and the next candidate moves up.
    if direction == Direction.FOR_PAIN_POINT:
        opposite, own_field, holder_field = Direction.FOR_OFFER, "pain_point_id", "offer_id"
    else:
        opposite, own_field, holder_field = Direction.FOR_PAIN_POINT, "offer_id", "pain_point_id"
    holders = list(StoredMatch.objects.filter(direction=opposite, **{own_field: item_id})
                   .values_list(holder_field, flat=True))
    with transaction.atomic():
        item.delete()
        schedule_recompute(direction, item_id)
        for holder_id in holders:
            schedule_recompute(opposite, holder_id)


# --- feedback -----------------------------------------------------------------------------


def give_feedback(user, direction, pain_point, offer, verdict):
    """A verdict of the asking side on one suggestion; its list is recomputed at once."""
    own = pain_point if direction == Direction.FOR_PAIN_POINT else offer
    if not is_member_of(user, own.organisation):
        raise MatchmakingRefused(_(
            "Rückmeldungen zu Vorschlägen geben Mitglieder der Organisation, der der Vorschlag "
            "gemacht wurde."
        ))
    if verdict not in Verdict.values:
        raise ValidationError(_("Unbekannte Rückmeldung."))
    MatchFeedback.objects.update_or_create(
        direction=direction, pain_point=pain_point, offer=offer,
        defaults={"verdict": verdict, "user": user},
    )
    recompute.recompute_one(direction, own.pk)


def withdraw_feedback(user, direction, pain_point, offer):
    own = pain_point if direction == Direction.FOR_PAIN_POINT else offer
    if not is_member_of(user, own.organisation):
        raise MatchmakingRefused(_("Diese Rückmeldung können Sie nicht zurücknehmen."))
    MatchFeedback.objects.filter(direction=direction, pain_point=pain_point, offer=offer).delete()
    recompute.recompute_one(direction, own.pk)
