"""The visitors' registration form does not reveal who is registered (issue 10)."""

import pytest

from tests.factories import make_member
from webtalks import services
from webtalks.models import Registration

pytestmark = pytest.mark.django_db


def register(client, event, email, name="Lena Gast"):
    return client.post(
        event.url,
        {"action": "register", "name": name, "email": email, "consent": "on"},
        follow=True,
    )


def test_a_registered_address_gets_the_same_answer_and_its_owner_a_mail(
    client, make_event, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=10)
    member = make_member(email="carla@iserlohn.example")
    services.register_for_event(event, user=member)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        fresh = register(client, event, "neu@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        known = register(client, event, "carla@iserlohn.example", name="Jemand Anderes")

    def message(response):
        return [str(m) for m in response.context["messages"]]

    assert fresh.status_code == known.status_code == 200
    assert message(fresh) == message(known)
    assert "schon" not in known.content.decode().lower().split("<main")[1].split("</main>")[0]
    assert Registration.objects.filter(email="carla@iserlohn.example").count() == 1
    [to_owner] = [m for m in mailoutbox if m.to == ["carla@iserlohn.example"]]
    assert "bereits angemeldet" in to_owner.subject
    assert "Angemeldet" in to_owner.body or "angemeldet" in to_owner.body

    # Repeating it does not flood the owner's inbox.
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            register(client, event, "carla@iserlohn.example")
    assert len([m for m in mailoutbox if m.to == ["carla@iserlohn.example"]]) <= 3
