"""A goal's progress as a small, hand-built SVG line chart. Pure: no Django.

Hand-built rather than drawn with a plotting library: the chart is a few lines
and labels, renders in milliseconds, and its text stays real text that screen
readers and tests can read. Pages always show the same numbers in a table
beside it, so the chart is never the only way to read them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from html import escape

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

WIDTH, HEIGHT = 560, 260
LEFT, RIGHT, TOP, BOTTOM = 16, 16, 24, 40
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
# Colours that read on light and dark backgrounds; the table carries the same numbers.
BASELINE, TARGET, VALUES = "#8a8a8a", "#2e7d32", "#1565c0"


def _fmt(value: Decimal | float) -> str:
    text = f"{Decimal(str(value)).normalize():f}"
    return text if len(text) <= 10 else f"{float(value):.4g}"


class _Scale:
    """Maps dates to x and values to y inside the plot area."""

    def __init__(self, first: dt.date, last: dt.date, low: float, high: float) -> None:
        self.first, self.days = first, max((last - first).days, 1)
        pad = (high - low) * 0.1 or 1.0
        self.low, self.high = low - pad, high + pad

    def x(self, day: dt.date) -> float:
        return round(LEFT + PLOT_W * (day - self.first).days / self.days, 1)

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return round(TOP + PLOT_H * (1 - share), 1)


def _hline(scale: _Scale, value: float, label: str, colour: str) -> str:
    """A dashed level across the plot, labelled just above its right end."""
    y = scale.y(value)
    return (
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" stroke="{colour}" '
        f'stroke-dasharray="6 4"/>'
        f'<text x="{WIDTH - RIGHT - 4}" y="{y - 4}" text-anchor="end" font-size="11" '
        f'fill="{colour}">{escape(label)}</text>'
    )


def _describe(unit: str, baseline: Decimal, target: Decimal, count: int) -> str:
    return ngettext(
        "Baseline %(baseline)s %(unit)s, target %(target)s %(unit)s, %(count)s check-in. "
        "The table beside the chart lists every value.",
        "Baseline %(baseline)s %(unit)s, target %(target)s %(unit)s, %(count)s check-ins. "
        "The table beside the chart lists every value.",
        count,
    ) % {"baseline": _fmt(baseline), "target": _fmt(target), "unit": unit, "count": count}


def _frame(title: str, unit: str, baseline: Decimal, target: Decimal, count: int) -> list[str]:
    """The opening tag, the accessible title and description, and the plot's border."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="chart-title chart-desc" class="goal-chart">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(_describe(unit, baseline, target, count))}</desc>',
        f'<rect x="{LEFT}" y="{TOP}" width="{PLOT_W}" height="{PLOT_H}" fill="none" '
        'stroke="currentColor" stroke-opacity="0.2"/>',
    ]


def _series(scale: _Scale, points: Sequence[tuple[dt.date, Decimal]]) -> list[str]:
    """The check-ins as a line with a dot on each value."""
    if not points:
        return []
    coords = [(scale.x(day), scale.y(float(value))) for day, value in points]
    path = " ".join(f"{x},{y}" for x, y in coords)
    line = f'<polyline fill="none" stroke="{VALUES}" stroke-width="2" points="{path}"/>'
    dots = (f'<circle cx="{x}" cy="{y}" r="3.5" fill="{VALUES}"/>' for x, y in coords)
    return [line, *dots]


def goal_chart_svg(
    *,
    title: str,
    unit: str,
    baseline: Decimal,
    target: Decimal,
    points: Sequence[tuple[dt.date, Decimal]],
    start: dt.date,
    due: dt.date,
) -> str:
    """Baseline and target as dashed lines, check-ins as a line with dots, dates below."""
    values = [float(value) for _, value in points]
    levels = [float(baseline), float(target), *values]
    first = min([start, *(day for day, _ in points)])
    last = max([due, *(day for day, _ in points)])
    scale = _Scale(first, last, min(levels), max(levels))
    parts = [
        *_frame(title, unit, baseline, target, len(points)),
        _hline(
            scale, float(baseline), _("baseline %(value)s") % {"value": _fmt(baseline)}, BASELINE
        ),
        _hline(scale, float(target), _("target %(value)s") % {"value": _fmt(target)}, TARGET),
        *_series(scale, points),
    ]
    for day, anchor in ((first, "start"), (last, "end")):
        parts.append(
            f'<text x="{scale.x(day)}" y="{HEIGHT - 14}" text-anchor="{anchor}" '
            f'font-size="11" fill="currentColor">{day.isoformat()}</text>'
        )
    parts.append(
        f'<text x="{LEFT}" y="14" font-size="11" fill="currentColor">{escape(unit)}</text></svg>'
    )
    return "".join(parts)
