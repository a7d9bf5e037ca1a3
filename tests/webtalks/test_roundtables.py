"""Roundtables through their services and over HTTP: what participants bring, the overlay,
slots and talks (no double booking), results feeding the Nachlese and contact outcomes,
refused roles, and constant query counts on the overlay page."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from matchmaking.models import ContactOutcome, ContactRequest, ContactStatus
from tests.factories import make_member, make_moderator
from tests.html_checks import html_problems
from tests.webtalks.roundtable_helpers import add_slots, build_roundtable
from webtalks import roundtable_selectors as selectors
from webtalks import services
from webtalks.models import (
    EventPage,
    Registration,
    RoundtableBooking,
    RoundtableContribution,
    RoundtableMeeting,
    RoundtableSlot,
)


def assert_valid_html(html):
    assert html_problems(html) == []


@pytest.fixture
def table(events_index):
    return build_roundtable(events_index)


def move_to_past(event):
    """Let the roundtable have happened (talks were agreed while it was upcoming)."""
    shift = event.start - (timezone.now() - datetime.timedelta(days=2))
    EventPage.objects.filter(pk=event.pk).update(start=event.start - shift, end=event.end - shift)
    for slot in RoundtableSlot.objects.filter(event=event):
        RoundtableSlot.objects.filter(pk=slot.pk).update(start=slot.start - shift,
                                                         end=slot.end - shift)
    return EventPage.objects.get(pk=event.pk)


# --- gathering and the overlay ----------------------------------------------------------


def test_overlay_lays_needs_over_offers_with_reasons(table):
    overlay = selectors.overlay(table.event)
    assert {p.pk for p in overlay.pain_points} == {p.pk for p in table.pain_points}
    assert {o.pk for o in overlay.offers} == {o.pk for o in table.offers}
    vacancy, succession = table.pain_points
    interim, exchange = table.offers
    best = overlay.cells[(vacancy.pk, interim.pk)]
    assert best.strength == "strong"
    assert any("Zwischennutzung" in reason for reason in best.reasons)
    assert (succession.pk, exchange.pk) in overlay.cells
    # Every shown pair names a topic; caveats are never among the reasons.
    for cell in overlay.cells.values():
        assert any(reason.startswith("gemeinsame Themen") for reason in cell.reasons)
        assert not any("nicht in" in reason for reason in cell.reasons)


def test_items_off_the_event_topics_stay_out_unless_brought(table):
    from tests.matchmaking.factories import PainPointFactory

    town, member = table.towns[0]
    off_topic = PainPointFactory(organisation=town, author=member, title="Weihnachtsmarkt sichern",
                                 topics=["Sicherheit"])
    assert off_topic.pk not in {p.pk for p in selectors.overlay(table.event).pain_points}

    registration = Registration.objects.get(event=table.event, user=member)
    services.set_contributions(member, registration, [f"pp-{off_topic.pk}"])
    pain_points = {p.pk for p in selectors.overlay(table.event).pain_points}
    # Brought by choice, and the organisation's other items are no longer assumed.
    assert off_topic.pk in pain_points
    assert table.pain_points[0].pk not in pain_points


def test_nobody_brings_someone_elses_items(table):
    _town, member = table.towns[0]
    registration = Registration.objects.get(event=table.event, user=member)
    foreign = table.offers[0]
    with pytest.raises(ValidationError):
        services.set_contributions(member, registration, [f"of-{foreign.pk}"])
    other = table.towns[1][1]
    with pytest.raises(PermissionDenied):
        services.set_contributions(other, registration, [f"pp-{table.pain_points[0].pk}"])
    assert not RoundtableContribution.objects.exists()


def test_registration_form_asks_what_to_bring(client, events_index):
    table = build_roundtable(events_index, towns=1, providers=1, register=False)
    _town, member = table.towns[0]
    client.force_login(member)
    page = client.get(table.event.url)
    assert "Was bringen Sie mit?" in page.content.decode()
    assert table.pain_points[0].title in page.content.decode()
    assert_valid_html(page.content.decode())
    response = client.post(table.event.url, {"action": "register",
                                              "bring": [f"pp-{table.pain_points[0].pk}"]})
    assert response.status_code == 302
    registration = Registration.objects.get(event=table.event, user=member)
    assert registration.status == "confirmed"
    assert [c.pain_point_id for c in registration.contributions.all()] == [table.pain_points[0].pk]


def test_registration_form_refuses_a_foreign_choice(client, events_index):
    table = build_roundtable(events_index, towns=1, providers=1, register=False)
    _town, member = table.towns[0]
    client.force_login(member)
    response = client.post(table.event.url, {"action": "register",
                                              "bring": [f"of-{table.offers[0].pk}"]})
    assert response.status_code == 400
    assert "Bitte wählen Sie nur Einträge aus der Liste." in response.content.decode()
    assert not Registration.objects.filter(event=table.event, user=member).exists()


# --- who may see and do what ------------------------------------------------------------


def test_overlay_page_for_the_organiser_only(client, table):
    url = reverse("roundtables:overlay", args=[table.event.pk])
    assert client.get(url).status_code == 302  # to the login
    for refused in (table.towns[0][1], make_member(), make_moderator()):
        client.force_login(refused)
        response = client.get(url)
        assert response.status_code == 403
        assert "Redaktion" in response.content.decode()
    client.force_login(table.organiser)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert_valid_html(html)
    assert html.count("<h1") == 1
    assert table.pain_points[0].title in html and table.offers[0].title in html
    assert "gemeinsame Themen" in html


def test_refused_roles_in_the_services(table):
    event = table.event
    town_member = table.towns[0][1]
    outsider = make_member()
    with pytest.raises(PermissionDenied):
        add_slots(event, town_member)
    with pytest.raises(PermissionDenied):
        add_slots(event, make_moderator())
    slot = add_slots(event, table.organiser, count=1)[0]
    with pytest.raises(PermissionDenied):
        services.assign_meeting(town_member, event, slot=slot, pain_point=table.pain_points[0],
                                offer=table.offers[0])
    with pytest.raises(PermissionDenied):
        services.request_meeting(outsider, event, slot=slot, recipient=table.providers[0][0])
    meeting = services.request_meeting(town_member, event, slot=slot,
                                       recipient=table.providers[0][0])
    # Only the asked organisation answers; strangers cannot call it off.
    with pytest.raises(PermissionDenied):
        services.answer_meeting(town_member, meeting, True)
    with pytest.raises(PermissionDenied):
        services.answer_meeting(table.providers[1][1], meeting, True)
    with pytest.raises(PermissionDenied):
        services.cancel_meeting(outsider, meeting)
    services.answer_meeting(table.providers[0][1], meeting, True)
    event = move_to_past(event)
    with pytest.raises(PermissionDenied):
        services.record_meeting_result(town_member, meeting, meets_again=True)


def test_slot_must_lie_within_the_event(table):
    with pytest.raises(ValidationError) as error:
        services.add_slot(table.organiser, table.event,
                          start=table.event.start - datetime.timedelta(hours=1),
                          end=table.event.start)
    assert "innerhalb der Veranstaltung" in str(error.value)


def test_a_waitlisted_person_has_no_plan(client, events_index):
    table = build_roundtable(events_index)
    registration = Registration.objects.get(event=table.event, user=table.towns[0][1])
    Registration.objects.filter(pk=registration.pk).update(status="waitlisted")
    client.force_login(table.towns[0][1])
    response = client.get(reverse("roundtables:plan", args=[table.event.pk]))
    assert response.status_code == 403
    assert "angemeldete Teilnehmende" in response.content.decode()


def test_no_roundtable_pages_for_other_event_kinds(client, make_event):
    event = make_event(kind="webtalk")
    client.force_login(make_member())
    assert client.get(reverse("roundtables:overlay", args=[event.pk])).status_code == 404


# --- slots and talks --------------------------------------------------------------------


def test_request_accept_and_no_double_booked_slot(client, table):
    event = table.event
    slot, second = add_slots(event, table.organiser, count=2)
    (town_a, member_a), (town_b, member_b) = table.towns
    (provider_a, provider_member_a), _ = table.providers

    client.force_login(member_a)
    response = client.post(reverse("roundtables:request", args=[event.pk]), {
        "slot": slot.pk, "recipient": provider_a.pk, "pain_point": table.pain_points[0].pk,
        "offer": table.offers[0].pk, "message": "Wir möchten über Zwischennutzung sprechen.",
    })
    assert response.status_code == 302
    first = RoundtableMeeting.objects.get(requester=town_a)
    assert first.status == "requested" and first.pain_point == table.pain_points[0]

    client.force_login(member_b)
    client.post(reverse("roundtables:request", args=[event.pk]),
                {"slot": slot.pk, "recipient": provider_a.pk})
    competing = RoundtableMeeting.objects.get(requester=town_b)

    client.force_login(provider_member_a)
    plan = client.get(reverse("roundtables:plan", args=[event.pk]))
    assert "Anfragen an Sie" in plan.content.decode()
    client.post(reverse("roundtables:answer", args=[event.pk, first.pk]), {"answer": "accept"})
    first.refresh_from_db()
    assert first.status == "accepted"
    # The provider is now busy in that slot: the second acceptance is refused, politely.
    response = client.post(reverse("roundtables:answer", args=[event.pk, competing.pk]),
                           {"answer": "accept"}, follow=True)
    assert "schon ein Gespräch" in response.content.decode()
    competing.refresh_from_db()
    assert competing.status == "requested"
    assert RoundtableBooking.objects.filter(slot=slot).count() == 2
    # A new request for the busy slot is refused before it is sent.
    with pytest.raises(ValidationError):
        services.request_meeting(member_b, event, slot=slot, recipient=provider_a)
    # Cancelling frees the slot for both sides.
    services.cancel_meeting(member_a, first)
    assert not RoundtableBooking.objects.filter(slot=slot).exists()
    services.answer_meeting(provider_member_a, competing, True)
    assert RoundtableBooking.objects.filter(slot=slot, organisation=provider_a).count() == 1


def test_organiser_assigns_a_pair_which_both_see_in_their_plan(client, table):
    event = table.event
    slot = add_slots(event, table.organiser, count=1)[0]
    client.force_login(table.organiser)
    response = client.post(reverse("roundtables:assign", args=[event.pk]), {
        "slot": slot.pk, "pain_point": table.pain_points[0].pk, "offer": table.offers[0].pk})
    assert response.status_code == 302
    meeting = RoundtableMeeting.objects.get()
    assert meeting.status == "accepted" and meeting.by_organiser
    # The same pain point's town cannot be seated twice in one slot.
    with pytest.raises(ValidationError):
        services.assign_meeting(table.organiser, event, slot=slot,
                                pain_point=table.pain_points[0], offer=table.offers[1])

    for member in (table.towns[0][1], table.providers[0][1]):
        client.force_login(member)
        html = client.get(reverse("roundtables:plan", args=[event.pk])).content.decode()
        assert "Mit wem Sie sprechen sollten" in html
        assert "Ihre vereinbarten Gespräche" in html
        assert "von der Organisation eingeteilt" in html
        assert_valid_html(html)


def test_plan_suggests_partners_with_reasons(client, table):
    add_slots(table.event, table.organiser, count=1)
    client.force_login(table.towns[0][1])
    response = client.get(reverse("roundtables:plan", args=[table.event.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert table.providers[0][0].name in html
    assert "gemeinsame Themen" in html
    assert "Gespräch anfragen" in html
    assert html.count("<h1") == 1


def test_request_any_participant_but_only_for_the_own_organisation(client, table):
    slot = add_slots(table.event, table.organiser, count=1)[0]
    (town_a, member_a), (town_b, _member_b) = table.towns
    client.force_login(member_a)
    html = client.get(reverse("roundtables:plan", args=[table.event.pk])).content.decode()
    assert "Ein Gespräch mit einer anderen Organisation anfragen" in html
    url = reverse("roundtables:request", args=[table.event.pk])
    # Two towns share no pair of the overlay, and may still talk.
    assert client.post(url, {"slot": slot.pk, "recipient": town_b.pk}).status_code == 302
    assert RoundtableMeeting.objects.get().requester == town_a
    refused = client.post(url, {"slot": slot.pk, "recipient": table.providers[0][0].pk,
                                "requester": town_b.pk})
    assert refused.status_code == 403
    outsider = client.post(url, {"slot": slot.pk, "recipient": make_member().memberships.get()
                                 .organisation_id}, follow=True)
    assert "nimmt nicht am Roundtable teil" in outsider.content.decode()
    assert RoundtableMeeting.objects.count() == 1


def test_participant_changes_what_they_bring(client, table):
    _town, member = table.towns[0]
    client.force_login(member)
    response = client.post(reverse("roundtables:bring", args=[table.event.pk]),
                           {"bring": [f"pp-{table.pain_points[0].pk}"]})
    assert response.status_code == 302
    registration = Registration.objects.get(event=table.event, user=member)
    assert selectors.brought_keys(registration) == [f"pp-{table.pain_points[0].pk}"]


# --- after the event --------------------------------------------------------------------


def _agreed(table, slot, pair=0):
    town, member = table.towns[pair]
    provider, provider_member = table.providers[pair]
    meeting = services.request_meeting(
        member, table.event, slot=slot, recipient=provider,
        pain_point=table.pain_points[pair], offer=table.offers[pair])
    return services.answer_meeting(provider_member, meeting, True)


def test_results_feed_the_nachlese_and_the_contact_outcome(client, table):
    slot = add_slots(table.event, table.organiser, count=1)[0]
    meeting = _agreed(table, slot)
    with pytest.raises(ValidationError):
        services.record_meeting_result(table.organiser, meeting, meets_again=True)
    move_to_past(table.event)

    client.force_login(table.organiser)
    url = reverse("roundtables:results", args=[table.event.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert_valid_html(page.content.decode())
    response = client.post(url, {"meeting": meeting.pk, "meets_again": "yes",
                                 "next_step": "Probeladen im Schuhhaus ab März"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.meets_again is True and meeting.next_step == "Probeladen im Schuhhaus ab März"

    contact = ContactRequest.objects.get(pain_point=table.pain_points[0], offer=table.offers[0])
    assert contact.status == ContactStatus.ACCEPTED
    assert contact.outcome == ContactOutcome.TALKED
    assert contact.sender_organisation == table.towns[0][0]

    client.logout()
    html = client.get(table.event.url).content.decode()
    assert "Nachlese" in html
    assert "Probeladen im Schuhhaus ab März" in html
    assert "Beide treffen sich wieder." in html

    # Recording again updates, never duplicates; a later outcome is kept.
    ContactRequest.objects.filter(pk=contact.pk).update(outcome=ContactOutcome.PILOT)
    services.record_meeting_result(table.organiser, meeting, meets_again=True, next_step="")
    assert ContactRequest.objects.filter(pain_point=table.pain_points[0]).count() == 1
    assert ContactRequest.objects.get(pk=contact.pk).outcome == ContactOutcome.PILOT


def test_an_open_contact_request_is_left_to_its_recipients(table):
    from matchmaking.contacts import send_request

    slot = add_slots(table.event, table.organiser, count=1)[0]
    meeting = _agreed(table, slot)
    open_request = send_request(table.towns[0][1], table.pain_points[0], table.offers[0],
                                "Wir würden gern über Zwischennutzung im Schuhhaus sprechen.")
    move_to_past(table.event)
    services.record_meeting_result(table.organiser, meeting, meets_again=True)
    open_request.refresh_from_db()
    assert open_request.status == ContactStatus.PENDING
    assert ContactRequest.objects.count() == 1


def test_no_contact_when_they_do_not_meet_again(table):
    slot = add_slots(table.event, table.organiser, count=1)[0]
    meeting = _agreed(table, slot)
    move_to_past(table.event)
    services.record_meeting_result(table.organiser, meeting, meets_again=False,
                                   next_step="Erst nach der Haushaltsplanung")
    assert not ContactRequest.objects.exists()
    with pytest.raises(ValidationError):
        services.record_meeting_result(table.organiser, meeting, meets_again=None)


# --- constant queries -------------------------------------------------------------------


def _overlay_queries(client, table):
    client.force_login(table.organiser)
    url = reverse("roundtables:overlay", args=[table.event.pk])
    client.get(url)  # warm the engine's index
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    # Counted at the cursor, so the count cannot be cut by a log cleared per request.
    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_overlay_page_runs_the_same_queries_at_two_sizes(client, events_index):
    small = build_roundtable(events_index, towns=2, providers=2)
    slots = add_slots(small.event, small.organiser, count=2)
    _agreed(small, slots[0])
    small_count = _overlay_queries(client, small)

    large = build_roundtable(events_index, towns=6, providers=6)
    slots = add_slots(large.event, large.organiser, count=4)
    for pair in range(3):
        _agreed(large, slots[pair], pair)
    large_count = _overlay_queries(client, large)
    assert small_count > 10
    assert large_count == small_count
