"""German demo content of the matchmaking: providers, pain points, editors' synonyms (plain data).

The texts are the project's own. Pain points come from municipal demo organisations that
have a demo member (Iserlohn, Einbeck, Görlitz), so each has a real author; the providers
below join the four of `network.demo_data`. Offers are in `demo_offers`, funding programmes
in `demo_funding`.
"""

# Approved solution providers ("anbieter"), created with `network.demo.ensure_organisation`.
PROVIDERS = [
    {
        "slug": "eventschutz-rhein-ruhr",
        "name": "Eventschutz Rhein-Ruhr GmbH",
        "kind": "anbieter",
        "bundesland": "NW",
        "town": "Essen",
        "population": None,
        "website": "https://www.eventschutz-rr.example",
        "topics": ["Veranstaltungssicherheit", "Zufahrtsschutz", "Eventmanagement"],
        "description": "<p>Sicherheitskonzepte, Zufahrtssperren und Ablaufplanung für "
        "Stadtfeste, Weihnachtsmärkte und verkaufsoffene Sonntage im Rhein-Ruhr-Gebiet.</p>",
    },
    {
        "slug": "parkpilot",
        "name": "ParkPilot Mobilitätsdaten GmbH",
        "kind": "anbieter",
        "bundesland": "NI",
        "town": "Hannover",
        "population": None,
        "website": "https://www.parkpilot.example",
        "topics": ["Parkleitsystem", "Sensorik", "Erreichbarkeit"],
        "description": "<p>Bodensensoren, Schrankenzählung und Parkleitsysteme, dazu "
        "Analysen, wie Besucher*innen in die Innenstadt kommen.</p>",
    },
    {
        "slug": "sichtbar-vor-ort",
        "name": "Sichtbar vor Ort Digitalagentur",
        "kind": "anbieter",
        "bundesland": "SN",
        "town": "Leipzig",
        "population": None,
        "website": "https://www.sichtbar-vor-ort.example",
        "topics": ["Local SEO", "Social Media", "Digitalcoaching"],
        "description": "<p>Kleine Agentur, die inhabergeführte Geschäfte im Netz auffindbar "
        "macht: Google-Profile, Instagram, Fotos und Schulungen direkt im Laden.</p>",
    },
    {
        "slug": "freiraum-plus",
        "name": "Freiraum Plus Landschaftsarchitektur",
        "kind": "anbieter",
        "bundesland": "NW",
        "town": "Münster",
        "population": None,
        "website": "https://www.freiraum-plus.example",
        "topics": ["Klimaanpassung", "Stadtgrün", "Platzgestaltung"],
        "description": "<p>Planungsbüro für Plätze und Straßenräume: Hitzevorsorge, "
        "Begrünung, Verschattung und Gestaltungsleitfäden für Freisitze.</p>",
    },
    {
        "slug": "inklusiv-unterwegs",
        "name": "Inklusiv unterwegs – Planung und Beratung",
        "kind": "anbieter",
        "bundesland": "HE",
        "town": "Darmstadt",
        "population": None,
        "website": "https://www.inklusiv-unterwegs.example",
        "topics": ["Barrierefreiheit", "Leitsysteme", "Beteiligung"],
        "description": "<p>Ingenieurinnen und Expert*innen in eigener Sache prüfen "
        "Innenstädte auf Barrieren und planen Leitsysteme, Gehstreifen und Rampen.</p>",
    },
    {
        "slug": "marktzeit-agentur",
        "name": "Marktzeit – Agentur für Märkte und Feste",
        "kind": "anbieter",
        "bundesland": "TH",
        "town": "Erfurt",
        "population": None,
        "website": "https://www.marktzeit.example",
        "topics": ["Wochenmarkt", "Feierabendmarkt", "Stadtfest"],
        "description": "<p>Organisiert und belebt Wochenmärkte, Feierabendmärkte und "
        "Stadtfeste in Mittel- und Ostdeutschland, von der Standvergabe bis zur "
        "Abrechnung.</p>",
    },
    {
        "slug": "staffelstab-nachfolge",
        "name": "Staffelstab Nachfolgeberatung",
        "kind": "anbieter",
        "bundesland": "SN",
        "town": "Dresden",
        "population": None,
        "website": "https://www.staffelstab.example",
        "topics": ["Unternehmensnachfolge", "Ansiedlung", "Gründung"],
        "description": "<p>Begleitet Inhaber*innen bei der Übergabe ihres Geschäfts und "
        "sucht mit Kommunen Nachmieter*innen für frei werdende Läden.</p>",
    },
    {
        "slug": "sauberstadt-service",
        "name": "Sauberstadt Service GmbH",
        "kind": "anbieter",
        "bundesland": "NI",
        "town": "Braunschweig",
        "population": None,
        "website": "https://www.sauberstadt.example",
        "topics": ["Sauberkeit", "Graffitientfernung", "Mängelmelder"],
        "description": "<p>Graffitientfernung, Sonderreinigung von Plätzen und eine "
        "Mängelmelder-App, die Meldungen direkt an den Bauhof weitergibt.</p>",
    },
    {
        "slug": "lichtwerk-nord",
        "name": "Lichtwerk Nord Stadtbeleuchtung",
        "kind": "anbieter",
        "bundesland": "HB",
        "town": "Bremen",
        "population": None,
        "website": "https://www.lichtwerk-nord.example",
        "topics": ["Lichtplanung", "Weihnachtsbeleuchtung", "LED"],
        "description": "<p>Lichtplaner*innen und Elektriker*innen für Gassen, Plätze, "
        "Fassaden und die Weihnachtsbeleuchtung, auch zur Miete.</p>",
    },
    {
        "slug": "foerderlotsen",
        "name": "Förderlotsen Stadt & Handel",
        "kind": "anbieter",
        "bundesland": "BE",
        "town": "Berlin",
        "population": None,
        "website": "https://www.foerderlotsen.example",
        "topics": ["Fördermittelberatung", "Verfügungsfonds", "Bürgerbeteiligung"],
        "description": "<p>Fördermittelberatung für Kommunen und Stadtmarketing: passende "
        "Programme finden, Anträge schreiben, Fonds verwalten und abrechnen.</p>",
    },
]

