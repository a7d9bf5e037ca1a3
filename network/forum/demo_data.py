"""German demo content of the forum: categories, threads with replies, page comments.

People are referred to by short keys (see PEOPLE); texts are Markdown.
"""

PEOPLE = {
    "carla": "citymanagerin@iserlohn.example",
    "jens": "leerstand@einbeck.example",
    "paul": "anbieter@frequenzwerk.example",
    "wiebke": "wirtschaft@goerlitz.example",
    "marie": "mitglied@modehaus-behrens.example",
    "mo": "moderation@stadtlabor.example",
    "rieke": "redaktion@stadtlabor.example",
}

CATEGORIES = [
    {"slug": "allgemeines", "name": "Allgemeines", "visibility": "public",
     "description": "Fragen, Hinweise und Austausch rund um lebendige Innenstädte."},
    {"slug": "leerstand-zwischennutzung", "name": "Leerstand & Zwischennutzung",
     "visibility": "public",
     "description": "Leerstandsmanagement, Pop-up-Stores, Zwischennutzung und Ansiedlung."},
    {"slug": "digitalisierung-im-handel", "name": "Digitalisierung im Handel",
     "visibility": "public",
     "description": "Lokale Online-Marktplätze, Frequenzmessung, digitale Sichtbarkeit."},
    {"slug": "foerderprogramme", "name": "Förderprogramme", "visibility": "members",
     "description": "Nur für Mitglieder: Erfahrungen mit Anträgen, Fristen und Eigenanteilen."},
    {"slug": "ag-innenstadtfonds", "name": "AG Innenstadtfonds", "visibility": "group",
     "description": "Geschlossene Arbeitsgruppe: Konzept für einen gemeinsamen Innenstadtfonds.",
     "group": ["carla", "jens", "wiebke", "mo"]},
]

