"""The field's synonym list, and how it is compiled against normalised text.

A group lists words and short phrases that mean the same in the context of
lively inner cities ("Onlinehandel" ~ "E-Commerce"). Groups that tied a problem to
its answer ("dunkle Jahreszeit" ~ "Beleuchtung") were written from reading the
benchmark needs and are gone (issue 13): such knowledge now comes from the corpus,
the lexicon and members' feedback (`knowledge.py`). A lower weight (RELATED) stays
available for editors' groups.
Editors extend the list later as plain data: `Thesaurus(extra_groups=[...])`
accepts lists of strings or ``{"terms": [...], "weight": 0.5}`` mappings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .text import normalise_phrase, words

SAME = 1.0
RELATED = 0.5


@dataclass(frozen=True, slots=True)
class SynonymGroup:
    terms: tuple[str, ...]
    weight: float = SAME

    @property
    def label(self) -> str:
        return self.terms[0]


def _group(terms: str, weight: float = SAME) -> SynonymGroup:
    return SynonymGroup(tuple(t.strip() for t in terms.split("|") if t.strip()), weight)


# One group a line: the first term is what a reason shows to people.
DEFAULT_SYNONYMS: tuple[SynonymGroup, ...] = tuple(
    [
        # Vacancy and space
        _group("Leerstand|Leerstände|leerstehend|leer stehend|leere Ladenlokale|leere Geschäfte"
               "|leere Läden|freie Ladenflächen|Ladenleerstand|Leerfläche|verwaiste Läden"),
        _group("Zwischennutzung|Zwischenvermietung|Pop-up|Pop-up-Store|Popup-Store"
               "|temporäre Nutzung|befristete Nutzung|Probeladen"),
        _group("Ladenlokal|Ladenfläche|Geschäftsfläche|Verkaufsfläche|Gewerbefläche"
               "|Gewerbeeinheit|Geschäftsräume|Gewerbeimmobilie"),
        _group("Nachnutzung|Umnutzung|Kaufhaus|Warenhaus|ehemaliges Kaufhaus|Großimmobilie"),
        _group("Ansiedlung|Ansiedlungsmanagement|Mietersuche|Mieter finden|Flächenvermarktung"
               "|Vermietung|Branchenmix|Nachmieter"),
        _group("Eigentümer|Immobilieneigentümer|Vermieter|Hauseigentümer|Eigentümerin"),
        _group("Miete|Mieten|Mietkosten|Mietpreise|hohe Mieten|Mietzuschuss|Mietförderung"),
        _group("Existenzgründung|Gründung|Gründer|Neugründung|Start-up|Startup|Jungunternehmer"
               "|Gründungswettbewerb|Neueröffnung|junge Labels"),
        _group("Nachfolge|Unternehmensnachfolge|Betriebsübergabe|Geschäftsübergabe|Übergabe"
               "|Nachfolger|Übernahme|Geschäftsaufgabe|Ruhestand"),
        _group("Immobilienbewertung|Verkehrswert|Wertgutachten|Verkehrswertgutachten"),
        # Online trade and visibility
        _group("Onlinehandel|E-Commerce|Online-Handel|Internethandel|Onlineverkauf"
               "|online verkaufen|Versandhandel|online bestellen"),
        _group("Onlineshop|Online-Shop|Webshop|Internetshop|eigener Shop"),
        _group("Online-Marktplatz|Stadtplattform|Regionalplattform|lokaler Marktplatz"
               "|Händlerplattform|Regionalportal"),
        _group("Website|Homepage|Webseite|Internetauftritt|Internetseite|Stadtportal"
               "|Webauftritt|Onlineauftritt|Internetpräsenz|Onlinepräsenz"),
        _group("App|Smartphone-App|Anwendung|mobile Anwendung|City-App|Stadt-App|Handy-App"),
        _group("Smartphone|Handy|Mobiltelefon"),
        _group("Suchmaschinenoptimierung|SEO|Local SEO|gefunden werden|Google-Profil"
               "|Google My Business|Google-Unternehmensprofil|Sichtbarkeit im Netz"),
        _group("Suchmaschinenwerbung|SEA|Google Ads|Online-Werbung|Onlinemarketing"),
        _group("Social Media|soziale Medien|Instagram|Facebook|TikTok|soziale Netzwerke"
               "|WhatsApp"),
        _group("Influencer|Creator|Content Creator|Blogger"),
        _group("Sichtbarkeit|sichtbar|Bekanntheit|Reichweite|Aufmerksamkeit"),
        _group("Virtueller Rundgang|360 Grad|3D|virtuell|virtuelle Stadt|digitaler Zwilling"
               "|Stadtmodell"),
        # Marketing and communication
        _group("Stadtmarketing|Citymarketing|Standortmarketing|Marketing"),
        _group("Kampagne|Werbekampagne|Imagekampagne|Werbung|Plakat|Anzeigen"),
        _group("Image|Ruf|Außenwirkung|Wahrnehmung|Imagekampagne|Imageproblem"),
        _group("Kommunikation|informieren|Information|Öffentlichkeitsarbeit|Pressearbeit"
               "|Nachrichten|Push-Nachrichten|Benachrichtigung|Newsletter"),
        _group("Baustelle|Bauarbeiten|Umbau|Bauphase|Baustellenmarketing|Sanierung"
               "|Neugestaltung|Straßenbau"),
        _group("Werbegemeinschaft|Händlergemeinschaft|Gewerbeverein|Interessengemeinschaft"
               "|Aktionsgemeinschaft|Händlerverein|Stadtmarketingverein"),
        _group("Ehrenamt|ehrenamtlich|Ehrenamtliche|Freiwillige|Engagement"),
        _group("Veranstaltung|Event|Fest|Stadtfest|Altstadtfest|Festival|Aktionstag"
               "|Veranstaltungsmanagement|Late-Night-Shopping|verkaufsoffener Sonntag"
               "|Weihnachtsmarkt"),
        _group("Veranstaltungskalender|Eventkalender|Terminkalender"),
        _group("Weihnachten|Advent|Adventszeit|Weihnachtszeit|Weihnachtsmarkt|Ostern"),
        _group("Aktion|Gewinnspiel|Rallye|Stadtrallye|Schnitzeljagd|Aktionswoche"),
        # People
        _group("Jugendliche|junge Leute|junge Menschen|Jugend|junge Zielgruppen|Teenager"
               "|Schülerinnen und Schüler|Generation Z|Studierende|junges Publikum"),
        _group("Senioren|ältere Menschen|Ältere|Rentner|Menschen ohne Auto"),
        _group("Familien|Kinder|Spielplatz|Spielelemente|Schulklassen"),
        _group("Kultur|Kunst|Kreative|Kreativwirtschaft|Kunstschaffende|Künstler"),
        _group("Bürgerbeteiligung|Beteiligung|Partizipation|Mitwirkung|Bürgerwerkstatt"
               "|Zukunftswerkstatt|Ideen einbringen|mitgestalten"),
        _group("Befragung|Umfrage|Bürgerbefragung|Passantenbefragung|Kundenbefragung"
               "|Schulbefragung|Interviews|Fragebogen"),
        _group("Netzwerk|Vernetzung|Community|Gemeinschaft|Zusammenarbeit"),
        _group("Customer Journey|Besucherreise|Besuchererlebnis|Visitor Journey"),
        # Retail, loyalty and payment
        _group("Kundenkarte|Bonuskarte|City Card|CityCard|Stadtkarte|City-Karte|Bonusprogramm"
               "|Loyalty|Treuepunkte|Punkte sammeln|Kundenbindungsprogramm|Bonuspunkte"),
        _group("Gutschein|Stadtgutschein|Gutscheinsystem|Geschenkgutschein|Gutscheinkarte"
               "|Citygutschein|Einkaufsgutschein"),
        _group("Kaufkraftbindung|Kaufkraft binden|Kaufkraftabfluss|Kaufkraft vor Ort"
               "|lokal einkaufen|Heimat shoppen|Kauf lokal|Buy local|vor Ort einkaufen"),
        _group("Kundenbindung|Stammkundschaft|Stammkunden|Kundenbindungsprogramm"),
        _group("Sachbezug|Mitarbeiterbenefits|Mitarbeiterbenefit|Arbeitgeberleistung"
               "|steuerfreier Sachbezug"),
        _group("Kartenzahlung|bargeldlos|Payment|Bezahlen|Kartenterminal|EC-Karte|Girocard"
               "|kontaktlos bezahlen|mobiles Bezahlen|Zahlungsarten"),
        _group("Kassensystem|Kasse|Registrierkasse|Kassen-App"),
        _group("Warenwirtschaft|Warenwirtschaftssystem|Artikelpflege|Sortimentspflege"),
        _group("Öffnungszeiten|rund um die Uhr|24/7|Ladenöffnung|Sonntagsöffnung"),
        _group("Einzelhandel|Händler|Einzelhändler|Geschäfte|inhabergeführt|Ladeninhaber"
               "|Gewerbetreibende|Fachgeschäft"),
        _group("Gastronomie|Gastronomen|Restaurants|Cafés|Kneipen|Gastro|Gastwirte"),
        _group("Nahversorgung|Dorfladen|Lebensmittelversorgung|Grundversorgung|Supermarkt"
               "|Nahversorger|Einkaufsmöglichkeit"),
        _group("ländlicher Raum|Dorf|Dörfer|Ortsteile|Ortskern|Kleinstadt"),
        _group("Markthalle|Wochenmarkt|regionale Produkte|Regionalität|Erzeuger|Bauernmarkt"
               "|Feinkost"),
        _group("Fachmarktzentrum|grüne Wiese|Outlet|Einkaufszentrum|Stadtrand|Fachmarkt"
               "|Outletzentrum|Shoppingcenter"),
        # Logistics
        _group("Lieferdienst|Lieferservice|Bringdienst|Lieferung|Zustellung|Heimlieferung"
               "|Same Day|Same-Day-Delivery|Lieferung am selben Tag|liefern"),
        _group("Lastenrad|Lastenfahrrad|Cargobike|Fahrradkurier|Lastenradkurier"),
        _group("Citylogistik|Logistik|Lieferverkehr|letzte Meile|Mikro-Depot|Mikro-Hub"
               "|Ladezone"),
        _group("Click & Collect|Click and Collect|Abholstation|Abholfach|Schließfach"
               "|reservieren und abholen|Abholung"),
        _group("Paketstation|Paketautomat|Packstation"),
        # Measuring and data
        _group("Frequenzmessung|Passantenzählung|Besucherzählung|Frequenzzählung"
               "|Passantenfrequenz|Besucherfrequenz|Zählung|Frequenzdaten|Besucherzahlen"
               "|Kundenfrequenz|Laufkundschaft"),
        _group("Sensorik|Sensor|Sensoren|Messtechnik|Zählgerät"),
        _group("Dashboard|Datenplattform|Urban Data Platform|Open Data|Kennzahlen|Daten"),
        _group("Standortanalyse|Kaufkraftanalyse|Marktanalyse|Einzugsgebiet|Marktforschung"
               "|Zentralität|Kaufkraftströme"),
        _group("Mobilfunkdaten|Bewegungsdaten|Herkunft der Besucher"),
        _group("Gutachten|Expertise|Studie|Machbarkeitsstudie"),
        # Planning and management
        _group("Citymanagement|Citymanager|Innenstadtmanagement|Kümmerer|Innenstadtkoordinator"
               "|Zentrenmanagement|Quartiersmanagement|Citymanagerin"),
        _group("Innenstadtkonzept|Einzelhandelskonzept|Zentrenkonzept"
               "|Innenstadtentwicklungskonzept|Entwicklungskonzept|Rahmenplan|Masterplan"
               "|Nahversorgungskonzept"),
        _group("Bauleitplanung|Planungsrecht|planungsrechtlich|Bebauungsplan|Einzelhandelssteuerung"
               "|Ansiedlungssteuerung|Steuerung von Ansiedlungen"),
        _group("Stadtplanung|Städtebau|Stadtentwicklung|Innenstadtentwicklung"),
        _group("BID|Business Improvement District|ISG|Immobilien- und Standortgemeinschaft"
               "|Standortgemeinschaft"),
        _group("Förderung|Fördermittel|Förderprogramm|Zuschuss|Förderantrag|Landesmittel"
               "|Städtebauförderung|Fördergelder|Bezuschussung|förderfähig|Förderprogramme"),
        _group("Beratung|Consulting|Begleitung|Coaching|Beratungsunternehmen"),
        _group("Schulung|Workshop|Weiterbildung|Qualifizierung|Seminar|Training|Coaching"),
        _group("Verwaltung|Rathaus|Kommunalverwaltung|Behörde|Bürgerservice|OZG"),
        _group("Vergabe|Ausschreibung|E-Vergabe|Vergabeverfahren"),
        _group("Smart City|intelligente Stadt|vernetzte Stadt|Digitalisierung der Stadt"),
        _group("Barrierefreiheit|barrierefrei|BITV|Inklusion|Zugänglichkeit"),
        _group("Mängelmelder|Mängel melden|Schlaglöcher|wilder Müll|Sauberkeit|Müll"),
        # Public space, light and mobility
        _group("Beleuchtung|Licht|Lichtinstallation|Straßenbeleuchtung|Weihnachtsbeleuchtung"
               "|Lichtkunst|Illumination|beleuchten|Lichtinszenierung|Winterlichter"),
        _group("Aufenthaltsqualität|Verweildauer|verweilen|Verweilqualität|zum Verweilen"
               "|Wohlfühlen|einladend"),
        _group("Sitzbank|Bank|Bänke|Sitzgelegenheit|Sitzmöbel|Sitzplätze|Stadtmöbel"
               "|Stadtmöblierung"),
        _group("Stadtgrün|Begrünung|Grün|Pflanzen|Bäume|Pflanzinseln|Grün auf Zeit"),
        _group("WLAN|WiFi|Free WiFi|Hotspot|Internetzugang|freies WLAN"),
        _group("Digital Signage|Bildschirm|Screen|City-Screen|digitale Anzeige|Infoscreen"
               "|DOOH|Anzeigetafel|Anzeigeflächen"),
        _group("Info-Stele|Info-Terminal|Kiosksystem|Stele|Touchscreen|Stadtinformation"),
        _group("Wegeleitung|Wegweiser|Beschilderung|Orientierung|Leitsystem|Wegweisung"),
        _group("Parken|Parkplatz|Stellplatz|Parkhaus|Parkplatzsuche|Parksuchverkehr"
               "|Parkleitsystem|Parkraum|Parkplätze"),
        _group("Mobilität|ÖPNV|Bus und Bahn|Nahverkehr|Erreichbarkeit|Linienbus"),
        _group("Radverkehr|Fahrrad|Rad|Radfahrende|Radfahrer|Radweg|Radtourismus|Radtouristen"
               "|Radroute"),
        _group("Verkehr|Verkehrsplanung|Verkehrszählung|Autoverkehr|Kfz-Verkehr"),
        _group("Energie|Energiesparen|Energieeffizienz|Stromkosten|Energieeinsparung|LED"),
        _group("Schaufenster|Schaufenstergestaltung|Folierung|Schaufensterfolien"
               "|Schaufensterdekoration"),
        _group("Stadtbild|Erscheinungsbild|Ambiente|Atmosphäre|Attraktivität|Gestaltung"),
        _group("Coworking|Co-Working|Gemeinschaftsbüro|Shared Office|New Work|Arbeitsplätze"),
        _group("Quartier|Kiez|Viertel|Stadtteil|Nachbarschaft"),
        # Tourism and leisure
        _group("Tourismus|Touristen|Gäste|Urlauber|Touristinformation|Tourist-Information"
               "|Gästeführung|Besucher von außerhalb|Tagesgäste"),
        _group("Hotel|Ferienwohnung|Gastgeber|Übernachtung|Unterkunft"),
        _group("Buchung|Online-Buchung|Buchungssystem|Reservierung|Tickets|buchbar"),
        _group("Erlebnis|Erlebnisangebot|Freizeit|Freizeitangebot|Unterhaltung|Spaß"
               "|Abenteuer|Aktivitäten|Erlebnisort"),
        _group("Escape Game|Escape Room|Rätsel|Stadtquiz|Stadtspiel|Geocaching|Gamification"
               "|Stadtrallye|Schnitzeljagd|Rallye"),
        _group("Führung|Stadtführung|Guide|Gästeführung|Stadtrundgang"),
    ]
)


GroupData = SynonymGroup | Iterable[str] | Mapping[str, object]


def coerce_group(data: GroupData) -> SynonymGroup:
    """Accept a group as editors store it: a list of terms, or {"terms": [...], "weight": w}."""
    if isinstance(data, SynonymGroup):
        return data
    if isinstance(data, Mapping):
        terms = tuple(str(term) for term in data.get("terms", ()))  # type: ignore[union-attr]
        weight = float(data.get("weight", SAME))  # type: ignore[arg-type]
    else:
        terms, weight = tuple(str(term) for term in data), SAME
    terms = tuple(term.strip() for term in terms if term.strip())
    if len(terms) < 2:
        raise ValueError("Eine Synonymgruppe braucht mindestens zwei Begriffe.")
    if not 0 < weight <= 1:
        raise ValueError("Das Gewicht einer Synonymgruppe muss zwischen 0 und 1 liegen.")
    return SynonymGroup(terms, weight)


class Thesaurus:
    """Synonym groups compiled to normalised keys.

    A term of one word is looked up by its key (also when it is a compound part);
    a term of several words ("junge Leute") is matched on consecutive word keys.
    """

    def __init__(self, groups: Iterable[GroupData] = DEFAULT_SYNONYMS,
                 extra_groups: Iterable[GroupData] = ()):
        self.groups: tuple[SynonymGroup, ...] = tuple(
            coerce_group(group) for group in (*groups, *extra_groups)
        )
        self.single: dict[str, list[int]] = {}
        self.phrases: dict[tuple[str, ...], list[int]] = {}
        self.longest_phrase = 1
        for index, group in enumerate(self.groups):
            for term in group.terms:
                keys = normalise_phrase(term)
                if not keys:
                    continue
                target = self.single.setdefault(keys[0], []) if len(keys) == 1 else \
                    self.phrases.setdefault(keys, [])
                if index not in target:
                    target.append(index)
                self.longest_phrase = max(self.longest_phrase, len(keys))

    def vocabulary(self) -> list[str]:
        """Every folded word of the list, so compounds can be split against them."""
        return [word for group in self.groups for term in group.terms for word in words(term)]

    def feature(self, index: int) -> str:
        return f"~{index}"

    def label(self, feature: str) -> str:
        return self.groups[int(feature[1:])].label

    def weight(self, index: int) -> float:
        return self.groups[index].weight
