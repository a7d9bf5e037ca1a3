"""Charts of a case study's structured KPIs (bestpractice.blocks.KpiBlock).

Plain module: the KPI blocks' values (dict-like) in, a list of charts out, each with its
SVG (network.charts) and the same numbers as table rows. A KPI with a before and an after
number gets two bars; one with two or more yearly values gets a line over the years.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from network import charts


@dataclass(frozen=True)
class KpiChart:
    kind: str  # "before_after" or "years"
    title: str
    svg: str
    rows: list  # [(label, formatted value)]
    column: str  # heading of the label column
    source: str = ""


def _title(kpi, kind):
    label = kpi.get("label") or _("Kennzahl")
    unit = kpi.get("unit") or ""
    suffix = f" ({unit})" if unit else ""
    if kind == "before_after":
        return _("%(label)s vorher und nachher%(unit)s") % {"label": label, "unit": suffix}
    return _("%(label)s im Verlauf der Jahre%(unit)s") % {"label": label, "unit": suffix}


def charts_for(kpis, id_prefix="kpi"):
    """[KpiChart] for the structured numbers of `kpis` (a StreamField's blocks or plain
    dicts), in the order of the KPIs."""
    result = []
    for number, kpi in enumerate(kpis, start=1):
        value = getattr(kpi, "value", kpi)
        unit = value.get("unit") or ""
        source = value.get("source") or ""
        before, after = value.get("before_value"), value.get("after_value")
        if before is not None and after is not None:
            bars = [
                (value.get("before_label") or _("vorher"), before),
                (value.get("after_label") or _("nachher"), after),
            ]
            title = _title(value, "before_after")
            result.append(
                KpiChart(
                    "before_after",
                    title,
                    charts.bar_chart(f"{id_prefix}-{number}-ba", title, bars, unit=unit,
                                     highlight_last=True),
                    [(label, charts.with_unit(amount, unit)) for label, amount in bars],
                    _("Zeitpunkt"),
                    source,
                )
            )
        points = sorted(
            (point["year"], point["value"])
            for point in value.get("series") or []
            if point.get("year") is not None and point.get("value") is not None
        )
        if len(points) >= 2:
            title = _title(value, "years")
            result.append(
                KpiChart(
                    "years",
                    title,
                    charts.line_chart(f"{id_prefix}-{number}-years", title, points, unit=unit),
                    [(str(year), charts.with_unit(amount, unit)) for year, amount in points],
                    _("Jahr"),
                    source,
                )
            )
    return result
