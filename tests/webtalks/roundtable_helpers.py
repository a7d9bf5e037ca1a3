"""Building a roundtable with registered municipalities and providers, for the roundtable
tests (HTTP, services, concurrency, browser)."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from network.models import Membership
from tests.factories import OrganisationFactory, ProviderFactory, make_member
from tests.matchmaking.factories import OfferFactory, PainPointFactory
from tests.webtalks.conftest import build_event
from webtalks import services
from webtalks.models import EventSpeaker

NEEDS = [
    ("Leere Ladenlokale in der Fußgängerzone", ["Leerstand", "Zwischennutzung"],
     "Elf Schaufenster stehen leer; wir suchen Zwischennutzungen und Eigentümergespräche."),
    ("Wer übernimmt die Läden, wenn Inhaber in Rente gehen?", ["Nachfolge", "Leerstand"],
     "Viele Inhaber*innen gehen in Rente; Nachfolge und Ansiedlung neuer Läden fehlen."),
]
OFFERS = [
    ("Zwischennutzung mit Mustervertrag und Probeladen", ["Zwischennutzung", "Leerstand"],
     "Wir vermitteln Zwischennutzungen für leere Ladenlokale, mit Vertrag und Möbeln."),
    ("Nachfolgebörse für Läden und Cafés", ["Nachfolge", "Ansiedlung"],
     "Wir bringen Inhaber*innen, die aufhören, mit Nachfolger*innen zusammen."),
]


@dataclass
class Roundtable:
    event: object
    towns: list = field(default_factory=list)  # [(organisation, member)]
    providers: list = field(default_factory=list)
    pain_points: list = field(default_factory=list)
    offers: list = field(default_factory=list)
    organiser: object = None


def build_roundtable(parent, *, towns=2, providers=2, past=False, register=True):
    start = timezone.now() + (datetime.timedelta(days=-3) if past else datetime.timedelta(days=5))
    event = build_event(parent, title="Roundtable Leerstand und Nachvermietung", kind="roundtable",
                        start=start, end=start + datetime.timedelta(hours=3))
    event.topics.add("Leerstand", "Zwischennutzung", "Nachfolge")
    event.save_revision().publish()
    result = Roundtable(event=event)
    for number in range(towns):
        town = OrganisationFactory(name=f"Stadt Probe {number}", bundesland="NI",
                                   population=30_000 + number)
        member = make_member(town)
        title, topics, text = NEEDS[number % len(NEEDS)]
        result.pain_points.append(PainPointFactory(
            organisation=town, author=member, title=f"{title} ({number})", topics=topics,
            description=text))
        result.towns.append((town, member))
    for number in range(providers):
        provider = ProviderFactory(name=f"Anbieter Probe {number}")
        member = make_member(provider)
        title, topics, text = OFFERS[number % len(OFFERS)]
        result.offers.append(OfferFactory(
            organisation=provider, author=member, title=f"{title} ({number})", topics=topics,
            description=text, nationwide=True))
        result.providers.append((provider, member))
    # The organiser: an admin of the speaker's organisation.
    speaker_org = OrganisationFactory(name="Netzwerk Innenstadt")
    result.organiser = make_member(speaker_org, role=Membership.Role.ADMIN)
    EventSpeaker.objects.create(page=event, name="Thomas Reuter", organisation=speaker_org)
    if register:
        started = past
        if started:
            # Registration closes at the start: register as if before it.
            from webtalks.models import Registration

            for _org, member in result.towns + result.providers:
                Registration.objects.create(event=event, user=member, name=member.email,
                                            email=member.email, status="confirmed")
        else:
            for _org, member in result.towns + result.providers:
                services.register_for_event(event, user=member)
    return result


def add_slots(event, user, count=2):
    slots = []
    for number in range(count):
        start = event.start + datetime.timedelta(minutes=30 * number)
        slots.append(services.add_slot(user, event, start=start,
                                       end=start + datetime.timedelta(minutes=25),
                                       label=f"Runde {number + 1}"))
    return slots
