"""German demo content of the network: organisations and people (plain data).

The texts are the project's own; towns are real places with rounded population figures,
all organisations' details are invented for the demo.
"""

DEMO_PASSWORD = "Stadtlabor-Demo-2026"  # noqa: S105 - printed by seed_demo, listed in README

ORGANISATIONS = [
    {
        "slug": "stadt-einbeck",
        "name": "Stadt Einbeck",
        "kind": "kommune",
        "bundesland": "NI",
        "town": "Einbeck",
        "population": 31_000,
        "website": "https://www.einbeck.example",
        "topics": ["Leerstand", "Zwischennutzung", "Fachwerk", "Innenstadtentwicklung"],
        "description": "<p>Fachwerkstadt mit einer kompakten Altstadt. Seit 2021 arbeitet ein "
        "Leerstandsteam aus Verwaltung, Eigentümer*innen und Händler*innen daran, "
        "leere Erdgeschosse mit Pop-up-Läden und Ateliers wieder zu beleben.</p>",
    },
    {
        "slug": "stadt-iserlohn",
        "name": "Stadt Iserlohn",
        "kind": "kommune",
        "bundesland": "NW",
        "town": "Iserlohn",
        "population": 92_000,
        "website": "https://www.iserlohn.example",
        "topics": ["Frequenzmessung", "Citymanagement", "Leerstand", "Digitalisierung"],
        "description": "<p>Mittelstadt im Märkischen Kreis. Das Citymanagement misst seit zwei "
        "Jahren die Passantenfrequenz und sucht Partner für ein gemeinsames "
        "Innenstadt-Dashboard.</p>",
    },
    {
        "slug": "stadt-weissenfels",
        "name": "Stadt Weißenfels",
        "kind": "kommune",
        "bundesland": "ST",
        "town": "Weißenfels",
        "population": 39_000,
        "website": "https://www.weissenfels.example",
        "topics": ["Leerstand", "Gründungsförderung", "Wohnen in der Innenstadt"],
        "description": "<p>Die Stadt fördert Gründungen in leeren Ladenlokalen mit einem "
        "Mietzuschuss und begleitet Eigentümer*innen beim Umbau zu Wohnungen.</p>",
    },
    {
        "slug": "markt-bad-kleinfeld",
        "name": "Markt Bad Kleinfeld",
        "kind": "kommune",
        "bundesland": "BY",
        "town": "Bad Kleinfeld",
        "population": 12_500,
        "website": "",
        "topics": ["Nahversorgung", "Ortskern", "Ehrenamt"],
        "description": "<p>Kleiner Kurort, der seinen Ortskern mit einem Dorfladen, einem "
        "Wochenmarkt und viel Ehrenamt lebendig hält.</p>",
    },
    {
        "slug": "stadtmarketing-loerrach",
        "name": "Stadtmarketing Lörrach e. V.",
        "kind": "stadtmarketing",
        "bundesland": "BW",
        "town": "Lörrach",
        "population": 49_000,
        "website": "https://www.stadtmarketing-loerrach.example",
        "topics": ["Stadtgutschein", "Events", "Kundenbindung"],
        "description": "<p>Verein aus Handel, Gastronomie und Stadt. Betreibt den Lörracher "
        "Stadtgutschein und organisiert verkaufsoffene Sonntage und Aktionstage.</p>",
    },
    {
        "slug": "city-marketing-giessen",
        "name": "Gießen Marketing GmbH",
        "kind": "stadtmarketing",
        "bundesland": "HE",
        "town": "Gießen",
        "population": 91_000,
        "website": "https://www.giessen-marketing.example",
        "topics": ["Citymanagement", "Events", "Lokaler Onlinemarktplatz"],
        "description": "<p>Die städtische Marketinggesellschaft bündelt Innenstadtaktionen "
        "und betreut einen lokalen Onlinemarktplatz mit rund 80 Geschäften.</p>",
    },
    {
        "slug": "wirtschaftsfoerderung-goerlitz",
        "name": "Wirtschaftsförderung Görlitz",
        "kind": "wirtschaftsfoerderung",
        "bundesland": "SN",
        "town": "Görlitz",
        "population": 56_000,
        "website": "https://www.wirtschaft-goerlitz.example",
        "topics": ["Unternehmensnachfolge", "Gründungsförderung", "Fachkräfte"],
        "description": "<p>Berät Händler*innen bei der Übergabe ihres Geschäfts und "
        "vermittelt Räume an Gründer*innen aus der Kreativwirtschaft.</p>",
    },
    {
        "slug": "wfg-flensburg",
        "name": "Wirtschaftsförderungsgesellschaft Flensburg",
        "kind": "wirtschaftsfoerderung",
        "bundesland": "SH",
        "town": "Flensburg",
        "population": 92_000,
        "website": "https://www.wfg-flensburg.example",
        "topics": ["Letzte Meile", "Logistik", "Klimaschutz"],
        "description": "<p>Erprobt mit Paketdiensten ein Mikrodepot am Rand der Fußgängerzone "
        "und Lastenrad-Zustellung in der Altstadt.</p>",
    },
    {
        "slug": "modehaus-behrens",
        "name": "Modehaus Behrens",
        "kind": "einzelhandel",
        "bundesland": "NI",
        "town": "Einbeck",
        "population": None,
        "website": "https://www.modehaus-behrens.example",
        "topics": ["Einzelhandel", "Unternehmensnachfolge", "Onlinehandel"],
        "description": "<p>Familiengeführtes Modehaus in dritter Generation, das die Übergabe "
        "an eine Mitarbeiterin vorbereitet.</p>",
    },
    {
        "slug": "werbegemeinschaft-iserlohn",
        "name": "Werbegemeinschaft Iserlohner Innenstadt",
        "kind": "einzelhandel",
        "bundesland": "NW",
        "town": "Iserlohn",
        "population": None,
        "website": "",
        "topics": ["Einzelhandel", "Events", "Stadtgutschein"],
        "description": "<p>Zusammenschluss von 60 Händler*innen, Gastronom*innen und "
        "Dienstleister*innen der Iserlohner Fußgängerzone.</p>",
    },
    {
        "slug": "frequenzwerk",
        "name": "Frequenzwerk GmbH",
        "kind": "anbieter",
        "bundesland": "NW",
        "town": "Dortmund",
        "population": None,
        "website": "https://www.frequenzwerk.example",
        "topics": ["Frequenzmessung", "Sensorik", "Datenschutz", "Innenstadt-Dashboard"],
        "description": "<p>Laserbasierte Passantenzählung ohne Kameras und ohne "
        "personenbezogene Daten, mit offenem Dashboard für Stadt und Handel.</p>",
    },
    {
        "slug": "lokalkauf-plattform",
        "name": "LokalKauf Plattform UG",
        "kind": "anbieter",
        "bundesland": "BY",
        "town": "Regensburg",
        "population": None,
        "website": "https://www.lokalkauf.example",
        "topics": ["Lokaler Onlinemarktplatz", "Onlinehandel", "Click & Collect"],
        "description": "<p>Stadtmarktplätze für kleine und mittlere Städte: Schaufenster, "
        "Reservierung und Abholung im Laden, Lieferung am selben Tag.</p>",
    },
    {
        "slug": "stadtkarte-systeme",
        "name": "Stadtkarte Systeme GmbH",
        "kind": "anbieter",
        "bundesland": "HE",
        "town": "Kassel",
        "population": None,
        "website": "https://www.stadtkarte.example",
        "topics": ["Stadtgutschein", "Kundenbindung", "Bonusprogramm"],
        "description": "<p>Digitale Stadtgutscheine und Bonuskarten, die in allen "
        "teilnehmenden Geschäften einer Stadt gelten.</p>",
    },
    {
        "slug": "raumwende-beratung",
        "name": "Raumwende Beratung für Leerstand",
        "kind": "anbieter",
        "bundesland": "BE",
        "town": "Berlin",
        "population": None,
        "website": "https://www.raumwende.example",
        "topics": ["Leerstandsmanagement", "Zwischennutzung", "Eigentümeransprache"],
        "description": "<p>Leerstandskataster, Gespräche mit Eigentümer*innen und "
        "Zwischennutzungsverträge aus einer Hand.</p>",
    },
    {
        "slug": "handelsverband-mitte",
        "name": "Handelsverband Mitte",
        "kind": "verband",
        "bundesland": "HE",
        "town": "Frankfurt am Main",
        "population": None,
        "website": "https://www.hv-mitte.example",
        "topics": ["Einzelhandel", "Digitalisierung", "Weiterbildung"],
        "description": "<p>Interessenvertretung des Einzelhandels mit Digitalberatung und "
        "Seminaren für Inhaber*innen.</p>",
    },
    {
        "slug": "institut-stadtforschung",
        "name": "Institut für Innenstadtforschung",
        "kind": "forschung",
        "bundesland": "RP",
        "town": "Kaiserslautern",
        "population": None,
        "website": "https://www.innenstadtforschung.example",
        "topics": ["Innenstadtentwicklung", "Befragung", "Frequenzmessung"],
        "description": "<p>Forschungsgruppe, die Innenstadtbesuche, Aufenthaltsqualität und "
        "Leerstände in 40 Städten vergleichend untersucht.</p>",
    },
    {
        "slug": "stiftung-lebendige-orte",
        "name": "Stiftung Lebendige Orte",
        "kind": "partner",
        "bundesland": "TH",
        "town": "Erfurt",
        "population": None,
        "website": "https://www.lebendige-orte.example",
        "topics": ["Förderprogramme", "Ehrenamt", "Innenstadtentwicklung"],
        "description": "<p>Fördert bürgerschaftliche Projekte in Ortskernen und begleitet "
        "Kommunen bei Förderanträgen.</p>",
    },
    {
        "slug": "kommunalnetz-digital",
        "name": "Kommunalnetz Digital",
        "kind": "partner",
        "bundesland": "NW",
        "town": "Köln",
        "population": None,
        "website": "https://www.kommunalnetz.example",
        "topics": ["Digitalisierung", "Weiterbildung", "Netzwerk"],
        "description": "<p>Partnernetzwerk für digitale Daseinsvorsorge, das Webinare und "
        "Austauschformate für Kommunen anbietet.</p>",
    },
]

