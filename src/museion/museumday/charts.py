"""Small server-side SVG charts: horizontal bars, lines across years, a world choropleth.

Every chart is a standalone SVG document (the same markup goes inline in the page and into the
download) with role="img", a <title> and a <desc> it is labelled by, and a <title> on each mark.
The page puts the chart's data table next to it, for screen readers and for anyone who wants the
numbers. Presentation attributes only (no style attributes), so a strict CSP holds.
"""

import math
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import escape

from museion.core.basemap import world_map

FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"'
INK = "#1a1a1a"
MUTED = "#595959"  # 7:1 on white
GRID = "#d0d0d0"
BAR = "#0b5394"
# Sequential blues, light to dark; "no figures" is a neutral grey.
CLASSES = ["#c6dbef", "#9ecae1", "#4292c6", "#2171b5", "#08306b"]
EMPTY = "#ececec"
# Lines differ by colour and by dash, so they never rely on colour alone.
SERIES_STYLES = [("#0b5394", ""), ("#b35806", "6 4"), ("#1b7837", "2 3")]


def fmt(value: int | float) -> str:
    return number_format(value, force_grouping=True)


def _open(chart_id: str, title: str, desc: str, width: int, height: int) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" class="chart-svg" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT}>',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]


def bar_chart(chart_id: str, title: str, desc: str, rows: list[tuple[str, int]]) -> str:
    """Horizontal bars, one per (label, value), longest first as given."""
    label_width, bar_width, value_width, row_height = 170, 330, 120, 30
    width = label_width + bar_width + value_width
    height = max(1, len(rows)) * row_height + 10
    top = max((value for _, value in rows), default=0) or 1
    parts = _open(chart_id, title, desc, width, height)
    for index, (label, value) in enumerate(rows):
        y = 5 + index * row_height
        length = round(bar_width * value / top, 1)
        text = f"{escape(label)}: {fmt(value)}"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 19}" text-anchor="end" font-size="14" '
            f'fill="{INK}">{escape(label)}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y + 4}" width="{length}" height="{row_height - 8}" '
            f'fill="{BAR}"><title>{text}</title></rect>'
        )
        parts.append(
            f'<text x="{label_width + length + 6}" y="{y + 19}" font-size="14" '
            f'fill="{INK}">{fmt(value)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least `top` (1, 2 or 5 times a power of ten apart)."""
    if top <= 0:
        return [0, 1]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return [step * i for i in range(math.ceil(top / step) + 1)]


@dataclass(frozen=True)
class Series:
    name: str
    values: list[int]


def line_chart(chart_id: str, title: str, desc: str, labels: list[str], series: list[Series]):
    """One panel per series (each with its own scale from 0, as visitors and online reach differ
    by orders of magnitude), stacked, the labels (years) along each panel's x axis."""
    left, right, width, panel_h, head, foot = 120, 30, 640, 150, 30, 34
    plot_w = width - left - right
    height = len(series) * (head + panel_h + foot) + 5
    parts = _open(chart_id, title, desc, width, height)

    def x_at(index: int) -> float:
        return left + (plot_w / 2 if len(labels) < 2 else plot_w * index / (len(labels) - 1))

    for number, line in enumerate(series):
        colour, dash = SERIES_STYLES[number % len(SERIES_STYLES)]
        origin = number * (head + panel_h + foot)
        ticks = nice_ticks(max(line.values, default=0), count=4)
        y_max = ticks[-1] or 1

        def y_at(value: float, origin=origin, y_max=y_max) -> float:
            return origin + head + panel_h - panel_h * value / y_max

        parts.append(
            f'<text x="10" y="{origin + 20}" font-size="15" font-weight="700" '
            f'fill="{INK}">{escape(line.name)}</text>'
        )
        for tick in ticks:
            y = round(y_at(tick), 1)
            parts.append(
                f'<line x1="{left}" x2="{width - right}" y1="{y}" y2="{y}" stroke="{GRID}"/>'
                f'<text x="{left - 8}" y="{y + 5}" text-anchor="end" font-size="13" '
                f'fill="{MUTED}">{fmt(tick)}</text>'
            )
        for index, label in enumerate(labels):
            parts.append(
                f'<text x="{round(x_at(index), 1)}" y="{origin + head + panel_h + 22}" '
                f'text-anchor="middle" font-size="13" fill="{INK}">{escape(label)}</text>'
            )
        points = [
            (round(x_at(i), 1), round(y_at(v), 1), label, v)
            for i, (label, v) in enumerate(zip(labels, line.values, strict=True))
        ]
        dashing = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="3"{dashing} points="'
            + " ".join(f"{x},{y}" for x, y, _, _ in points)
            + '"/>'
        )
        for x, y, label, value in points:
            parts.append(
                f'<circle cx="{x}" cy="{y}" r="5" fill="{colour}">'
                f"<title>{escape(line.name)}, {escape(label)}: {fmt(value)}</title></circle>"
            )
    parts.append("</svg>")
    return "".join(parts)


def class_breaks(values: list[int], classes: int = len(CLASSES)) -> list[int]:
    """Upper bounds of up to `classes` classes, from the quantiles of the positive values."""
    positive = sorted(v for v in values if v > 0)
    if not positive:
        return []
    bounds = []
    for index in range(1, classes + 1):
        bound = positive[min(len(positive) - 1, math.ceil(index * len(positive) / classes) - 1)]
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def choropleth(
    chart_id: str,
    title: str,
    desc: str,
    values: dict[str, int],
    names: dict[str, str],
    legend: str,
    none_label: str,
) -> str:
    """The world, each country shaded by its value (darker is more); grey where there is none."""
    world = world_map(1000)
    legend_height = 60
    bounds = class_breaks(list(values.values()))
    colours = CLASSES[len(CLASSES) - len(bounds) :] if bounds else []
    parts = _open(chart_id, title, desc, world.width, world.height + legend_height)

    def colour_of(value: int) -> str:
        for bound, colour in zip(bounds, colours, strict=True):
            if value <= bound:
                return colour
        return EMPTY

    for shape in world.shapes:
        value = values.get(shape.iso, 0)
        name = names.get(shape.iso) or shape.name
        label = f"{escape(name)}: {fmt(value)}" if value else f"{escape(name)}: {none_label}"
        parts.append(
            f'<path d="{shape.path}" fill="{colour_of(value) if value else EMPTY}" '
            f'stroke="#ffffff" stroke-width="0.5"><title>{label}</title></path>'
        )
    y = world.height + 15
    parts.append(f'<text x="10" y="{y + 14}" font-size="14" fill="{INK}">{escape(legend)}</text>')
    x = 260
    lower = 1
    for bound, colour in zip(bounds, colours, strict=True):
        text = fmt(bound) if bound == lower else f"{fmt(lower)}–{fmt(bound)}"
        parts.append(
            f'<rect x="{x}" y="{y}" width="24" height="18" fill="{colour}" stroke="{MUTED}"/>'
            f'<text x="{x + 30}" y="{y + 14}" font-size="13" fill="{INK}">{text}</text>'
        )
        x += 40 + 9 * len(text)
        lower = bound + 1
    parts.append(
        f'<rect x="{x}" y="{y}" width="24" height="18" fill="{EMPTY}" stroke="{MUTED}"/>'
        f'<text x="{x + 30}" y="{y + 14}" font-size="13" fill="{INK}">{escape(none_label)}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
