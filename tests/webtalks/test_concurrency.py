"""30 people register at the same moment for 5 seats: exactly 5 get one, every run."""

import threading

import pytest
from django.db import connection, connections

from tests.factories import make_member
from webtalks import services
from webtalks.models import Registration

SEATS = 5
PEOPLE = 30


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("attempt", [1, 2, 3])
def test_concurrent_registrations_never_overbook(make_event, attempt):
    if connection.vendor != "postgresql":
        pytest.skip("braucht PostgreSQL (DATABASE_URL)")
    event = make_event(capacity=SEATS)
    members = [make_member() for _ in range(PEOPLE)]
    barrier = threading.Barrier(PEOPLE)
    errors = []

    def register(user):
        try:
            barrier.wait(timeout=30)
            services.register_for_event(event, user=user)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(m,)) for m in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count("confirmed") == SEATS
    assert statuses.count("waitlisted") == PEOPLE - SEATS
