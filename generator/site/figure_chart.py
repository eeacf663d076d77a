"""A figure over time, drawn at build time as a small inline SVG.

Each occasion is a column on a time axis: a dot for every value the sources give, joined by
a bar where they differ (a disagreement), and a line through the occasions' middle values.
The drawing carries no colour of its own (`currentColor` and the theme's classes), so it reads
in the light and dark schemes; it is hidden from screen readers, since the table below it
says the same in words. Numbers are rounded to whole drawing units, so the same figure always
gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from statistics import median

from markupsafe import Markup, escape

from generator.model.records import Figure

WIDTH, HEIGHT = 320, 120                     # drawing units; the SVG scales to its column
LEFT, RIGHT, TOP, BOTTOM = 34, 12, 10, 24    # room for the axis labels


def _day(value: str) -> dt.date:
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    return dt.date(int(year), int(month), int(day))


def draw_figure(figure: Figure, date_text) -> Markup:
    """The SVG of one figure; `date_text` writes a date as readers read it."""
    occasions: dict[tuple[str, str], list[float]] = {}
    for reading in figure.readings:
        if reading.number is not None:
            occasions.setdefault((reading.as_of, reading.occasion), []).append(reading.number)
    if len(occasions) < 2:
        return Markup("")
    days = [_day(day) for day, _ in occasions]
    start, span = min(days), max((max(days) - min(days)).days, 1)
    top = max(number for numbers in occasions.values() for number in numbers)

    def x(day: str) -> int:
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (_day(day) - start).days / span)

    def y(number: float) -> int:
        return round(HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * number / top)

    parts = [
        f'<svg class="explainer-chart" viewBox="0 0 {WIDTH} {HEIGHT}" aria-hidden="true" focusable="false">',
        f'<line class="explainer-chart-axis" x1="{LEFT}" y1="{y(0)}" x2="{WIDTH - RIGHT}" y2="{y(0)}"/>',
        f'<text x="{LEFT - 4}" y="{y(top) + 4}" text-anchor="end">{escape(_number(top))}</text>',
        f'<text x="{LEFT - 4}" y="{y(0) + 4}" text-anchor="end">0</text>',
    ]
    middles = " ".join(f"{x(day)},{y(median(numbers))}" for (day, _), numbers in sorted(occasions.items()))
    parts.append(f'<polyline class="explainer-chart-line" points="{middles}"/>')
    for (day, _), numbers in sorted(occasions.items()):
        if min(numbers) != max(numbers):
            parts.append(f'<line class="explainer-chart-range" x1="{x(day)}" y1="{y(min(numbers))}" '
                         f'x2="{x(day)}" y2="{y(max(numbers))}"/>')
        parts.extend(f'<circle cx="{x(day)}" cy="{y(number)}" r="3"/>' for number in sorted(set(numbers)))
    first, last = min(occasions)[0], max(occasions)[0]
    parts.append(f'<text x="{x(first)}" y="{HEIGHT - 6}" text-anchor="start">{escape(date_text(first))}</text>')
    parts.append(f'<text x="{x(last)}" y="{HEIGHT - 6}" text-anchor="end">{escape(date_text(last))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _number(value: float) -> str:
    return f"{int(value)}" if float(value).is_integer() else f"{value:g}"
