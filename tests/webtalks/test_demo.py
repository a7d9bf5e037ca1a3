from io import StringIO

import pytest

from demo import network as network_demo
from demo import webtalks as demo
from webtalks.models import EventKind, EventPage, EventSeriesPage, Registration

pytestmark = pytest.mark.django_db


def load():
    context = network_demo.load_demo(network_demo.DemoContext(stdout=StringIO()))
    return demo.load_demo(context)


def test_demo_events_cover_every_kind_and_run_twice_without_duplicates():
    load()
    counts = (EventPage.objects.count(), Registration.objects.count())
    load()
    assert (EventPage.objects.count(), Registration.objects.count()) == counts
    assert counts[0] >= 10
    assert set(EventPage.objects.values_list("kind", flat=True)) == set(EventKind.values)
    assert EventSeriesPage.objects.get().sessions_list()
    past = [e for e in EventPage.objects.all() if e.is_past]
    assert any(e.has_recording and e.downloads and e.summary for e in past)
    assert Registration.objects.filter(status="waitlisted").exists()
    assert EventPage.objects.filter(is_welcome_event=True, title="Willkommen im Netzwerk").exists()
