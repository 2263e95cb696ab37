"""A dashboard figure as plain data: title, how it is computed, its table and its chart.

The table is the figure: the chart is drawn from chosen columns of the same
rows, so both always say the same thing. Pure: no Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ithaca.analytics.figures.privacy import Cell


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[Cell]

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "cells": [cell.as_dict() for cell in self.cells]}


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
    empty_text: str = "Nothing to show for this period."

    @property
    def hidden_count(self) -> int:
        return sum(1 for row in self.rows for cell in row.cells if cell.hidden)

    def series(self) -> list[tuple[str, list[float | None]]]:
        """The chart's series: one per chosen column, None where a cell is hidden."""
        return [
            (self.columns[index + 1], [_number(row.cells[index]) for row in self.rows])
            for index in self.chart_columns
        ]

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
        rows = [Row(row["label"], [_cell(cell) for cell in row["cells"]]) for row in data["rows"]]
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
