"""The whole way in, over HTTP: sign-up, e-mail confirmation, creating an organisation,
moderator approval, and the organisation appearing in the member directory."""

import re

import pytest
from django.urls import reverse

from network.models import Membership, Organisation
from tests.factories import DEFAULT_PASSWORD, OrganisationFactory, make_member, make_moderator
from tests.html_checks import html_problems

pytestmark = pytest.mark.django_db

CONFIRMATION_LINK = re.compile(r"https?://[^/\s]+(/konto/confirm-email/[^\s]+/)")


def sign_up_and_confirm(client, mailoutbox, email, first_name="Julia", last_name="Berger"):
    response = client.post(
        reverse("account_signup"),
        {
            "first_name": first_name,
            "last_name": last_name,
            "email": email,
            "password1": DEFAULT_PASSWORD,
            "password2": DEFAULT_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    sent_page = client.get(response["Location"]).content.decode()
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in sent_page
    assert html_problems(sent_page) == []

    confirmation_mail = mailoutbox[-1]
    assert confirmation_mail.to == [email]
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in confirmation_mail.subject
    confirm_path = CONFIRMATION_LINK.search(confirmation_mail.body).group(1)

    confirm_page = client.get(confirm_path)
    assert confirm_page.status_code == 200
    assert "E-Mail-Adresse bestätigen" in confirm_page.content.decode()
    assert html_problems(confirm_page.content.decode()) == []
    return client.post(confirm_path)


def test_sign_up_create_organisation_approve_and_list(
    client, mailoutbox, home_page, django_capture_on_commit_callbacks
):
    moderator = make_moderator(email="moderation@stadtlabor.example")

    response = sign_up_and_confirm(client, mailoutbox, "julia.berger@lindenau.de")

    # Confirming logs the new person in and offers "create" or "join".
    assert response.status_code == 302
    assert response["Location"] == reverse("network:choose_organisation")
    welcome = client.get(response["Location"]).content.decode()
    assert "Organisation anlegen" in welcome
    assert "Organisation beitreten" in welcome
    assert html_problems(welcome) == []

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("network:organisation_create"),
            {
                "name": "Stadt Lindenau",
                "kind": Organisation.Kind.KOMMUNE,
                "bundesland": "SN",
                "town": "Lindenau",
                "population": "23400",
                "website": "https://www.lindenau.de",
                "description": "Wir beleben unsere Altstadt.<script>alert(1)</script>",
                "topics": "Leerstand, Zwischennutzung",
            },
        )
    organisation = Organisation.objects.get(name="Stadt Lindenau")
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    assert organisation.status == Organisation.Status.PENDING
    assert "<script" not in organisation.description
    assert Membership.objects.get(organisation=organisation).is_admin

    moderator_mail = mailoutbox[-1]
    assert moderator_mail.to == [moderator.email]
    assert "Stadt Lindenau" in moderator_mail.subject
    assert "http://testserver" not in moderator_mail.body  # links use SITE_URL
    assert reverse("network:moderation_queue") in moderator_mail.body

    # Pending: the creator sees it with a notice, the directory and strangers do not.
    own_view = client.get(organisation.get_absolute_url()).content.decode()
    assert "wartet auf die Freigabe" in own_view
    assert "Stadt Lindenau" not in client.get(reverse("network:directory")).content.decode()
    stranger = client.__class__()
    stranger.force_login(make_member())
    assert stranger.get(organisation.get_absolute_url()).status_code == 404

    moderator_client = client.__class__()
    moderator_client.force_login(moderator)
    queue = moderator_client.get(reverse("network:moderation_queue")).content.decode()
    assert "Stadt Lindenau" in queue
    assert html_problems(queue) == []
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            reverse("network:moderation_queue"),
            {"organisation": organisation.pk, "action": "approve"},
        )
    assert response.status_code == 302

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.APPROVED
    assert organisation.reviewed_by == moderator
    assert mailoutbox[-1].to == ["julia.berger@lindenau.de"]
    assert "freigeschaltet" in mailoutbox[-1].subject

    directory = client.__class__().get(reverse("network:directory")).content.decode()
    assert "Stadt Lindenau" in directory


def test_login_of_a_member_goes_to_my_account(client):
    member = make_member(email="mitglied@example.org")
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("network:my_account")


def test_login_without_organisation_goes_to_the_choice(client):
    from tests.factories import UserFactory

    person = UserFactory(email="neu@example.org")
    response = client.post(
        reverse("account_login"), {"login": person.email, "password": DEFAULT_PASSWORD}
    )
    assert response["Location"] == reverse("network:choose_organisation")


def test_signup_errors_are_german_and_keep_the_email(client, home_page):
    OrganisationFactory()
    response = client.post(
        reverse("account_signup"),
        {"email": "julia@example.org", "password1": "kurz", "password2": "anders"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="julia@example.org"' in html
    assert "Bitte korrigieren Sie" in html
    assert html_problems(html) == []


@pytest.mark.parametrize(
    "url_name", ["account_login", "account_signup", "account_reset_password"]
)
def test_account_pages_are_german_and_valid(client, home_page, url_name):
    response = client.get(reverse(url_name))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de">' in html
    assert "Password" not in html
    assert html_problems(html) == []
