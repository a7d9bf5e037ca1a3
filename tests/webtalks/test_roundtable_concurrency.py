"""Many talks compete for one organisation's slot at the same moment: exactly one is agreed,
every run, and no organisation holds two bookings in a slot (PostgreSQL, real threads)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from network.models import Membership
from tests.factories import OrganisationFactory, ProviderFactory, make_member
from tests.webtalks.roundtable_helpers import add_slots
from webtalks import services
from webtalks.models import EventSpeaker, Registration, RoundtableBooking, RoundtableMeeting

TOWNS = 8


def _roundtable(make_event):
    event = make_event(kind="roundtable", title="Roundtable Zwischennutzung", slug="rt-parallel")
    speaker_org = OrganisationFactory(name="Netzwerk")
    organiser = make_member(speaker_org, role=Membership.Role.ADMIN)
    EventSpeaker.objects.create(page=event, name="Thomas Reuter", organisation=speaker_org)
    provider = ProviderFactory()
    provider_member = make_member(provider)
    towns = [make_member(OrganisationFactory()) for _ in range(TOWNS)]
    for member in [provider_member, *towns]:
        Registration.objects.create(event=event, user=member, name=member.email,
                                    email=member.email, status="confirmed")
    slot = add_slots(event, organiser, count=1)[0]
    return event, organiser, provider, provider_member, towns, slot


def _run_at_once(calls):
    barrier = threading.Barrier(len(calls))
    outcomes, unexpected = [], []

    def run(call):
        try:
            barrier.wait(timeout=30)
            call()
            outcomes.append("ok")
        except ValidationError:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            unexpected.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes, unexpected


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("attempt", [1, 2])
def test_concurrent_acceptances_book_a_slot_once(make_event, settings, attempt):
    if connection.vendor != "postgresql":
        pytest.skip("braucht PostgreSQL (DATABASE_URL)")
    event, _organiser, provider, provider_member, towns, slot = _roundtable(make_event)
    meetings = [services.request_meeting(town, event, slot=slot, recipient=provider)
                for town in towns]

    outcomes, unexpected = _run_at_once(
        [lambda m=m: services.answer_meeting(provider_member, m, True) for m in meetings]
    )
    assert unexpected == []
    assert outcomes.count("ok") == 1
    assert outcomes.count("refused") == TOWNS - 1
    assert RoundtableMeeting.objects.filter(status="accepted").count() == 1
    assert RoundtableBooking.objects.filter(slot=slot, organisation=provider).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_assignments_never_double_book(make_event, settings):
    """The organiser (in two tabs) and the provider's acceptance race for the same slot."""
    if connection.vendor != "postgresql":
        pytest.skip("braucht PostgreSQL (DATABASE_URL)")
    event, organiser, provider, provider_member, towns, slot = _roundtable(make_event)
    from tests.matchmaking.factories import OfferFactory, PainPointFactory

    offer = OfferFactory(organisation=provider, topics=["Leerstand"])
    pain_points = [PainPointFactory(organisation=town.memberships.get().organisation,
                                    topics=["Leerstand"]) for town in towns[:4]]
    request = services.request_meeting(towns[5], event, slot=slot, recipient=provider)
    calls = [lambda p=p: services.assign_meeting(organiser, event, slot=slot, pain_point=p,
                                                 offer=offer) for p in pain_points]
    calls.append(lambda: services.answer_meeting(provider_member, request, True))

    outcomes, unexpected = _run_at_once(calls)
    assert unexpected == []
    assert outcomes.count("ok") == 1
    assert RoundtableBooking.objects.filter(slot=slot, organisation=provider).count() == 1
    # A refused assignment leaves no talk behind.
    assert RoundtableMeeting.objects.filter(status="accepted").count() == 1
    assert RoundtableMeeting.objects.filter(by_organiser=True).count() <= 1
