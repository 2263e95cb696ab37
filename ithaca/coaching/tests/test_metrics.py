"""The arithmetic, alone: attainment, stalling, late cancellation, hours; and the chart."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from decimal import Decimal as D

import pytest

from ithaca.coaching import metrics, rules
from ithaca.coaching.chart import goal_chart_svg


@pytest.mark.parametrize(
    ("baseline", "target", "latest", "expected"),
    [
        ("10", "20", "15", "0.5"),  # half way up
        ("10", "20", "20", "1"),
        ("10", "20", "25", "1"),  # overshooting counts as attained, no more
        ("10", "20", "5", "0"),  # the wrong way counts as nothing
        ("6", "1", "4", "0.4"),  # a falling target: 6 -> 4 is 2 of the 5 hours to lose
        ("6", "1", "0", "1"),
        ("6", "1", "7", "0"),
        ("0", "3", "1", "0.3333"),
        ("-2", "2", "0", "0.5"),
    ],
)
def test_it_computes_attainment_from_baseline_towards_target(
    baseline: str, target: str, latest: str, expected: str
) -> None:
    result = metrics.attainment(baseline=D(baseline), target=D(target), latest=D(latest))
    assert result == D(expected)


def test_attainment_is_unknown_before_any_check_in() -> None:
    assert metrics.attainment(baseline=D(1), target=D(2), latest=None) is None


def test_a_target_equal_to_its_baseline_has_no_attainment() -> None:
    with pytest.raises(ValueError, match="differ"):
        metrics.attainment(baseline=D(3), target=D(3), latest=D(3))


def test_the_mean_skips_goals_without_a_value() -> None:
    assert metrics.mean_attainment([D("0.5"), None, D("1")]) == D("0.75")
    assert metrics.mean_attainment([None]) is None


@pytest.mark.parametrize(("days_since", "stalled"), [(27, False), (28, False), (29, True)])
def test_it_is_stalled_after_twice_the_cadence_without_a_held_session(
    days_since: int, stalled: bool
) -> None:
    today = dt.date(2026, 6, 30)
    last = today - dt.timedelta(days=days_since)
    result = metrics.is_stalled(
        last_held=last, started=dt.date(2026, 1, 1), cadence_days=14, today=today
    )
    assert result is stalled


def test_the_stall_clock_starts_at_the_start_when_nothing_was_held() -> None:
    today = dt.date(2026, 6, 30)
    assert not metrics.is_stalled(
        last_held=None, started=today - dt.timedelta(days=20), cadence_days=14, today=today
    )
    assert metrics.is_stalled(
        last_held=None, started=today - dt.timedelta(days=29), cadence_days=14, today=today
    )


def test_a_cancellation_inside_the_notice_is_late() -> None:
    start = dt.datetime(2026, 6, 30, 10, tzinfo=dt.UTC)
    late = metrics.is_late_cancellation
    assert late(starts_at=start, cancelled_at=start - dt.timedelta(hours=23), notice_hours=24)
    assert not late(starts_at=start, cancelled_at=start - dt.timedelta(hours=24), notice_hours=24)
    assert not late(starts_at=start, cancelled_at=start - dt.timedelta(hours=1), notice_hours=0)


def test_used_sessions_include_late_cancellations() -> None:
    assert metrics.sessions_used(booked_or_held=3, late_cancelled=1) == 4


def test_hours_are_counted_from_minutes() -> None:
    assert metrics.hours(90) == D("1.50")
    assert metrics.hours_agreed(session_count=6, session_length_minutes=45) == D("4.50")


def test_sponsor_terms_open_reports_and_progress_step_by_step() -> None:
    assert not rules.sponsor_sees_reports(rules.SHARE_NOTHING)
    assert rules.sponsor_sees_reports(rules.SHARE_ATTENDANCE)
    assert not rules.sponsor_sees_progress(rules.SHARE_ATTENDANCE)
    assert rules.sponsor_sees_progress(rules.SHARE_PROGRESS)
    assert not rules.can_see_report(rules.SPONSOR, approved=False, terms=rules.SHARE_PROGRESS)
    assert rules.can_see_report(rules.SPONSOR, approved=True, terms=rules.SHARE_ATTENDANCE)
    assert not rules.can_see_report(rules.MANAGER, approved=True, terms=rules.SHARE_PROGRESS)


def test_the_chart_is_well_formed_svg_with_one_dot_per_check_in() -> None:
    svg = goal_chart_svg(
        title="Rota hours <weekly>",
        unit="hours",
        baseline=D(6),
        target=D(1),
        points=[(dt.date(2026, 2, 1), D(5)), (dt.date(2026, 3, 1), D("3.5"))],
        start=dt.date(2026, 1, 1),
        due=dt.date(2026, 6, 1),
    )
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text == "Rota hours <weekly>"
    assert len(root.findall(f"{ns}circle")) == 2
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "baseline 6" in texts and "target 1" in texts and "2026-06-01" in texts


def test_the_chart_draws_without_any_check_in() -> None:
    svg = goal_chart_svg(
        title="t",
        unit="u",
        baseline=D(1),
        target=D(2),
        points=[],
        start=dt.date(2026, 1, 1),
        due=dt.date(2026, 1, 1),
    )
    assert ET.fromstring(svg).find("{http://www.w3.org/2000/svg}polyline") is None
