"""German demo funding programmes (plain data, paraphrased in the project's own words).

Amounts and deadlines are plausible demo values, not legal information. `deadline_days`
counts from the day `seed_demo` first creates the programme (None = laufend); a later run
leaves the stored deadline alone.
"""

MUNICIPAL = ["kommune", "stadtmarketing", "wirtschaftsfoerderung"]

PROGRAMMES = [
    {
        "name": "Zukunftsfähige Innenstädte und Zentren",
        "funder": "bund",
        "funder_name": "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen",
        "description": "Bundesprogramm für Modellprojekte, die Innenstädte und Ortszentren "
        "widerstandsfähiger machen: neue Nutzungen für leere Gebäude, Konzepte gegen "
        "Leerstand, Citymanagement und Beteiligung. Gefördert werden vor allem Konzepte, "
        "Personal und kleinere investive Maßnahmen.",
        "bundeslaender": [],
        "applicant_kinds": ["kommune"],
        "topics": ["Innenstadtentwicklung", "Leerstand", "Citymanagement", "Modellprojekt"],
        "max_funding": 2_500_000,
        "funding_rate": "bis zu 75 %, finanzschwache Kommunen bis zu 90 %",
        "deadline_days": 75,
        "url": "https://www.bmwsb.bund.de/",
    },
    {
        "name": "Städtebauförderung: Lebendige Zentren",
        "funder": "bund",
        "funder_name": "Bund und Länder, Antrag über das Landesministerium",
        "description": "Programm der Städtebauförderung für Stadt- und Ortskerne: "
        "Aufwertung öffentlicher Räume, Sanierung von Gebäuden, Verfügungsfonds, "
        "Zentrenmanagement und Klimaanpassung im Quartier. Voraussetzung ist ein "
        "abgegrenztes Fördergebiet mit integriertem Entwicklungskonzept.",
        "bundeslaender": [],
        "applicant_kinds": ["kommune"],
        "topics": ["Städtebauförderung", "Verfügungsfonds", "öffentlicher Raum",
                   "Zentrenmanagement"],
        "max_funding": None,
        "funding_rate": "in der Regel zwei Drittel aus Bund und Land, ein Drittel Eigenanteil",
        "deadline_days": 120,
        "url": "https://www.staedtebaufoerderung.info/",
    },
    {
        "name": "NRW-Sofortprogramm Innenstadt",
        "funder": "land",
        "funder_name": "Ministerium für Heimat, Kommunales, Bau und Digitalisierung NRW",
        "description": "Landesprogramm mit mehreren Bausteinen: Anmietung leerer "
        "Ladenlokale durch die Kommune mit verbilligter Weitervermietung, Zentrenmanagement, "
        "Innenstadtfonds und Machbarkeitsstudien für große leerstehende Handelsimmobilien.",
        "bundeslaender": ["NW"],
        "applicant_kinds": MUNICIPAL,
        "topics": ["Leerstand", "Mietzuschuss", "Innenstadtfonds", "Zentrenmanagement"],
        "max_funding": 500_000,
        "funding_rate": "bis zu 90 %",
        "deadline_days": 45,
        "url": "https://www.mhkbd.nrw/",
    },
    {
        "name": "Resiliente Innenstädte Niedersachsen",
        "funder": "land",
        "funder_name": "NBank im Auftrag des Landes Niedersachsen (EFRE-Mittel)",
        "description": "Förderung für Innenstädte, die sich an Strukturwandel und "
        "Klimawandel anpassen: Umnutzung leerer Gebäude, Begrünung und Entsiegelung, "
        "Aufenthaltsqualität und digitale Angebote für den Handel.",
        "bundeslaender": ["NI"],
        "applicant_kinds": ["kommune"],
        "topics": ["Resilienz", "Klimaanpassung", "Umnutzung", "Aufenthaltsqualität"],
        "max_funding": 3_000_000,
        "funding_rate": "bis zu 80 %",
        "deadline_days": 200,
        "url": "https://www.nbank.de/",
    },
    {
        "name": "Perspektive Innenstadt Niedersachsen (Aufruf 2024)",
        "funder": "land",
        "funder_name": "Niedersächsisches Ministerium für Wirtschaft",
        "description": "Schnell umsetzbare Projekte gegen Leerstand und für belebte "
        "Innenstädte: Pop-up-Flächen, Veranstaltungen, Citymanagement auf Zeit. Der Aufruf "
        "ist abgeschlossen, ein neuer wird erwartet.",
        "bundeslaender": ["NI"],
        "applicant_kinds": MUNICIPAL,
        "topics": ["Zwischennutzung", "Citymanagement", "Innenstadtbelebung"],
        "max_funding": 250_000,
        "funding_rate": "bis zu 90 %",
        "deadline_days": -40,
        "url": "https://www.mw.niedersachsen.de/",
    },
    {
        "name": "Bayern: Sonderfonds Innenstädte beleben",
        "funder": "land",
        "funder_name": "Bayerisches Staatsministerium für Wohnen, Bau und Verkehr",
        "description": "Unterstützt Städte und Gemeinden dabei, leerstehende Ladenflächen "
        "neu zu nutzen, Plätze aufzuwerten und Innenstadtkonzepte umzusetzen. Auch "
        "Verfügungsfonds mit privater Beteiligung sind förderfähig.",
        "bundeslaender": ["BY"],
        "applicant_kinds": ["kommune"],
        "topics": ["Leerstand", "Innenstadtkonzept", "Verfügungsfonds"],
        "max_funding": 1_000_000,
        "funding_rate": "bis zu 80 %, in Einzelfällen 90 %",
        "deadline_days": None,
        "url": "https://www.stmb.bayern.de/",
    },
    {
        "name": "EFRE: Nachhaltige Stadtentwicklung",
        "funder": "eu",
        "funder_name": "Europäische Union, über die EFRE-Programme der Länder",
        "description": "Mittel aus dem Europäischen Fonds für regionale Entwicklung für "
        "integrierte Stadtentwicklung: Klimaschutz und Klimaanpassung in Zentren, "
        "digitale Infrastruktur, Gründungs- und Innovationsräume in leeren Gebäuden. "
        "Die Länder legen Schwerpunkte und Stichtage selbst fest.",
        "bundeslaender": [],
        "applicant_kinds": ["kommune", "wirtschaftsfoerderung", "forschung"],
        "topics": ["EFRE", "Klimaanpassung", "Gründung", "Digitalisierung"],
        "max_funding": 5_000_000,
        "funding_rate": "40 bis 60 % je nach Region",
        "deadline_days": None,
        "url": "https://ec.europa.eu/regional_policy/",
    },
    {
        "name": "LEADER: Ortskerne im ländlichen Raum",
        "funder": "eu",
        "funder_name": "Lokale Aktionsgruppen (ELER-Mittel der EU und der Länder)",
        "description": "Die Lokalen Aktionsgruppen fördern Projekte aus ihrer Region, etwa "
        "Dorfläden, Treffpunkte, Wochenmärkte, Ehrenamt und Nahversorgung in kleinen "
        "Gemeinden. Entschieden wird vor Ort zu festen Stichtagen.",
        "bundeslaender": [],
        "applicant_kinds": ["kommune", "verband", "einzelhandel"],
        "topics": ["Nahversorgung", "ländlicher Raum", "Dorfladen", "Ehrenamt"],
        "max_funding": 200_000,
        "funding_rate": "bis zu 65 %, für Kommunen oft bis zu 80 %",
        "deadline_days": 90,
        "url": "https://www.dvs-gap.de/",
    },
    {
        "name": "Anpassung urbaner Räume an den Klimawandel",
        "funder": "bund",
        "funder_name": "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen",
        "description": "Förderung investiver Projekte für kühlere, grünere und "
        "wassersensible Städte: Entsiegelung, Stadtbäume, Verschattung, Trinkbrunnen und "
        "Grünflächen mit Bedeutung für die Hitzevorsorge.",
        "bundeslaender": [],
        "applicant_kinds": ["kommune"],
        "topics": ["Klimaanpassung", "Hitzevorsorge", "Stadtgrün", "Entsiegelung"],
        "max_funding": 4_000_000,
        "funding_rate": "bis zu 85 %, Haushaltsnotlage bis zu 90 %",
        "deadline_days": 150,
        "url": "https://www.bbsr.bund.de/",
    },
    {
        "name": "Hessen: Zukunft Innenstadt",
        "funder": "land",
        "funder_name": "Hessisches Ministerium für Wirtschaft, Energie, Verkehr, Wohnen",
        "description": "Landesprogramm für lebendige Zentren mit schnellen Impulsen: "
        "Leerstandsmanagement, Citymanagement, Beteiligung, digitale Schaufenster und "
        "kleine Gestaltungsmaßnahmen im öffentlichen Raum.",
        "bundeslaender": ["HE"],
        "applicant_kinds": MUNICIPAL,
        "topics": ["Leerstandsmanagement", "Citymanagement", "Bürgerbeteiligung"],
        "max_funding": 250_000,
        "funding_rate": "bis zu 90 %",
        "deadline_days": 30,
        "url": "https://wirtschaft.hessen.de/",
    },
    {
        "name": "Sachsen: Landesprogramm Lebendige Innenstadt",
        "funder": "land",
        "funder_name": "Sächsisches Staatsministerium für Regionalentwicklung",
        "description": "Unterstützt sächsische Städte bei Gründungen in leeren Läden, bei "
        "Nachfolgen im Einzelhandel, bei Digitalcoachings für Händler*innen und bei "
        "Veranstaltungen, die neue Besucher*innen in die Zentren bringen.",
        "bundeslaender": ["SN"],
        "applicant_kinds": MUNICIPAL + ["verband"],
        "topics": ["Gründung", "Unternehmensnachfolge", "Digitalisierung", "Events"],
        "max_funding": 300_000,
        "funding_rate": "bis zu 75 %",
        "deadline_days": 60,
        "url": "https://www.smr.sachsen.de/",
    },
    {
        "name": "Digitalisierung im Mittelstand: Beratung und Umsetzung",
        "funder": "bund",
        "funder_name": "Bundesministerium für Wirtschaft (über autorisierte Beratungsunternehmen)",
        "description": "Kleine Unternehmen, auch Einzelhandel und Gastronomie, erhalten "
        "Zuschüsse für Beratung und Umsetzung rund um Onlinemarketing, Webshop, "
        "IT-Sicherheit und digitale Abläufe. Der Antrag läuft über das beauftragte "
        "Beratungsunternehmen.",
        "bundeslaender": [],
        "applicant_kinds": ["einzelhandel"],
        "topics": ["Digitalisierung Einzelhandel", "Onlinemarketing", "Webshop"],
        "max_funding": 16_500,
        "funding_rate": "50 % der Beratungskosten",
        "deadline_days": None,
        "url": "https://www.bmwk.de/",
    },
]