# An organisation waiting for a moderator, so the approval queue is not empty.
PENDING_ORGANISATIONS = [
    {
        "slug": "stadt-neuhafen",
        "name": "Stadt Neuhafen",
        "kind": "kommune",
        "bundesland": "MV",
        "town": "Neuhafen",
        "population": 18_000,
        "website": "",
        "topics": ["Leerstand", "Tourismus"],
        "description": "<p>Hafenstadt, die ihre Altstadt auch außerhalb der Saison beleben "
        "möchte.</p>",
    },
]

# role: "admin" (superuser, Redaktion), "editor", "moderator", or a membership
PEOPLE = [
    {
        "email": "admin@stadtlabor.example",
        "first_name": "Alex",
        "last_name": "Admin",
        "job_title": "Plattformbetrieb",
        "role": "admin",
    },
    {
        "email": "redaktion@stadtlabor.example",
        "first_name": "Rieke",
        "last_name": "Redlich",
        "job_title": "Redaktion",
        "role": "editor",
    },
    {
        "email": "moderation@stadtlabor.example",
        "first_name": "Mo",
        "last_name": "Derat",
        "job_title": "Community-Moderation",
        "role": "moderator",
    },
    {
        "email": "citymanagerin@iserlohn.example",
        "first_name": "Carla",
        "last_name": "Citymann",
        "job_title": "Citymanagerin",
        "role": "member",
        "organisation": "stadt-iserlohn",
        "org_role": "admin",
        "visibility": "public",
    },
    {
        "email": "leerstand@einbeck.example",
        "first_name": "Jens",
        "last_name": "Hoffmeister",
        "job_title": "Leerstandsmanagement",
        "role": "member",
        "organisation": "stadt-einbeck",
        "org_role": "admin",
        "visibility": "members",
    },
    {
        "email": "anbieter@frequenzwerk.example",
        "first_name": "Paul",
        "last_name": "Sensorius",
        "job_title": "Vertrieb Kommunen",
        "role": "member",
        "organisation": "frequenzwerk",
        "org_role": "admin",
        "visibility": "public",
    },
    {
        "email": "wirtschaft@goerlitz.example",
        "first_name": "Wiebke",
        "last_name": "Förster",
        "job_title": "Wirtschaftsförderin",
        "role": "member",
        "organisation": "wirtschaftsfoerderung-goerlitz",
        "org_role": "admin",
        "visibility": "members",
    },
    {
        "email": "ortskern@bad-kleinfeld.example",
        "first_name": "Rosa",
        "last_name": "Lindner",
        "job_title": "Ortskernmanagerin",
        "role": "member",
        "organisation": "markt-bad-kleinfeld",
        "org_role": "admin",
        "visibility": "members",
    },
    {
        "email": "mitglied@modehaus-behrens.example",
        "first_name": "Marie",
        "last_name": "Behrens",
        "job_title": "Inhaberin",
        "role": "member",
        "organisation": "modehaus-behrens",
        "org_role": "member",
        "visibility": "members",
    },
    {
        "email": "neu@neuhafen.example",
        "first_name": "Nils",
        "last_name": "Neumann",
        "job_title": "Bauamt",
        "role": "member",
        "organisation": "stadt-neuhafen",
        "org_role": "admin",
        "visibility": "hidden",
    },
]

