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
    assert [s["E-Mail-Adresse"] for s in data["Wochenübersicht – Abonnement"]] == [member.email]
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
