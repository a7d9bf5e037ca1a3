"""Demo events for `seed_demo`: idempotent by slug, dates relative to the first run."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from demo.data import load
from network.models import User
from webtalks.models import (
    EventIndexPage,
    EventPage,
    EventSeriesPage,
    EventSpeaker,
    Registration,
)

demo_data = load("webtalks")


def _minimal_pdf(title):
    """A one-page PDF with `title`, so that the demo slides are real downloads."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 18 Tf 50 750 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def _slides(title):
    document_model = get_document_model()
    name = f"Folien: {title}"
    document = document_model.objects.filter(title=name).first()
    if document is None:
        document = document_model(title=name)
        document.file.save("folien.pdf", ContentFile(_minimal_pdf(title)), save=False)
        document.save()
    return [("download", {"document": document, "title": name, "description": "PDF"})]


def _at(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def ensure_index(context):
    index = EventIndexPage.objects.first()
    if index is None:
        index = context.home_page.add_child(
            instance=EventIndexPage(
                title="Veranstaltungen",
                slug="veranstaltungen",
                show_in_menus=True,  # in the main navigation (templates/includes/header.html)
                intro="<p>WebTalks, Roundtables, Workshops und Treffen: voneinander lernen, "
                "Fehler nicht wiederholen. Aufzeichnungen und Nachlesen finden Sie im Archiv.</p>",
            )
        )
        context.say("  Veranstaltungsübersicht angelegt")
    return index


def _event_fields(data):
    start = _at(data["days"], data["hour"])
    fields = {
        "title": data["title"],
        "kind": data["kind"],
        "start": start,
        "end": start + datetime.timedelta(minutes=data["minutes"]),
        "intro": data["intro"],
        "description": f"<p>{data['intro']}</p>",
        "capacity": data.get("capacity"),
        "audience": data.get("audience", "public"),
        "is_welcome_event": data.get("welcome", False),
        "questions": [("question", q) for q in data.get("questions", [])],
        "recording_url": data.get("recording", ""),
        "summary": data.get("summary", ""),
    }
    if data.get("venue"):
        fields.update(
            location_kind="venue", venue_name=data["venue"][0], venue_address=data["venue"][1]
        )
    else:
        fields["join_url"] = f"https://konferenz.stadtlabor.example/{data['slug']}"
    if data.get("slides"):
        fields["downloads"] = _slides(data["title"])
    return fields


def _add_registrations(event, emails, people):
    for email in emails:
        person = people.get(email) or User.objects.filter(email=email).first()
        if person is None:
            continue
        confirmed = Registration.objects.filter(event=event, status="confirmed").count()
        full = event.capacity is not None and confirmed >= event.capacity
        Registration.objects.create(
            event=event,
            user=person,
            name=person.get_full_name() or person.display_name,
            email=person.email,
            status="waitlisted" if full else "confirmed",
            queued_at=timezone.now(),
            attended=event.end < timezone.now() and not full,
            answers=[
                {"question": q["label"], "answer": "Erfahrungen anderer Städte"}
                for q in event.question_list()[:1]
            ],
        )


def ensure_event(parent, data, context):
    existing = EventPage.objects.filter(slug=data["slug"]).first()
    if existing:
        return existing, False
    event = parent.add_child(instance=EventPage(slug=data["slug"], **_event_fields(data)))
    event.topics.add(*data.get("topics", []))
    for order, (name, role, org_slug) in enumerate(data.get("speakers", [])):
        EventSpeaker.objects.create(
            page=event,
            sort_order=order,
            name=name,
            role=role,
            organisation=context.organisations.get(org_slug) if org_slug else None,
        )
    event.save_revision().publish()
    _add_registrations(event, data.get("registrations", []), context.people)
    return event, True


def ensure_series(index, context):
    data = demo_data.SERIES
    series = EventSeriesPage.objects.filter(slug=data["slug"]).first()
    if series is None:
        series = index.add_child(
            instance=EventSeriesPage(
                slug=data["slug"],
                title=data["title"],
                intro=data["intro"],
                description=f"<p>{data['intro']}</p>",
                capacity=data["capacity"],
                kind="seminar",
            )
        )
        series.topics.add(*data["topics"])
        series.save_revision().publish()
    for slug, title, days in data["sessions"]:
        ensure_event(
            series,
            {
                "slug": slug,
                "title": title,
                "kind": "seminar",
                "days": days,
                "hour": 17,
                "minutes": 90,
                "intro": data["intro"],
                "topics": data["topics"],
                "speakers": [("Dr. Anja Krüger", "Beraterin", "raumwende-beratung")],
            },
            context,
        )
    return series


def load_demo(context):
    index = ensure_index(context)
    created = 0
    for data in demo_data.EVENTS:
        _event, is_new = ensure_event(index, data, context)
        created += is_new
    ensure_series(index, context)
    context.say(f"  Veranstaltungen: {EventPage.objects.count()} (neu: {created})")
    return context
