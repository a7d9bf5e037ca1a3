import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories import make_member
from webtalks import services
from webtalks.models import EventPage

pytestmark = pytest.mark.django_db
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def _events(ics_bytes):
    return [c for c in Calendar.from_ical(ics_bytes).walk("VEVENT")]


def test_ics_download_has_the_berlin_times(client, make_event):
    # 18:00 Berlin summer time is 16:00 UTC; the file must say 18:00 Europe/Berlin.
    start = datetime.datetime(2031, 6, 12, 18, 0, tzinfo=BERLIN)
    event = make_event(start=start, end=start + datetime.timedelta(hours=1, minutes=30))
    response = client.get(event.url + "kalender/")
    assert response["Content-Type"].startswith("text/calendar")
    [vevent] = _events(response.content)
    dtstart = vevent.decoded("dtstart")
    assert dtstart == start
    assert str(dtstart.tzinfo) == "Europe/Berlin" and dtstart.hour == 18
    assert vevent.decoded("dtend").hour == 19 and vevent.decoded("dtend").minute == 30
    assert str(vevent["summary"]) == event.title
    assert b"BEGIN:VTIMEZONE" in response.content and b"TZID:Europe/Berlin" in response.content
    assert event.join_url not in response.content.decode()


def test_winter_time_is_right_too(client, make_event):
    start = datetime.datetime(2031, 12, 3, 10, 0, tzinfo=BERLIN)
    event = make_event(start=start, end=start + datetime.timedelta(hours=2))
    [vevent] = _events(client.get(event.url + "kalender/").content)
    assert vevent.decoded("dtstart").utcoffset() == datetime.timedelta(hours=1)
    assert vevent.decoded("dtstart").hour == 10


def test_personal_feed_lists_exactly_ones_confirmed_registrations(client, make_event, make_series):
    mine, theirs, cancelled, waitlisted_full = (make_event() for _ in range(4))
    series = make_series(sessions=2)
    me, other = make_member(), make_member()
    services.register_for_event(mine, user=me)
    services.register_for_event(series, user=me)
    services.register_for_event(theirs, user=other)
    gone = services.register_for_event(cancelled, user=me)
    services.cancel_registration(gone.token)
    waitlisted_full.capacity = 1
    waitlisted_full.save()
    services.register_for_event(waitlisted_full, user=other)
    services.register_for_event(waitlisted_full, user=me)
    feed = services.calendar_feed_for(me.email)
    response = client.get(reverse("webtalks:feed", kwargs={"token": feed.token}))
    assert response.status_code == 200
    titles = sorted(str(v["summary"]) for v in _events(response.content))
    expected = sorted([mine.title] + [s.title for s in series.sessions_list()])
    assert titles == expected
    descriptions = {str(v["summary"]): str(v["description"]) for v in _events(response.content)}
    assert mine.join_url in descriptions[mine.title]


def test_unknown_feed_token_is_404(client, events_index):
    assert client.get(reverse("webtalks:feed", kwargs={"token": "nope"})).status_code == 404


def test_my_registrations_page_shows_the_feed_address(client, make_event):
    member = make_member()
    event = make_event()
    services.register_for_event(event, user=member)
    client.force_login(member)
    html = client.get(reverse("webtalks:my_registrations")).content.decode()
    assert event.title in html and "/anmeldungen/kalender/" in html


def test_ics_has_no_english_comment(client, make_event):
    event = make_event()
    content = client.get(event.url + "kalender/").content.decode()
    assert "BEGIN:VTIMEZONE" in content
    assert "COMMENT" not in content
    assert "This timezone" not in content


def test_my_registrations_shows_past_events_apart(client, make_event):
    member = make_member()
    upcoming = make_event(title="Kommender Roundtable")
    finished = make_event(title="Vergangener WebTalk")
    services.register_for_event(upcoming, user=member)
    services.register_for_event(finished, user=member)
    past_start = timezone.now() - datetime.timedelta(days=10)
    EventPage.objects.filter(pk=finished.pk).update(
        start=past_start, end=past_start + datetime.timedelta(hours=1)
    )
    client.force_login(member)
    html = client.get(reverse("webtalks:my_registrations")).content.decode()
    upcoming_part, past_part = html.split("Vergangene Veranstaltungen")
    assert "Kommender Roundtable" in upcoming_part
    assert "Vergangener WebTalk" not in upcoming_part
    assert "Vergangener WebTalk" in past_part and "vorbei seit" in past_part
    assert "Angemeldet" not in past_part
