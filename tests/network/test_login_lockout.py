"""Wrong passwords from one address cannot lock the account's owner out (issue 10)."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/konto/login/"


def test_lockout_is_per_account_and_ip(client):
    owner = UserFactory(email="carla@iserlohn.example")
    owner.set_password("Richtiges-Passwort-1")
    owner.save()
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=owner, email=owner.email, defaults={"verified": True, "primary": True}
    )

    attacker = {"REMOTE_ADDR": "203.0.113.7"}
    for _ in range(5):
        response = client.post(
            LOGIN, {"login": owner.email, "password": "falsch"}, **attacker
        )
        assert response.status_code == 200
    response = client.post(LOGIN, {"login": owner.email, "password": "falsch"}, **attacker)
    assert "_auth_user_id" not in client.session
    locked_html = response.content.decode()
    # Even the right password does not help the attacker's address now.
    client.post(LOGIN, {"login": owner.email, "password": "Richtiges-Passwort-1"}, **attacker)
    assert "_auth_user_id" not in client.session, locked_html[:500]

    # The owner, from another address, gets in.
    response = client.post(
        LOGIN,
        {"login": owner.email, "password": "Richtiges-Passwort-1"},
        REMOTE_ADDR="198.51.100.23",
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(owner.pk)
