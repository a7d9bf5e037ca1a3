# ruff: noqa: E501  (one town per line reads best)
"""Organisations the library's demo links to, created only when missing."""

# Fictional towns of the library's demo.
EXTRA_TOWNS = [
    {
        "slug": "stadt-lindenfeld",
        "name": "Stadt Lindenfeld",
        "bundesland": "RP",
        "town": "Lindenfeld",
        "population": 14_200,
    },
    {
        "slug": "stadt-hohenbrueck",
        "name": "Stadt Hohenbrück",
        "bundesland": "TH",
        "town": "Hohenbrück",
        "population": 8_900,
    },
    {
        "slug": "stadt-rheinhafen",
        "name": "Stadt Rheinhafen",
        "bundesland": "NW",
        "town": "Rheinhafen",
        "population": 168_000,
    },
    {
        "slug": "stadt-elbstedt",
        "name": "Stadt Elbstedt",
        "bundesland": "SN",
        "town": "Elbstedt",
        "population": 131_000,
    },
    {
        "slug": "stadt-ostwalden",
        "name": "Stadt Ostwalden",
        "bundesland": "BB",
        "town": "Ostwalden",
        "population": 24_500,
    },
    {
        "slug": "stadt-saalbruck",
        "name": "Stadt Saalbruck",
        "bundesland": "BY",
        "town": "Saalbruck",
        "population": 112_000,
    },
    {
        "slug": "stadt-moorhusen",
        "name": "Stadt Moorhusen",
        "bundesland": "NI",
        "town": "Moorhusen",
        "population": 17_800,
    },
]
