"""Read one area's demo data file (`demo/data/<area>.json`) as attributes:
`load("network").ORGANISATIONS`. JSON has no tuples and no dates: pairs and triples are
lists (the loaders unpack them the same way), dates are ISO strings."""

import json
from functools import cache
from pathlib import Path
from types import SimpleNamespace

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load(area):
    with (DATA_DIR / f"{area}.json").open(encoding="utf-8") as handle:
        return SimpleNamespace(**json.load(handle))
