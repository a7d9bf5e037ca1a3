"""The library map: the 16 Länder as an inline SVG choropleth of case-study counts.

Plain module, no database: counts and link addresses in, SVG markup out. The outlines
(`laender_outlines`) are projected once at import. Colours come from a fixed five-step
scale of CSS classes (`map-step-0` … `map-step-4`, static/css/site.css) because the
site's CSP allows no inline styles; every Land also carries its count as text and as its
accessible name, so the colour never has to be read alone.
"""

import math
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bestpractice.laender_outlines import LAENDER, rings

# Equirectangular projection with the x axis shortened by cos(51.2°), Germany's middle
# latitude: good enough at this size, and north stays up.
WEST, NORTH, SOUTH = 5.7, 55.2, 47.1
HEIGHT = 1000
SCALE = HEIGHT / (NORTH - SOUTH)
X_SCALE = SCALE * math.cos(math.radians(51.2))
WIDTH = round((15.2 - WEST) * X_SCALE)
STEPS = 5

# City-states are too small for a count inside: it stands beside them, with a line.
LABEL_OFFSET = {"BE": (62, -40), "HH": (40, -62), "HB": (-70, -30)}


def project(lon, lat):
    return round((lon - WEST) * X_SCALE, 1), round((NORTH - lat) * SCALE, 1)


def _path_data(code):
    parts = []
    for ring in rings(code):
        points = [project(lon, lat) for lon, lat in ring[:-1]]
        parts.append(
            "M" + " L".join(f"{x:g},{y:g}" for x, y in points) + " Z"
        )
    return " ".join(parts)


def _centroid(code):
    """Area-weighted centroid of the largest ring, in map units (where the count goes)."""
    best = None
    for ring in rings(code):
        points = [project(lon, lat) for lon, lat in ring]
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if area and (best is None or abs(area) > abs(best[0])):
            best = (area, cx / (3 * area), cy / (3 * area))
    return round(best[1], 1), round(best[2], 1)


PATHS = {code: _path_data(code) for code in LAENDER}
CENTROIDS = {code: _centroid(code) for code in LAENDER}


def class_breaks(max_count):
    """Upper bounds of steps 1–4 (step 0 is "none"): steps of equal width up to the
    largest count, at least 1 wide, so small libraries still use the light end."""
    width = max(1, math.ceil(max_count / 4))
    return [width * number for number in range(1, 5)]


def step_for(count, breaks):
    if count <= 0:
        return 0
    for number, upper in enumerate(breaks, start=1):
        if count <= upper:
            return number
    return STEPS - 1


def legend(breaks):
    """[(step, label)] for the legend: "0", "1–3", "4–6", …"""
    entries = [(0, _("keine"))]
    lower = 1
    for number, upper in enumerate(breaks, start=1):
        entries.append((number, str(lower) if lower == upper else f"{lower}–{upper}"))
        lower = upper + 1
    return entries


def count_label(name, count):
    return ngettext(
        "%(land)s: %(count)s Praxisbeispiel", "%(land)s: %(count)s Praxisbeispiele", count
    ) % {"land": name, "count": count}


@dataclass(frozen=True)
class LandEntry:
    code: str
    name: str
    count: int
    url: str
    step: int

    @property
    def label(self):
        return count_label(self.name, self.count)


def entries(counts, names, url_for):
    """(One `LandEntry` per Land, alphabetically; the class breaks for the legend).
    `counts` {code: n}, `names` {code: name}, `url_for(code)` the library filtered by
    that Land."""
    breaks = class_breaks(max(counts.values(), default=0))
    return [
        LandEntry(code, names[code], counts.get(code, 0), url_for(code),
                  step_for(counts.get(code, 0), breaks))
        for code in sorted(LAENDER, key=lambda code: names[code])
    ], breaks


def _land_svg(entry):
    x, y = CENTROIDS[entry.code]
    dx, dy = LABEL_OFFSET.get(entry.code, (0, 0))
    leader = ""
    if dx or dy:
        leader = format_html(
            '<line class="map-land__leader" x1="{}" y1="{}" x2="{}" y2="{}"/>',
            x, y, round(x + dx, 1), round(y + dy, 1),
        )
    return format_html(
        '<a class="map-land map-step-{step}" href="{url}" aria-label="{label}">'
        "<title>{label}</title>"
        '<path d="{d}"/>{leader}'
        '<circle class="map-land__badge" cx="{bx}" cy="{by}" r="{r}"/>'
        '<text class="map-land__count" x="{bx}" y="{by}" dy="0.35em" text-anchor="middle"'
        ' aria-hidden="true">{count}</text></a>',
        step=entry.step,
        url=entry.url,
        label=entry.label,
        d=PATHS[entry.code],
        leader=leader,
        bx=round(x + dx, 1),
        by=round(y + dy, 1),
        count=entry.count,
        r=11 + 5 * len(str(entry.count)),  # room for the digits at 18 units per glyph
    )


def render_svg(land_entries, *, title_id="library-map-title", title=None):
    """The map as safe SVG markup: one focusable link per Land, city-states last (on top
    of the Land around them)."""
    city_states = {"BE", "HB", "HH"}
    ordered = sorted(land_entries, key=lambda entry: entry.code in city_states)
    title = title or _("Karte: Praxisbeispiele nach Bundesland")
    return format_html(
        '<svg class="germany-map" viewBox="0 0 {w} {h}" width="100%"'
        ' preserveAspectRatio="xMidYMid meet" aria-labelledby="{id}" role="group">'
        '<title id="{id}">{title}</title>{lands}</svg>',
        w=WIDTH,
        h=HEIGHT,
        id=title_id,
        title=title,
        lands=format_html_join("", "{}", ((_land_svg(entry),) for entry in ordered)),
    )
