"""Events as plain JSON data. Pure: reads only what the selector loaded. The join link of
an online event is never part of it: only confirmed participants receive it."""


def _topics(event):
    return [{"slug": row.tag.slug, "name": row.tag.name} for row in event.tagged_items.all()]


def event(page, base_url):
    series = page.series
    return {
        "id": page.pk,
        "title": page.title,
        "url": f"{base_url}{page.url}",
        "calendar_url": f"{base_url}{page.url}kalender/",
        "kind": {"code": page.kind, "label": str(page.get_kind_display())},
        "start": page.start.isoformat(),
        "end": page.end.isoformat(),
        "intro": page.intro,
        "online": page.is_online,
        "venue_name": page.venue_name or None,
        "venue_address": page.venue_address or None,
        "topics": _topics(page),
        "speakers": [
            {
                "name": speaker.name,
                "role": speaker.role or None,
                "organisation": speaker.organisation.name if speaker.organisation else None,
            }
            for speaker in page.speakers.all()
        ],
        "series": (
            {
                "id": series.pk,
                "title": series.title,
                "calendar_url": f"{base_url}/feeds/veranstaltungsreihen/{series.pk}.ics",
            }
            if series
            else None
        ),
        "has_recording": page.has_recording,
    }
