"""The consent texts as shown to people, versioned: a record stores the version and the
wording it was given for, so an old record still proves what was agreed to."""

from django.utils.translation import gettext_lazy as _

from network.models import ConsentPurpose

TEXTS = {
    ConsentPurpose.DIGEST: (
        "2026-11-30",
        _(
            "Ja, ich möchte die Wochenübersicht des Stadtlabors per E-Mail erhalten "
            "(einmal pro Woche: Editorial, Impuls der Woche, Veranstaltungen, neue "
            "Praxisbeispiele, neue Mitglieder, Förderfristen). Die Einwilligung kann ich "
            "jederzeit über den Link in jeder Ausgabe widerrufen."
        ),
    ),
    ConsentPurpose.PERSONAL: (
        "2026-11-30",
        _(
            "Ja, ich möchte in der Wochenübersicht einen persönlichen Teil „Für Sie“ "
            "erhalten, der aus meinen Daten im Stadtlabor zusammengestellt wird (Treffer "
            "meiner Organisation, Antworten in Themen, denen ich folge, meine "
            "Anmeldungen, Förderfristen, offene Kontaktanfragen)."
        ),
    ),
    ConsentPurpose.NOTIFICATIONS: (
        "2026-11-30",
        _("Benachrichtigungs-Mails zu Themen, denen ich folge, und zu meinen Treffern."),
    ),
}


def text_for(purpose):
    version, text = TEXTS[purpose]
    return version, str(text)
