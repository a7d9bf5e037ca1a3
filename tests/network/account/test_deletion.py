"""Deleting one's account (DSGVO Art. 17): the effect on every app, and who is refused."""

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from matchmaking.models import ContactRequest, MatchFeedback, Offer, PainPoint
from network.account import services
from network.models import (
    DataExport,
    Follow,
    Membership,
    Notification,
    Organisation,
    Post,
    Thread,
    User,
)
from search.models import SearchEntry
from tests.factories import DEFAULT_PASSWORD, OrganisationFactory, make_member
from webtalks.models import CalendarFeed, LiveMessage, Registration

pytestmark = pytest.mark.django_db


def _delete_through_page(client, user, password=DEFAULT_PASSWORD, confirm=True):
    client.force_login(user)
    data = {"action": "delete", "password": password}
    if confirm:
        data["confirm"] = "on"
    return client.post(reverse("network:my_data"), data)


def test_deletion_effect_on_every_app(client, world, mailoutbox,
                                      django_capture_on_commit_callbacks):
    anna = world.anna
    with django_capture_on_commit_callbacks(execute=True):
        services.request_export(anna)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = _delete_through_page(client, anna)
    assert response.status_code == 200
    assert "Ihr Konto ist gelöscht" in response.content.decode()
    assert not User.objects.filter(pk=anna.pk).exists()
    assert "_auth_user_id" not in client.session

    # Forum: the discussion stays readable, shown as a former member, linking to no one.
    thread = Thread.objects.get(pk=world.thread.pk)
    assert thread.author is None
    opening = Post.objects.get(thread=thread, is_opening=True)
    assert opening.author is None and opening.is_visible
    assert Post.objects.get(pk=world.comment.pk).author is None
    assert Post.objects.get(pk=world.reply.pk).author == world.ben
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "ehemaliges Mitglied" in page
    assert "Anna Schmidt" not in page and "Pop-up-Stores in Leerständen" in page
    assert not Follow.objects.filter(user_id=anna.pk).exists()

    # Events: cancelled through the cancellation service, the visitor moves up.
    assert not Registration.objects.filter(email="anna.schmidt@lemgo.example").exists()
    vera = Registration.objects.get(pk=world.vera_registration.pk)
    assert vera.status == Registration.Status.CONFIRMED
    assert [m.to for m in mailoutbox] == [["vera@example.org"]]  # promoted; no mail to Anna
    assert not CalendarFeed.objects.filter(email="anna.schmidt@lemgo.example").exists()
    assert not LiveMessage.objects.filter(pk=world.live_message.pk).exists()

    # Matchmaking: the contact request stays for Omar's side, the sender anonymised.
    contact = ContactRequest.objects.get(pk=world.contact.pk)
    assert contact.sender is None
    assert contact.sender_organisation == world.town
    assert "Anna Schmidt" not in contact.message and "ehemaliges Mitglied" in contact.message
    client.force_login(world.omar)
    detail = client.get(reverse("matchmaking:contact", args=[contact.pk]))
    assert detail.status_code == 200
    assert "anna.schmidt@lemgo.example" not in detail.content.decode()
    # The town's pain point stays (without author); the one-person office goes with its offer.
    assert PainPoint.objects.get(pk=world.pain_point.pk).author is None
    assert not Organisation.objects.filter(pk=world.solo.pk).exists()
    assert not Offer.objects.filter(pk=world.solo_offer.pk).exists()
    assert Offer.objects.filter(pk=world.omar_offer.pk).exists()
    assert MatchFeedback.objects.get(pain_point=world.pain_point).user is None
    assert Organisation.objects.filter(pk=world.town.pk).exists()

    # Network: memberships, notifications, exports and sessions go.
    assert not Membership.objects.filter(user_id=anna.pk).exists()
    assert not Notification.objects.filter(recipient_id=anna.pk).exists()
    assert not DataExport.objects.filter(user_id=anna.pk).exists()
    # No search document names her or stands for something removed.
    assert not SearchEntry.objects.filter(doc_type="organisation",
                                          object_id=str(world.solo.pk)).exists()
    assert not SearchEntry.objects.filter(body__icontains="Anna Schmidt").exists()


