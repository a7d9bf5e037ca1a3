"""Base vocabulary of the field for splitting compounds.

The catalog teaches the lexicon most words; these common parts of German
compounds around inner cities make splitting work even when a part never
stands alone in the catalog ("Leerstands|management", "Rad|tourismus").
"""

BASE_VOCABULARY = """
abend abende abendbelebung abholung agentur aktion aktionen alt altstadt analyse angebot
anlauf anlaufpunkt ansiedlung antrag anzeige arbeit auftritt ausflug auswertung auto
bahn bank bau bauleitplanung baustelle bedarf befragung begleitung beleuchtung belebung
beratung bereich besuch besucher beteiligung betrieb bewertung bild bildung bindung
boden bonus buchung budget burger bürger buro büro center charme city daten dienst
dienstleister digitalisierung dorf dunkel ehrenamt einkauf einkaufsstraße einzelhandel
einzelhandels entwicklung erlebnis eröffnung event existenz fach fahrrad familie fassade
fenster fest fläche flächen förderung frage frequenz freizeit fuß fußgänger gast gastronomie
gebaude gebäude gefühl geld gemeinde gemeinschaft gerät geschäft geschichte gesellschaft
gestaltung gewerbe grün grunder gründer gründung gruppe gruppen gutachten gutschein halle
handel handler händler haus heimat hilfe image immobilie info information inhaber
innenstadt innenstädte internet jahr jahreszeit jugend kampagne karte kasse kauf
kaufhaus kaufkraft kiez kind kinder kommune kommunen kommunikation konzept konzepte
kosten kraft kultur kunde kunden kunst laden läden ladenlokal lage land leben leerstand
leerstände leistung licht lieferung logistik lokal management markt marketing meile
messung miete mieten mieter mittel mobilität modell monat nachfolge nachfrage nacht
netz netzwerk nutzung ort orte ortskern park parken parkplatz partner passant passanten
personal plan planung plattform platz platze plätze portal preis programm projekt punkt
quartier rad rast rastplatz rat raum recht region route runde sanierung schau schaufenster
schule schutz service shop sicherheit sitz smartphone sommer sonntag sport stadt stadtteil
standort station steuerung stelle strasse straße strategie system tag team technik
tourismus touristen treff treffpunkt umbau umfrage unternehmen veranstaltung verein
verkauf verkehr verwaltung vielfalt viertel wagen wahl weg weihnacht weihnachten welt
werbung werkstatt wert wettbewerb wiese winter wirtschaft woche wohnen zeit zentrum
zentren zone zukunft möbel qualität kalender signal forschung verzeichnis spaziergang
einheit gespräch entscheidung genossenschaft meinung
""".split()
