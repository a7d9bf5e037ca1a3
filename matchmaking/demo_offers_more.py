"""More German demo offers: planning, markets, succession, cleanliness, light, funding.

Same shape as `demo_offers.OFFERS_PART_ONE`.
"""

OFFERS_PART_TWO = [
    # Freiraum Plus (NW)
    {
        "organisation": "freiraum-plus",
        "title": "Hitzeaktionsplan für die Innenstadt",
        "description": "Wir messen Temperaturen auf Plätzen und Straßen, erstellen eine "
        "Hitzekarte und einen Plan mit kurzfristigen und baulichen Maßnahmen: Entsiegelung, "
        "Baumstandorte, Wasser und kühle Orte für ältere Menschen.",
        "topics": ["Hitzeaktionsplan", "Stadtklima", "Hitzevorsorge", "Entsiegelung"],
        "regions": [],
        "sizes": [],
        "price_range": "25k_100k",
        "references": [],
    },
    {
        "organisation": "freiraum-plus",
        "title": "Mobiles Grün und Sonnensegel für versiegelte Plätze",
        "description": "Wo keine Bäume wachsen können, etwa über Tiefgaragen, planen wir "
        "Pflanzinseln, Sonnensegel und Sitzmöbel, die sich im Winter abbauen lassen. Die "
        "Aufenthaltsqualität steigt sofort, die Kosten bleiben überschaubar.",
        "topics": ["Verschattung", "mobiles Grün", "Aufenthaltsqualität", "Stadtmöbel"],
        "regions": ["NW", "NI", "HE"],
        "sizes": [],
        "price_range": "5k_25k",
        "references": [],
    },
    {
        "organisation": "freiraum-plus",
        "title": "Trinkbrunnen planen, bauen und warten lassen",
        "description": "Von der Standortwahl über die Abstimmung mit dem Wasserversorger bis "
        "zur Hygieneprüfung: Wir planen öffentliche Trinkbrunnen für heiße Sommer und "
        "vermitteln Wartungsverträge.",
        "topics": ["Trinkbrunnen", "Hitzeschutz", "Daseinsvorsorge"],
        "regions": [],
        "sizes": [],
        "price_range": "5k_25k",
        "references": [],
    },
    {
        "organisation": "freiraum-plus",
        "title": "Gestaltungsleitfaden für Freisitze und Außengastronomie",
        "description": "Gemeinsam mit Gastronomie, Ordnungsamt und Denkmalpflege erarbeiten "
        "wir Regeln für Möbel, Schirme, Windschutz und Heizstrahler. Das Ergebnis ist ein "
        "anschaulicher Leitfaden und ein Satzungsentwurf für die Sondernutzung.",
        "topics": ["Freisitze", "Gestaltungshandbuch", "Sondernutzung", "Gastronomie"],
        "regions": [],
        "sizes": [],
        "price_range": "5k_25k",
        "references": [],
    },
    # Inklusiv unterwegs (HE)
    {
        "organisation": "inklusiv-unterwegs",
        "title": "Begehung der Innenstadt mit Menschen mit Behinderung",
        "description": "Rollstuhlfahrer*innen, blinde und gehörlose Menschen prüfen mit uns "
        "Wege, Eingänge, Toiletten und Informationen in Ihrer Innenstadt. Sie erhalten einen "
        "Bericht mit Prioritäten und Kostenschätzung.",
        "topics": ["Barrierefreiheit", "Begehung", "Inklusion", "Rollstuhl"],
        "regions": [],
        "sizes": [],
        "price_range": "under_5k",
        "references": [],
    },
    {
        "organisation": "inklusiv-unterwegs",
        "title": "Gehstreifen und taktile Leitsysteme im historischen Pflaster",
        "description": "Wir planen geschnittene Gehstreifen im Kopfsteinpflaster, Bodenindikatoren "
        "und kontrastreiche Leitlinien, abgestimmt mit der Denkmalpflege. Ältere Menschen "
        "mit Rollator und Eltern mit Kinderwagen profitieren gleich mit.",
        "topics": ["Leitsystem", "barrierefreies Pflaster", "Denkmalschutz", "Rollator"],
        "regions": [],
        "sizes": [],
        "price_range": "25k_100k",
        "references": [],
    },
    {
        "organisation": "inklusiv-unterwegs",
        "title": "Barrierefreier Einkaufsführer für Geschäfte und Gastronomie",
        "description": "Wir erheben in allen Geschäften Stufen, Türbreiten und Toiletten und "
        "veröffentlichen die Ergebnisse als Einkaufsführer online und gedruckt. Das hilft "
        "Senior*innen und Familien bei der Planung ihres Besuchs.",
        "topics": ["Zugänglichkeit", "Einkaufsführer", "Seniorinnen und Senioren"],
        "regions": ["HE", "NI", "NW", "RP"],
        "sizes": ["small", "medium"],
        "price_range": "5k_25k",
        "references": [],
    },
    # Marktzeit (TH)
    {
        "organisation": "marktzeit-agentur",
        "title": "Markt-Check: neue Beschicker, bessere Zeiten, mehr Kundschaft",
        "description": "Wir analysieren Ihren Wochenmarkt, befragen Händler*innen und "
        "Kundschaft und gewinnen gezielt neue Erzeuger*innen aus der Region. Oft helfen "
        "schon ein neuer Standort, ein Markttag am Nachmittag und eine gemeinsame Werbung.",
        "topics": ["Wochenmarkt", "Marktbeschicker", "Marktmanagement"],
        "regions": [],
        "sizes": ["small", "medium"],
        "price_range": "under_5k",
        "references": [],
    },
    {
        "organisation": "marktzeit-agentur",
        "title": "Feierabendmarkt: Streetfood und Erzeuger am Donnerstagabend",
        "description": "Ein Abendmarkt mit regionalen Lebensmitteln, Streetfood und Musik, "
        "der Berufstätige in die Innenstadt holt. Wir kümmern uns um Standbetreiber*innen, "
        "Strom, Genehmigung und Werbung.",
        "topics": ["Feierabendmarkt", "Abendbelebung", "regionale Erzeuger"],
        "regions": ["TH", "SN", "ST", "NI", "HE"],
        "sizes": [],
        "price_range": "5k_25k",
        "references": [],
    },
    {
        "organisation": "marktzeit-agentur",
        "title": "Entlastung für Festvereine: Standvergabe und Abrechnung als Service",
        "description": "Vereine behalten ihr Fest, wir übernehmen die lästigen Teile: "
        "Bewerbungen der Händler*innen, Standplan, Gebühren, Versicherungen und die "
        "Abrechnung mit der Stadt. Ideal, wenn das Ehrenamt knapp wird.",
        "topics": ["Ehrenamt entlasten", "Altstadtfest", "Eventorganisation"],
        "regions": ["SN", "TH", "ST", "NI"],
        "sizes": [],
        "price_range": "on_request",
        "references": [],
    },
    # Staffelstab (SN)
    {
        "organisation": "staffelstab-nachfolge",
        "title": "Nachfolgebörse für Läden, Cafés und Handwerksbetriebe",
        "description": "Übergebende Inhaber*innen und Interessierte finden sich über eine "
        "moderierte Börse und bei Nachfolge-Abenden vor Ort. Wir bereiten Kennzahlen auf und "
        "begleiten die ersten Gespräche vertraulich.",
        "topics": ["Unternehmensnachfolge", "Nachfolgebörse", "Übernahme"],
        "regions": ["SN", "ST", "TH", "BB", "BE"],
        "sizes": [],
        "price_range": "free",
        "references": ["nachfolgeboerse-goerlitz"],
    },
    {
        "organisation": "staffelstab-nachfolge",
        "title": "Übergabe-Coaching für Inhaberinnen und Inhaber",
        "description": "In sechs Terminen klären wir Wert, Zeitplan, Mitarbeitende, "
        "Mietvertrag und die eigene Rolle nach der Übergabe. Früh begonnen, bleibt das "
        "Geschäft erhalten statt zu schließen, wenn der Ruhestand kommt.",
        "topics": ["Betriebsübergabe", "Coaching", "Ruhestand"],
        "regions": [],
        "sizes": [],
        "price_range": "5k_25k",
        "references": ["nachfolge-ortskern-bad-kleinfeld"],
    },
    {
        "organisation": "staffelstab-nachfolge",
        "title": "Ansiedlungsmanagement: passende Mieter*innen für freie Läden",
        "description": "Wir entwickeln mit Ihnen ein Zielbild für den Branchenmix, sprechen "
        "Filialisten, Gründer*innen und Manufakturen an und vermitteln zwischen "
        "Interessierten und Eigentümer*innen, bis der Mietvertrag unterschrieben ist.",
        "topics": ["Ansiedlung", "Branchenmix", "Nachmieter", "Vermietung"],
        "regions": [],
        "sizes": [],
        "price_range": "25k_100k",
        "references": [],
    },
    # Sauberstadt (NI)
    {
        "organisation": "sauberstadt-service",
        "title": "Graffitientfernung und Schutzanstrich für Fassaden",
        "description": "Schonende Entfernung von Graffiti und Schmierereien, auch an "
        "Sandstein und Fachwerk, und ein Schutzanstrich, der neue Tags leicht abwaschbar "
        "macht. Mit Rahmenvertrag reagieren wir innerhalb von 48 Stunden.",
        "topics": ["Graffiti", "Fassadenreinigung", "Stadtbild"],
        "regions": ["NI", "NW", "HB", "HH", "SH", "ST", "SN"],
        "sizes": [],
        "price_range": "on_request",
        "references": [],
    },
    {
        "organisation": "sauberstadt-service",
        "title": "Mängelmelder-App mit direkter Anbindung an den Bauhof",
        "description": "Bürger*innen melden überquellende Mülleimer, wilde Ablagerungen "
        "oder kaputte Bänke mit Foto und Standort. Die Meldung landet direkt beim "
        "zuständigen Team, die Meldenden sehen, wann sie erledigt ist.",
        "topics": ["Mängelmelder", "Bürger-App", "Stadtreinigung"],
        "regions": [],
        "sizes": [],
        "price_range": "under_5k",
        "references": [],
    },
    {
        "organisation": "sauberstadt-service",
        "title": "Sauberkeitspatenschaften für Händler und Anwohner",
        "description": "Wir starten mit Ihnen eine Kampagne, in der Geschäfte und "
        "Anwohner*innen Patenschaften für ihren Straßenabschnitt übernehmen, mit "
        "Material, Aktionstagen und Sonderreinigungen vor Festen.",
        "topics": ["Müllvermeidung", "Patenschaften", "Sauberkeitskampagne"],
        "regions": [],
        "sizes": ["small", "medium"],
        "price_range": "under_5k",
        "references": [],
    },
    # Lichtwerk Nord (HB)
    {
        "organisation": "lichtwerk-nord",
        "title": "Lichtkonzept für Gassen, Durchgänge und Plätze",
        "description": "Wir planen Licht, das Wege sicherer macht und Fassaden in Szene "
        "setzt, ohne zu blenden oder Insekten zu schaden. Mit Lichtproben vor Ort und "
        "Abstimmung mit Denkmalschutz und Eigentümer*innen.",
        "topics": ["Lichtplanung", "Beleuchtungskonzept", "Angsträume"],
        "regions": [],
        "sizes": [],
        "price_range": "25k_100k",
        "references": ["lichterfest-flensburg"],
    },
    {
        "organisation": "lichtwerk-nord",
        "title": "LED-Weihnachtsbeleuchtung mieten statt kaufen",
        "description": "Sternenketten, Lichtvorhänge und Baumbeleuchtung in sparsamer "
        "LED-Technik zur Miete, inklusive Montage, Wartung und Einlagerung. Das senkt die "
        "Stromkosten und entlastet Werbegemeinschaften.",
        "topics": ["Weihnachtsbeleuchtung", "LED", "Adventszeit"],
        "regions": [],
        "sizes": [],
        "price_range": "5k_25k",
        "references": [],
    },
    # Förderlotsen (BE)
    {
        "organisation": "foerderlotsen",
        "title": "Verfügungsfonds aufsetzen, verwalten und abrechnen",
        "description": "Wir schreiben mit Ihnen die Richtlinie, organisieren das "
        "Vergabegremium, prüfen Anträge und übernehmen die Abrechnung gegenüber Stadt und "
        "Fördergeber. Private Initiativen bekommen so schnell und unbürokratisch Geld.",
        "topics": ["Verfügungsfonds", "Fondsverwaltung", "Richtlinie"],
        "regions": [],
        "sizes": [],
        "price_range": "5k_25k",
        "references": [],
    },
    {
        "organisation": "foerderlotsen",
        "title": "Förderlotsen: das passende Programm und ein vollständiger Antrag",
        "description": "Wir prüfen Ihre Projektidee gegen Bundes-, Landes- und EU-Programme "
        "und schreiben den Förderantrag, inklusive Kostenplan und Eigenanteil. Abgerechnet "
        "wird überwiegend erfolgsabhängig.",
        "topics": ["Fördermittelberatung", "Förderantrag", "Städtebauförderung"],
        "regions": [],
        "sizes": [],
        "price_range": "on_request",
        "references": [],
    },
    {
        "organisation": "foerderlotsen",
        "title": "Innenstadtfonds mit privater Beteiligung aufstocken",
        "description": "Öffentliches Geld wirkt doppelt, wenn Eigentümer*innen, Banken und "
        "Unternehmen mitziehen. Wir gewinnen Mitgeber*innen für Ihren Projektfonds, "
        "klären die Kofinanzierung mit dem Fördergeber und berichten über die Wirkung.",
        "topics": ["Projektfonds", "Kofinanzierung", "Sponsoring"],
        "regions": [],
        "sizes": [],
        "price_range": "5k_25k",
        "references": [],
    },
    {
        "organisation": "foerderlotsen",
        "title": "Zukunftswerkstatt Innenstadt mit Bürgerschaft und Handel",
        "description": "Zwei Abende, ein Samstag, eine Online-Umfrage: Wir moderieren "
        "Beteiligung so, dass am Ende ein priorisierter Maßnahmenplan steht, der auch in "
        "Förderanträgen überzeugt.",
        "topics": ["Bürgerbeteiligung", "Zukunftswerkstatt", "Maßnahmenplan"],
        "regions": [],
        "sizes": [],
        "price_range": "5k_25k",
        "references": [],
        "status": "archived",
    },
    {
        "organisation": "raumwende-beratung",
        "title": "Dorfladen und Nahversorgung neu denken: vom Konzept bis zur Eröffnung",
        "description": "Wenn der letzte Lebensmittelladen schließt, begleiten wir Gemeinden "
        "und Bürger*innen: Bedarfsanalyse, Standort, Tragfähigkeit, Gründung einer "
        "Genossenschaft oder eines Vereins, Förderanträge und die ersten Monate im Betrieb – "
        "auch als hybrider Laden mit Selbstbedienungszeiten.",
        "topics": ["Nahversorgung", "Dorfladen", "Genossenschaft", "Kleinstädte"],
        "regions": [],
        "sizes": ["small"],
        "price_range": "5k_25k",
        "references": [],
    },
    {
        "organisation": "stadtkarte-systeme",
        "title": "Fußgänger-Wegeleitsystem für Ortskern, Kurpark und Bahnhof",
        "description": "Stelen, Wegweiser und digitale Karte aus einem Guss: Wir planen "
        "Routen zwischen den Orten, an denen Gäste ankommen, und den Geschäften, Cafés und "
        "Sehenswürdigkeiten, mit Gehzeiten statt Entfernungen und barrierearmen Varianten.",
        "topics": ["Wegeleitsystem", "Besucherlenkung", "Tourismus", "Beschilderung"],
        "regions": [],
        "sizes": [],
        "price_range": "5k_25k",
        "references": [],
    },
    {
        "organisation": "lokalkauf-plattform",
        "title": "Digitaler Kleinstmarkt: rund um die Uhr einkaufen ohne Personal",
        "description": "Ein Container oder ein leeres Ladenlokal wird zum Selbstbedienungsladen "
        "mit App- oder Kartenzugang, Kühlregalen und Sortiment von regionalen Erzeugern. Wir "
        "liefern Technik, Kassensystem und Warenwirtschaft, der Betrieb kann bei einem Verein "
        "oder einer Genossenschaft liegen.",
        "topics": ["Nahversorgung", "Smart Store", "Selbstbedienung", "regionale Produkte"],
        "regions": [],
        "sizes": ["small", "medium"],
        "price_range": "25k_100k",
        "references": [],
    },
]