def test_other_sessions_of_the_person_end(client, world):
    other_device = type(client)()
    other_device.force_login(world.anna)
    ben_device = type(client)()
    ben_device.force_login(world.ben)
    assert Session.objects.count() == 2
    services.delete_account(world.anna, world.anna, DEFAULT_PASSWORD)
    assert Session.objects.count() == 1  # Ben's


def test_wrong_password_refuses_and_keeps_everything(client, world):
    response = _delete_through_page(client, world.anna, password="falsch")
    assert response.status_code == 400
    assert "Das Passwort stimmt nicht." in response.content.decode()
    assert User.objects.filter(pk=world.anna.pk).exists()
    assert Registration.objects.filter(pk=world.anna_registration.pk).exists()


def test_missing_confirmation_refuses(client, world):
    response = _delete_through_page(client, world.anna, confirm=False)
    assert response.status_code == 400
    assert User.objects.filter(pk=world.anna.pk).exists()


def test_too_many_wrong_passwords_lock_the_form(world):
    for _attempt in range(services.PASSWORD_ATTEMPTS):
        with pytest.raises(ValidationError):
            services.delete_account(world.anna, world.anna, "falsch")
    with pytest.raises(ValidationError, match="Zu viele"):
        services.delete_account(world.anna, world.anna, DEFAULT_PASSWORD)
    assert User.objects.filter(pk=world.anna.pk).exists()


def test_nobody_deletes_someone_else(world):
    with pytest.raises(PermissionDenied):
        services.delete_account(world.ben, world.anna, DEFAULT_PASSWORD)
    assert User.objects.filter(pk=world.anna.pk).exists()


def test_last_admin_must_hand_over_first(client, db):
    office = OrganisationFactory(name="Stadtmarketing Hameln")
    chief = make_member(office, role=Membership.Role.ADMIN, first_name="Clara",
                        last_name="Chef")
    colleague = make_member(office, first_name="Dana", last_name="Kollegin")

    response = _delete_through_page(client, chief)
    assert response.status_code == 400
    html = response.content.decode()
    assert "letzte Administrator*in von Stadtmarketing Hameln" in html
    assert "Verwaltung übergeben" in html and "Dana Kollegin" in html
    assert User.objects.filter(pk=chief.pk).exists()

    membership = Membership.objects.get(user=colleague)
    response = client.post(reverse("network:my_data"), {
        "action": "handover", "organisation": office.pk,
        f"org{office.pk}-membership": membership.pk,
    })
    assert response.status_code == 302
    assert Membership.objects.get(pk=membership.pk).role == Membership.Role.ADMIN

    _delete_through_page(client, chief)
    assert not User.objects.filter(pk=chief.pk).exists()
    assert Organisation.objects.filter(pk=office.pk).exists()  # it has a member left


def test_handover_only_to_members_of_that_organisation(client, db):
    office = OrganisationFactory()
    chief = make_member(office, role=Membership.Role.ADMIN)
    make_member(office)
    stranger_membership = Membership.objects.get(user=make_member())
    client.force_login(chief)
    response = client.post(reverse("network:my_data"), {
        "action": "handover", "organisation": office.pk,
        f"org{office.pk}-membership": stranger_membership.pk,
    })
    assert response.status_code == 400
    assert Membership.objects.get(pk=stranger_membership.pk).role == Membership.Role.MEMBER


def test_only_organisations_without_other_members_go(db):
    from network.account.selectors import sole_member_organisation_ids

    shared = OrganisationFactory()
    alone = OrganisationFactory()
    person = make_member(shared)
    make_member(shared)
    Membership.objects.create(user=person, organisation=alone, status=Membership.Status.ACTIVE,
                              role=Membership.Role.ADMIN)
    Membership.objects.create(user=make_member(), organisation=alone,
                              status=Membership.Status.REQUESTED)
    assert sole_member_organisation_ids(person) == [alone.pk]
