import datetime

import pytest
from django.utils import timezone

from webtalks.models import EventIndexPage, EventPage, EventSeriesPage

QUESTION = {
    "label": "Ihre Wünsche und Erwartungen an die Veranstaltung",
    "help_text": "",
    "required": True,
    "multiline": True,
}


@pytest.fixture
def events_index(home_page):
    existing = EventIndexPage.objects.first()
    if existing:
        return existing
    return home_page.add_child(
        instance=EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
    )


_counter = {"n": 0}


def build_event(parent, **fields):
    _counter["n"] += 1
    start = fields.pop("start", timezone.now() + datetime.timedelta(days=7))
    defaults = {
        "title": f"WebTalk Digitale Innenstadt {_counter['n']}",
        "slug": f"webtalk-{_counter['n']}",
        "kind": "webtalk",
        "start": start,
        "end": start + datetime.timedelta(hours=1, minutes=30),
        "intro": "Wie digitale Werkzeuge Innenstädte beleben.",
        "join_url": "https://konferenz.example/raum-42",
    }
    defaults.update(fields)
    return parent.add_child(instance=EventPage(**defaults))


@pytest.fixture
def make_event(events_index):
    def make(**fields):
        parent = fields.pop("parent", events_index)
        return build_event(parent, **fields)

    return make


@pytest.fixture
def make_series(events_index):
    def make(sessions=2, **fields):
        _counter["n"] += 1
        defaults = {
            "title": f"Seminarreihe Leerstand {_counter['n']}",
            "slug": f"seminarreihe-{_counter['n']}",
            "intro": "Drei Abende zu Leerstandsmanagement.",
        }
        defaults.update(fields)
        series = events_index.add_child(instance=EventSeriesPage(**defaults))
        for number in range(sessions):
            build_event(
                series,
                kind="seminar",
                start=timezone.now() + datetime.timedelta(days=7 + 7 * number),
            )
        return EventSeriesPage.objects.get(pk=series.pk)

    return make


def mails(mailoutbox, to=None):
    return [m for m in mailoutbox if to is None or to in m.to]


def reload(event):
    return EventPage.objects.get(pk=event.pk)
