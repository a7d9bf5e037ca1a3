"""Django admin with e-mail users, and the Wagtail menu item for the approval queue."""

import pytest
from django.urls import reverse

from network.models import Organisation, User
from tests.factories import DEFAULT_PASSWORD, OrganisationFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.mark.parametrize(
    "url_name", ["admin:network_user_changelist", "admin:network_user_add",
                 "admin:network_organisation_changelist", "admin:network_membership_changelist"],
)
def test_django_admin_pages_load(superuser_client, url_name):
    make_member()
    assert superuser_client.get(reverse(url_name)).status_code == 200


def test_django_admin_creates_a_user_by_email(superuser_client):
    response = superuser_client.post(
        reverse("admin:network_user_add"),
        {
            "email": "neu@example.org",
            "usable_password": "true",
            "password1": DEFAULT_PASSWORD,
            "password2": DEFAULT_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert User.objects.get(email="neu@example.org").check_password(DEFAULT_PASSWORD)


def test_wagtail_menu_shows_open_approvals_to_moderators(superuser_client, home_page):
    OrganisationFactory(status=Organisation.Status.PENDING)
    html = superuser_client.get("/admin/").content.decode()
    assert "Freigaben (1 offen)" in html
    assert reverse("network:moderation_queue") in html
