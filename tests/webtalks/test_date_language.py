"""Event dates read naturally in both languages (named formats in config/formats)."""

import datetime
import zoneinfo

from tests.webtalks.conftest import build_event

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def test_event_page_date_in_german_and_english(client, events_index):
    start = datetime.datetime(2026, 12, 1, 18, 0, tzinfo=BERLIN)
    event = build_event(events_index, start=start)
    german = client.get(event.url).content.decode()
    assert "Dienstag, 1. Dezember 2026, 18:00" in german
    english = client.get("/en" + event.url).content.decode()
    assert "Tuesday 1 December 2026, 18:00" in english
    assert "1. December" not in english
