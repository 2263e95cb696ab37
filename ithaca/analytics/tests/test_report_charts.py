"""The leadership report's charts: one drawing for the web and the PDF, honest when empty."""

from __future__ import annotations

import importlib
import sys

from ithaca.analytics.figures.chart import figure_svg, wrap
from ithaca.analytics.figures.privacy import Measure, suppress
from ithaca.analytics.figures.types import Figure, Row


def _figure(rows: list[Row], columns: int = 1) -> Figure:
    names = ["Enrolled", "Taking part", "Both"][:columns]
    return Figure(
        key="demo",
        title="Demo",
        explanation="",
        columns=["Department", *names],
        rows=rows,
        chart_columns=list(range(columns)),
    )


def test_a_chart_whose_every_number_is_hidden_is_not_drawn_and_says_why() -> None:
    figure = _figure(
        [
            Row("Cardiology", [suppress(2), suppress(1)]),
            Row("Radiology", [suppress(3), suppress(0)]),
        ],
        columns=2,
    )
    assert figure_svg(figure) == ""
    assert figure.chart_note().startswith("No chart: every number it would draw comes from fewer")


def test_only_the_rows_with_a_number_shown_are_drawn_and_the_others_are_named() -> None:
    figure = _figure([Row("Cardiology", [suppress(12)]), Row("Radiology", [suppress(2)])])
    svg = figure_svg(figure)
    assert "Cardiology" in svg and "Radiology" not in svg
    assert "Radiology" in figure.chart_note()


def test_a_percentage_row_stays_in_the_table_and_out_of_a_chart_of_counts() -> None:
    figure = _figure(
        [
            Row("Reached", [suppress(7)]),
            Row("Mean attainment (%)", [suppress(Measure(64.0, 9))], in_chart=False),
        ]
    )
    svg = figure_svg(figure)
    assert "Reached" in svg and "Mean attainment" not in svg and figure.chart_note() == ""
    again = Figure.from_dict(figure.as_dict())
    assert [row.in_chart for row in again.rows] == [True, False]


def test_long_labels_wrap_onto_lines_instead_of_being_cut() -> None:
    label = "Mentoring: relationships that have not met for more than twice the interval"
    assert " ".join(wrap(label)) == label
    svg = figure_svg(_figure([Row(label, [suppress(9)])]))
    for word in label.split():
        assert word in svg


def test_the_pdf_draws_its_charts_without_a_plotting_library(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # importing it now fails
    import ithaca.analytics.pdf as pdf

    pdf = importlib.reload(pdf)
    zeros = _figure([Row("Coaching: on track", [suppress(Measure(0, 9))])])
    document = pdf.render_pdf(
        title="Ωμέγα: coaching report", period_label="2026", figures=[zeros], note="Note"
    )
    assert document.startswith(b"%PDF")
    assert pdf.chart_svg(zeros) is not None


def test_a_report_is_named_for_what_its_scope_runs() -> None:
    from ithaca.analytics.models import Report
    from ithaca.analytics.services.reports import title_of
    from ithaca.programs.tests.factories import CoachingProgramFactory, ProgramFactory

    coaching = CoachingProgramFactory.build(name="New managers")
    mentoring = ProgramFactory.build(name="Research careers")
    assert title_of(Report(program=coaching)) == "New managers: coaching report"
    assert title_of(Report(program=mentoring)) == "Research careers: mentoring report"
    assert title_of(Report(program=None)).endswith("mentoring and coaching report")