IMPRINT_BODY = (
    "<h2>Angaben gemäß § 5 DDG</h2>"
    "<p>Stadtlabor – Netzwerk für lebendige Innenstädte<br>Musterstraße 1<br>"
    "12345 Musterstadt</p>"
    "<p>Vertreten durch den Vorstand. Kontakt: kontakt@stadtlabor.example</p>"
    "<h2>Verantwortlich für den Inhalt</h2><p>Die Redaktion des Stadtlabors.</p>"
)
PRIVACY_BODY = (
    "<h2>Welche Daten wir verarbeiten</h2>"
    "<p>Für Ihr Konto speichern wir Ihre E-Mail-Adresse, Ihren Namen und Ihre Organisation. "
    "Veranstaltungsanmeldungen und Beiträge speichern wir, solange Ihr Konto besteht.</p>"
    "<h2>Keine Dritten</h2>"
    "<p>Diese Website lädt keine Schriften, Skripte oder Videos von fremden Servern. "
    "Videos werden erst nach Ihrem Klick vom Videoanbieter geladen.</p>"
    "<h2>Ihre Rechte</h2><p>Auskunft, Berichtigung, Löschung: schreiben Sie an "
    "datenschutz@stadtlabor.example.</p>"
    "<h2>Ihre Daten herunterladen und Ihr Konto löschen</h2>"
    "<p>Unter „Mein Konto“ → „Meine Daten“ (/konto/meine-daten/) laden Sie alles herunter, "
    "was wir über Sie speichern: als ZIP-Datei mit einer lesbaren Übersicht und denselben "
    "Daten maschinenlesbar (JSON). Der Download-Link gilt 48 Stunden und nur für Sie; danach "
    "löschen wir die Datei.</p>"
    "<p>Auf derselben Seite löschen Sie Ihr Konto, nachdem Sie Ihr Passwort noch einmal "
    "eingegeben haben. Dann gilt:</p><ul>"
    "<li>Forumsbeiträge und Kommentare bleiben für die Diskussion lesbar, erscheinen aber als "
    "„ehemaliges Mitglied“ ohne Verweis auf Sie.</li>"
    "<li>Ihre Anmeldungen zu Veranstaltungen werden abgemeldet; frei gewordene Plätze gehen "
    "wie bei jeder Abmeldung an die Warteliste.</li>"
    "<li>Kontaktanfragen bleiben für die andere Organisation erhalten; Sie erscheinen darin "
    "als „ehemaliges Mitglied“, Ihr Name wird aus den Nachrichten entfernt.</li>"
    "<li>Bedarfe und Angebote bleiben bei Ihrer Organisation. Waren Sie ihr einziges "
    "Mitglied, löschen wir die Organisation mit ihren Bedarfen und Angeboten.</li>"
    "<li>Sind Sie die letzte Administrator*in einer Organisation mit weiteren Mitgliedern, "
    "übergeben Sie die Verwaltung zuerst an ein anderes Mitglied.</li>"
    "<li>Profil, Mitgliedschaften, Benachrichtigungen, Abonnements, Kalender-Abos, Beiträge "
    "im Live-Raum, Ihre Sitzungen und alles, was die Suche über Sie enthält, werden "
    "gelöscht.</li></ul>"
    "<p>Ohne Konto erreichen Sie dasselbe für Ihre Veranstaltungsanmeldungen über den Link "
    "„Ihre Daten ansehen, herunterladen oder löschen“ in Ihren Anmelde-E-Mails.</p>"
    "<h2>Keine Anfragen an Dritte, auch in der Redaktion</h2>"
    "<p>Auch die Redaktionsoberfläche lädt keine Profilbilder von gravatar.com.</p>"
)
ACCESSIBILITY_BODY = (
    "<p>Das Stadtlabor möchte seine Website barrierefrei zugänglich machen, wie es die "
    "BITV 2.0 verlangt. Grundlage ist die WCAG 2.1 auf Stufe AA.</p>"
    "<h2>Stand der Vereinbarkeit</h2><p>Die Website ist weitgehend barrierefrei. Aufzeichnungen "
    "älterer Veranstaltungen haben teilweise noch keine Untertitel.</p>"
    "<h2>Barriere melden</h2><p>Ist Ihnen eine Barriere aufgefallen? Nutzen Sie das Formular; "
    "wir antworten innerhalb von zwei Wochen.</p>"
)
BARRIER_FORM_FIELDS = [
    {"label": "Ihr Name", "field_type": "singleline", "required": False},
    {"label": "Ihre E-Mail-Adresse", "field_type": "email", "required": True,
     "help_text": "Damit wir Ihnen antworten können."},
    {"label": "Adresse der betroffenen Seite", "field_type": "url", "required": False},
    {"label": "Beschreibung der Barriere", "field_type": "multiline", "required": True},
]
