"""Small charts as server-side SVG: plain data in, safe markup out. No JavaScript, no
chart library, nothing fetched.

Used by case-study KPIs (bestpractice) and the editors' dashboard (network.dashboard).
Each chart is `role="img"` named by its <title> and described by a <desc> that reads out
every number, and the templates put the same numbers in a table beside it. Colours are
SVG presentation attributes (the CSP forbids style attributes, and the Wagtail admin does
not load the site stylesheet). Every text is escaped through `format_html`.

Values are drawn from zero; a negative value gets no bar but keeps its number.
"""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join

BAR_COLOUR = "#0b5563"  # --color-primary, 8.4:1 on white
HIGHLIGHT_COLOUR = "#b3541e"  # --color-accent, 5.0:1 on white
TEXT_COLOUR = "#1f2933"
AXIS_COLOUR = "#52606d"
FONT = "system-ui, sans-serif"

# Narrow enough that 16-unit text is still about 12 px on a 375 px wide phone.
WIDTH = 480
BAR_HEIGHT = 28
BAR_GAP = 12
LABEL_WIDTH = 190
VALUE_WIDTH = 80


def format_number(value):
    """German-style number: 1.250, 12,5 (trailing zeros of decimals dropped)."""
    if isinstance(value, float):
        value = Decimal(str(value))
    if isinstance(value, Decimal):
        value = value.normalize()
        places = max(0, -value.as_tuple().exponent)
        return number_format(value, decimal_pos=places, force_grouping=True)
    return number_format(value, force_grouping=True)


def with_unit(value, unit=""):
    number = format_number(value)
    return f"{number} {unit}".strip() if unit else number


def describe(points, unit=""):
    """ "vorher 2020: 31 Läden; nachher 2023: 17 Läden" – the numbers as one sentence."""
    return "; ".join(f"{label}: {with_unit(value, unit)}" for label, value in points)


def _shorten(text, limit=30):
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _frame(chart_id, title, description, width, height, body):
    return format_html(
        '<svg viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-labelledby="{id}-title {id}-desc" focusable="false">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        w=width,
        h=height,
        id=chart_id,
        title=title,
        desc=description,
        body=body,
    )


def bar_chart(chart_id, title, bars, *, unit="", highlight_last=False):
    """Horizontal bars, one per (label, value), labels left and numbers right (the unit
    belongs in the title: it is in the description and the table, not at each bar). With
    `highlight_last` the last bar (e.g. "nachher") gets the accent colour."""
    bars = [(str(label), value) for label, value in bars]
    largest = max((value for _label, value in bars if value > 0), default=0)
    track = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    rows = []
    for number, (label, value) in enumerate(bars):
        y = BAR_GAP + number * (BAR_HEIGHT + BAR_GAP)
        length = round(track * value / largest, 1) if largest and value > 0 else 0
        colour = (
            HIGHLIGHT_COLOUR if highlight_last and number == len(bars) - 1 else BAR_COLOUR
        )
        rows.append(
            format_html(
                '<text x="{lx}" y="{ty}" text-anchor="end" fill="{text}" font-size="16"'
                ' font-family="{font}">{label}</text>'
                '<rect x="{bx}" y="{y}" width="{length}" height="{h}" fill="{colour}"/>'
                '<text x="{vx}" y="{ty}" fill="{text}" font-size="16" font-weight="700"'
                ' font-family="{font}">{value}</text>',
                lx=LABEL_WIDTH - 10,
                ty=y + BAR_HEIGHT / 2 + 5,
                text=TEXT_COLOUR,
                font=FONT,
                label=_shorten(label, 20),
                bx=LABEL_WIDTH,
                y=y,
                length=length,
                h=BAR_HEIGHT,
                colour=colour,
                vx=LABEL_WIDTH + length + 8,
                value=format_number(value),
            )
        )
    height = BAR_GAP + len(bars) * (BAR_HEIGHT + BAR_GAP)
    axis = format_html(
        '<line x1="{x}" y1="0" x2="{x}" y2="{h}" stroke="{c}" stroke-width="1"/>',
        x=LABEL_WIDTH, h=height, c=AXIS_COLOUR,
    )
    body = format_html_join("", "{}", ((row,) for row in rows))
    return _frame(chart_id, title, describe(bars, unit), WIDTH, height,
                  format_html("{}{}", body, axis))


def line_chart(chart_id, title, points, *, unit=""):
    """Values over years (or other ordered labels) as a line with dots and numbers."""
    points = [(str(label), value) for label, value in points]
    height, top, bottom, left, right = 220, 34, 40, 40, 40
    largest = max((value for _label, value in points), default=0)
    smallest = min(0, min((value for _label, value in points), default=0))
    span = (largest - smallest) or 1
    plot_width = WIDTH - left - right
    step = plot_width / max(1, len(points) - 1)

    def position(number, value):
        x = left + (step * number if len(points) > 1 else plot_width / 2)
        y = top + (height - top - bottom) * (1 - (value - smallest) / span)
        return round(x, 1), round(float(y), 1)

    coordinates = [position(number, value) for number, (_l, value) in enumerate(points)]
    baseline = position(0, 0)[1]
    line = " ".join(f"{x:g},{y:g}" for x, y in coordinates)
    marks = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="5" fill="{}"/>'
        '<text x="{}" y="{}" text-anchor="middle" fill="{}" font-size="16" font-weight="700"'
        ' font-family="{}">{}</text>'
        '<text x="{}" y="{}" text-anchor="middle" fill="{}" font-size="15" font-family="{}">'
        "{}</text>",
        (
            (
                x, y, BAR_COLOUR,
                x, y - 12, TEXT_COLOUR, FONT, format_number(value),
                x, height - 12, TEXT_COLOUR, FONT, _shorten(label, 12),
            )
            for (x, y), (label, value) in zip(coordinates, points, strict=True)
        ),
    )
    body = format_html(
        '<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="{axis}" stroke-width="1"/>'
        '<polyline points="{line}" fill="none" stroke="{c}" stroke-width="3"/>{marks}',
        l=left, r=WIDTH - right, b=baseline, axis=AXIS_COLOUR, line=line, c=BAR_COLOUR,
        marks=marks,
    )
    return _frame(chart_id, title, describe(points, unit), WIDTH, height, body)
