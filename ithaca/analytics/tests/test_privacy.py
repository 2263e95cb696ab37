"""k-anonymity in one place: the edges of 4 and 5 people, shares, and the chart."""

from __future__ import annotations

from ithaca.analytics.figures.chart import figure_svg
from ithaca.analytics.figures.privacy import HIDDEN_TEXT, Measure, rate, suppress
from ithaca.analytics.figures.types import Figure, Row


def test_a_count_of_four_people_is_hidden_and_says_so() -> None:
    cell = suppress(4)
    assert cell.hidden and cell.value is None
    assert cell.text == HIDDEN_TEXT == "fewer than 5 people — hidden"


def test_a_count_of_five_people_is_shown() -> None:
    cell = suppress(5)
    assert not cell.hidden and cell.value == 5 and cell.text == "5"


def test_zero_is_fewer_than_five_and_hidden_too() -> None:
    assert suppress(0).hidden


def test_an_average_is_hidden_when_fewer_than_five_people_answered() -> None:
    assert suppress(Measure(4.5, 4)).hidden
    assert suppress(Measure(4.5, 5)).value == 4.5


def test_a_sequence_is_suppressed_cell_by_cell() -> None:
    cells = suppress([Measure(12, 4), Measure(12, 5)])
    assert [cell.hidden for cell in cells] == [True, False]


def test_a_share_is_hidden_when_its_part_is_fewer_than_five() -> None:
    assert rate(4, 100).hidden
    assert rate(5, 100).value == 5.0


def test_a_share_is_hidden_when_the_rest_would_reveal_fewer_than_five() -> None:
    # 96 of 100 would tell that exactly 4 did not.
    assert rate(96, 100).hidden
    assert rate(95, 100).value == 95.0


def test_a_share_of_fewer_than_five_people_is_hidden() -> None:
    assert rate(0, 4).hidden and rate(2, 4).hidden


def _figure(cells: list) -> Figure:
    return Figure(
        key="demo", title="Demo figure", explanation="", columns=["Label", "Count"],
        rows=[Row(f"Row {n}", [cell]) for n, cell in enumerate(cells)], chart_columns=[0],
    )  # fmt: skip


def test_the_chart_is_accessible_and_draws_no_bar_for_a_hidden_cell() -> None:
    svg = figure_svg(_figure([suppress(7), suppress(3)]))
    assert '<title id="demo-title">Demo figure</title>' in svg and "<desc" in svg
    assert svg.count("<rect") == 2  # the legend's swatch and one bar
    assert "Row 1" not in svg  # its only number is hidden: named under the chart instead
    figure = _figure([suppress(7), suppress(3)])
    assert figure.chart_note() == "Not drawn, each from fewer than 5 people: Row 1."


def test_a_figure_round_trips_through_the_cache_without_people_counts() -> None:
    figure = _figure([suppress(7), suppress(3)])
    again = Figure.from_dict(figure.as_dict())
    assert [row.cells[0].text for row in again.rows] == ["7", HIDDEN_TEXT]
    assert again.hidden_count == 1


def _outcomes(declined: tuple[int, int]) -> dict[str, tuple[int, int]]:
    return {
        "accepted": (40, 20),
        "declined": declined,
        "withdrawn": (30, 10),
        "waiting": (10, 6),
    }


def test_an_acceptance_rate_that_would_reveal_a_hidden_outcome_is_hidden() -> None:
    from ithaca.analytics.figures.build import acceptance
    from ithaca.analytics.selectors.matching import OUTCOMES

    # Declined: 6 proposals from 3 seekers, hidden. With accepted and withdrawn
    # shown, a visible rate would give it away: 40 / rate - 40 - 30 = 6.
    figure = acceptance({"mentoring": _outcomes((6, 3))}, OUTCOMES)
    cells = {row.label: row.cells[0] for row in figure.rows}
    assert cells["Mentoring: declined"].hidden
    assert not cells["Mentoring: accepted by both"].hidden
    assert not cells["Mentoring: withdrawn or expired"].hidden
    assert cells["Mentoring: acceptance rate (%)"].hidden
    shown = acceptance({"mentoring": _outcomes((6, 5))}, OUTCOMES)
    assert {row.label: row.cells[0] for row in shown.rows}[
        "Mentoring: acceptance rate (%)"
    ].value == round(100 * 40 / 76, 1)


def test_a_total_is_hidden_when_one_of_its_parts_is_hidden() -> None:
    from ithaca.analytics.figures.build import time_to_match
    from ithaca.analytics.figures.data import Waits

    buckets = [("Within a week", 10), ("8 to 30 days", 3), ("31 to 90 days", 7)]
    figure = time_to_match({"mentoring": Waits(seekers=20, median_days=9.0, buckets=buckets)})
    median_row = figure.rows[0]
    assert not median_row.cells[0].hidden  # the median reveals no count
    assert median_row.cells[1].hidden  # 20 - 10 - 7 would give the hidden 3
    whole = time_to_match(
        {"mentoring": Waits(seekers=25, median_days=9.0, buckets=[("Within a week", 25)])}
    )
    assert whole.rows[0].cells[1].value == 25
