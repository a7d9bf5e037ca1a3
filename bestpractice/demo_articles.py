# ruff: noqa: E501  (prose and figures of the demo content read better unwrapped)
"""Demo articles: "Impuls der Woche" and news, in the project's own words."""

import datetime

ARTICLES = [
    {
        "slug": "impuls-frequenz-ist-nicht-alles",
        "title": "Frequenz ist nicht alles",
        "kind": "impulse",
        "date": datetime.date(2025, 3, 3),
        "author_name": "Dr. Jana Winter",
        "author_role": "Stadtforscherin",
        "topics": ["Frequenzmessung", "Aufenthaltsqualität"],
        "intro": "Passantenzahlen sind ein guter Anfang. Ob eine Innenstadt lebt, zeigt sich aber an der Verweildauer.",
        "body": [
            "Viele Städte messen inzwischen, wie viele Menschen durch ihre Fußgängerzone gehen. Das ist richtig – aber eine hohe Frequenz kann auch heißen, dass Menschen nur durchlaufen.",
            "Wer wissen will, ob die Innenstadt als Ort funktioniert, sollte auch fragen: Wie lange bleiben die Menschen? Wo setzen sie sich hin? Kommen sie wieder?",
            "Mein Vorschlag: Kombinieren Sie Frequenzdaten mit einer kurzen Befragung zweimal im Jahr. Das kostet wenig und zeigt, ob Bänke, Grün und Veranstaltungen wirken.",
        ],
    },
    {
        "slug": "impuls-leerstand-als-chance",
        "title": "Leerstand ist ein Möglichkeitsraum",
        "kind": "impulse",
        "date": datetime.date(2025, 4, 14),
        "author_name": "Tobias Engel",
        "author_role": "Architekt und Zwischennutzungsberater",
        "topics": ["Leerstand", "Zwischennutzung"],
        "intro": "Jeder leere Laden ist auch ein Raum, in dem etwas Neues ausprobiert werden kann. Drei Regeln helfen dabei.",
        "body": [
            "Erstens: Schnelligkeit schlägt Perfektion. Ein Standardvertrag für Zwischennutzungen spart Wochen.",
            "Zweitens: Eigentümer*innen brauchen Sicherheit. Klare Laufzeiten und eine Haftungsregelung nehmen Ängste.",
            "Drittens: Sichtbarkeit. Jede Zwischennutzung sollte erzählen, dass die Fläche zu haben ist.",
        ],
    },
    {
        "slug": "impuls-nachfolge-frueh-denken",
        "title": "Nachfolge beginnt zehn Jahre vorher",
        "kind": "impulse",
        "date": datetime.date(2025, 5, 19),
        "author_name": "Petra Albrecht",
        "author_role": "Nachfolgeberaterin",
        "topics": ["Unternehmensnachfolge"],
        "intro": "Die meisten Geschäfte schließen nicht, weil sie schlecht laufen, sondern weil niemand sie rechtzeitig übergibt.",
        "body": [
            "In vielen Innenstädten wird in den nächsten Jahren ein großer Teil der Inhaber*innen in den Ruhestand gehen.",
            "Kommunen können viel tun: Inhaber*innen früh ansprechen, Nachfolgeabende organisieren und mit Kammern und Banken zusammenarbeiten.",
        ],
    },
    {
        "slug": "neues-foerderprogramm-innenstaedte",
        "title": "Neue Förderrunde für Innenstadtprojekte angekündigt",
        "kind": "news",
        "date": datetime.date(2025, 2, 10),
        "author_name": "Redaktion Stadtlabor",
        "author_role": "",
        "topics": ["Förderprogramme", "Innenstadtentwicklung"],
        "intro": "Kommunen können sich ab dem Frühjahr für eine neue Förderrunde bewerben. Wir fassen zusammen, was bisher bekannt ist.",
        "body": [
            "Gefördert werden sollen Konzepte und Maßnahmen, die Innenstädte widerstandsfähiger machen – von Leerstandsmanagement bis zu mehr Grün.",
            "Wir sammeln Fragen aus dem Netzwerk und laden zu einem WebTalk mit Kommunen ein, die bereits Erfahrung mit ähnlichen Programmen haben.",
        ],
    },
    {
        "slug": "netzwerktreffen-2025",
        "title": "Rückblick: Netzwerktreffen der Stadtretter*innen",
        "kind": "news",
        "date": datetime.date(2025, 6, 2),
        "author_name": "Redaktion Stadtlabor",
        "author_role": "",
        "topics": ["Netzwerk", "Citymanagement"],
        "intro": "Rund 120 Citymanager*innen, Händler*innen und Wirtschaftsförderer*innen haben sich zwei Tage lang ausgetauscht.",
        "body": [
            "Im Mittelpunkt standen Leerstand, Frequenzmessung und die Frage, wie kleine Städte gemeinsam stärker werden.",
            "Die Präsentationen stehen Mitgliedern im Bereich der jeweiligen Praxisbeispiele zur Verfügung.",
        ],
    },
    {
        "slug": "leitfaden-zwischennutzung-erschienen",
        "title": "Leitfaden Zwischennutzung erschienen",
        "kind": "news",
        "date": datetime.date(2025, 7, 7),
        "author_name": "Redaktion Stadtlabor",
        "author_role": "",
        "topics": ["Zwischennutzung", "Leerstand"],
        "intro": "Ein neuer Leitfaden aus dem Netzwerk bündelt Musterverträge und Erfahrungen aus zwölf Städten.",
        "body": [
            "Der Leitfaden enthält einen Mustervertrag, eine Checkliste für Brandschutz und Versicherung sowie Beispiele für gelungene Kommunikation.",
        ],
    },
    {
        "slug": "datenschutz-bei-frequenzmessung",
        "title": "Datenschutz bei der Frequenzmessung: was Kommunen beachten sollten",
        "kind": "news",
        "date": datetime.date(2025, 8, 18),
        "author_name": "Redaktion Stadtlabor",
        "author_role": "",
        "topics": ["Frequenzmessung", "Datenschutz"],
        "intro": "Frequenzsensoren sind weit verbreitet. Mit einigen Grundregeln bleibt die Messung datenschutzfreundlich.",
        "body": [
            "Wichtig ist, dass Sensoren keine personenbezogenen Daten speichern und die Verarbeitung transparent erklärt wird.",
            "Binden Sie Datenschutzbeauftragte früh ein und veröffentlichen Sie eine verständliche Erklärung, wie gezählt wird.",
        ],
    },
]
