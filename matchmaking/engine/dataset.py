"""Load the benchmark format of `shared/benchmarks/README.md` into plain items."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .items import Item


class DatasetError(ValueError):
    """The file is not a matchmaking dataset; the message says why, in German."""


@dataclass(frozen=True, slots=True)
class Need:
    item: Item
    municipality: str
    population: int
    relevant: dict[str, int]


@dataclass(frozen=True, slots=True)
class Dataset:
    offers: tuple[Item, ...]
    needs: tuple[Need, ...]

    @property
    def judgements(self) -> dict[str, dict[str, int]]:
        return {need.item.id: need.relevant for need in self.needs}


def load_dataset(path: str | Path) -> Dataset:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DatasetError(f"Datei nicht gefunden: {path}")
    except json.JSONDecodeError as error:
        raise DatasetError(f"Kein gültiges JSON in {path}: {error}")
    return parse_dataset(data)


def parse_dataset(data: object) -> Dataset:
    if not isinstance(data, dict) or not isinstance(data.get("offers"), list) \
            or not isinstance(data.get("needs"), list):
        raise DatasetError("Erwartet wird ein Objekt mit den Listen „offers“ und „needs“.")
    try:
        offers = tuple(_offer(raw) for raw in data["offers"])
        needs = tuple(_need(raw) for raw in data["needs"])
    except (KeyError, TypeError, ValueError) as error:
        raise DatasetError(f"Ungültiger Eintrag im Datensatz: {error}")
    offer_ids = {offer.id for offer in offers}
    for need in needs:
        unknown = set(need.relevant) - offer_ids
        if unknown:
            raise DatasetError(
                f"Bedarf {need.item.id} bewertet unbekannte Angebote: {', '.join(sorted(unknown))}"
            )
    return Dataset(offers, needs)


def _offer(raw: dict) -> Item:
    return Item.create(
        id=raw["id"],
        title=raw.get("title", ""),
        description=raw.get("description", ""),
        tags=raw.get("tags", ()),
        regions=raw.get("regions", ()),
        sizes=raw.get("municipality_sizes", ()),
        kind="offer",
    )


def _need(raw: dict) -> Need:
    population = int(raw["population"])
    item = Item.create(
        id=raw["id"],
        title=raw.get("title", ""),
        description=raw.get("description", ""),
        tags=raw.get("tags", ()),
        regions=[raw["state"]] if raw.get("state") else (),
        population=population,
        kind="need",
    )
    relevant = {str(key): int(value) for key, value in raw.get("relevant", {}).items()}
    return Need(item, raw.get("municipality", ""), population, relevant)
