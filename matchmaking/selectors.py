"""Reads of the matchmaking: the solution path, the provider's view, listings.

The solution path's query count does not depend on how many matches it shows: stored
matches, feedback and contacts are read for all pain points at once, and case studies,
funding programmes and events come from the cached engine indexes and one query each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Prefetch, Q, Subquery

from matchmaking import catalogs
from matchmaking.catalogs import pain_point_item
from matchmaking.engine import TOPICAL
from matchmaking.models import (
    ContactRequest,
    ContactStatus,
    Direction,
    FundingProgramme,
    MatchFeedback,
    Offer,
    OfferStatus,
    PainPoint,
    PainPointStatus,
    StoredMatch,
    TaggedOffer,
    TaggedPainPoint,
    Verdict,
    Visibility,
)
from matchmaking.reasons import render_caveats, render_reasons
from network.models import Organisation
from network.permissions import is_network_member

RELATED_CASE_STUDIES = 3
RELATED_FUNDING = 3
RELATED_EVENTS = 3
# Case studies and events far weaker than the best one only share a word or two; funding
# is listed whenever the town may apply and the topics overlap at all.
RELATED_MIN_SHARE = 0.4
LIVE_CONTACT = (ContactStatus.PENDING, ContactStatus.ACCEPTED)


def _tags(model):
    return Prefetch("tagged_items", queryset=model.objects.select_related("tag")
                    .order_by("tag__name"))


def with_offer_data(queryset):
    return queryset.select_related("organisation").prefetch_related(_tags(TaggedOffer))


def with_pain_point_data(queryset):
    return queryset.select_related("organisation").prefetch_related(_tags(TaggedPainPoint))


# --- listings -------------------------------------------------------------------------------


def visible_pain_points(user):
    return with_pain_point_data(PainPoint.objects.listed().visible_to(user))


def visible_offers(user):
    return with_offer_data(Offer.objects.listed().visible_to(user))


def offers_of(organisation, user=None):
    """The active offers of a provider, for its profile page."""
    return list(visible_offers(user).filter(organisation=organisation).order_by("title"))


def _search(queryset, query, region_filter, bundesland):
    query = " ".join((query or "").split())
    if query:
        queryset = queryset.filter(
            Q(tagged_items__tag__name__icontains=query) | Q(title__icontains=query)
            | Q(description__icontains=query)
        ).distinct()
    if bundesland:
        queryset = queryset.filter(region_filter(bundesland))
    return queryset


def search_pain_points(user, query="", bundesland=""):
    """The listing: listed pain points `user` may see, matching a topic text and a state."""
    return _search(
        visible_pain_points(user), query,
        lambda code: Q(organisation__bundesland=code), bundesland,
    ).order_by("-updated_at", "-pk")


def search_offers(user, query="", bundesland=""):
    """The listing of offers; a state filter keeps nationwide offers and those serving it."""
    # JSON containment is not available on SQLite; the codes are quoted in the stored list.
    return _search(
        visible_offers(user), query,
        lambda code: Q(nationwide=True) | Q(regions=[]) | Q(regions__icontains=f'"{code}"'),
        bundesland,
    ).order_by("-updated_at", "-pk")


def pain_points_of_organisations(organisations):
    """The pain points of several municipalities (a member's dashboard), open ones first."""
    order = {PainPointStatus.OPEN: 0, PainPointStatus.IN_PROGRESS: 1, PainPointStatus.SOLVED: 2}
    ids = [o.pk for o in organisations]
    if not ids:
        return []
    pain_points = list(with_pain_point_data(PainPoint.objects.filter(organisation_id__in=ids)))
    return sorted(pain_points, key=lambda p: (order.get(p.status, 3), -p.updated_at.timestamp()))


def offers_of_organisations(organisations):
    """The offers of several providers, active ones first."""
    ids = [o.pk for o in organisations]
    if not ids:
        return []
    return list(with_offer_data(Offer.objects.filter(organisation_id__in=ids))
                .order_by("status", "title"))


def _best_matching_first(queryset, direction, **partner):
    """Order the viewer's own items for a contact picker: those matched with the item on
    the page first (by their stored position), then the rest by title."""
    position = StoredMatch.objects.filter(direction=direction, **partner)
    own_field = "offer" if direction == Direction.FOR_PAIN_POINT else "pain_point"
    position = position.filter(**{own_field: OuterRef("pk")}).values("position")[:1]
    return list(
        queryset.select_related("organisation")
        .annotate(match_position=Subquery(position))
        .order_by(F("match_position").asc(nulls_last=True), "title")
    )


def listed_pain_points_of(organisations, offer=None):
    """Pain points a municipality can still write about (contact requests); with `offer`,
    those it matches first."""
    pain_points = PainPoint.objects.listed().filter(organisation__in=list(organisations))
    return _best_matching_first(pain_points, Direction.FOR_OFFER, offer=offer)


def listed_offers_of(organisations, pain_point=None):
    offers = Offer.objects.listed().filter(organisation__in=list(organisations))
    return _best_matching_first(offers, Direction.FOR_PAIN_POINT, pain_point=pain_point)


def offer_references(offer):
    """The live case studies an offer names as references."""
    from bestpractice.selectors import live_case_studies, with_card_data

    return list(with_card_data(live_case_studies().filter(offers=offer)).order_by("title"))


def live_contact_between(pain_point, offer):
    """The open or accepted request about this pair, if any."""
    return ContactRequest.objects.filter(
        pain_point=pain_point, offer=offer, status__in=LIVE_CONTACT
    ).first()


def can_view_pain_point(user, pain_point):
    from matchmaking.services import is_member_of

    if is_member_of(user, pain_point.organisation):
        return True
    if pain_point.organisation.status != Organisation.Status.APPROVED:
        return False
    return pain_point.visibility == Visibility.PUBLIC or is_network_member(user)


def can_view_offer(user, offer):
    from matchmaking.services import is_member_of

    if is_member_of(user, offer.organisation):
        return True
    if offer.organisation.status != Organisation.Status.APPROVED:
        return False
    if offer.status != OfferStatus.ACTIVE:
        return False
    return offer.visibility == Visibility.PUBLIC or is_network_member(user)


# --- the solution path ----------------------------------------------------------------------


@dataclass
class Suggestion:
    """One matched item on the other side, with why it matched and what the viewer did."""

    item: object
    reasons: list[str]
    score: float
    verdict: str = ""
    contact: ContactRequest | None = None
    # What speaks against it ("nicht in Niedersachsen tätig"), shown apart as a Hinweis.
    caveats: list[str] = field(default_factory=list)


@dataclass
class Solver:
    organisation: Organisation
    contact_name: str
    case_study: object


@dataclass
class SolutionPath:
    pain_point: PainPoint
    offers: list[Suggestion] = field(default_factory=list)
    case_studies: list[Suggestion] = field(default_factory=list)
    funding: list[Suggestion] = field(default_factory=list)
    events: list[Suggestion] = field(default_factory=list)
    solvers: list[Solver] = field(default_factory=list)
    # Offers the members marked "passt nicht": gone from `offers`, listed to allow undo.
    rejected: list[Suggestion] = field(default_factory=list)


def _stored(direction, query_field, query_ids):
    """Stored matches of many pain points (or offers) at once, only still-listed partners."""
    rows = StoredMatch.objects.filter(direction=direction, **{f"{query_field}__in": query_ids})
    if direction == Direction.FOR_PAIN_POINT:
        rows = rows.filter(offer__status=OfferStatus.ACTIVE,
                           offer__organisation__status=Organisation.Status.APPROVED)
        rows = rows.select_related("offer__organisation").prefetch_related(
            Prefetch("offer__tagged_items",
                     queryset=TaggedOffer.objects.select_related("tag").order_by("tag__name"))
        )
    else:
        rows = rows.filter(
            pain_point__status__in=(PainPointStatus.OPEN, PainPointStatus.IN_PROGRESS),
            pain_point__organisation__status=Organisation.Status.APPROVED,
        )
        rows = rows.select_related("pain_point__organisation").prefetch_related(
            Prefetch("pain_point__tagged_items",
                     queryset=TaggedPainPoint.objects.select_related("tag")
                     .order_by("tag__name"))
        )
    return rows.order_by("position")


def _feedback(direction, query_field, query_ids):
    return {
        (row.pain_point_id, row.offer_id): row.verdict
        for row in MatchFeedback.objects.filter(direction=direction,
                                                **{f"{query_field}__in": query_ids})
    }


def _contacts(query_field, query_ids):
    contacts = {}
    rows = ContactRequest.objects.filter(**{f"{query_field}__in": query_ids}).order_by("created_at")
    for row in rows:
        # The newest request of a pair wins; an open or accepted one over a closed one.
        current = contacts.get((row.pain_point_id, row.offer_id))
        if current is None or row.status in LIVE_CONTACT or current.status not in LIVE_CONTACT:
            contacts[(row.pain_point_id, row.offer_id)] = row
    return contacts


def _related(catalog, pain_points, limit, rows_for_ids, accept=lambda row, pain_point: True,
             min_share=RELATED_MIN_SHARE):
    """Per pain point, the best rows of a library catalog, fetched in one query."""
    index = catalogs.stored_index(catalog)  # never built in a request
    ranked = {p.pk: index.top(pain_point_item(p), limit * 3) for p in pain_points}
    wanted = {int(m.item_id) for matches in ranked.values() for m in matches}
    rows = {row.pk: row for row in rows_for_ids(wanted)} if wanted else {}
    result = {}
    for pain_point in pain_points:
        suggestions = []
        matches = ranked[pain_point.pk]
        floor = min_share * matches[0].score if matches else 0
        for match in matches:
            row = rows.get(int(match.item_id))
            if row is None or match.score < floor or not accept(row, pain_point):
                continue
            reasons = [{"code": r.code, "values": list(r.values)} for r in match.reasons
                       if r.code in TOPICAL]
            if not reasons:
                continue
            suggestions.append(Suggestion(row, render_reasons(reasons), match.score))
            if len(suggestions) == limit:
                break
        result[pain_point.pk] = suggestions
    return result


def _case_study_rows(ids):
    from bestpractice.selectors import live_case_studies, with_card_data

    return with_card_data(live_case_studies().filter(pk__in=ids))


def _event_rows(ids):
    from webtalks.selectors import live_events, with_card_data

    return with_card_data(live_events().filter(pk__in=ids))


def _funding_rows(ids):
    return FundingProgramme.objects.filter(pk__in=ids).prefetch_related("tagged_items__tag")


def solution_paths(pain_points, viewer=None):
    """Everything that helps with each pain point, in a constant number of queries."""
    pain_points = list(pain_points)
    if not pain_points:
        return []
    ids = [p.pk for p in pain_points]
    direction = Direction.FOR_PAIN_POINT
    feedback = _feedback(direction, "pain_point", ids)
    contacts = _contacts("pain_point", ids)
    paths = {p.pk: SolutionPath(p) for p in pain_points}
    for row in _stored(direction, "pain_point", ids):
        key = (row.pain_point_id, row.offer_id)
        paths[row.pain_point_id].offers.append(Suggestion(
            row.offer, render_reasons(row.reasons), row.score, feedback.get(key, ""),
            contacts.get(key), render_caveats(row.reasons),
        ))
    _attach_rejected(paths, feedback, Offer.objects.select_related("organisation"),
                      lambda key: key[0], lambda key: key[1], "rejected")
    organisations = {p.organisation_id: p.organisation for p in pain_points}
    case_studies = _related(catalogs.CASE_STUDIES, pain_points, RELATED_CASE_STUDIES,
                            _case_study_rows)
    # Filtered before the limit, so programmes the town cannot apply for crowd out none.
    funding = _related(catalogs.FUNDING, pain_points, RELATED_FUNDING, _funding_rows,
                       lambda programme, p: programme.accepts(organisations[p.organisation_id]),
                       min_share=0)
    events = _related(catalogs.EVENTS, pain_points, RELATED_EVENTS, _event_rows)
    for pain_point in pain_points:
        path = paths[pain_point.pk]
        organisation = organisations[pain_point.organisation_id]
        path.case_studies = case_studies[pain_point.pk]
        path.funding = funding[pain_point.pk]
        path.events = events[pain_point.pk]
        seen = set()
        for suggestion in path.case_studies:
            page = suggestion.item
            if page.organisation_id in seen or page.organisation_id == organisation.pk:
                continue
            seen.add(page.organisation_id)
            path.solvers.append(Solver(page.organisation, page.contact_name, page))
    return [paths[p.pk] for p in pain_points]


def _attach_rejected(results, feedback, candidates, owner_of, candidate_of, attribute):
    """Add the "passt nicht" items of each result (one query for all of them)."""
    rejected = [key for key, verdict in feedback.items() if verdict == Verdict.NOT_FITTING]
    if not rejected:
        return
    rows = candidates.in_bulk({candidate_of(key) for key in rejected})
    for key in sorted(rejected):
        row = rows.get(candidate_of(key))
        if row is not None and owner_of(key) in results:
            getattr(results[owner_of(key)], attribute).append(
                Suggestion(row, [], 0.0, Verdict.NOT_FITTING)
            )


@dataclass
class OfferMatches:
    offer: Offer
    pain_points: list[Suggestion] = field(default_factory=list)
    rejected: list[Suggestion] = field(default_factory=list)


def provider_matches(offers, viewer):
    """For each offer of a provider, the pain points it matches, visible to `viewer`."""
    offers = list(offers)
    if not offers:
        return []
    ids = [o.pk for o in offers]
    direction = Direction.FOR_OFFER
    feedback = _feedback(direction, "offer", ids)
    contacts = _contacts("offer", ids)
    result = {o.pk: OfferMatches(o) for o in offers}
    rows = _stored(direction, "offer", ids)
    if not is_network_member(viewer):
        rows = rows.filter(pain_point__visibility=Visibility.PUBLIC)
    for row in rows:
        key = (row.pain_point_id, row.offer_id)
        result[row.offer_id].pain_points.append(Suggestion(
            row.pain_point, render_reasons(row.reasons), row.score, feedback.get(key, ""),
            contacts.get(key), render_caveats(row.reasons),
        ))
    _attach_rejected(result, feedback, PainPoint.objects.select_related("organisation"),
                     lambda key: key[1], lambda key: key[0], "rejected")
    return [result[o.pk] for o in offers]


# --- funding programmes --------------------------------------------------------------------


def open_funding_programmes(bundesland="", funder="", applicant_kind="", organisations=None):
    """Programmes still open, filtered; with `organisations`, only those one of them may
    apply for. Filtered in Python (see `FundingProgrammeQuerySet.applicable_to`)."""
    programmes = FundingProgramme.objects.open_on().prefetch_related(
        Prefetch("tagged_items", queryset=FundingProgramme.topics.through.objects
                 .select_related("tag").order_by("tag__name"))
    ).order_by("name")
    if funder:
        programmes = programmes.filter(funder=funder)
    result = []
    for programme in programmes:
        if bundesland and programme.bundeslaender and bundesland not in programme.bundeslaender:
            continue
        if applicant_kind and applicant_kind not in programme.applicant_kinds:
            continue
        if organisations is not None and not any(programme.accepts(o) for o in organisations):
            continue
        result.append(programme)
    return result


# --- contacts -------------------------------------------------------------------------------


def contact_requests_of(organisations):
    """Requests sent or received by any of `organisations`, newest first."""
    ids = [o.pk for o in organisations]
    return list(
        ContactRequest.objects.filter(
            Q(sender_organisation_id__in=ids) | Q(recipient_organisation_id__in=ids)
        ).select_related("pain_point", "offer", "sender", "responder", "sender_organisation",
                         "recipient_organisation")
    )


@dataclass
class ContactDetails:
    name: str
    email: str
    organisation: Organisation
    role: str = ""


def contact_details(request):
    """Both sides' people and addresses, but only once the request has been accepted."""
    if request.status != ContactStatus.ACCEPTED:
        return None
    people = []
    if request.sender is not None:  # None: the sender has deleted their account
        people.append((request.sender, request.sender_organisation))
    if request.responder is not None:
        people.append((request.responder, request.recipient_organisation))
    return [
        ContactDetails(user.get_full_name() or user.email, user.email, organisation,
                       getattr(user, "job_title", ""))
        for user, organisation in people
    ]


def pending_contact_count(organisations):
    ids = [o.pk for o in organisations]
    return ContactRequest.objects.filter(recipient_organisation_id__in=ids,
                                         status=ContactStatus.PENDING).count()
