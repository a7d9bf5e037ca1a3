"""German demo offers ("Lösungsangebote") of the providers (plain data, the project's own texts).

regions: Bundesland codes the provider serves, empty = bundesweit; sizes: town sizes the
offer is meant for, empty = all; references: slugs of demo case studies (skipped if missing).
"""

from matchmaking.demo_offers_more import OFFERS_PART_TWO

OFFERS_PART_ONE = [
    # Frequenzwerk (NW)
    {
        "organisation": "frequenzwerk",
        "title": "Laserzählung an bis zu zehn Standorten der Innenstadt",
        "description": "Wir montieren kleine Lasersensoren an Fassaden oder Laternen und "
        "zählen Passant*innen in beide Richtungen, rund um die Uhr und ohne Kamerabilder. "
        "Die Daten stehen nach einer Woche im Webportal, inklusive Wetter und Vergleich mit "
        "Vorjahreszeiträumen.",
        "topics": ["Frequenzmessung", "Passantenfrequenz", "Sensorik", "Datenschutz"],
        "regions": [],
        "sizes": ["medium", "large"],
        "price_range": "5k_25k",
        "references": ["frequenzmessung-iserlohn"],
    },
    {
        "organisation": "frequenzwerk",
        "title": "Offenes Innenstadt-Dashboard für Verwaltung, Handel und Politik",
        "description": "Ein Dashboard, das Kundenfrequenz, Leerstände, Parkhausbelegung und "
        "Veranstaltungen zusammenführt. Werbegemeinschaft und Rat sehen dieselben Zahlen; "
        "offene Schnittstellen erlauben, die Daten auch im Open-Data-Portal zu "
        "veröffentlichen.",
        "topics": ["Dashboard", "Besucherzahlen", "Kennzahlen", "Open Data"],
        "regions": [],
        "sizes": [],
        "price_range": "5k_25k",
        "references": ["frequenz-dashboard-elbstedt"],
    },
    {
        "organisation": "frequenzwerk",
        "title": "Freie Plätze in Parkhäusern live auf Website und Anzeigetafeln",
        "description": "Wir binden die Schrankenanlagen Ihrer Parkhäuser an und zeigen die "
        "freien Stellplätze auf der Stadtwebsite, in Apps und auf dynamischen Schildern an "
        "den Einfallstraßen. Das verringert den Parksuchverkehr spürbar.",
        "topics": ["Parkhausbelegung", "Parkleitsystem", "Parksuchverkehr"],
        "regions": ["NW", "NI"],
        "sizes": ["medium", "large"],
        "price_range": "on_request",
        "references": [],
    },
    # LokalKauf (BY)
    {
        "organisation": "lokalkauf-plattform",
        "title": "Stadtmarktplatz: Schaufenster im Netz, Abholung im Laden",
        "description": "Geschäfte stellen ausgewählte Produkte ein, Kund*innen reservieren "
        "online und holen im Laden ab. Damit werden auch Läden ohne eigenen Webshop im Netz "
        "gefunden. Einrichtung, Fotos der ersten Produkte und Schulung sind inklusive.",
        "topics": ["Lokaler Onlinemarktplatz", "Click & Collect", "Online-Sichtbarkeit"],
        "regions": [],
        "sizes": ["small", "medium"],
        "price_range": "5k_25k",
        "references": ["lokaler-marktplatz-giessen", "marktplatz-landkreis-moorhusen"],
    },
    {
        "organisation": "lokalkauf-plattform",
        "title": "Heute bestellt, heute geliefert: Botendienst für Innenstadthändler",
        "description": "Wir organisieren mit lokalen Kurier*innen die Auslieferung am selben "
        "Tag, vorzugsweise mit dem Lastenrad. Die Geschäfte buchen Touren über den "
        "Stadtmarktplatz oder per Telefon; abgerechnet wird pro Lieferung.",
        "topics": ["Lieferdienst", "Same-Day-Delivery", "Lastenrad", "Botendienst"],
        "regions": ["BY", "BW", "SN", "TH"],
        "sizes": [],
        "price_range": "under_5k",
        "references": ["lieferservice-lastenrad-weissenfels"],
    },
    {
        "organisation": "lokalkauf-plattform",
        "title": "Regionalregal: Hofläden und Marktstände online bestellbar",
        "description": "Erzeuger*innen vom Wochenmarkt und aus Hofläden stellen ihr Sortiment "
        "gemeinsam online. Bestellt wird bis Donnerstag, abgeholt am Marktstand oder an "
        "einer Ausgabestelle in der Innenstadt. Das bringt neue, jüngere Kundschaft auf den "
        "Markt.",
        "topics": ["Regionale Produkte", "Marktstände online", "Direktvermarktung"],
        "regions": [],
        "sizes": ["small", "medium"],
        "price_range": "under_5k",
        "references": [],
    },
    {
        "organisation": "lokalkauf-plattform",
        "title": "Abholschränke für Einkäufe nach Ladenschluss",
        "description": "Gekühlte und ungekühlte Abholschränke am Rand der Fußgängerzone, in "
        "die mehrere Geschäfte Bestellungen legen. Kund*innen öffnen ihr Fach mit einem "
        "Code – auch abends und am Sonntag.",
        "topics": ["Abholstation", "Click and Collect", "Öffnungszeiten"],
        "regions": [],
        "sizes": [],
        "price_range": "25k_100k",
        "references": [],
    },
    # Stadtkarte Systeme (HE)
    {
        "organisation": "stadtkarte-systeme",
        "title": "Stadtgutschein als Geschenkkarte und in der App",
        "description": "Ein Gutschein, der in allen teilnehmenden Geschäften, Restaurants und "
        "Kultureinrichtungen Ihrer Stadt gilt. Wir stellen Karten, Verkaufsstellen, "
        "Onlineshop und Abrechnung; das Geld bleibt in der Stadt statt bei großen "
        "Onlinehändlern.",
        "topics": ["Citygutschein", "Kaufkraft binden", "Geschenkgutschein"],
        "regions": [],
        "sizes": [],
        "price_range": "5k_25k",
        "references": ["stadtgutschein-loerrach"],
    },
    {
        "organisation": "stadtkarte-systeme",
        "title": "Treuepunkte für Einkäufe im Ortskern",
        "description": "Kund*innen sammeln bei jedem Einkauf Punkte mit der City-Karte oder "
        "dem Smartphone und lösen sie in allen teilnehmenden Geschäften ein. Die "
        "Werbegemeinschaft sieht anonymisiert, wie oft Stammkund*innen wiederkommen.",
        "topics": ["Bonusprogramm", "Kundenkarte", "Stammkunden"],
        "regions": [],
        "sizes": ["small", "medium"],
        "price_range": "under_5k",
        "references": ["treuepunkte-hohenbrueck"],
    },
    {
        "organisation": "stadtkarte-systeme",
        "title": "Mitarbeitergutschein: steuerfreier Sachbezug für die Stadt",
        "description": "Arbeitgeber*innen laden monatlich einen steuerfreien Betrag auf die "
        "Gutscheinkarte ihrer Beschäftigten, eingelöst wird nur bei lokalen Geschäften. "
        "Wir übernehmen Vertrag, Abrechnung und die Ansprache der Unternehmen.",
        "topics": ["Sachbezug", "Arbeitgeber", "Gutscheinkarte", "Kaufkraftbindung"],
        "regions": [],
        "sizes": [],
        "price_range": "under_5k",
        "references": [],
    },
    # Raumwende (BE)
    {
        "organisation": "raumwende-beratung",
        "title": "Leerstandskataster und persönliche Eigentümergespräche",
        "description": "Wir erfassen alle Erdgeschossflächen mit Größe, Zustand und "
        "Eigentumsverhältnissen und führen Gespräche mit jeder Eigentümerin und jedem "
        "Eigentümer – auch mit denen, die weit weg wohnen. Ergebnis ist ein Fahrplan, "
        "welche Fläche wie wieder vermietet werden kann.",
        "topics": ["Leerstandsmanagement", "Flächenkataster", "Eigentümeransprache"],
        "regions": [],
        "sizes": [],
        "price_range": "25k_100k",
        "references": ["leerstandslotsin-einbeck", "leerstandskataster-rheinhafen"],
    },
    {
        "organisation": "raumwende-beratung",
        "title": "Befristet nutzen: Verträge, Versicherung und Möbel für Probeläden",
        "description": "Wir bereiten leere Läden für eine befristete Nutzung vor: "
        "Mustermietvertrag, Haftpflicht, Grundausstattung mit Regalen und Kasse, "
        "Auswahlverfahren für Nutzer*innen. So testen Gründer*innen und Kreative die "
        "Innenstadt ohne großes Risiko.",
        "topics": ["Zwischennutzung", "Pop-up-Store", "Probeladen", "Mustervertrag"],
        "regions": [],
        "sizes": [],
        "price_range": "5k_25k",
        "references": ["zwischennutzung-kaufhaus-saalbruck", "pop-up-sommer-weissenfels"],
    },
    {
        "organisation": "raumwende-beratung",
        "title": "Ladenwettbewerb: ein Jahr mietfrei für die beste Geschäftsidee",
        "description": "Wir konzipieren und begleiten Wettbewerbe, bei denen "
        "Gründer*innen ein leeres Ladenlokal mit Mietzuschuss und Coaching gewinnen. "
        "Jury, Bewerbungsverfahren und Öffentlichkeitsarbeit inklusive.",
        "topics": ["Gründungswettbewerb", "Existenzgründung", "Ladenleerstand"],
        "regions": ["BE", "BB", "SN", "ST", "TH"],
        "sizes": [],
        "price_range": "on_request",
        "references": [],
    },
    # Eventschutz Rhein-Ruhr (NW)
    {
        "organisation": "eventschutz-rhein-ruhr",
        "title": "Sicherheitskonzepte für Weihnachtsmärkte und Stadtfeste",
        "description": "Wir schreiben das Sicherheitskonzept für Ihre Veranstaltung, "
        "stimmen es mit Polizei, Feuerwehr und Ordnungsamt ab und schulen die Ordner*innen. "
        "Rettungswege, Evakuierung und Kommunikation im Ernstfall sind Teil des Pakets.",
        "topics": ["Sicherheitskonzept", "Adventsmarkt", "Ordnungsdienst"],
        "regions": ["NW", "NI", "HE", "RP"],
        "sizes": [],
        "price_range": "5k_25k",
        "references": [],
    },
    {
        "organisation": "eventschutz-rhein-ruhr",
        "title": "Mobile Fahrzeugsperren zur Miete",
        "description": "Zertifizierte, mobile Überfahrsperren, die in wenigen Minuten "
        "gestellt sind und Rettungsfahrzeuge durchlassen. Lieferung, Aufbau und Abbau "
        "übernehmen wir, auch für einzelne Wochenenden.",
        "topics": ["Überfahrschutz", "Zufahrtssperren", "Veranstaltungssicherheit"],
        "regions": [],
        "sizes": [],
        "price_range": "5k_25k",
        "references": [],
    },
    {
        "organisation": "eventschutz-rhein-ruhr",
        "title": "Stadtfeste komplett organisiert: Genehmigung, Standvergabe, Abrechnung",
        "description": "Wir übernehmen die Organisation großer Innenstadtfeste, wenn das "
        "Ehrenamt an seine Grenzen kommt: Genehmigungen, Verträge mit Schausteller*innen, "
        "Bühnentechnik, Reinigung und Abrechnung. Das Programm gestalten Sie mit den "
        "Vereinen vor Ort.",
        "topics": ["Veranstaltungsmanagement", "Stadtfest", "Festorganisation"],
        "regions": [],
        "sizes": ["medium", "large"],
        "price_range": "on_request",
        "references": [],
    },
    # ParkPilot (NI)
    {
        "organisation": "parkpilot",
        "title": "Bodensensoren für Parkplätze und ein dynamisches Parkleitsystem",
        "description": "Sensoren im Asphalt erkennen, ob ein Stellplatz frei ist. Die Daten "
        "steuern Anzeigetafeln und eine Karte in der Stadt-App. Auch Behindertenparkplätze "
        "und Ladezonen lassen sich einzeln ausweisen.",
        "topics": ["Parksensoren", "Parkleitsystem", "Parkplatzsuche"],
        "regions": [],
        "sizes": [],
        "price_range": "25k_100k",
        "references": [],
    },
    {
        "organisation": "parkpilot",
        "title": "Wie kommen Ihre Gäste in die Stadt? Erreichbarkeitsanalyse",
        "description": "Wir werten Parkhauszahlen, Fahrgastzahlen im Bus und eine "
        "Passantenbefragung aus und zeigen, woher Besucher*innen kommen und welches "
        "Verkehrsmittel sie nutzen. Daraus entsteht ein Maßnahmenplan für Parken, Bus und "
        "Radverkehr.",
        "topics": ["Erreichbarkeit", "Mobilitätsanalyse", "Besucherbefragung", "ÖPNV"],
        "regions": ["NI", "NW", "HB", "HH", "SH"],
        "sizes": [],
        "price_range": "5k_25k",
        "references": [],
    },
    {
        "organisation": "parkpilot",
        "title": "Zählsensoren für kleinere Fußgängerzonen zur Miete",
        "description": "Batteriebetriebene Sensoren an zwei bis vier Eingängen der "
        "Fußgängerzone zählen, wie viele Menschen kommen und wann. Ohne Bauarbeiten, ohne "
        "Kameras, mit monatlichem Bericht – auch für Städte, die erst einmal ein Jahr "
        "testen wollen.",
        "topics": ["Besucherzählung", "Sensoren zur Miete", "Frequenzdaten"],
        "regions": ["NI", "NW", "HB", "HH", "SH", "ST"],
        "sizes": ["small", "medium"],
        "price_range": "under_5k",
        "references": [],
    },
    # Sichtbar vor Ort (SN)
    {
        "organisation": "sichtbar-vor-ort",
        "title": "Google-Profile für eine ganze Einkaufsstraße an einem Tag",
        "description": "Unser Team geht von Laden zu Laden, legt Unternehmensprofile an oder "
        "bringt sie auf Stand: Öffnungszeiten, Fotos, Kategorien, Antworten auf "
        "Bewertungen. Danach gibt es eine kurze Anleitung zum Selbstpflegen.",
        "topics": ["Local SEO", "Google-Profil", "Auffindbarkeit"],
        "regions": [],
        "sizes": [],
        "price_range": "under_5k",
        "references": [],
    },
    {
        "organisation": "sichtbar-vor-ort",
        "title": "Digitalsprechstunde direkt im Laden",
        "description": "Einmal pro Woche kommt eine Digitalberaterin in die Geschäfte und "
        "hilft bei Instagram, Kassensystem, Google-Profil oder Onlineshop – immer an den "
        "Fragen, die gerade anstehen. In Sachsen oft über Landesmittel förderfähig.",
        "topics": ["Digitalcoaching", "Digitalisierung Einzelhandel", "Social Media"],
        "regions": ["SN", "ST", "TH", "BB"],
        "sizes": [],
        "price_range": "free",
        "references": ["digitalcoaching-goerlitz"],
    },
    {
        "organisation": "sichtbar-vor-ort",
        "title": "Instagram-Kampagne mit Geschichten aus der Innenstadt",
        "description": "Wir porträtieren Händler*innen, Gastronom*innen und Handwerker*innen "
        "Ihrer Innenstadt in kurzen Videos und Fotostrecken und betreuen den gemeinsamen "
        "Kanal ein halbes Jahr lang. So steigt die Reichweite aller Beteiligten.",
        "topics": ["Social Media", "Instagram", "Stadtmarketing"],
        "regions": [],
        "sizes": [],
        "price_range": "5k_25k",
        "references": [],
        "visibility": "members",
    },
]

OFFERS = OFFERS_PART_ONE + OFFERS_PART_TWO
