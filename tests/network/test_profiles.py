"""Organisation profile pages, who sees which people, and the personal account page."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from network import selectors, services
from network.models import Membership, Organisation, User
from tests.factories import OrganisationFactory, UserFactory, make_member, make_moderator
from tests.html_checks import html_problems

pytestmark = pytest.mark.django_db

Visibility = User.ProfileVisibility


@pytest.fixture
def organisation():
    organisation = OrganisationFactory(
        name="Stadt Lindenau",
        description="<p>Wir beleben die <strong>Altstadt</strong>.</p>",
        topics=["Leerstand"],
    )
    for first_name, visibility in [
        ("Paula", Visibility.PUBLIC),
        ("Mira", Visibility.MEMBERS),
        ("Hanna", Visibility.HIDDEN),
    ]:
        make_member(
            organisation, first_name=first_name, last_name="Lind", profile_visibility=visibility
        )
    return organisation


def first_names(organisation, viewer):
    return sorted(m.user.first_name for m in selectors.visible_members(organisation, viewer))


def test_visitors_see_public_profiles_only(organisation):
    assert first_names(organisation, AnonymousUser()) == ["Paula"]


def test_logged_in_people_without_an_approved_organisation_see_public_only(organisation):
    assert first_names(organisation, UserFactory()) == ["Paula"]
    pending_member = make_member(OrganisationFactory(status=Organisation.Status.PENDING))
    assert first_names(organisation, pending_member) == ["Paula"]


def test_network_members_also_see_members_only_profiles(organisation):
    assert first_names(organisation, make_member()) == ["Mira", "Paula"]


def test_colleagues_and_moderators_see_everyone(organisation):
    colleague = Membership.objects.get(user__first_name="Paula").user
    assert first_names(organisation, colleague) == ["Hanna", "Mira", "Paula"]
    assert first_names(organisation, make_moderator(first_name="Mo")) == [
        "Hanna", "Mira", "Paula",
    ]


def test_requested_and_declined_memberships_are_not_listed(organisation):
    requester = UserFactory(first_name="Rita", profile_visibility=Visibility.PUBLIC)
    services.request_membership(requester, organisation)
    assert "Rita" not in first_names(organisation, make_moderator())


def test_profile_page_over_http(client, home_page, organisation):
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "Paula Lind" in html
    assert "Mira Lind" not in html
    assert "Hanna Lind" not in html
    assert "<strong>Altstadt</strong>" in html
    assert "Leerstand" in html
    assert "Anmelden und beitreten" in html
    assert html_problems(html) == []


def test_profile_page_offers_joining_and_shows_open_requests(client, home_page, organisation):
    user = UserFactory()
    client.force_login(user)
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert reverse("network:join_request", args=[organisation.slug]) in html

    services.request_membership(user, organisation)
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "Ihre Beitrittsanfrage liegt den Administrator*innen vor." in html


def test_org_admin_sees_management_links(client, home_page, organisation):
    admin = make_member(organisation, role=Membership.Role.ADMIN)
    services.request_membership(UserFactory(), organisation)
    client.force_login(admin)
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert reverse("network:organisation_edit", args=[organisation.slug]) in html
    assert "1 offene Anfrage" in html
    assert html_problems(html) == []


@pytest.mark.parametrize("status", [Organisation.Status.PENDING, Organisation.Status.REJECTED])
def test_unapproved_profiles_exist_only_for_members_and_moderators(client, status):
    organisation = OrganisationFactory(status=status)
    member = make_member(organisation)
    url = organisation.get_absolute_url()

    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(make_member())
    assert client.get(url).status_code == 404
    client.force_login(member)
    assert client.get(url).status_code == 200
    client.force_login(make_moderator())
    assert client.get(url).status_code == 200


def test_profile_query_count_does_not_grow_with_members(client, home_page):
    organisation = OrganisationFactory(topics=["Leerstand", "Mobilität"])
    for _ in range(3):
        make_member(organisation, profile_visibility=Visibility.PUBLIC)
    client.get(organisation.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        client.get(organisation.get_absolute_url())
    for _ in range(30):
        make_member(organisation, profile_visibility=Visibility.PUBLIC)
    with CaptureQueriesContext(connection) as many:
        html = client.get(organisation.get_absolute_url()).content.decode()
    assert html.count("<li>\n        <strong>") == 33
    assert len(few) == len(many)


# --- my account -----------------------------------------------------------------------


def test_my_account_lists_memberships_and_saves_the_profile(client, home_page):
    organisation = OrganisationFactory(name="Stadt Lindenau")
    user = make_member(organisation, role=Membership.Role.ADMIN)
    services.request_membership(UserFactory(), organisation)
    services.request_membership(user, OrganisationFactory(name="Stadt Marktheim"))
    client.force_login(user)

    html = client.get(reverse("network:my_account")).content.decode()
    assert "Stadt Lindenau" in html
    assert "1 offene Anfrage" in html
    assert "Stadt Marktheim" in html
    assert "Beitritt angefragt" in html
    assert html_problems(html) == []

    response = client.post(
        reverse("network:my_account"),
        {
            "first_name": "Julia",
            "last_name": "Berger",
            "job_title": "Citymanagerin",
            "profile_visibility": Visibility.PUBLIC,
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.get_full_name(), user.job_title, user.profile_visibility) == (
        "Julia Berger", "Citymanagerin", Visibility.PUBLIC,
    )


def test_profile_errors_keep_the_input(client, home_page):
    client.force_login(UserFactory())
    response = client.post(
        reverse("network:my_account"),
        {"first_name": "Julia", "last_name": "B" * 200, "profile_visibility": "alle"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Julia"' in html
    assert "Bitte korrigieren Sie" in html
    assert html_problems(html) == []


def test_update_profile_validates_and_needs_a_login():
    user = UserFactory()
    with pytest.raises(ValidationError):
        services.update_profile(user, profile_visibility="alle")
    with pytest.raises(PermissionDenied):
        services.update_profile(AnonymousUser(), first_name="X")
