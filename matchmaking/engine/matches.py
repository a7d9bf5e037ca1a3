"""What the engine returns: scored matches with reasons people can read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .items import SIZES, state_name


def gettext_noop(message: str) -> str:
    """Marks a string for `makemessages` without importing Django into the engine;
    the Django side translates `Reason.template` with `gettext` before rendering."""
    return message


REASON_TEMPLATES: dict[str, str] = {
    "topics": gettext_noop("gemeinsame Themen: %(values)s"),
    "related": gettext_noop("verwandte Begriffe: %(values)s"),
    "region": gettext_noop("bedient %(values)s"),
    "region_nationwide": gettext_noop("bedient %(values)s (bundesweit tätig)"),
    "nationwide": gettext_noop("bundesweit tätig"),
    "region_mismatch": gettext_noop("nicht in %(values)s tätig"),
    "size": gettext_noop("passt zur Stadtgröße"),
    "size_mismatch": gettext_noop("für andere Stadtgrößen gedacht"),
    "size_larger": gettext_noop("für größere Städte gedacht"),
    "size_smaller": gettext_noop("für kleinere Städte gedacht"),
}

# Reasons that say why an item fits the topic; a suggestion without one is not shown.
TOPICAL = frozenset({"topics", "related"})
# Caveats are shown apart, as a "Hinweis", never as a reason.
CAVEATS = frozenset({"region_mismatch", "size_mismatch", "size_larger", "size_smaller"})

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
    caveats: tuple[Reason, ...] = ()
    serves_region: bool | None = None
    fits_size: bool | None = None

    @property
    def topical(self) -> bool:
        """Whether a reason names a topic both share (otherwise it is not shown)."""
        # A loop, not any() over a generator: asked of every candidate a recompute explains.
        for reason in self.reasons:
            if reason.code in TOPICAL:
                return True
        return False

    @property
    def caveat_text(self) -> str:
        return REASON_SEPARATOR.join(reason.text for reason in self.caveats)

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


def size_reason(fits: bool | None, query_sizes: frozenset[str] = frozenset(),
                candidate_sizes: frozenset[str] = frozenset()) -> Reason | None:
    if fits is None:
        return None
    if fits:
        return Reason("size")
    order = {size: position for position, size in enumerate(SIZES)}
    query = [order[size] for size in query_sizes if size in order]
    candidate = [order[size] for size in candidate_sizes if size in order]
    if query and candidate and min(candidate) > max(query):
        return Reason("size_larger")
    if query and candidate and max(candidate) < min(query):
        return Reason("size_smaller")
    return Reason("size_mismatch")


def _state_names(codes: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(state_name(code) for code in codes if code != "DE")) or (
        state_name("DE"),
    )
