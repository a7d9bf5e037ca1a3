"""The plain shape every matchable thing has: pain points, offers, best practices, funding."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

NATIONWIDE = "DE"

STATE_NAMES: dict[str, str] = {
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "BE": "Berlin",
    "BB": "Brandenburg",
    "HB": "Bremen",
    "HH": "Hamburg",
    "HE": "Hessen",
    "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz",
    "SL": "Saarland",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
    NATIONWIDE: "Deutschland",
}

SMALL, MEDIUM, LARGE = "small", "medium", "large"
SIZES = (SMALL, MEDIUM, LARGE)
SMALL_TOWN_LIMIT = 20_000
LARGE_TOWN_LIMIT = 100_000


def size_class(population: int) -> str:
    """Town size as the catalog uses it: small < 20,000 <= medium <= 100,000 < large."""
    if population < SMALL_TOWN_LIMIT:
        return SMALL
    if population <= LARGE_TOWN_LIMIT:
        return MEDIUM
    return LARGE


def state_name(code: str) -> str:
    return STATE_NAMES.get(code, code)


@dataclass(frozen=True, slots=True)
class Item:
    """Anything the engine matches, in either direction.

    `regions` are two-letter state codes or "DE" for nationwide; `sizes` the town
    sizes an item is meant for. Empty means "not said", which never counts against it.
    """

    id: str
    title: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    regions: frozenset[str] = field(default_factory=frozenset)
    sizes: frozenset[str] = field(default_factory=frozenset)
    kind: str = ""

    @classmethod
    def create(
        cls,
        id: str,  # noqa: A002 - the field's name
        title: str = "",
        description: str = "",
        tags: Iterable[str] = (),
        regions: Iterable[str] = (),
        sizes: Iterable[str] = (),
        kind: str = "",
        population: int | None = None,
    ) -> Item:
        """Build an item from loose data; a population gives the size when sizes are not said."""
        unknown_sizes = set(sizes) - set(SIZES)
        if unknown_sizes:
            raise ValueError(f"Unbekannte Stadtgröße: {', '.join(sorted(unknown_sizes))}")
        unknown_regions = {r.upper() for r in regions} - set(STATE_NAMES)
        if unknown_regions:
            raise ValueError(f"Unbekanntes Bundesland: {', '.join(sorted(unknown_regions))}")
        size_set = frozenset(sizes)
        if not size_set and population is not None:
            size_set = frozenset({size_class(population)})
        return cls(
            id=str(id),
            title=title or "",
            description=description or "",
            tags=tuple(t for t in tags if t and t.strip()),
            regions=frozenset(r.upper() for r in regions),
            sizes=size_set,
            kind=kind,
        )


def shared_regions(query: Item, candidate: Item) -> frozenset[str] | None:
    """The states both serve (nationwide counts as every state), or None if either says none.

    An empty set means they do not overlap.
    """
    if not query.regions or not candidate.regions:
        return None
    if NATIONWIDE in candidate.regions:
        specific = query.regions - {NATIONWIDE}
        return specific or frozenset({NATIONWIDE})
    if NATIONWIDE in query.regions:
        return candidate.regions
    return query.regions & candidate.regions


def sizes_fit(query: Item, candidate: Item) -> bool | None:
    """Whether both are meant for a common town size; None if either does not say."""
    if not query.sizes or not candidate.sizes:
        return None
    return bool(query.sizes & candidate.sizes)


_STATE_BITS = {code: 1 << bit for bit, code in enumerate(sorted(set(STATE_NAMES) - {NATIONWIDE}))}
_ALL_STATES = sum(_STATE_BITS.values())
_SIZE_BITS = {size: 1 << bit for bit, size in enumerate(SIZES)}
_ALL_SIZES = sum(_SIZE_BITS.values())


def region_mask(item: Item) -> int:
    """The states as bits, nationwide and "not said" as all of them: cheap to compare."""
    if not item.regions or NATIONWIDE in item.regions:
        return _ALL_STATES
    return sum(_STATE_BITS.get(code, 0) for code in item.regions)


def size_mask(item: Item) -> int:
    if not item.sizes:
        return _ALL_SIZES
    return sum(_SIZE_BITS.get(size, 0) for size in item.sizes)
