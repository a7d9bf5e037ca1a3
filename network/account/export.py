"""The ZIP of a member's data: `daten.json` (machine-readable, Art. 20) and
`uebersicht.html` (a readable overview in German, self-contained, no external resource)."""

import io
import zipfile

from django.template.loader import render_to_string
from django.utils import timezone

from network.personal_data import to_json

SECTION_TITLES = {
    "profil": "Profil",
    "email_adressen": "E-Mail-Adressen",
    "mitgliedschaften": "Mitgliedschaften",
    "angelegte_organisationen": "Von Ihnen angelegte Organisationen",
    "datenexporte": "Datenexporte",
    "forum_themen": "Forumsthemen",
    "forum_beitraege_und_kommentare": "Forumsbeiträge und Kommentare",
    "forum_abonnements": "Gefolgte Themen, Kategorien und Schlagwörter",
    "forum_hilfreich_markiert": "Als hilfreich markierte Beiträge",
    "forum_meldungen": "Ihre Meldungen an die Moderation",
    "forum_sperren": "Sperren im Forum",
    "forum_arbeitsgruppen": "Geschlossene Arbeitsgruppen",
    "benachrichtigungen": "Benachrichtigungen",
    "benachrichtigungs_einstellungen": "Einstellungen zu Benachrichtigungen",
    "benachrichtigungs_mails": "Benachrichtigungs-E-Mails",
    "veranstaltungs_anmeldungen": "Anmeldungen zu Veranstaltungen",
    "kalender_abonnements": "Kalender-Abonnements",
    "live_raum_beitraege": "Beiträge im Live-Raum",
    "live_raum_stimmen": "Unterstützte Fragen im Live-Raum",
    "bedarfe": "Bedarfe",
    "loesungsangebote": "Lösungsangebote",
    "treffer_rueckmeldungen": "Rückmeldungen zu Treffern",
    "kontaktanfragen": "Kontaktanfragen",
}


def _display(value):
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if hasattr(value, "isoformat"):
        return timezone.localtime(value).strftime("%d.%m.%Y %H:%M") if hasattr(
            value, "hour") else value.strftime("%d.%m.%Y")
    if isinstance(value, (list, tuple)):
        return ", ".join(
            " – ".join(str(v) for v in item.values()) if isinstance(item, dict) else str(item)
            for item in value
        ) or "–"
    return str(value)


def overview_sections(sections):
    """Sections as rows of (label, text) for the readable overview, titles in German."""
    result = []
    for key, rows in sections.items():
        result.append({
            "key": key,
            "title": SECTION_TITLES.get(key, key.replace("_", " ").capitalize()),
            "rows": [
                [(label.replace("_", " ").capitalize(), _display(value))
                 for label, value in row.items()]
                for row in rows
            ],
        })
    return result


def build_zip(sections, *, title, created_at):
    buffer = io.BytesIO()
    html = render_to_string(
        "network/account/export_overview.html",
        {"sections": overview_sections(sections), "title": title, "created_at": created_at},
    )
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("daten.json", to_json(sections))
        archive.writestr("uebersicht.html", html)
    return buffer.getvalue()
