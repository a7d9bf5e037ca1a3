"""The ZIP of a member's data: `daten.json` (machine-readable, Art. 20) and
`uebersicht.html` (a readable overview in German, self-contained, no external resource)."""

import io
import zipfile

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from network.personal_data import to_json

# Keys are the machine-readable names in daten.json and stay; titles are for people.
SECTION_TITLES = {
    "profil": _("Profil"),
    "email_adressen": _("E-Mail-Adressen"),
    "mitgliedschaften": _("Mitgliedschaften"),
    "angelegte_organisationen": _("Von Ihnen angelegte Organisationen"),
    "datenexporte": _("Datenexporte"),
    "forum_themen": _("Forumsthemen"),
    "forum_beitraege_und_kommentare": _("Forumsbeiträge und Kommentare"),
    "forum_abonnements": _("Gefolgte Themen, Kategorien und Schlagwörter"),
    "forum_hilfreich_markiert": _("Als hilfreich markierte Beiträge"),
    "forum_meldungen": _("Ihre Meldungen an die Moderation"),
    "forum_sperren": _("Sperren im Forum"),
    "forum_arbeitsgruppen": _("Geschlossene Arbeitsgruppen"),
    "benachrichtigungen": _("Benachrichtigungen"),
    "benachrichtigungs_einstellungen": _("Einstellungen zu Benachrichtigungen"),
    "benachrichtigungs_mails": _("Benachrichtigungs-E-Mails"),
    "veranstaltungs_anmeldungen": _("Anmeldungen zu Veranstaltungen"),
    "kalender_abonnements": _("Kalender-Abonnements"),
    "live_raum_beitraege": _("Beiträge im Live-Raum"),
    "live_raum_stimmen": _("Unterstützte Fragen im Live-Raum"),
    "bedarfe": _("Bedarfe"),
    "loesungsangebote": _("Lösungsangebote"),
    "treffer_rueckmeldungen": _("Rückmeldungen zu Treffern"),
    "kontaktanfragen": _("Kontaktanfragen"),
}


def _display(value):
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_("ja") if value else _("nein"))
    # In the overview's language: "01.12.2026 18:00" in German, "1 Dec 2026, 18:00" in English.
    if hasattr(value, "hour"):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if hasattr(value, "isoformat"):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, (list, tuple)):
        return ", ".join(
            " – ".join(str(v) for v in item.values()) if isinstance(item, dict) else str(item)
            for item in value
        ) or "–"
    return str(value)


def overview_sections(sections):
    """Sections as rows of (label, text) for the readable overview, titles and values in the
    active language (the member's, `services.build_export`)."""
    result = []
    for key, rows in sections.items():
        result.append({
            "key": key,
            "title": str(SECTION_TITLES.get(key, key.replace("_", " ").capitalize())),
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
