"""A figure's table as a small horizontal bar chart in SVG. No database.

Hand-built like ithaca/coaching/chart.py: a few rectangles and labels, drawn in
microseconds, with real text for screen readers and tests. Each category is a
row of bars, one per series; a hidden cell draws no bar but says "hidden", and
a row whose every number is hidden is not drawn (Figure.chart_note names it).
Bars start at zero and the scale is the figure's own maximum, so a chart of
zeros is a row of empty bars, never a meaningless axis. Long labels wrap onto
up to three lines rather than being cut. The <title> and <desc> name the figure
and point to the table beside it, which is the accessible equivalent.

Every word (legend, "hidden", the description) is produced when the chart is
drawn, in the active language; the legend and row labels come from the figure,
itself built in that language (dashboard.py keys its cache by language).

The PDF report embeds this same SVG (`print_ready=True`: a fixed ink colour and
the PDF's font instead of the page's), so the web and the PDF draw one chart.
"""

from __future__ import annotations

from html import escape

from django.utils.translation import gettext

from ithaca.analytics.figures.privacy import K, format_value
from ithaca.analytics.figures.types import Figure

WIDTH = 640
LABEL_W, VALUE_W, PAD = 190, 60, 8
BAR_H, GAP = 14, 10
PLOT_W = WIDTH - LABEL_W - VALUE_W - 2 * PAD
# Distinct in hue and lightness, readable on light and dark backgrounds.
COLOURS = ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#c62828", "#00838f")


LINE_CHARS, MAX_LINES, LINE_H = 30, 3, 13


def wrap(text: str, width: int = LINE_CHARS, lines: int = MAX_LINES) -> list[str]:
    """Words onto lines of at most `width` characters; only past `lines` lines is the
    last one shortened (a single word longer than a line is split)."""
    out: list[str] = []
    for word in text.split():
        while len(word) > width:
            out.append(word[: width - 1] + "-")
            word = word[width - 1 :]
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1] + "…"
    return out or [""]


def _scale(figure: Figure, series: list[tuple[str, list[float | None]]]) -> float:
    values = [value for _, values in series for value in values if value is not None]
    top = figure.chart_max or max(values, default=0.0)
    return top if top > 0 else 1.0


INK, PRINT_INK = "currentColor", "#222222"


def _legend(series: list[tuple[str, list[float | None]]], ink: str) -> list[str]:
    parts, x = [], LABEL_W + PAD
    for index, (name, _) in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        parts.append(f'<rect x="{x}" y="4" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 14}" y="13" font-size="11" fill="{ink}">{escape(name)}</text>')
        x += 24 + 7 * len(name)
    return parts


def _bar(
    x: float, y: float, value: float | None, top: float, colour: str, unit: str, ink: str
) -> str:
    if value is None:
        hidden = escape(gettext("hidden (fewer than %(k)s people)") % {"k": K})
        return (
            f'<text x="{x + 2}" y="{y + BAR_H - 3}" font-size="10" fill="{ink}" '
            f'font-style="italic">{hidden}</text>'
        )
    width = round(PLOT_W * max(value, 0.0) / top, 1)
    label = escape(format_value(value) + unit)
    return (
        f'<rect x="{x}" y="{y}" width="{width}" height="{BAR_H}" fill="{colour}"/>'
        f'<text x="{x + width + 4}" y="{y + BAR_H - 3}" font-size="10" '
        f'fill="{ink}">{label}</text>'
    )


def _label(text: str, y0: float, ink: str) -> str:
    lines = wrap(text)
    spans = "".join(
        f'<tspan x="{LABEL_W}" dy="{0 if n == 0 else LINE_H}">{escape(line)}</tspan>'
        for n, line in enumerate(lines)
    )
    return (
        f'<text x="{LABEL_W}" y="{y0 + BAR_H - 2}" text-anchor="end" font-size="11" '
        f'fill="{ink}">{spans}</text>'
    )


def _described(
    figure: Figure, series: list[tuple[str, list[float | None]]], rows: int
) -> list[str]:
    """The title and description screen readers announce (print has its own heading)."""
    slug = escape(figure.key)
    desc = gettext(
        "Bar chart of %(series)s for %(rows)s rows. The table beside the chart lists every "
        "value; cells built from fewer than %(k)s people are hidden in both."
    ) % {"series": ", ".join(n for n, _ in series), "rows": rows, "k": K}
    return [
        f'<title id="{slug}-title">{escape(figure.title)}</title>',
        f'<desc id="{slug}-desc">{escape(desc)}</desc>',
    ]


def figure_svg(figure: Figure, *, print_ready: bool = False, font: str = "") -> str:
    """The chart for `figure`, or '' when there is nothing to draw (see chart_note)."""
    series = figure.series()
    rows = figure.chart_rows()
    if not series or not rows:
        return ""
    ink = PRINT_INK if print_ready else INK
    top = _scale(figure, series)
    heights = [max(len(series) * BAR_H, len(wrap(row.label)) * LINE_H) + GAP for row in rows]
    height = 24 + sum(heights)
    slug = escape(figure.key)
    size = f' width="{WIDTH}" height="{height}"' if print_ready else ""
    family = f' font-family="{escape(font)}"' if font else ""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}"{size}{family} '
        f'role="img" aria-labelledby="{slug}-title {slug}-desc" class="figure-chart">',
        *([] if print_ready else _described(figure, series, len(rows))),
        *_legend(series, ink),
    ]
    y0 = 24
    for row_index, row in enumerate(rows):
        parts.append(_label(row.label, y0, ink))
        for index, (_, values) in enumerate(series):
            colour = COLOURS[index % len(COLOURS)]
            y = y0 + index * BAR_H
            parts.append(_bar(LABEL_W + PAD, y, values[row_index], top, colour, figure.unit, ink))
        y0 += heights[row_index]
    parts.append("</svg>")
    return "".join(parts)
