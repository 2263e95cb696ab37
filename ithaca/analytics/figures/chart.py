"""A figure's table as a small horizontal bar chart in SVG. Pure: no Django.

Hand-built like ithaca/coaching/chart.py: a few rectangles and labels, drawn in
microseconds, with real text for screen readers and tests. Each category is a
row of bars, one per series; a hidden cell draws no bar but says "hidden".
The <title> and <desc> name the figure and point to the table beside it,
which is the accessible equivalent.
"""

from __future__ import annotations

from html import escape

from ithaca.analytics.figures.privacy import format_value
from ithaca.analytics.figures.types import Figure

WIDTH = 640
LABEL_W, VALUE_W, PAD = 190, 60, 8
BAR_H, GAP = 14, 10
PLOT_W = WIDTH - LABEL_W - VALUE_W - 2 * PAD
# Distinct in hue and lightness, readable on light and dark backgrounds.
COLOURS = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#c62828", "#00838f")


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _scale(figure: Figure, series: list[tuple[str, list[float | None]]]) -> float:
    values = [value for _, values in series for value in values if value is not None]
    top = figure.chart_max or max(values, default=0.0)
    return top if top > 0 else 1.0


def _legend(series: list[tuple[str, list[float | None]]]) -> list[str]:
    parts, x = [], LABEL_W + PAD
    for index, (name, _) in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        parts.append(f'<rect x="{x}" y="4" width="10" height="10" fill="{colour}"/>')
        parts.append(
            f'<text x="{x + 14}" y="13" font-size="11" fill="currentColor">{escape(name)}</text>'
        )
        x += 24 + 7 * len(name)
    return parts


def _bar(x: float, y: float, value: float | None, top: float, colour: str, unit: str) -> str:
    if value is None:
        return (
            f'<text x="{x + 2}" y="{y + BAR_H - 3}" font-size="10" fill="currentColor" '
            f'font-style="italic">hidden (fewer than 5 people)</text>'
        )
    width = round(PLOT_W * max(value, 0.0) / top, 1)
    label = escape(format_value(value) + unit)
    return (
        f'<rect x="{x}" y="{y}" width="{width}" height="{BAR_H}" fill="{colour}"/>'
        f'<text x="{x + width + 4}" y="{y + BAR_H - 3}" font-size="10" '
        f'fill="currentColor">{label}</text>'
    )


def figure_svg(figure: Figure) -> str:
    """The chart for `figure`, or '' when it has no chart or no rows."""
    series = figure.series()
    if not series or not figure.rows:
        return ""
    top = _scale(figure, series)
    group_h = len(series) * BAR_H + GAP
    height = 24 + len(figure.rows) * group_h
    slug = escape(figure.key)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{slug}-title {slug}-desc" class="figure-chart">',
        f'<title id="{slug}-title">{escape(figure.title)}</title>',
        f'<desc id="{slug}-desc">Bar chart of {escape(", ".join(n for n, _ in series))} for '
        f"{len(figure.rows)} rows. The table beside the chart lists every value; cells built "
        "from fewer than 5 people are hidden in both.</desc>",
        *_legend(series),
    ]
    for row_index, row in enumerate(figure.rows):
        y0 = 24 + row_index * group_h
        parts.append(
            f'<text x="{LABEL_W}" y="{y0 + BAR_H - 2}" text-anchor="end" font-size="11" '
            f'fill="currentColor">{escape(_short(row.label))}</text>'
        )
        for index, (_, values) in enumerate(series):
            colour = COLOURS[index % len(COLOURS)]
            y = y0 + index * BAR_H
            parts.append(_bar(LABEL_W + PAD, y, values[row_index], top, colour, figure.unit))
    parts.append("</svg>")
    return "".join(parts)
