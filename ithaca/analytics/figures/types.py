"""A dashboard figure as plain data: title, how it is computed, its table and its chart.

The table is the figure: the chart is drawn from chosen columns of the same
rows, so both always say the same thing. No database: the words are produced in the
active language when the figure is built (build.py) or its notes are read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext

from ithaca.analytics.figures.privacy import Cell, K


@dataclass(frozen=True)
class Row:
    """One line of a figure's table. `in_chart` is False for a line measured in another
    unit than the rest (a mean in percent under counts), which the chart leaves out
    so one axis never carries two units."""

    label: str
    cells: list[Cell]
    in_chart: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "cells": [cell.as_dict() for cell in self.cells],
            "in_chart": self.in_chart,
        }


@dataclass(frozen=True)
class Figure:
    """One figure. `chart_columns` index the numeric columns drawn as bar series;
    `chart_max` fixes the scale (5 for ratings, 100 for percentages)."""

    key: str
    title: str
    explanation: str
    columns: list[str]
    rows: list[Row]
    chart_columns: list[int] = field(default_factory=list)
    chart_max: float | None = None
    unit: str = ""
    notes: list[str] = field(default_factory=list)
    empty_text: str = ""  # "" says the usual "Nothing to show for this period."

    def __post_init__(self) -> None:
        if not self.empty_text:
            # Frozen: set once, in the language active while the figure is built.
            object.__setattr__(self, "empty_text", gettext("Nothing to show for this period."))

    @property
    def hidden_count(self) -> int:
        return sum(1 for row in self.rows for cell in row.cells if cell.hidden)

    def _charted(self, row: Row) -> bool:
        return row.in_chart and any(_number(row.cells[i]) is not None for i in self.chart_columns)

    def chart_rows(self) -> list[Row]:
        """The rows the chart draws: those in its unit with at least one number shown.
        A row whose every charted number is hidden is named in `chart_note` instead."""
        return [row for row in self.rows if self._charted(row)]

    def series(self) -> list[tuple[str, list[float | None]]]:
        """The chart's series over `chart_rows`: one per chosen column, None where hidden."""
        rows = self.chart_rows()
        return [
            (self.columns[index + 1], [_number(row.cells[index]) for row in rows])
            for index in self.chart_columns
        ]

    def chart_note(self) -> str:
        """Why the chart draws less than the table: said in words, never left blank."""
        if not self.chart_columns or not self.rows:
            return ""
        left_out = [row.label for row in self.rows if row.in_chart and not self._charted(row)]
        if not left_out:
            return ""
        if len(left_out) == sum(1 for row in self.rows if row.in_chart):
            return gettext(
                "No chart: every number it would draw comes from fewer than %(k)s people, so "
                "each is hidden to protect them. The table shows every row, and the figures "
                "for the whole organization or a longer period may be large enough to show."
            ) % {"k": K}
        return gettext("Not drawn, each from fewer than %(k)s people: %(rows)s.") % {
            "k": K,
            "rows": "; ".join(left_out),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "explanation": self.explanation,
            "columns": self.columns,
            "rows": [row.as_dict() for row in self.rows],
            "hidden_cells": self.hidden_count,
            "notes": self.notes,
            "chart_columns": self.chart_columns,
            "chart_max": self.chart_max,
            "unit": self.unit,
            "empty_text": self.empty_text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Figure:
        rows = [
            Row(row["label"], [_cell(cell) for cell in row["cells"]], row.get("in_chart", True))
            for row in data["rows"]
        ]
        return cls(
            key=data["key"],
            title=data["title"],
            explanation=data["explanation"],
            columns=list(data["columns"]),
            rows=rows,
            chart_columns=list(data["chart_columns"]),
            chart_max=data["chart_max"],
            unit=data["unit"],
            notes=list(data["notes"]),
            empty_text=data["empty_text"],
        )


def _number(cell: Cell) -> float | None:
    if cell.hidden or cell.value is None:
        return None
    return float(cell.value)


def _cell(data: dict[str, Any]) -> Cell:
    # The people count is not kept in the cache: only whether the cell is shown.
    return Cell(value=data["value"], people=0, hidden=bool(data["hidden"]))
