"""Each figure against numbers worked out by hand on a small organization."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from ithaca.analytics.dashboard import compute
from ithaca.analytics.figures import build
from ithaca.analytics.figures.privacy import HIDDEN_TEXT
from ithaca.analytics.period import default_period
from ithaca.analytics.selectors import activity, matching, people, surveys
from ithaca.analytics.selectors.scope import Scope
from ithaca.analytics.tests.factories import (
    applied,
    coaching_program,
    day,
    mentoring_program,
    person,
    relate,
)
from ithaca.coaching.models import CheckIn, CoachingSession, Goal
from ithaca.mentoring.models import Closing, Meeting

pytestmark = pytest.mark.django_db


def org() -> Scope:
    return Scope(program=None, period=default_period())


@pytest.fixture
def wards():
    """Six Wards seekers applied 20 days ago; five were proposed a Labs mentor five days
    later and accepted, the sixth was proposed one ten days after applying and declined.
    Two Labs seekers applied too; a third applied 400 days ago (before the period)."""
    program = mentoring_program()
    mentor = person("Labs")
    applied(program, mentor, 500, role="mentor")
    seekers = [person("Wards") for _ in range(6)]
    for seeker in seekers:
        applied(program, seeker, 20)
    for seeker in seekers[:5]:
        relate(program, mentor, seeker, "active", created=15)
    relate(program, mentor, seekers[5], "declined", created=10)
    for _ in range(2):
        applied(program, person("Labs"), 20)
    applied(program, person("Labs"), 400)
    return program, mentor, seekers


def test_enrolment_and_taking_part_are_counted_per_department(wards) -> None:
    assert people.enrolment_by_department(org()) == {"Labs": (2, 1), "Wards": (6, 5)}


def test_departments_with_fewer_than_five_people_are_hidden_in_the_figure(wards) -> None:
    figure = build.enrolment(people.enrolment_by_department(org()))
    labs, wards_row = figure.rows
    assert [cell.text for cell in labs.cells] == [HIDDEN_TEXT, HIDDEN_TEXT]
    assert [cell.text for cell in wards_row.cells] == ["6", "5"]


def test_someone_on_several_sides_takes_part_once() -> None:
    mentoring, coaching = mentoring_program(), coaching_program()
    busy = person("Wards")  # mentor of one, mentee of another, coachee of a third
    relate(mentoring, busy, person("Labs"), "active")
    relate(mentoring, person("Labs"), busy, "active")
    relate(coaching, person("Labs"), busy, "active")
    relate(mentoring, person("Wards"), person("Wards"), "proposed")  # not running
    taking_part = {label: pair[1] for label, pair in people.enrolment_by_department(org()).items()}
    assert taking_part == {"Labs": 3, "Wards": 1}


def test_each_program_times_its_own_seekers_first_proposal() -> None:
    first, second = mentoring_program(), mentoring_program()
    seeker, mentor = person(), person()
    applied(first, seeker, 40)
    applied(second, seeker, 20)
    applied(second, person(), 20)  # applied, never proposed
    relate(first, mentor, seeker, "declined", created=30)  # 10 days after applying
    relate(first, mentor, seeker, "active", created=25)
    relate(second, mentor, seeker, "active", created=18)  # 2 days after applying
    assert matching.waits(org(), "mentoring").median_days == 6.0  # waits of 10 and 2 days
    only_second = Scope(program=second, period=default_period())
    assert matching.waits(only_second, "mentoring").median_days == 2.0


def test_time_to_match_counts_each_seekers_first_proposal(wards) -> None:
    waits = matching.waits(org(), "mentoring")
    assert waits.seekers == 6
    assert waits.median_days == 5.0  # waits of 5, 5, 5, 5, 5 and 10 days
    assert dict(waits.buckets) == {
        "Within a week": 5, "8 to 30 days": 1, "31 to 90 days": 0, "More than 90 days": 0,
    }  # fmt: skip


def test_proposal_outcomes_and_a_rate_that_would_reveal_one_person_is_hidden(wards) -> None:
    outcomes = matching.proposal_outcomes(org(), "mentoring")
    assert outcomes == {
        "accepted": (5, 5), "declined": (1, 1), "withdrawn": (0, 0), "waiting": (0, 0)
    }  # fmt: skip
    figure = build.acceptance({"mentoring": outcomes}, matching.OUTCOMES)
    rate_row = figure.rows[-1]
    assert rate_row.label == "Mentoring: acceptance rate (%)" and rate_row.cells[0].hidden


def test_health_sums_colours_across_programs() -> None:
    program = mentoring_program(nudge_after_days=30)
    mentor = person()
    for started, _ in ((5, "green"), (45, "amber"), (70, "red"), (80, "red")):
        relate(program, mentor, person(), "active", created=started)
    relate(program, mentor, person(), "paused", created=90)
    result = activity.mentoring_health(org(), timezone.now())
    assert result == {"green": (1, 1), "amber": (1, 1), "red": (2, 2)}


def test_a_coaching_engagement_stalls_after_twice_its_cadence() -> None:
    program = coaching_program()
    coach = person()
    quiet = relate(program, coach, person(), "active", created=40)  # 40 > 2 x 14
    busy = relate(program, coach, person(), "active", created=40)
    CoachingSession.objects.create(
        engagement=busy, starts_at=day(3), ends_at=day(3) + dt.timedelta(hours=1),
        location="Room 1", status="held",
    )  # fmt: skip
    assert quiet.session_cadence_days == 14
    result = activity.coaching_health(org(), timezone.now())
    assert result == {"on track": (1, 1), "stalled": (1, 1)}


def test_meetings_and_sessions_are_counted_in_the_month_they_started() -> None:
    mentoring = relate(mentoring_program(), person(), person(), "active", created=30)
    coaching = relate(coaching_program(), person(), person(), "active", created=30)
    held_at = day(2)
    for status in ("held", "confirmed", "cancelled"):
        Meeting.objects.create(
            relationship=mentoring, starts_at=held_at, ends_at=held_at + dt.timedelta(hours=1),
            status=status, proposed_by=mentoring.mentee,
            responded_by=mentoring.mentor if status == "confirmed" else None,
        )  # fmt: skip
    CoachingSession.objects.create(
        engagement=coaching, starts_at=held_at, ends_at=held_at + dt.timedelta(hours=1),
        location="Room 1", status="held",
    )  # fmt: skip
    months = {m.month: m for m in activity.activity_by_month(org(), timezone.now())}
    month = months[held_at.date().replace(day=1)]
    assert (month.meetings, month.meeting_people, month.sessions, month.session_people) == (
        2, 1, 1, 1,
    )  # fmt: skip
    assert len(months) in (12, 13)  # every month of the last year, empty ones too


def _goal(engagement, baseline: int, target: int, value: int | None, days_ago: int = 3):
    goal = Goal.objects.create(
        engagement=engagement, statement="Run the rota", metric="shifts", unit="shifts",
        baseline=baseline, target=target, owner=engagement.coachee,
        due_on=timezone.localdate() + dt.timedelta(days=30),
    )  # fmt: skip
    if value is not None:
        CheckIn.objects.create(
            goal=goal, value=value, recorded_on=timezone.localdate() - dt.timedelta(days=days_ago)
        )
    return goal


def test_goal_attainment_uses_the_latest_check_in_of_the_period() -> None:
    engagement = relate(coaching_program(), person(), person(), "active", created=60)
    _goal(engagement, 0, 10, 5)  # half way
    _goal(engagement, 10, 0, 0)  # a falling target reached
    _goal(engagement, 0, 10, -3)  # moved away: no progress
    _goal(engagement, 0, 10, 10, days_ago=400)  # before the period: left out
    _goal(engagement, 0, 10, None)  # no check-in: left out
    result = activity.goal_attainment(org())
    assert result.buckets == {
        "reached": (1, 1), "half": (1, 1), "some": (0, 0), "none": (1, 1),
    }  # fmt: skip
    assert result.goals == 3 and result.people == 1
    assert result.mean is not None and abs(result.mean - Decimal("0.5")) < Decimal("0.001")


def test_closing_survey_results_are_averaged_with_favourable_shares() -> None:
    program = mentoring_program()
    mentor = person()
    for growth, recommend in ((5, True), (4, True), (3, False)):
        rel = relate(program, mentor, person(), "concluded", created=60, ended=5)
        Closing.objects.create(
            relationship=rel, side="mentee", reflection="Thank you", growth=growth,
            career_clarity=3, belonging=2, would_recommend=recommend,
        )  # fmt: skip
    results = {r.question: r for r in surveys.closing_results(org())}
    growth = results["Growth"]
    assert (growth.mean, growth.favourable, growth.answers, growth.people) == (4.0, 2, 3, 3)
    assert results["Would recommend mentoring"].favourable == 2
    figure = build.surveys(list(results.values()))
    assert all(cell.hidden for row in figure.rows for cell in row.cells)  # 3 people < 5


def test_the_mix_counts_each_seeker_once_per_department() -> None:
    mentoring, coaching = mentoring_program(), coaching_program()
    only_mentee, only_coachee, both = person("Wards"), person("Wards"), person("Wards")
    relate(mentoring, person(), only_mentee, "active")
    relate(coaching, person(), only_coachee, "active")
    relate(mentoring, person(), both, "active")
    relate(coaching, person(), both, "concluded", created=100, ended=20)
    result = people.mix_by_department(org())
    assert result["Wards"] == (1, 1, 1)


def test_retention_compares_participants_with_everyone_else() -> None:
    period = default_period()
    program = mentoring_program()
    mentor = person()
    mentees = [person() for _ in range(10)]
    for mentee in mentees:
        relate(program, mentor, mentee, "active", created=100)
    left = timezone.localdate() - dt.timedelta(days=50)
    for mentee in mentees[:5]:
        mentee.profile.left_on = left
        mentee.profile.save()
    others = [person() for _ in range(10)]
    for other in others[:2]:
        other.profile.left_on = left
        other.profile.save()
    person(left_on=period.start - dt.timedelta(days=30))  # gone before the period
    person(started_on=timezone.localdate() - dt.timedelta(days=10))  # joined during it
    result = people.retention(Scope(program=None, period=period))
    assert (result.participants, result.participants_left) == (11, 5)  # the mentor too
    assert (result.others, result.others_left) == (10, 2)
    participants, non_participants = build.retention(result).rows
    assert [cell.text for cell in participants.cells] == ["11", "5", "45.5"]  # 5 of 11 left
    assert non_participants.cells[0].text == "10"
    assert non_participants.cells[1].hidden and non_participants.cells[2].hidden  # 2 left


def test_retention_says_when_no_leaving_dates_were_imported() -> None:
    person()
    figures = {f.key: f for f in compute(org(), timezone.now())}
    assert figures["retention"].rows == []
    assert "No leaving dates imported" in figures["retention"].empty_text


def test_the_figures_take_the_same_queries_whatever_the_size_of_the_organization() -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    program, coaching = mentoring_program(), coaching_program()
    relate(program, person("Wards"), person("Wards"), "active")
    relate(coaching, person("Labs"), person("Labs"), "active")
    with CaptureQueriesContext(connection) as small:
        compute(org(), timezone.now())
    for _ in range(10):
        relate(program, person("Wards"), person("Labs"), "active")
        relate(coaching, person("Labs"), person("Wards"), "concluded", created=40, ended=3)
    with CaptureQueriesContext(connection) as large:
        compute(org(), timezone.now())
    assert len(large) == len(small) <= 40
