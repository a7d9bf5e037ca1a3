"""/api/v1/events/: public events only, filters, schema; never a join link."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.api_checks import validate
from webtalks.models import Audience

URL = "/api/v1/events/"


@pytest.fixture
def mixed_events(make_event, make_series):
    public = make_event(title="WebTalk Leerstand")
    public.topics.add("Leerstand")
    public.save_revision().publish()
    make_event(title="Mitgliedertreffen", audience=Audience.MEMBERS)
    restricted = make_event(title="Gesperrt")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    draft = make_event(title="Entwurf")
    draft.unpublish()
    make_series(title="Reihe nur für Mitglieder", audience=Audience.MEMBERS)
    return public


@pytest.mark.django_db
def test_lists_only_public_events_without_join_links(client, mixed_events):
    response = client.get(URL)

    data = response.json()
    validate(data, "EventList")
    assert [row["title"] for row in data["results"]] == ["WebTalk Leerstand"]
    assert b"konferenz.example" not in response.content
    assert data["results"][0]["topics"] == [{"slug": "leerstand", "name": "Leerstand"}]


@pytest.mark.django_db
def test_filters_by_kind_topic_dates_and_series(client, make_event, make_series):
    soon = make_event(kind="workshop", start=timezone.now() + datetime.timedelta(days=2))
    later = make_event(kind="webtalk", start=timezone.now() + datetime.timedelta(days=40))
    series = make_series(sessions=2)
    day = (timezone.localtime(soon.start)).date()

    def ids(**query):
        return [row["id"] for row in client.get(URL, query).json()["results"]]

    assert ids(kind="workshop") == [soon.pk]
    assert ids(start_from=day.isoformat(), start_to=day.isoformat()) == [soon.pk]
    assert later.pk in ids(start_from=(day + datetime.timedelta(days=30)).isoformat())
    sessions = ids(series=series.pk)
    assert len(sessions) == 2
    data = client.get(URL, {"series": series.pk}).json()
    validate(data, "EventList")
    assert data["results"][0]["series"]["calendar_url"].endswith(f"/{series.pk}.ics")


@pytest.mark.django_db
def test_constant_queries_at_two_sizes(client, make_event, django_assert_max_num_queries):
    for _ in range(2):
        make_event()
    with django_assert_max_num_queries(10) as small:
        client.get(URL, {"page_size": 100})
    for _ in range(8):
        make_event()
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(URL, {"page_size": 100}).json()["count"] == 10
