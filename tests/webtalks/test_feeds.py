"""Public event feeds: RSS/Atom and iCalendar, without members-only events."""

import xml.etree.ElementTree as ET

import pytest
from icalendar import Calendar

from webtalks.models import Audience


@pytest.fixture
def events(make_event, make_series):
    public = make_event(title="WebTalk Leerstand")
    make_event(title="Mitgliedertreffen", audience=Audience.MEMBERS)
    series = make_series(title="Seminarreihe Frequenz", sessions=2)
    closed = make_series(title="Reihe nur für Mitglieder", audience=Audience.MEMBERS)
    return public, series, closed


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["rss", "atom"])
def test_event_feed_is_german_xml_without_members_only_events(client, events, suffix):
    response = client.get(f"/feeds/veranstaltungen.{suffix}")

    assert response.status_code == 200
    root = ET.fromstring(response.content)
    text = response.content.decode()
    assert "WebTalk Leerstand" in text
    assert "Beginn:" in text
    assert "Mitgliedertreffen" not in text
    assert "Reihe nur für Mitglieder" not in text
    if suffix == "rss":
        assert root.find("channel/language").text == "de"
    else:
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"


@pytest.mark.django_db
def test_calendar_of_all_public_events(client, events):
    response = client.get("/feeds/veranstaltungen.ics")

    assert response["Content-Type"].startswith("text/calendar")
    assert "public" in response["Cache-Control"]
    calendar = Calendar.from_ical(response.content)
    summaries = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert "WebTalk Leerstand" in summaries
    assert "Mitgliedertreffen" not in summaries
    assert len(summaries) == 3  # the public event and both sessions of the public series
    assert "konferenz.example" not in response.content.decode()
    assert str(calendar["x-wr-calname"]) == "Stadtlabor – Veranstaltungen"


@pytest.mark.django_db
def test_calendar_of_one_series(client, events):
    _public, series, closed = events

    response = client.get(f"/feeds/veranstaltungsreihen/{series.pk}.ics")

    calendar = Calendar.from_ical(response.content)
    assert len(list(calendar.walk("VEVENT"))) == 2
    assert "Seminarreihe Frequenz" in str(calendar["x-wr-calname"])
    assert client.get(f"/feeds/veranstaltungsreihen/{closed.pk}.ics").status_code == 404
    assert client.get("/feeds/veranstaltungsreihen/999999.ics").status_code == 404


@pytest.mark.django_db
def test_pages_link_their_feeds(client, events):
    _public, series, closed = events

    index = client.get("/veranstaltungen/").content.decode()
    assert 'type="application/rss+xml"' in index
    assert 'href="/feeds/veranstaltungen.ics"' in index
    assert f"/feeds/veranstaltungsreihen/{series.pk}.ics" in client.get(series.url).content.decode()
    assert "/feeds/veranstaltungsreihen/" not in client.get(closed.url).content.decode()
