"""Reads of roundtables: who takes part, what they bring, the overlay of needs and offers,
slots and talks, each participant's plan, and the results for the Nachlese.

Every read runs a fixed number of queries whatever the number of participants, pain
points, offers, slots or talks: rows are fetched per kind with `select_related` and
`prefetch_related`, and the match strengths come from the engine's cached offer index
(`matchmaking.catalogs.index_for`), which costs no query per cell.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from matchmaking import catalogs
from matchmaking.models import Offer, PainPoint
from matchmaking.reasons import render_reasons
from network.models import Membership, Organisation
from webtalks.models import (
    EventKind,
    EventTag,
    Registration,
    RoundtableContribution,
    RoundtableMeeting,
    RoundtableSlot,
)

# How deep into an offer ranking the overlay looks for the gathered offers: an offer ranked
# below this for a pain point shares too little with it to be worth a table.
OVERLAY_DEPTH = 200
# The engine's reason codes that speak against a pair: shown apart, as a "Hinweis".
CAVEAT_CODES = frozenset({"region_mismatch", "size_mismatch"})
STRONG_SHARE, MEDIUM_SHARE = 0.6, 0.3
SUGGESTED_PARTNERS = 5


def is_roundtable(event) -> bool:
    return getattr(event, "kind", None) == EventKind.ROUNDTABLE


def _tagged(queryset):
    return queryset.select_related("organisation").prefetch_related("tagged_items__tag")


def confirmed_registrations(event):
    return list(
        Registration.objects.for_session(event).confirmed().exclude(user=None)
        .select_related("user")
        .prefetch_related(Prefetch("contributions", queryset=RoundtableContribution.objects.all()))
    )


def participant_organisations(event, registrations=None) -> dict[int, list[Organisation]]:
    """{user id: their approved organisations} for everyone confirmed for `event`."""
    registrations = confirmed_registrations(event) if registrations is None else registrations
    user_ids = [registration.user_id for registration in registrations]
    result = defaultdict(list)
    memberships = (
        Membership.objects.filter(
            user_id__in=user_ids, status=Membership.Status.ACTIVE,
            organisation__status=Organisation.Status.APPROVED,
        )
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    for membership in memberships:
        result[membership.user_id].append(membership.organisation)
    return dict(result)


def own_items(user):
    """The listed pain points and offers of `user`'s organisations: what they can bring."""
    organisations = Membership.objects.filter(
        user=user, status=Membership.Status.ACTIVE,
        organisation__status=Organisation.Status.APPROVED,
    ).values("organisation_id")
    pain_points = list(_tagged(PainPoint.objects.listed().filter(organisation__in=organisations))
                       .order_by("title", "pk"))
    offers = list(_tagged(Offer.objects.listed().filter(organisation__in=organisations))
                  .order_by("title", "pk"))
    return pain_points, offers


def bring_choices(user):
    """Checkbox choices ("pp-1", "of-2") for the registration form, grouped by kind."""
    pain_points, offers = own_items(user)
    groups = []
    if pain_points:
        groups.append((_label("pain_points"), [(f"pp-{p.pk}", p.title) for p in pain_points]))
    if offers:
        groups.append((_label("offers"), [(f"of-{o.pk}", o.title) for o in offers]))
    return groups


def _label(kind):
    from django.utils.translation import gettext as _

    return _("Ihre Bedarfe") if kind == "pain_points" else _("Ihre Angebote")


def brought_keys(registration) -> list[str]:
    return [
        f"pp-{c.pain_point_id}" if c.pain_point_id else f"of-{c.offer_id}"
        for c in registration.contributions.all()
    ]


@dataclass
class Cell:
    pain_point: PainPoint
    offer: Offer
    score: float
    strength: str = ""
    reasons: list[str] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)

    @property
    def strength_label(self):
        from django.utils.translation import gettext as _

        return {"strong": _("stark"), "medium": _("mittel"), "weak": _("schwach")}[self.strength]


@dataclass
class Overlay:
    event: object
    pain_points: list
    offers: list
    organisations: dict  # id -> Organisation, every participating one
    user_organisations: dict  # user id -> [Organisation]
    cells: dict  # (pain point id, offer id) -> Cell
    rows: list = field(default_factory=list)  # [(pain point, [Cell or None per offer])]

    def pairs(self):
        """Every pair worth a talk, best first."""
        return sorted(self.cells.values(), key=lambda cell: -cell.score)


def _gather(event, registrations, user_organisations):
    """The pain points and offers laid on the table: what registrants chose to bring, or,
    for organisations whose people chose nothing, their items on the event's topics."""
    organisations = {
        organisation.pk: organisation
        for organisations in user_organisations.values() for organisation in organisations
    }
    topic_ids = set(EventTag.objects.filter(content_object=event).values_list("tag_id", flat=True))
    contributions = [c for r in registrations for c in r.contributions.all()]
    chosen_pain_points = {c.pain_point_id for c in contributions if c.pain_point_id}
    chosen_offers = {c.offer_id for c in contributions if c.offer_id}
    all_pain_points = list(
        _tagged(PainPoint.objects.listed().filter(organisation__in=list(organisations)))
        .order_by("organisation__name", "title", "pk")
    )
    all_offers = list(
        _tagged(Offer.objects.listed().filter(organisation__in=list(organisations)))
        .order_by("organisation__name", "title", "pk")
    )
    # Organisations whose people chose what to bring: only that. The others: their items
    # on the event's topics (all of them if the event names no topic).
    chose = {p.organisation_id for p in all_pain_points if p.pk in chosen_pain_points}
    chose |= {o.organisation_id for o in all_offers if o.pk in chosen_offers}

    def keep(item, chosen):
        if item.organisation_id in chose:
            return item.pk in chosen
        if not topic_ids:
            return True
        return any(tagged.tag_id in topic_ids for tagged in item.tagged_items.all())

    pain_points = [p for p in all_pain_points if keep(p, chosen_pain_points)]
    offers = [o for o in all_offers if keep(o, chosen_offers)]
    return organisations, pain_points, offers


