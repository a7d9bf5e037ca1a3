"""Events in the site search: public ones for everyone, members-only ones for members."""

import pytest

import search
from tests.factories import UserFactory, make_member

pytestmark = pytest.mark.django_db


def titles(query, **kwargs):
    results = search.engine().search(query, types=["event"], **kwargs)
    return sorted(hit.title for hit in results.hits)


def test_published_events_are_found_with_their_visibility(
    make_event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        public = make_event(title="WebTalk Leerstandsmanagement", kind="webtalk")
        public.save_revision().publish()
        closed = make_event(
            title="Roundtable Leerstand unter Mitgliedern", kind="roundtable", audience="members"
        )
        closed.save_revision().publish()

    assert titles("Leerstand") == ["WebTalk Leerstandsmanagement"]
    assert titles("Leerstand", user=UserFactory()) == ["WebTalk Leerstandsmanagement"]
    assert titles("Leerstand", user=make_member()) == [
        "Roundtable Leerstand unter Mitgliedern",
        "WebTalk Leerstandsmanagement",
    ]
    counts = search.engine().search("Leerstand", facets=["event_kind"]).facet_counts("event_kind")
    assert counts == {"webtalk": 1}  # the members-only roundtable is not even counted


def test_unpublished_events_leave_the_index(make_event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event = make_event(title="Workshop Schaufenstergestaltung", kind="workshop")
        event.save_revision().publish()
    assert titles("Schaufenster") == ["Workshop Schaufenstergestaltung"]

    with django_capture_on_commit_callbacks(execute=True):
        event.unpublish()
    assert titles("Schaufenster") == []
