"""What the engine returns: scored matches with reasons people can read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .items import state_name


def gettext_noop(message: str) -> str:
    """Marks a string for `makemessages` without importing Django into the engine;
    the Django side translates `Reason.template` with `gettext` before rendering."""
    return message


REASON_TEMPLATES: dict[str, str] = {
    "topics": gettext_noop("gemeinsame Themen: %(values)s"),
    "region": gettext_noop("bedient %(values)s"),
    "region_nationwide": gettext_noop("bedient %(values)s (bundesweit tätig)"),
    "nationwide": gettext_noop("bundesweit tätig"),
    "region_mismatch": gettext_noop("nicht in %(values)s tätig"),
    "size": gettext_noop("passt zur Stadtgröße"),
    "size_mismatch": gettext_noop("für andere Stadtgrößen gedacht"),
}

REASON_SEPARATOR = " · "


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    values: tuple[str, ...] = ()

    @property
    def template(self) -> str:
        return REASON_TEMPLATES[self.code]

    def render(self, templates: Mapping[str, str] = REASON_TEMPLATES) -> str:
        return templates[self.code] % {"values": ", ".join(self.values)}

    @property
    def text(self) -> str:
        return self.render()


@dataclass(frozen=True, slots=True)
class Match:
    """One candidate for a query item, best first in every list the engine returns."""

    item_id: str
    score: float
    reasons: tuple[Reason, ...]
    topics: tuple[str, ...] = ()
    serves_region: bool | None = None
    fits_size: bool | None = None

    @property
    def reason_text(self) -> str:
        """E.g. "gemeinsame Themen: Leerstand, Zwischennutzung · bedient Bayern · passt zur
        Stadtgröße"."""
        return REASON_SEPARATOR.join(reason.text for reason in self.reasons)


def region_reason(shared: frozenset[str] | None, query_regions: frozenset[str],
                  candidate_regions: frozenset[str]) -> Reason | None:
    if shared is None:
        return None
    if not shared:
        return Reason("region_mismatch", _state_names(query_regions))
    if shared == {"DE"}:
        return Reason("nationwide")
    if "DE" in candidate_regions:
        return Reason("region_nationwide", _state_names(shared))
    return Reason("region", _state_names(shared))


def size_reason(fits: bool | None) -> Reason | None:
    if fits is None:
        return None
    return Reason("size" if fits else "size_mismatch")


def _state_names(codes: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(state_name(code) for code in codes if code != "DE")) or (
        state_name("DE"),
    )
