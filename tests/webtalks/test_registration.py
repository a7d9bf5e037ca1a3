import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.factories import OrganisationFactory, UserFactory, make_member
from tests.webtalks.conftest import QUESTION
from webtalks import services
from webtalks.models import Registration

pytestmark = pytest.mark.django_db
ANSWER_KEY = "question"


def answers_for(event, text="Praxisbeispiele zur Frequenzmessung"):
    return {q["id"]: text for q in event.question_list()}


def test_member_registers_with_one_click_and_gets_confirmation_with_ics(
    make_event, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=10)
    member = make_member()
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register_for_event(event, user=member)
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.email == member.email
    [mail] = mailoutbox
    assert mail.to == [member.email]
    assert "angemeldet" in mail.subject
    assert "/anmeldungen/" in mail.body and "/abmelden/" in mail.body
    [(filename, content, mimetype)] = mail.attachments
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    assert b"BEGIN:VEVENT" in (content if isinstance(content, bytes) else content.encode())


def test_full_event_puts_people_on_the_waitlist(
    make_event, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=2)
    people = [make_member() for _ in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [services.register_for_event(event, user=p).status for p in people]
    assert statuses == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert "Warteliste" in mails_to(mailoutbox, people[2].email)[0].subject


def mails_to(mailoutbox, address):
    return [m for m in mailoutbox if address in m.to]


def test_cancellation_promotes_the_first_on_the_waitlist_and_tells_them(
    make_event, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    first, second, third = make_member(), make_member(), make_member()
    with django_capture_on_commit_callbacks(execute=True):
        seat = services.register_for_event(event, user=first)
        services.register_for_event(event, user=second)
        services.register_for_event(event, user=third)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancelled, promoted = services.cancel_registration(seat.token)
    assert cancelled.status == "cancelled"
    assert [r.user for r in promoted] == [second]
    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses == {first.pk: "cancelled", second.pk: "confirmed", third.pk: "waitlisted"}
    [promotion] = mails_to(mailoutbox, second.email)
    assert "frei geworden" in promotion.subject
    assert promotion.attachments, "the promoted person gets the calendar entry"
    assert mails_to(mailoutbox, third.email) == []


def test_publishing_a_larger_capacity_moves_people_up(
    make_event, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    first, second, third = make_member(), make_member(), make_member()
    with django_capture_on_commit_callbacks(execute=True):
        for person in (first, second, third):
            services.register_for_event(event, user=person)
    mailoutbox.clear()

    event.capacity = 2
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()

    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses == {first.pk: "confirmed", second.pk: "confirmed", third.pk: "waitlisted"}
    assert "frei geworden" in mails_to(mailoutbox, second.email)[0].subject
    assert mails_to(mailoutbox, third.email) == []


def test_cancelling_a_waitlist_place_promotes_nobody(make_event):
    event = make_event(capacity=1)
    first, second = make_member(), make_member()
    services.register_for_event(event, user=first)
    waiting = services.register_for_event(event, user=second)
    _cancelled, promoted = services.cancel_registration(waiting.token)
    assert promoted == []
    assert Registration.objects.get(user=first).status == "confirmed"


def test_registration_window_is_enforced(make_event):
    member = make_member()
    not_yet = make_event(registration_opens_at=timezone.now() + datetime.timedelta(days=1))
    closed = make_event(registration_closes_at=timezone.now() - datetime.timedelta(minutes=1))
    started = make_event(start=timezone.now() - datetime.timedelta(minutes=5))
    with pytest.raises(ValidationError, match="öffnet am"):
        services.register_for_event(not_yet, user=member)
    for event in (closed, started):
        with pytest.raises(ValidationError, match="geschlossen"):
            services.register_for_event(event, user=member)
    assert not Registration.objects.exists()


def test_members_only_event_refuses_visitors_and_people_without_organisation(make_event):
    event = make_event(audience="members")
    loner = UserFactory()
    pending_org_member = make_member(organisation=OrganisationFactory(status="pending"))
    with pytest.raises(PermissionDenied):
        services.register_for_event(event, name="Gast", email="gast@example.org")
    for user in (loner, pending_org_member):
        with pytest.raises(PermissionDenied, match="nur für Mitglieder"):
            services.register_for_event(event, user=user)
    assert services.register_for_event(event, user=make_member()).status == "confirmed"


def test_visitor_double_opt_in(make_event, mailoutbox, django_capture_on_commit_callbacks):
    event = make_event(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register_for_event(
            event, name="Lena Gast", email=" Lena.Gast@Example.org "
        )
    assert registration.status == Registration.Status.PENDING
    assert registration.email == "lena.gast@example.org"
    [mail] = mailoutbox
    assert f"/anmeldungen/{registration.token}/bestaetigen/" in mail.body
    assert not mail.attachments
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = services.confirm_registration(registration.token)
    assert confirmed.status == Registration.Status.CONFIRMED
    assert mailoutbox[0].attachments
    # A second click on the link changes nothing.
    assert services.confirm_registration(registration.token).status == "confirmed"
    assert Registration.objects.count() == 1


def test_pending_visitors_hold_no_seat(make_event):
    event = make_event(capacity=1)
    pending = services.register_for_event(event, name="Gast", email="gast@example.org")
    member = services.register_for_event(event, user=make_member())
    assert member.status == "confirmed"
    assert services.confirm_registration(pending.token).status == "waitlisted"


def test_visitor_input_is_validated_in_german(make_event):
    event = make_event()
    with pytest.raises(ValidationError) as error:
        services.register_for_event(event, name="", email="keine-adresse")
    assert set(error.value.message_dict) == {"name", "email"}
    assert "gültige E-Mail-Adresse" in error.value.message_dict["email"][0]


def test_registering_twice_is_refused(make_event):
    event = make_event()
    member = make_member()
    services.register_for_event(event, user=member)
    with pytest.raises(ValidationError, match="schon angemeldet"):
        services.register_for_event(event, user=member)


def test_required_question_must_be_answered_and_answers_are_plain_text(make_event):
    event = make_event(questions=[("question", QUESTION)])
    member = make_member()
    with pytest.raises(ValidationError) as error:
        services.register_for_event(event, user=member, answers={})
    assert "Bitte beantworten" in str(error.value)
    registration = services.register_for_event(
        event, user=member, answers=answers_for(event, "<script>alert(1)</script>Mehr Frequenz")
    )
    assert registration.answers == [{"question": QUESTION["label"], "answer": "Mehr Frequenz"}]


def test_series_registration_covers_every_session(make_series, make_event):
    series = make_series(sessions=3, capacity=1)
    first_session = series.sessions_list()[0]
    member, other = make_member(), make_member()
    registration = services.register_for_event(first_session, user=member)
    assert registration.series_id == series.pk and registration.event_id is None
    assert services.register_for_event(series, user=other).status == "waitlisted"
    from webtalks import permissions

    assert all(permissions.is_confirmed_registrant(member, s) for s in series.sessions_list())
    assert not any(permissions.is_confirmed_registrant(other, s) for s in series.sessions_list())


def test_welcome_webtalk_invites_members_of_an_approved_organisation(
    make_event, mailoutbox, django_capture_on_commit_callbacks
):
    from network.services import approve_organisation
    from tests.factories import make_moderator

    make_event(title="Willkommen im Netzwerk", is_welcome_event=True)
    organisation = OrganisationFactory(status="pending")
    member = make_member(organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        approve_organisation(make_moderator(), organisation)
    invitations = [m for m in mailoutbox if member.email in m.to and "Einladung" in m.subject]
    assert len(invitations) == 1
    assert "Willkommen im Netzwerk" in invitations[0].subject
