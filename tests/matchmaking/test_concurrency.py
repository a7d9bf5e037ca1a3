"""Several workers recomputing the same lists at the same moment never collide."""

import threading

import pytest
from django.db import connection, connections

from matchmaking.models import Direction, StoredMatch
from matchmaking.recompute import recompute_many
from tests.matchmaking.factories import OfferFactory, PainPointFactory

WORKERS = 8


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_recomputes_of_the_same_lists_store_each_list_once():
    if connection.vendor != "postgresql":
        pytest.skip("braucht PostgreSQL (DATABASE_URL)")
    pain_points = [PainPointFactory(topics=["Leerstand"]) for _ in range(3)]
    for _ in range(4):
        OfferFactory(topics=["Leerstand"])
    ids = [pain_point.pk for pain_point in pain_points]
    barrier = threading.Barrier(WORKERS)
    errors = []

    def recompute(order):
        try:
            barrier.wait(timeout=30)
            recompute_many(Direction.FOR_PAIN_POINT, order)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=recompute, args=(ids if n % 2 else ids[::-1],))
               for n in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    for pain_point in pain_points:
        stored = StoredMatch.objects.filter(direction=Direction.FOR_PAIN_POINT,
                                            pain_point=pain_point)
        assert stored.count() == 4
        assert sorted(stored.values_list("position", flat=True)) == [1, 2, 3, 4]
