"""Demo roundtables: one upcoming and one past, each with what participants bring, slots,
talks and (for the past one) results that show in its Nachlese and as contact outcomes.

Data in `demo/data/roundtables.json`. Reuses the demo organisations, people, pain points and
offers of `demo.network` and `demo.matchmaking` by slug, e-mail and title (so it runs after
them), adds two provider people to talk for their organisations, and looks everything up
by a natural key before creating it: a second run changes nothing.
"""

import datetime
import json
from pathlib import Path

from django.utils import timezone

from demo.network import ensure_person
from matchmaking.models import Offer, PainPoint
from network.models import Organisation, User
from webtalks.models import (
    EventIndexPage,
    EventPage,
    EventSpeaker,
    Registration,
    RoundtableBooking,
    RoundtableContribution,
    RoundtableMeeting,
    RoundtableSlot,
)
from webtalks.services.roundtables import record_contact_outcome

DATA = Path(__file__).resolve().parent / "data" / "roundtables.json"


def _data():
    return json.loads(DATA.read_text(encoding="utf-8"))


def _at(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def ensure_event(index, data):
    event = EventPage.objects.filter(slug=data["slug"]).first()
    if event is not None:
        return event
    start = _at(data["days"], data["hour"])
    event = index.add_child(instance=EventPage(
        slug=data["slug"], title=data["title"], kind="roundtable", start=start,
        end=start + datetime.timedelta(minutes=data["minutes"]), intro=data["intro"],
        description=f"<p>{data['intro']}</p>", audience=data.get("audience", "members"),
        capacity=data.get("capacity"), location_kind="venue", venue_name="Altes Rathaus Einbeck",
        venue_address="Marktplatz 6, 37574 Einbeck", summary=data.get("summary", ""),
    ))
    event.topics.add(*data["topics"])
    name, role, organisation_slug = data["speaker"]
    EventSpeaker.objects.create(
        page=event, sort_order=0, name=name, role=role,
        organisation=Organisation.objects.filter(slug=organisation_slug).first(),
    )
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def _registrations(event, entries):
    for entry in entries:
        person = User.objects.filter(email=entry["email"]).first()
        if person is None:
            continue
        registration, _created = Registration.objects.get_or_create(
            event=event, email=person.email,
            defaults={"user": person, "name": person.get_full_name() or person.email,
                      "status": Registration.Status.CONFIRMED, "queued_at": timezone.now(),
                      "attended": event.end < timezone.now()},
        )
        organisations = person.memberships.values("organisation_id")
        for title in entry.get("pain_points", []):
            pain_point = PainPoint.objects.filter(title=title,
                                                  organisation__in=organisations).first()
            if pain_point:
                RoundtableContribution.objects.get_or_create(registration=registration,
                                                             pain_point=pain_point)
        for title in entry.get("offers", []):
            offer = Offer.objects.filter(title=title, organisation__in=organisations).first()
            if offer:
                RoundtableContribution.objects.get_or_create(registration=registration,
                                                             offer=offer)


def _slots(event, entries):
    slots = []
    for entry in entries:
        start = event.start + datetime.timedelta(minutes=entry["offset"])
        slot, _created = RoundtableSlot.objects.get_or_create(
            event=event, start=start,
            defaults={"end": start + datetime.timedelta(minutes=entry["minutes"]),
                      "label": entry.get("label", "")},
        )
        slots.append(slot)
    return slots


def _first_member(organisation):
    membership = organisation.memberships.filter(status="active").select_related("user") \
        .order_by("pk").first()
    return membership.user if membership else None


def _meetings(event, slots, entries, organiser):
    created = 0
    for entry in entries:
        pain_point = PainPoint.objects.filter(title=entry["pain_point"]).select_related(
            "organisation").first()
        offer = Offer.objects.filter(title=entry["offer"]).select_related("organisation").first()
        if pain_point is None or offer is None:
            continue
        slot = slots[entry["slot"]]
        meeting = RoundtableMeeting.objects.filter(
            event=event, slot=slot, requester=pain_point.organisation,
            recipient=offer.organisation,
        ).first()
        if meeting is None:
            meeting = RoundtableMeeting.objects.create(
                event=event, slot=slot, requester=pain_point.organisation,
                recipient=offer.organisation, pain_point=pain_point, offer=offer,
                requested_by=organiser if entry.get("by_organiser")
                else _first_member(pain_point.organisation),
                message=entry.get("message", ""), status=entry["status"],
                by_organiser=entry.get("by_organiser", False),
                answered_at=timezone.now() if entry["status"] == "accepted" else None,
            )
            created += 1
            if meeting.is_accepted:
                for organisation_id in sorted(meeting.organisation_ids()):
                    RoundtableBooking.objects.get_or_create(
                        slot=slot, organisation_id=organisation_id, defaults={"meeting": meeting})
        if "meets_again" in entry and not meeting.has_result:
            meeting.meets_again = entry["meets_again"]
            meeting.next_step = entry.get("next_step", "")
            meeting.result_recorded_at = timezone.now()
            meeting.result_recorded_by = organiser
            meeting.save()
            if meeting.meets_again and organiser is not None:
                record_contact_outcome(organiser, meeting, tell_members=False)  # the demo tells no one
    return created


def load_demo(context):
    data = _data()
    organisations = {o.slug: o for o in Organisation.objects.filter(
        slug__in=[p["organisation"] for p in data["people"]])}
    for person in data["people"]:
        if person["organisation"] in organisations:
            context.people[person["email"]] = ensure_person(person, organisations)
    index = EventIndexPage.objects.first()
    if index is None:
        context.say("  Roundtables: keine Veranstaltungsübersicht – übersprungen")
        return context
    organiser = User.objects.filter(email="leerstand@einbeck.example").first()
    created = 0
    for entry in data["events"]:
        event = ensure_event(index, entry)
        _registrations(event, entry["registrations"])
        slots = _slots(event, entry["slots"])
        created += _meetings(event, slots, entry["meetings"], organiser)
    context.say(f"  Roundtables: {len(data['events'])}, Gespräche neu: {created}")
    return context
