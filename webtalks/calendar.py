"""iCalendar files for events: single downloads, mail attachments and personal feeds."""

import zoneinfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from network.sanitize import strip_html

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
PRODID = "-//Stadtlabor//Veranstaltungen//DE"


def _location(event):
    if event.is_online:
        return "Online"
    return ", ".join(part for part in (event.venue_name, event.venue_address) if part)


def _vevent(event, *, include_join_url=False, status="CONFIRMED"):
    vevent = Event()
    vevent.add("uid", f"veranstaltung-{event.pk}@stadtlabor")
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", event.start.astimezone(BERLIN))
    vevent.add("dtend", event.end.astimezone(BERLIN))
    vevent.add("summary", event.title)
    url = f"{settings.SITE_URL}{event.url or ''}"
    lines = [strip_html(event.intro)]
    if include_join_url and event.join_url:
        # In a mail's attachment, the recipient's language (webtalks.services.mail).
        lines.append(_("Zugang:") + " " + event.join_url)
    lines.append(url)
    vevent.add("description", "\n\n".join(line for line in lines if line))
    vevent.add("url", url)
    vevent.add("status", status)
    location = _location(event)
    if location:
        vevent.add("location", location)
    return vevent


def calendar_bytes(events, *, name="Stadtlabor", include_join_url=False, cancelled_ids=()):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    for event in events:
        status = "CANCELLED" if event.pk in cancelled_ids else "CONFIRMED"
        calendar.add_component(_vevent(event, include_join_url=include_join_url, status=status))
    calendar.add_missing_timezones()
    # icalendar notes its own English validity range ("This timezone only works from …")
    # on each VTIMEZONE; calendar apps show it to the person, who reads German.
    for timezone_component in calendar.walk("VTIMEZONE"):
        timezone_component.pop("COMMENT", None)
    return calendar.to_ical()
