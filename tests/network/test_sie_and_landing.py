"""Sie everywhere, names instead of addresses, staff land on their work (issue 10)."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.urls import reverse

from network.models import User
from tests.factories import DEFAULT_PASSWORD, UserFactory, make_member, make_moderator
from tests.network.test_signup_flow import sign_up_and_confirm

pytestmark = pytest.mark.django_db

DU = re.compile(r"\b(Du|du|Dein|dein|Deine|deine|Dich|dich|Dir|dir)\b")


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_sign_up_asks_for_the_name_and_speaks_sie(client, mailoutbox, home_page):
    form = client.get(reverse("account_signup")).content.decode()
    assert 'name="first_name"' in form and 'name="last_name"' in form
    response = client.post(
        reverse("account_signup"),
        {"email": "qa.tester1796032440@example.org", "password1": DEFAULT_PASSWORD,
         "password2": DEFAULT_PASSWORD},
    )
    assert response.status_code == 200
    assert "Bitte geben Sie Ihren Vornamen an." in response.content.decode()

    response = sign_up_and_confirm(client, mailoutbox, "qa.tester1796032440@example.org",
                                   first_name="Quirin", last_name="Adler")
    user = User.objects.get(email="qa.tester1796032440@example.org")
    assert (user.first_name, user.last_name) == ("Quirin", "Adler")
    page = client.get(response["Location"])
    text = " ".join(messages_of(page))
    assert "Sie haben die Adresse" in text and not DU.search(text)
    for mail in mailoutbox:
        assert not DU.search(mail.subject + mail.body), mail.body
    assert "qa.tester1796032440" not in page.content.decode().replace(
        "qa.tester1796032440@example.org", ""
    )


def test_password_reset_mail_says_sie(client, mailoutbox, home_page):
    user = make_member(email="carla@iserlohn.example")
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    client.post(reverse("account_reset_password"), {"email": user.email})
    [mail] = mailoutbox
    assert "Passwort" in mail.subject
    assert not DU.search(mail.subject + mail.body), mail.body
    assert "Sie erhalten diese E-Mail" in mail.body


def test_a_person_without_a_name_is_never_shown_by_the_address():
    user = UserFactory(email="qa.tester1796032440@example.org", first_name="", last_name="")
    assert "qa.tester" not in user.display_name
    assert "qa.tester" not in str(user)


def _login(client, user):
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return client.post(reverse("account_login"), {"login": user.email,
                                                   "password": DEFAULT_PASSWORD})


def test_staff_land_on_their_work_after_login(client, home_page):
    from bestpractice.workflow import ensure_editorial_workflow

    ensure_editorial_workflow()  # the editors' group and rights, as the migration sets them
    editor = UserFactory(email="redaktion@stadtlabor.example", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    response = _login(client, editor)
    assert response["Location"] == reverse("wagtailadmin_home")
    client.logout()

    moderator = make_moderator(email="moderation@stadtlabor.example", is_staff=True)
    response = _login(client, moderator)
    assert response["Location"] == reverse("network:forum:moderation_queue")
    client.logout()

    member = make_member(email="mitglied@example.org")
    response = _login(client, member)
    assert response["Location"] == reverse("network:my_account")