THREADS = [
    {
        "category": "leerstand-zwischennutzung",
        "title": "Pop-up-Stores im Leerstand: Wer hat Mietverträge für drei Monate?",
        "topics": ["Leerstand", "Zwischennutzung", "Pop-up"],
        "author": "jens",
        "pinned": True,
        "body": "In Einbeck stehen in der Marktstraße sechs Ladenlokale leer. Wir möchten "
        "Gründer*innen für **drei Monate** mietfrei hineinlassen.\n\nHat jemand einen "
        "Mustervertrag für solche Kurzzeit-Nutzungen, der auch die Nebenkosten regelt?",
        "replies": [
            ("carla", "Wir haben in Iserlohn mit einem Gestattungsvertrag statt Mietvertrag "
             "gearbeitet. Die Nebenkosten übernimmt die Stadt pauschal, die Eigentümer*innen "
             "bekommen im Gegenzug eine kostenlose Schaufenstergestaltung."),
            ("wiebke", "Wichtig war bei uns die Versicherungsfrage: Die Zwischennutzer*innen "
             "brauchen eine eigene Betriebshaftpflicht. Das gehört gleich in den Vertrag."),
            ("jens", "Danke euch! Carla, dürften wir euren Gestattungsvertrag als Vorlage "
             "nehmen?"),
            ("carla", "Klar, ich lade ihn in die Bibliothek hoch und verlinke ihn hier."),
        ],
    },
    {
        "category": "leerstand-zwischennutzung",
        "title": "Leerstandskataster: Excel oder eigene Software?",
        "topics": ["Leerstand", "Leerstandsmanagement", "Daten"],
        "author": "wiebke",
        "body": "Wir pflegen unser Leerstandskataster bisher in einer Tabelle. Lohnt sich eine "
        "eigene Software, oder reicht ein geteiltes Dokument mit klaren Zuständigkeiten?",
        "replies": [
            ("paul", "Eine Tabelle reicht für den Anfang völlig. Entscheidend ist, dass jemand "
             "sie monatlich aktualisiert – sonst veraltet jedes Werkzeug."),
            ("jens", "Wir sind auf eine Kartenlösung umgestiegen, weil die Politik die "
             "Leerstände *sehen* wollte. Das hat die Diskussion im Rat deutlich verändert."),
        ],
    },
    {
        "category": "leerstand-zwischennutzung",
        "title": "Eigentümer*innen erreichen, die nicht vor Ort wohnen",
        "topics": ["Leerstand", "Eigentümeransprache"],
        "author": "carla",
        "body": "Viele unserer leeren Ladenlokale gehören Erbengemeinschaften oder Fonds. "
        "Wie kommt ihr an die Ansprechpersonen?",
        "replies": [
            ("wiebke", "Über das Grundbuchamt mit berechtigtem Interesse – das dauert, "
             "funktioniert aber. Danach hilft ein persönlicher Brief vom Bürgermeister."),
            ("marie", "Aus Sicht des Handels: Die Makler*innen vor Ort kennen oft die "
             "Eigentümer*innen. Fragen Sie dort zuerst nach."),
        ],
    },
    {
        "category": "digitalisierung-im-handel",
        "title": "Frequenzmessung per Sensor – welche Erfahrungen gibt es?",
        "topics": ["Frequenzmessung", "Digitalisierung", "Daten"],
        "author": "carla",
        "body": "Wir überlegen, an drei Standorten in der Fußgängerzone Passant*innen zu "
        "zählen. Laser, WLAN oder Kamera – was hat sich bei euch bewährt, auch mit Blick "
        "auf den **Datenschutz**?",
        "replies": [
            ("paul", "Wir setzen Laser-Sensoren ein: Sie erfassen keine personenbezogenen "
             "Daten und liefern stündliche Werte. WLAN-Zählung ist ungenauer, seit Smartphones "
             "ihre MAC-Adressen zufällig wechseln."),
            ("wiebke", "Görlitz misst seit zwei Jahren. Tipp: Vorher festlegen, welche Frage "
             "die Zahlen beantworten sollen – sonst sammelt man nur Daten."),
            ("carla", "Guter Punkt. Uns geht es vor allem um die Wirkung der "
             "Samstagsveranstaltungen."),
        ],
    },
    {
        "category": "digitalisierung-im-handel",
        "title": "Lokaler Online-Marktplatz: Lohnt sich das noch?",
        "topics": ["Online-Marktplatz", "Digitalisierung", "Einzelhandel"],
        "author": "marie",
        "body": "Unser Stadtmarketing möchte einen lokalen Online-Marktplatz starten. Als "
        "Händlerin frage ich mich, ob sich der Aufwand für das Einpflegen der Produkte lohnt.",
        "replies": [
            ("jens", "Bei uns hat sich ein *Schaufenster* mit Öffnungszeiten und Kontakt mehr "
             "gelohnt als ein Shop. Die Leute wollen wissen, ob es etwas vor Ort gibt."),
            ("paul", "Die erfolgreichen Plattformen, die wir kennen, haben eine "
             "Kümmerer-Stelle, die den Händler*innen beim Einpflegen hilft."),
            ("marie", "Das deckt sich mit meinem Eindruck – ohne Unterstützung schaffen "
             "kleine Läden das nicht nebenher."),
        ],
    },
    {
        "category": "digitalisierung-im-handel",
        "title": "Google-Profile der Innenstadtgeschäfte gemeinsam pflegen",
        "topics": ["Digitale Sichtbarkeit", "Einzelhandel"],
        "author": "wiebke",
        "body": "Viele Geschäfte haben veraltete Öffnungszeiten im Netz. Hat jemand eine "
        "Aktion organisiert, bei der Studierende die Profile gemeinsam mit den Läden "
        "aktualisieren?",
        "replies": [
            ("carla", "Ja, als „Digitaltag“ mit der Hochschule. An einem Tag haben wir 40 "
             "Profile aktualisiert. Wichtig: vorher die Zugangsdaten klären!"),
        ],
    },
    {
        "category": "allgemeines",
        "title": "Willkommen im Forum – stellen Sie sich kurz vor!",
        "topics": ["Netzwerk"],
        "author": "mo",
        "pinned": True,
        "body": "Schön, dass Sie dabei sind! Erzählen Sie kurz, aus welcher Stadt oder "
        "Organisation Sie kommen und woran Sie gerade arbeiten.\n\nBitte beachten Sie unsere "
        "Regeln: respektvoll, sachlich, keine Werbung.",
        "replies": [
            ("carla", "Carla aus Iserlohn, Citymanagement. Aktuell: Zwischennutzung und "
             "Frequenzmessung."),
            ("paul", "Paul von Frequenzwerk – wir messen Passantenfrequenzen und helfen beim "
             "Auswerten."),
            ("marie", "Marie, Modehaus Behrens. Ich bringe die Sicht des inhabergeführten "
             "Handels ein."),
        ],
    },
    {
        "category": "allgemeines",
        "title": "Innenstadt-Gutscheine: Papier oder digital?",
        "topics": ["Stadtgutschein", "Einzelhandel"],
        "author": "jens",
        "body": "Wir wollen den Stadtgutschein neu aufsetzen. Die Händler*innen wünschen sich "
        "wenig Aufwand bei der Abrechnung. Welche Lösung nutzt ihr?",
        "replies": [
            ("wiebke", "Digital mit Karte – die Abrechnung läuft automatisch, und wir sehen, "
             "wo eingelöst wird."),
            ("marie", "Für uns im Laden war wichtig, dass kein eigenes Gerät nötig ist."),
        ],
    },
    {
        "category": "allgemeines",
        "title": "Sitzgelegenheiten ohne Konsumzwang – Beispiele gesucht",
        "topics": ["Aufenthaltsqualität", "Stadtmöblierung"],
        "author": "carla",
        "body": "Unsere Ratsfraktionen wünschen sich mehr Aufenthaltsqualität. Welche "
        "Stadtmöbel haben sich bei euch bewährt, auch gegen Vandalismus?",
        "replies": [
            ("jens", "Mobile Holzpodeste, die wir im Winter einlagern. Sie werden erstaunlich "
             "gut angenommen."),
        ],
    },
    {
        "category": "foerderprogramme",
        "title": "Bundesprogramm Zukunftsfähige Innenstädte: Erfahrungen mit dem Eigenanteil",
        "topics": ["Förderung", "Finanzierung"],
        "author": "wiebke",
        "body": "Wie habt ihr den kommunalen Eigenanteil aufgebracht? Bei uns fragt die "
        "Kämmerei, ob private Mittel angerechnet werden können.",
        "replies": [
            ("carla", "Wir haben Mittel der Werbegemeinschaft als Drittmittel eingebracht – "
             "das musste aber vorab mit dem Projektträger abgestimmt werden."),
            ("jens", "Bei uns war es ein Haushaltsvermerk über zwei Jahre. Früh mit der "
             "Kämmerei sprechen!"),
        ],
    },
    {
        "category": "foerderprogramme",
        "title": "Fristen 2027: Landesförderung Innenstadt – wer stellt einen Antrag?",
        "topics": ["Förderung", "Fristen"],
        "author": "jens",
        "body": "Die Frist für die Landesförderung endet im Frühjahr. Wollen wir uns "
        "austauschen, welche Maßnahmen wir beantragen, damit wir uns nicht doppeln?",
        "replies": [
            ("wiebke", "Gern. Wir beantragen ein Quartiersmanagement für die Altstadt."),
        ],
    },
    {
        "category": "ag-innenstadtfonds",
        "title": "Entwurf: Satzung für den gemeinsamen Innenstadtfonds",
        "topics": ["Innenstadtfonds", "Finanzierung"],
        "author": "carla",
        "body": "Anbei die Eckpunkte für die Satzung: Zweck, Mittelvergabe, Beirat. Bitte "
        "kommentiert bis Ende des Monats.",
        "replies": [
            ("jens", "Der Beirat sollte paritätisch mit Handel und Verwaltung besetzt sein."),
            ("wiebke", "Einverstanden. Die Mittelvergabe sollte öffentlich begründet werden."),
        ],
        "result": "**Ergebnis der Arbeitsgruppe:**\n\n- Der Fonds wird als Verein "
        "organisiert.\n- Der Beirat ist paritätisch besetzt (Handel, Verwaltung, "
        "Immobilienwirtschaft).\n- Jede Vergabe wird mit Begründung veröffentlicht.\n\n"
        "Nächster Schritt: Carla legt den Satzungsentwurf dem Rat vor.",
    },
    {
        "category": "leerstand-zwischennutzung",
        "title": "Welche Miete ist für Zwischennutzer*innen fair?",
        "topics": ["Zwischennutzung", "Leerstand", "Miete"],
        "author": "marie",
        "body": "Als Händlerin würde ich gern einen zweiten Standort testen. Welche Miete "
        "ist bei Zwischennutzungen üblich – und wer entscheidet darüber?",
        "replies": [
            ("jens", "Bei uns: Nebenkosten plus ein symbolischer Betrag. Die Stadt vermittelt, "
             "die Eigentümer*innen entscheiden."),
            ("carla", "Wir haben eine gestaffelte Miete: drei Monate Nebenkosten, danach 50 % "
             "der ortsüblichen Miete."),
            ("marie", "Danke, das hilft mir für das Gespräch mit dem Vermieter."),
        ],
        "result": "**Ergebnis:** Üblich sind zu Beginn nur die Nebenkosten, danach eine "
        "gestaffelte Miete (z. B. 50 % der ortsüblichen Miete). Die Kommune vermittelt, die "
        "Eigentümer*innen entscheiden. Beispiele: Iserlohn, Einbeck.",
    },
]

# Comments under the first live case studies of the library, one list per page.
PAGE_COMMENTS = [
    [
        ("jens", "Sehr hilfreich! Wie lange hat es gedauert, bis die ersten Flächen wieder "
         "vermietet waren?"),
        ("carla", "Bei uns etwa ein halbes Jahr – die Zwischennutzung war der Türöffner."),
    ],
    [
        ("marie", "Aus Händlersicht ein tolles Beispiel. Gibt es Zahlen zur Frequenz vorher "
         "und nachher?"),
    ],
    [
        ("paul", "Die Messmethode würde mich interessieren – Laser oder WLAN?"),
        ("wiebke", "Guter Hinweis, wir haben in Görlitz ähnliche Erfahrungen gemacht."),
    ],
]