def _strength(score, best):
    share = score / best if best else 0
    if share >= STRONG_SHARE:
        return "strong"
    if share >= MEDIUM_SHARE:
        return "medium"
    return "weak"


def _score(pain_points, offers):
    """{(pain point id, offer id): Cell} for every pair with at least one positive reason,
    from the engine's offer index (the whole catalog's statistics, not just this table's)."""
    if not pain_points or not offers:
        return {}
    wanted = {str(offer.pk): offer for offer in offers}
    index = catalogs.index_for(catalogs.OFFERS)
    cells = {}
    for pain_point in pain_points:
        matches = index.top(catalogs.pain_point_item(pain_point), OVERLAY_DEPTH)
        for match in matches:
            offer = wanted.get(match.item_id)
            if offer is None or offer.organisation_id == pain_point.organisation_id:
                continue
            positive = [{"code": r.code, "values": list(r.values)} for r in match.reasons
                        if r.code not in CAVEAT_CODES]
            # Caveats among the reasons, or apart (`Match.caveats`) where the engine says them so.
            caveats = [{"code": r.code, "values": list(r.values)}
                       for r in (*match.reasons, *getattr(match, "caveats", ()))
                       if r.code in CAVEAT_CODES or r not in match.reasons]
            reasons = render_reasons(positive)
            if not any(r["code"] == "topics" for r in positive) or not reasons:
                # A pair with nothing in common to name is not a reason to sit together.
                continue
            cells[(pain_point.pk, offer.pk)] = Cell(
                pain_point, offer, match.score, reasons=reasons, caveats=render_reasons(caveats)
            )
    best = max((cell.score for cell in cells.values()), default=0)
    for cell in cells.values():
        cell.strength = _strength(cell.score, best)
    return cells


def overlay(event) -> Overlay:
    """The matrix of the participants' needs × offers with match strength and reasons."""
    registrations = confirmed_registrations(event)
    user_organisations = participant_organisations(event, registrations)
    organisations, pain_points, offers = _gather(event, registrations, user_organisations)
    cells = _score(pain_points, offers)
    rows = [(p, [cells.get((p.pk, o.pk)) for o in offers]) for p in pain_points]
    return Overlay(event, pain_points, offers, organisations, user_organisations, cells, rows)


def slots_with_meetings(event):
    """The event's slots, each with its talks that are requested or agreed."""
    meetings = RoundtableMeeting.objects.filter(
        status__in=(RoundtableMeeting.Status.REQUESTED, RoundtableMeeting.Status.ACCEPTED)
    ).select_related("requester", "recipient", "pain_point", "offer")
    return list(
        RoundtableSlot.objects.filter(event=event)
        .prefetch_related(Prefetch("meetings", queryset=meetings, to_attr="open_meetings"))
    )


def meetings_of(event, *, statuses=None):
    queryset = RoundtableMeeting.objects.filter(event=event).select_related(
        "slot", "requester", "recipient", "pain_point", "offer"
    )
    if statuses:
        queryset = queryset.filter(status__in=statuses)
    return list(queryset)


@dataclass
class Suggestion:
    partner: Organisation
    cells: list  # Cells between the partner and the person's organisations, best first

    @property
    def best(self):
        return self.cells[0]


def plan_for(user, event):
    """A participant's plan: the organisations to talk to ("Mit wem Sie sprechen sollten"),
    their talks, and the slots they are still free in."""
    data = overlay(event)
    mine = {organisation.pk: organisation
            for organisation in data.user_organisations.get(user.pk, ())}
    by_partner = defaultdict(list)
    for cell in data.pairs():
        own_side = {cell.pain_point.organisation_id, cell.offer.organisation_id} & set(mine)
        if len(own_side) != 1:
            continue
        partner = (cell.offer.organisation if cell.pain_point.organisation_id in mine
                   else cell.pain_point.organisation)
        by_partner[partner.pk].append(cell)
    suggestions = sorted(
        (Suggestion(cells[0].offer.organisation if cells[0].pain_point.organisation_id in mine
                    else cells[0].pain_point.organisation, cells)
         for cells in by_partner.values()),
        key=lambda suggestion: -suggestion.best.score,
    )[:SUGGESTED_PARTNERS]
    meetings = [m for m in meetings_of(event, statuses=(RoundtableMeeting.Status.REQUESTED,
                                                         RoundtableMeeting.Status.ACCEPTED))
                if m.organisation_ids() & set(mine)]
    slots = list(RoundtableSlot.objects.filter(event=event))
    busy = {m.slot_id for m in meetings if m.is_accepted}
    return {
        "overlay": data,
        "my_organisations": list(mine.values()),
        "suggestions": suggestions,
        "accepted": [m for m in meetings if m.is_accepted],
        "incoming": [m for m in meetings
                     if not m.is_accepted and m.recipient_id in mine],
        "outgoing": [m for m in meetings
                     if not m.is_accepted and m.requester_id in mine],
        "slots": slots,
        "free_slots": [slot for slot in slots if slot.pk not in busy],
        "partners": sorted(
            (o for o in data.organisations.values() if o.pk not in mine), key=lambda o: o.name
        ),
    }


def recap_results(event):
    """Agreed talks with a recorded result, for the event's Nachlese."""
    return [
        meeting for meeting in meetings_of(event, statuses=(RoundtableMeeting.Status.ACCEPTED,))
        if meeting.has_result
    ]