# status: open / in_progress / solved; visibility: members (default) / public.
PAIN_POINTS = [
    # Iserlohn (NW, Mittelstadt)
    {
        "organisation": "stadt-iserlohn",
        "title": "Wie viele Menschen kommen eigentlich noch in die Wermingser Straße?",
        "description": "Seit Corona hören wir aus dem Handel, dass samstags weniger los ist – "
        "belegen kann das niemand. Unsere zwei Zählstellen stehen nur am Alten Rathausplatz "
        "und fallen bei Regen regelmäßig aus. Wir brauchen verlässliche Besucherzahlen für "
        "die ganze Fußgängerzone, auch abends, damit wir Aktionen bewerten und gegenüber "
        "Politik und Eigentümer*innen argumentieren können. Kameras kommen für uns aus "
        "Datenschutzgründen nicht in Frage.",
        "topics": ["Frequenz", "Passantenzählung", "Daten", "Innenstadtmonitoring"],
        "budget_range": "10k_50k",
        "timeline": "6_months",
        "status": "open",
        "visibility": "public",
    },
    {
        "organisation": "stadt-iserlohn",
        "title": "Weihnachtsmarkt: Zufahrten sichern, ohne dass es wie eine Festung aussieht",
        "description": "Die Polizei hat nach dem letzten Jahr ein überarbeitetes "
        "Sicherheitskonzept für unseren Weihnachtsmarkt angemahnt. Die Betonblöcke, die wir "
        "uns bisher beim Bauhof leihen, sind hässlich, schwer zu stellen und sperren auch "
        "die Rettungswege. Gesucht sind mobile Sperren zur Miete und jemand, der mit uns ein "
        "Konzept für Zufahrtsschutz, Rettungswege und Ordnerdienst schreibt.",
        "topics": ["Weihnachtsmarkt", "Sicherheitskonzept", "Zufahrtsschutz",
                   "Veranstaltungen"],
        "budget_range": "10k_50k",
        "timeline": "now",
        "status": "in_progress",
        "visibility": "members",
    },
    {
        "organisation": "stadt-iserlohn",
        "title": "Parkhäuser halb leer – und trotzdem heißt es, man findet keinen Parkplatz",
        "description": "Unsere drei Parkhäuser sind selbst im Advent selten voll, trotzdem "
        "kreisen Autos um den Schillerplatz und der Handel klagt über fehlende Parkplätze. "
        "Die statischen Schilder zeigen keine freien Plätze an. Wir suchen ein dynamisches "
        "Parkleitsystem und eine ehrliche Analyse, wie die Leute überhaupt in die Stadt "
        "kommen: mit dem Auto, mit dem Bus oder mit dem Rad.",
        "topics": ["Parken", "Parkplatzsuche", "Erreichbarkeit", "Mobilität"],
        "budget_range": "50k_250k",
        "timeline": "12_months",
        "status": "open",
        "visibility": "members",
    },
    {
        "organisation": "stadt-iserlohn",
        "title": "Viele Geschäfte sind bei Google nicht zu finden",
        "description": "Bei einer Stichprobe hatte fast die Hälfte der Geschäfte in der "
        "Innenstadt kein gepflegtes Google-Profil: falsche Öffnungszeiten, keine Fotos, "
        "teils noch als „dauerhaft geschlossen“ markiert. Einen eigenen Onlineshop wollen "
        "die wenigsten, aber gefunden werden sollten sie. Wir suchen ein Angebot, das "
        "viele Händler*innen auf einmal erreicht und wenig Zeit kostet.",
        "topics": ["Online-Sichtbarkeit", "Google Unternehmensprofil", "Onlinehandel",
                   "Händler digital"],
        "budget_range": "under_10k",
        "timeline": "6_months",
        "status": "open",
        "visibility": "members",
    },
    {
        "organisation": "stadt-iserlohn",
        "title": "Außengastronomie: Wildwuchs bei Möbeln und Schirmen",
        "description": "Die Cafés am Fritz-Kühn-Platz stellen jedes Frühjahr andere Möbel, "
        "Heizpilze und Werbeschirme auf. Wir wollen eine Gestaltungssatzung für Freisitze, "
        "die die Gastronomie mitträgt, und den Platz insgesamt schöner machen: mehr Grün, "
        "Schatten und Sitzgelegenheiten ohne Verzehrzwang.",
        "topics": ["Außengastronomie", "Gestaltungssatzung", "Aufenthaltsqualität",
                   "Stadtmöbel"],
        "budget_range": "10k_50k",
        "timeline": "12_months",
        "status": "open",
        "visibility": "members",
    },
    {
        "organisation": "stadt-iserlohn",
        "title": "Im Sommer ist der Schillerplatz eine Hitzeinsel",
        "description": "Der Platz ist komplett versiegelt, im Juli haben wir dort 45 Grad "
        "Oberflächentemperatur gemessen. Bäume lassen sich wegen der Tiefgarage nur "
        "eingeschränkt pflanzen. Gesucht werden schnelle Lösungen für Schatten, Kühlung und "
        "Trinkwasser sowie ein Plan, wie die Innenstadt langfristig hitzefest wird.",
        "topics": ["Hitze", "Klimaanpassung", "Begrünung", "Schatten"],
        "budget_range": "50k_250k",
        "timeline": "12_months",
        "status": "open",
        "visibility": "members",
    },
    # Einbeck (NI, Mittelstadt)
    {
        "organisation": "stadt-einbeck",
        "title": "Elf leere Schaufenster zwischen Marktplatz und Tiedexer Tor",
        "description": "In der Altstadt stehen derzeit elf Ladenlokale leer, einige seit "
        "mehr als drei Jahren. Mehrere Eigentümer*innen wohnen nicht in Einbeck und sind "
        "schwer zu erreichen, andere verlangen Mieten wie vor zehn Jahren. Wir möchten "
        "einen Überblick über alle Flächen, eine systematische Ansprache der "
        "Eigentümer*innen und Unterstützung bei der Suche nach neuen Mieter*innen.",
        "topics": ["Leerstandsmanagement", "Ladenleerstand", "Eigentümer", "Vermietung"],
        "budget_range": "10k_50k",
        "timeline": "now",
        "status": "in_progress",
        "visibility": "public",
    },
    {
        "organisation": "stadt-einbeck",
        "title": "Ehemaliges Schuhhaus: Wer will die Fläche ein Jahr lang ausprobieren?",
        "description": "Ein großes Ladenlokal mit 400 Quadratmetern am Markt wird frei, die "
        "Eigentümerfamilie ist offen für eine befristete Nutzung. Wir suchen Partner, die "
        "daraus ein Probelokal für Gründer*innen, Kunsthandwerk und Vereine machen – "
        "mit Mustervertrag, Versicherung und einfacher Ausstattung.",
        "topics": ["Zwischennutzung", "Pop-Up", "Kreativwirtschaft", "Gründer"],
        "budget_range": "under_10k",
        "timeline": "6_months",
        "status": "open",
        "visibility": "members",
    },
    {
        "organisation": "stadt-einbeck",
        "title": "Unser Wochenmarkt schrumpft",
        "description": "Vor zehn Jahren kamen dienstags und samstags über 30 Stände, heute "
        "sind es noch zwölf. Die Beschicker*innen finden keine Nachfolger, und Berufstätige "
        "schaffen es vormittags nicht auf den Markt. Wir überlegen neue Marktzeiten, einen "
        "Abendmarkt und wie wir regionale Erzeuger*innen neu gewinnen.",
        "topics": ["Wochenmarkt", "Markthändler", "regionale Produkte", "Abendmarkt"],
        "budget_range": "under_10k",
        "timeline": "6_months",
        "status": "open",
        "visibility": "members",
    },
    {
        "organisation": "stadt-einbeck",
        "title": "Innenstadtfonds: Wer verwaltet das Geld und wie rechnen wir ab?",
        "description": "Der Rat hat 60.000 Euro für einen Innenstadtfonds beschlossen, aus "
        "dem private Projekte mit Zuschüssen unterstützt werden sollen. Es fehlt eine "
        "Vergaberichtlinie, ein Gremium und jemand, der die Abrechnung übernimmt. Außerdem "
        "wollen wir prüfen, ob Landesmittel den Fonds aufstocken können.",
        "topics": ["Innenstadtfonds", "Verfügungsfonds", "Fördermittel", "Förderantrag"],
        "budget_range": "under_10k",
        "timeline": "now",
        "status": "in_progress",
        "visibility": "members",
    },
    {
        "organisation": "stadt-einbeck",
        "title": "Mit Rollator und Kinderwagen übers Kopfsteinpflaster",
        "description": "Das historische Pflaster gehört zum Stadtbild, ist für viele ältere "
        "Menschen aber ein echtes Hindernis. Der Seniorenbeirat berichtet, dass manche die "
        "Altstadt inzwischen meiden. Wir suchen Lösungen für barrierefreie Gehstreifen, "
        "Orientierung für blinde Menschen und eine Begehung mit Betroffenen.",
        "topics": ["Barrierefreiheit", "Kopfsteinpflaster", "Senioren", "Inklusion"],
        "budget_range": "50k_250k",
        "timeline": "later",
        "status": "open",
        "visibility": "members",
    },
    {
        "organisation": "stadt-einbeck",
        "title": "Dunkle Gassen zwischen Altstadt und Parkplätzen",
        "description": "Die Wege vom Parkplatz am Stadtgraben in die Altstadt waren im "
        "Winter stockdunkel, viele fühlten sich abends unsicher. Mit einem Lichtkonzept und "
        "neuen LED-Leuchten an den Fassaden ist das Problem inzwischen gelöst; wir teilen "
        "gern unsere Erfahrungen mit Eigentümer*innen und Denkmalschutz.",
        "topics": ["Beleuchtung", "Lichtkonzept", "Sicherheitsgefühl", "LED"],
        "budget_range": "50k_250k",
        "timeline": "now",
        "status": "solved",
        "visibility": "members",
    },
    # Görlitz (SN, Mittelstadt)
    {
        "organisation": "wirtschaftsfoerderung-goerlitz",
        "title": "Inhaber*innen gehen in Rente – und niemand übernimmt",
        "description": "In den nächsten fünf Jahren werden rund 40 Geschäfte in der "
        "Altstadt und auf der Berliner Straße an Nachfolger*innen übergeben werden müssen. "
        "Viele Inhaber*innen kümmern sich zu spät darum, und Interessierte wissen nicht, "
        "welche Läden zu haben sind. Wir suchen Beratung für die Übergabe und einen Weg, "
        "Übergebende und Übernehmende zusammenzubringen.",
        "topics": ["Nachfolge", "Betriebsübergabe", "Einzelhandel", "Gründer*innen"],
        "budget_range": "10k_50k",
        "timeline": "12_months",
        "status": "open",
        "visibility": "members",
    },
    {
        "organisation": "wirtschaftsfoerderung-goerlitz",
        "title": "Müll, Tags und Taubendreck: die Altstadt wirkt ungepflegt",
        "description": "Gäste schreiben in Bewertungen immer öfter, dass die Altstadt "
        "schmutzig sei: überquellende Mülleimer, Graffiti an sanierten Fassaden, Kaugummi "
        "auf dem Pflaster. Der Bauhof kommt nicht hinterher. Wir suchen schnelle "
        "Reinigung, einen einfachen Meldeweg für Bürger*innen und Ideen, wie der Handel "
        "Verantwortung für seinen Straßenabschnitt übernimmt.",
        "topics": ["Sauberkeit", "Graffiti", "Müll", "Stadtbild"],
        "budget_range": "10k_50k",
        "timeline": "6_months",
        "status": "open",
        "visibility": "members",
    },
    {
        "organisation": "wirtschaftsfoerderung-goerlitz",
        "title": "Das Altstadtfest braucht eine professionelle Organisation",
        "description": "Das Altstadtfest mit 70.000 Gästen wird bisher von einem Verein "
        "getragen, dessen Vorstand aufhört. Genehmigungen, Standvergabe, Bühnenprogramm und "
        "Abrechnung sollen künftig von einem Dienstleister übernommen werden, der Verein "
        "bleibt für das Programm zuständig.",
        "topics": ["Eventmanagement", "Stadtfest", "Ehrenamt", "Veranstaltungsorganisation"],
        "budget_range": "50k_250k",
        "timeline": "12_months",
        "status": "open",
        "visibility": "members",
    },
    {
        "organisation": "wirtschaftsfoerderung-goerlitz",
        "title": "Kaufkraft wandert nach Zgorzelec und ins Internet",
        "description": "Für Lebensmittel und Drogerieartikel fahren viele über die Neiße, "
        "Mode und Elektronik werden online bestellt. Unsere Werbegemeinschaft möchte Geld "
        "in der Stadt halten: mit einem Gutschein, den Arbeitgeber*innen ihren Beschäftigten "
        "schenken können, und einem Bonussystem für Stammkund*innen.",
        "topics": ["Kaufkraftbindung", "Stadtgutschein", "Kundenbindung", "Grenzregion"],
        "budget_range": "10k_50k",
        "timeline": "6_months",
        "status": "open",
        "visibility": "members",
    },
    {
        "organisation": "wirtschaftsfoerderung-goerlitz",
        "title": "Gründer*innen für leere Läden in der Gründerzeitstadt finden",
        "description": "Wir haben viele schöne, günstige Ladenflächen, aber zu wenige "
        "Menschen, die dort etwas eröffnen wollen. Wir denken an einen Wettbewerb mit "
        "Mietzuschuss für das erste Jahr und an Beratung für Gründer*innen, die aus "
        "Berlin, Dresden oder Breslau zu uns ziehen.",
        "topics": ["Leerstand", "Existenzgründung", "Mietzuschuss", "Ansiedlung"],
        "budget_range": "50k_250k",
        "timeline": "12_months",
        "status": "open",
        "visibility": "members",
    },
    {
        "organisation": "wirtschaftsfoerderung-goerlitz",
        "title": "Einkäufe aus der Altstadt nach Hause liefern lassen",
        "description": "Wer mit dem Bus in die Altstadt kommt, kann keine schweren Einkäufe "
        "tragen, und ältere Menschen in den Ortsteilen kommen gar nicht erst. Mehrere "
        "Händler*innen würden einen gemeinsamen Lieferdienst nutzen, am liebsten mit "
        "Lastenrad und Abholung am selben Tag.",
        "topics": ["Lieferservice", "Lastenrad", "Click&Collect", "Nahversorgung"],
        "budget_range": "under_10k",
        "timeline": "6_months",
        "status": "open",
        "visibility": "members",
    },
    {
        "organisation": "markt-bad-kleinfeld",
        "title": "Der letzte Lebensmittelladen im Ortskern schließt im Frühjahr",
        "description": "Der Edeka-Kaufmann geht in Rente, ein Nachfolger ist nicht in Sicht. "
        "Für viele Ältere und für die Kurgäste ist der Laden die einzige Einkaufsmöglichkeit "
        "ohne Auto. Wir überlegen, ob ein Dorfladen als Genossenschaft oder ein digitaler "
        "Kleinstmarkt mit Selbstbedienung tragen kann, und suchen Beratung zu Konzept, "
        "Finanzierung und Betrieb.",
        "topics": ["Nahversorgung", "Dorfladen", "Genossenschaft", "Ortskern"],
        "budget_range": "10k_50k",
        "timeline": "now",
        "status": "open",
        "visibility": "members",
    },
    {
        "organisation": "markt-bad-kleinfeld",
        "title": "Kurgäste finden vom Kurpark nicht in den Ortskern",
        "description": "Zwischen Kurpark und Marktstraße liegen nur 600 Meter, aber keine "
        "Beschilderung, kein Hinweis auf Cafés und Geschäfte. Die Kurgäste bleiben im Park, "
        "der Ortskern merkt nichts von ihnen. Wir brauchen ein einfaches Wegeleitsystem und "
        "eine Idee, wie der Weg selbst einladender wird.",
        "topics": ["Wegeleitsystem", "Kurgäste", "Tourismus", "Aufenthaltsqualität"],
        "budget_range": "under_10k",
        "timeline": "12_months",
        "status": "open",
        "visibility": "public",
    },
]

# The editors' additions to the engine's built-in synonym list.
SYNONYMS = [
    {"terms": "Kundenfrequenz, Passantenfrequenz, Besucherzahlen, Frequenz",
     "related_only": False},
    {"terms": "Verfügungsfonds, Innenstadtfonds, Quartiersfonds, Projektfonds",
     "related_only": False},
    {"terms": "Klimaanpassung, Hitzevorsorge, Hitzeschutz, Hitzeinsel, Stadtklima",
     "related_only": False},
    {"terms": "Barrierefreiheit, barrierefrei, Inklusion, Zugänglichkeit",
     "related_only": False},
    {"terms": "Außengastronomie, Freisitz, Freisitze, Terrasse, Schanigarten",
     "related_only": False},
    {"terms": "Sauberkeit, Müll, Vermüllung, Stadtreinigung, Reinigung",
     "related_only": False},
    {"terms": "Sicherheitskonzept, Zufahrtsschutz, Überfahrschutz, Zufahrtssperren, "
     "Veranstaltungssicherheit", "related_only": False},
    {"terms": "Hitze, Schatten, Verschattung, Trinkbrunnen, Begrünung",
     "related_only": True},
]
