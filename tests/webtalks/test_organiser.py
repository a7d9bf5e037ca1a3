import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from wagtail.models import GroupPagePermission

from network.models import Membership
from tests.factories import ProviderFactory, UserFactory, make_member
from tests.webtalks.conftest import QUESTION
from webtalks import services
from webtalks.models import EventSpeaker, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_with_registrations(make_event):
    event = make_event(capacity=1, questions=[("question", QUESTION)])
    qid = event.question_list()[0]["id"]
    services.register_for_event(
        event, user=make_member(first_name="Anna"), answers={qid: "=SUMME(A1)"}
    )
    services.register_for_event(
        event, user=make_member(first_name="Ben"), answers={qid: "Austausch"}
    )
    return event


@pytest.fixture
def speaker_org_admin(event_with_registrations):
    provider = ProviderFactory()
    EventSpeaker.objects.create(page=event_with_registrations, name="Eva", organisation=provider)
    return make_member(organisation=provider, role=Membership.Role.ADMIN)


@pytest.fixture
def editor(events_index):
    user = UserFactory(is_staff=True)
    group = Group.objects.create(name="Veranstaltungsredaktion")
    GroupPagePermission.objects.create(group=group, page=events_index, permission_type="change")
    user.groups.add(group)
    return user


def test_organisers_see_the_attendee_list_with_answers(
    client, event_with_registrations, speaker_org_admin, editor
):
    for organiser in (speaker_org_admin, editor):
        client.force_login(organiser)
        response = client.get(event_with_registrations.url + "teilnehmende/")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Austausch" in html and "Warteliste" in html


def test_others_are_refused(client, event_with_registrations):
    plain_member = make_member()
    other_org_admin = make_member(role=Membership.Role.ADMIN)
    for path in ("teilnehmende/", "teilnehmende/export/", "nachricht/"):
        assert client.get(event_with_registrations.url + path).status_code == 302  # to login
        for user in (plain_member, other_org_admin):
            client.force_login(user)
            assert client.get(event_with_registrations.url + path).status_code == 403
        client.logout()
    with pytest.raises(PermissionDenied):
        services.message_registrants(plain_member, event_with_registrations, subject="x", body="y")
    registration = Registration.objects.first()
    with pytest.raises(PermissionDenied):
        services.set_attendance(plain_member, registration, True)


def test_csv_export_with_answers_and_no_formula_injection(client, event_with_registrations, editor):
    client.force_login(editor)
    response = client.get(event_with_registrations.url + "teilnehmende/export/")
    text = response.content.decode("utf-8-sig")
    rows = [line.split(";") for line in text.strip().splitlines()]
    assert rows[0][-1] == QUESTION["label"]
    assert len(rows) == 3
    assert "'=SUMME(A1)" in text


def test_csv_export_writes_the_registration_time_in_the_page_language(
    client, event_with_registrations, editor
):
    import re

    client.force_login(editor)
    german = client.get(event_with_registrations.url + "teilnehmende/export/")
    english = client.get("/en" + event_with_registrations.url + "teilnehmende/export/")

    first_row = german.content.decode("utf-8-sig").strip().splitlines()[1].split(";")
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", first_row[3]), first_row
    english_row = english.content.decode("utf-8-sig").strip().splitlines()[1].split(";")
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d", english_row[3]), english_row


def test_mark_attendance(client, event_with_registrations, editor):
    client.force_login(editor)
    confirmed = Registration.objects.get(status="confirmed")
    client.post(
        event_with_registrations.url + "teilnehmende/",
        {"registration": confirmed.pk, "attended": "1"},
    )
    confirmed.refresh_from_db()
    assert confirmed.attended is True


def test_message_all_registrants(
    client,
    event_with_registrations,
    speaker_org_admin,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(speaker_org_admin)
    response = client.post(
        event_with_registrations.url + "nachricht/", {"subject": "", "body": "Text"}
    )
    assert response.status_code == 400 and "Text" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            event_with_registrations.url + "nachricht/",
            {"subject": "Neue Uhrzeit", "body": "Wir beginnen 15 Minuten später."},
        )
    assert len(mailoutbox) == 1  # only the confirmed person, not the waitlist
    assert "Neue Uhrzeit" in mailoutbox[0].subject
    assert "15 Minuten später" in mailoutbox[0].body and "/abmelden/" in mailoutbox[0].body
