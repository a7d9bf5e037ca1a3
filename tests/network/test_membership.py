"""Asking to join an organisation, its admins deciding, roles and leaving."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from network import services
from network.models import Membership, Organisation
from tests.factories import OrganisationFactory, UserFactory, make_member, make_moderator
from tests.html_checks import html_problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Stadt Lindenau")


@pytest.fixture
def org_admin(organisation):
    return make_member(organisation, role=Membership.Role.ADMIN, email="admin@lindenau.de")


def test_join_request_accepted_by_the_admin_over_http(
    client, home_page, organisation, org_admin, mailoutbox, django_capture_on_commit_callbacks
):
    applicant = UserFactory(email="julia@example.org", first_name="Julia", last_name="Berger")
    client.force_login(applicant)

    form_page = client.get(reverse("network:join_request", args=[organisation.slug]))
    assert html_problems(form_page.content.decode()) == []
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("network:join_request", args=[organisation.slug]),
            {"message": "Ich leite das Citymanagement."},
        )
    assert response.status_code == 302
    membership = Membership.objects.get(user=applicant)
    assert membership.status == Membership.Status.REQUESTED
    assert mailoutbox[-1].to == [org_admin.email]
    assert "Ich leite das Citymanagement." in mailoutbox[-1].body
    assert reverse("network:join_requests", args=[organisation.slug]) in mailoutbox[-1].body

    admin_client = client.__class__()
    admin_client.force_login(org_admin)
    requests_page = admin_client.get(reverse("network:join_requests", args=[organisation.slug]))
    html = requests_page.content.decode()
    assert "Julia Berger" in html
    assert html_problems(html) == []

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("network:join_requests", args=[organisation.slug]),
            {"membership": membership.pk, "action": "accept"},
        )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert membership.decided_by == org_admin
    assert mailoutbox[-1].to == ["julia@example.org"]
    assert "Willkommen" in mailoutbox[-1].subject


def test_admin_declines_and_the_person_may_ask_again(
    organisation, org_admin, mailoutbox, django_capture_on_commit_callbacks
):
    applicant = UserFactory()
    membership = services.request_membership(applicant, organisation, "Hallo")
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_membership(org_admin, membership)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.DECLINED
    assert mailoutbox[-1].to == [applicant.email]

    again = services.request_membership(applicant, organisation, "Zweiter Versuch")
    assert again.pk == membership.pk
    assert (again.status, again.message, again.decided_by) == (
        Membership.Status.REQUESTED,
        "Zweiter Versuch",
        None,
    )


@pytest.mark.parametrize(
    "role", ["applicant", "plain_member", "admin_of_other_org", "stranger", "anonymous"]
)
def test_only_the_organisations_admins_decide(client, organisation, org_admin, role):
    applicant = UserFactory()
    membership = services.request_membership(applicant, organisation)
    user = {
        "applicant": lambda: applicant,
        "plain_member": lambda: make_member(organisation),
        "admin_of_other_org": lambda: make_member(role=Membership.Role.ADMIN),
        "stranger": UserFactory,
        "anonymous": AnonymousUser,
    }[role]()

    for decide in (services.accept_membership, services.decline_membership):
        with pytest.raises(PermissionDenied):
            decide(user, membership)

    if user.is_authenticated:
        client.force_login(user)
        url = reverse("network:join_requests", args=[organisation.slug])
        assert client.get(url).status_code == 403
        response = client.post(url, {"membership": membership.pk, "action": "accept"})
        assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REQUESTED


def test_moderators_may_decide_when_an_organisation_has_no_admin(organisation):
    membership = services.request_membership(UserFactory(), organisation)
    services.accept_membership(make_moderator(), membership)
    membership.refresh_from_db()
    assert membership.is_active


def test_a_request_is_decided_only_once(organisation, org_admin):
    membership = services.request_membership(UserFactory(), organisation)
    services.accept_membership(org_admin, membership)
    with pytest.raises(ValidationError):
        services.decline_membership(org_admin, membership)


def test_members_and_open_requests_cannot_ask_again(organisation):
    member = make_member(organisation)
    with pytest.raises(ValidationError, match="bereits Mitglied"):
        services.request_membership(member, organisation)
    applicant = UserFactory()
    services.request_membership(applicant, organisation)
    with pytest.raises(ValidationError, match="liegt schon vor"):
        services.request_membership(applicant, organisation)


@pytest.mark.parametrize("status", [Organisation.Status.PENDING, Organisation.Status.REJECTED])
def test_nobody_joins_an_organisation_that_is_not_approved(client, status):
    organisation = OrganisationFactory(status=status)
    user = UserFactory()
    with pytest.raises(ValidationError):
        services.request_membership(user, organisation)
    client.force_login(user)
    response = client.post(reverse("network:join_request", args=[organisation.slug]), {})
    assert response.status_code == 404
    assert not Membership.objects.filter(user=user).exists()


def test_a_too_long_message_is_refused_and_kept(client, home_page, organisation):
    client.force_login(UserFactory())
    text = "Hallo! " * 400
    response = client.post(
        reverse("network:join_request", args=[organisation.slug]), {"message": text}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "höchstens 2000 Zeichen" in html
    assert "Hallo! Hallo!" in html
    assert not Membership.objects.filter(status=Membership.Status.REQUESTED).exists()


def test_the_last_admin_cannot_leave_or_step_down(organisation, org_admin):
    own = Membership.objects.get(user=org_admin)
    with pytest.raises(ValidationError, match="einzige Administrator"):
        services.leave_organisation(org_admin, organisation)
    with pytest.raises(ValidationError, match="mindestens eine Administrator"):
        services.change_member_role(org_admin, own, Membership.Role.MEMBER)

    colleague = make_member(organisation)
    services.change_member_role(
        org_admin, Membership.objects.get(user=colleague), Membership.Role.ADMIN
    )
    services.leave_organisation(org_admin, organisation)
    assert not Membership.objects.filter(user=org_admin).exists()


def test_plain_members_cannot_change_roles(organisation, org_admin):
    member = make_member(organisation)
    with pytest.raises(PermissionDenied):
        services.change_member_role(
            member, Membership.objects.get(user=member), Membership.Role.ADMIN
        )


def test_withdrawing_a_request_over_http(client, organisation):
    applicant = UserFactory()
    services.request_membership(applicant, organisation)
    client.force_login(applicant)
    response = client.post(reverse("network:leave_organisation", args=[organisation.slug]))
    assert response.status_code == 302
    assert not Membership.objects.filter(user=applicant).exists()
