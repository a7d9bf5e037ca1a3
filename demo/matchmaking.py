"""Idempotent loader of the matchmaking's demo content: providers, pain points, offers,
funding programmes and the editors' synonym list; then the stored matches anew.

Called by `seed_demo` with `demo.network.DemoContext`. Every row is looked up by a natural
key (organisation + title, programme name, synonym terms) and only created when missing, so
a second run changes nothing and editors' changes are kept. Deadlines are relative to the
first run and stay put afterwards.
"""

import datetime

from django.utils import timezone

from bestpractice.models import BestPracticePage
from demo.data import load
from demo.network import ensure_organisation
from matchmaking.models import FundingProgramme, Offer, PainPoint, StoredMatch, SynonymEntry
from matchmaking.recompute import recompute_all
from network.models import Membership, Organisation

demo_data = load("matchmaking")


def load_demo(context):
    organisations = context.organisations
    for data in demo_data.PROVIDERS:
        organisations[data["slug"]] = ensure_organisation(data, approved=True)
    created = sum(ensure_pain_point(data, organisations) for data in demo_data.PAIN_POINTS)
    context.say(f"  Bedarfe: {PainPoint.objects.count()} (neu: {created})")
    created = sum(ensure_offer(data, organisations) for data in demo_data.OFFERS)
    context.say(f"  Lösungsangebote: {Offer.objects.count()} (neu: {created})")
    created = sum(ensure_programme(data) for data in demo_data.PROGRAMMES)
    context.say(f"  Förderprogramme: {FundingProgramme.objects.count()} (neu: {created})")
    created = ensure_synonyms(demo_data.SYNONYMS)
    context.say(f"  Synonymgruppen: {SynonymEntry.objects.count()} (neu: {created})")
    recompute_all()
    context.say(f"  Berechnete Treffer: {StoredMatch.objects.count()}")
    return context


def _organisation(slug, organisations):
    organisation = organisations.get(slug) or Organisation.objects.filter(slug=slug).first()
    if organisation is not None:
        organisations[slug] = organisation
    return organisation


def _author(organisation):
    """An active member of the organisation (the demo's longest-standing one), if any."""
    membership = (
        Membership.objects.filter(organisation=organisation, status=Membership.Status.ACTIVE)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


def ensure_pain_point(data, organisations):
    organisation = _organisation(data["organisation"], organisations)
    if organisation is None:
        return 0
    if PainPoint.objects.filter(organisation=organisation, title=data["title"]).exists():
        return 0
    pain_point = PainPoint.objects.create(
        organisation=organisation,
        author=_author(organisation),
        title=data["title"],
        description=data["description"],
        budget_range=data["budget_range"],
        timeline=data["timeline"],
        status=data["status"],
        visibility=data["visibility"],
    )
    pain_point.topics.add(*data["topics"])
    return 1


def _case_studies(slugs):
    """The live demo case studies among `slugs`; missing ones are skipped."""
    if not slugs:
        return []
    return list(BestPracticePage.objects.live().filter(slug__in=slugs))


def ensure_offer(data, organisations):
    organisation = _organisation(data["organisation"], organisations)
    if organisation is None:
        return 0
    if Offer.objects.filter(organisation=organisation, title=data["title"]).exists():
        return 0
    offer = Offer.objects.create(
        organisation=organisation,
        author=_author(organisation),
        title=data["title"],
        description=data["description"],
        nationwide=not data["regions"],
        regions=data["regions"],
        sizes=data["sizes"],
        price_range=data["price_range"],
        status=data.get("status", "active"),
        visibility=data.get("visibility", "public"),
    )
    offer.topics.add(*data["topics"])
    references = _case_studies(data["references"])
    if references:
        offer.references.add(*references)
    return 1


def ensure_programme(data):
    if FundingProgramme.objects.filter(name=data["name"]).exists():
        return 0
    days = data["deadline_days"]
    deadline = None if days is None else timezone.localdate() + datetime.timedelta(days=days)
    programme = FundingProgramme.objects.create(
        name=data["name"],
        funder=data["funder"],
        funder_name=data["funder_name"],
        description=data["description"],
        bundeslaender=data["bundeslaender"],
        applicant_kinds=data["applicant_kinds"],
        max_funding=data["max_funding"],
        funding_rate=data["funding_rate"],
        deadline=deadline,
        url=data["url"],
    )
    programme.topics.add(*data["topics"])
    return 1


def ensure_synonyms(entries):
    """The missing synonym groups, in one insert: saving them one by one would have the
    synonym signal recompute every match once per group; `load_demo` recomputes once."""
    existing = set(SynonymEntry.objects.values_list("terms", flat=True))
    missing = [SynonymEntry(**data) for data in entries if data["terms"] not in existing]
    SynonymEntry.objects.bulk_create(missing)
    return len(missing)
