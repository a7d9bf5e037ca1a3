"""The digest's part of "Meine Daten": export and erasure."""

import json

import pytest

from network.digest import personal_data, services
from network.models import ConsentRecord, DigestDelivery, DigestIssue, Subscription
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_export_and_erase():
    member = UserFactory(email="mitglied@example.org")
    other = UserFactory(email="andere@example.org")
    services.set_member_choice(member, True, True)
    services.set_member_choice(other, True, False)
    issue = DigestIssue.objects.create(title="KW 1", slug="kw-1")
    DigestDelivery.objects.create(issue=issue, subscription=member.digest_subscription,
                                  email=member.email, status="sent")

    data = personal_data.export(member)
    json.dumps(data)
    assert [s["E-Mail-Adresse"] for s in data["newsletter_abonnements"]] == [member.email]
    assert len(data["Einwilligungsnachweise"]) == 2
    assert data["Wochenübersicht – Zustellungen"][0]["Ausgabe"] == "KW 1"

    personal_data.erase(member)
    assert not Subscription.objects.filter(email=member.email).exists()
    assert not DigestDelivery.objects.exists()
    assert not ConsentRecord.objects.filter(email=member.email).exists()
    kept = ConsentRecord.objects.exclude(email=other.email)
    assert kept.count() == 4  # two opt-ins and the two opt-outs of the erasure
    assert all(r.email.startswith("anonym:") and r.user_id is None for r in kept)
    assert kept.filter(method="erasure").count() == 2
    assert Subscription.objects.filter(email=other.email).exists()


def test_a_visitor_reaches_their_subscription_through_the_link_in_each_issue(client):
    from network.digest.mail import issue_message

    services.subscribe("gast@example.org")
    subscription = Subscription.objects.get(email="gast@example.org")
    services.confirm(services.confirmation_token(subscription))
    subscription.refresh_from_db()
    issue = DigestIssue.objects.create(title="KW 2", slug="kw-2")

    mail = issue_message(issue, subscription)
    assert "Ihre Daten" in mail.body
    link = next(line.split(": ", 1)[1] for line in mail.body.splitlines()
                if line.startswith("Ihre Daten: "))
    path = "/" + link.split("/", 3)[3]

    page = client.get(path)
    assert page.status_code == 200
    assert "gast@example.org" in page.content.decode()

    client.post(path, {"action": "erase", "confirm": "on"})
    assert not Subscription.objects.filter(email="gast@example.org").exists()
    assert ConsentRecord.objects.exists()
    assert not ConsentRecord.objects.filter(email="gast@example.org").exists()


def test_a_member_is_sent_to_their_settings_not_to_a_visitor_link():
    from network.digest.mail import issue_message

    member = UserFactory(email="mitglied2@example.org")
    services.set_member_choice(member, True, False)
    issue = DigestIssue.objects.create(title="KW 3", slug="kw-3")
    mail = issue_message(issue, member.digest_subscription)
    assert "Einstellungen: " in mail.body and "/meine-daten/" not in mail.body
