"""Demo activity: every state filled in, deterministic, and safe to run twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ithaca.coaching import selectors
from ithaca.coaching.demo import add_demo_activity
from ithaca.coaching.models import (
    ActionItem,
    AgreementVersion,
    CheckIn,
    CloseOutEvaluation,
    CoachingEngagement,
    CoachingSession,
    Goal,
    SessionNote,
    SponsorReport,
)
from ithaca.programs.tests.factories import CoachingProgramFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def _engagement(program, status: str, days_ago: int, sponsor: bool) -> CoachingEngagement:
    """A row as the demo loader writes it: straight into the table, in any state."""
    coach = ParticipationFactory(program=program, role="coach").user
    coachee = ParticipationFactory(program=program, role="seeker").user
    started = timezone.now() - dt.timedelta(days=days_ago)
    begun = status in ("active", "paused", "concluded")
    return CoachingEngagement.objects.create(
        program=program,
        coach=coach,
        coachee=coachee,
        sponsor=ParticipationFactory(program=program, role="sponsor").user if sponsor else None,
        status=status,
        session_count=6,
        session_cadence_days=14,
        helper_accepted_at=started if begun else None,
        seeker_accepted_at=started if begun else None,
        started_at=started if begun else None,
        ended_at=timezone.now() - dt.timedelta(days=5) if status == "concluded" else None,
        starts_on=started.date() if begun else None,
        ends_on=started.date() + dt.timedelta(days=84) if begun else None,
    )


@pytest.fixture
def organization():
    program = CoachingProgramFactory()
    plan = [
        ("active", 60, True),
        ("active", 120, True),
        ("active", 30, False),
        ("paused", 50, True),
        ("concluded", 100, True),
        ("concluded", 95, False),
        ("proposed", 0, True),
        ("declined", 0, False),
        ("withdrawn", 0, True),
    ]
    return [_engagement(program, *row) for row in plan]


def _snapshot() -> list:
    return [
        sorted(AgreementVersion.objects.values_list("engagement_id", "number", "sponsor_sees")),
        sorted(CoachingSession.objects.values_list("engagement_id", "starts_at", "status", "kind")),
        sorted(Goal.objects.values_list("engagement_id", "statement")),
        sorted(CheckIn.objects.values_list("goal__engagement_id", "value", "recorded_on")),
    ]


def test_it_fills_every_started_state_with_activity(organization) -> None:
    counts = add_demo_activity(seed=7)
    assert counts["engagements"] == 7  # declined and withdrawn ones are left alone
    started = [e for e in organization if e.status in ("active", "paused", "concluded")]
    for engagement in started:
        assert selectors.governing_agreement(engagement) is not None
        assert Goal.objects.filter(engagement=engagement).exists()
    proposed = organization[6]
    assert selectors.governing_agreement(proposed) is None
    assert proposed.agreement_versions.get().signatures.count() == 1  # awaiting the others
    unsigned = AgreementVersion.objects.filter(number=2, signed_at__isnull=True)
    assert unsigned.count() == 1  # one amendment awaits signatures
    statuses = set(CoachingSession.objects.values_list("status", flat=True))
    assert statuses == {"held", "scheduled", "cancelled"}
    visibilities = set(SessionNote.objects.values_list("visibility", flat=True))
    assert visibilities == {"private", "shared", "three_way"}
    assert CheckIn.objects.count() > 0


def test_it_writes_actions_in_every_state_and_reports_and_evaluations(organization) -> None:
    add_demo_activity(seed=7)
    today = timezone.localdate()
    open_actions = ActionItem.objects.filter(done_at__isnull=True)
    assert ActionItem.objects.filter(done_at__isnull=False).exists()
    assert (
        open_actions.filter(due_on__lt=today).exists()
        and open_actions.filter(due_on__gte=today).exists()
    )
    assert set(SponsorReport.objects.values_list("status", flat=True)) == {
        "approved",
        "awaiting_coachee",
    }
    evaluations = CloseOutEvaluation.objects.all()
    assert evaluations.count() == 2
    assert all(e.follow_up.due_on > e.created_at.date() for e in evaluations)


def test_a_demo_report_never_carries_note_text(organization) -> None:
    add_demo_activity(seed=3)
    notes = list(SessionNote.objects.exclude(text="").values_list("text", flat=True))
    for report in SponsorReport.objects.all():
        assert not any(text in str(report.content) for text in notes)


def test_it_is_deterministic_for_a_seed(organization) -> None:
    add_demo_activity(seed=11)
    first = _snapshot()
    for model in (
        SponsorReport,
        CloseOutEvaluation,
        AgreementVersion,
        CoachingSession,
        Goal,
        ActionItem,
    ):
        model.objects.all().delete()
    add_demo_activity(seed=11)
    assert _snapshot() == first


def test_running_it_twice_adds_nothing(organization) -> None:
    add_demo_activity(seed=5)
    before = CoachingSession.objects.count()
    assert add_demo_activity(seed=5)["engagements"] == 0
    assert CoachingSession.objects.count() == before


def test_it_keeps_to_a_fixed_number_of_queries(organization, django_assert_max_num_queries):
    with django_assert_max_num_queries(30):
        add_demo_activity(seed=2)


def test_one_active_demo_engagement_is_stalled(organization) -> None:
    add_demo_activity(seed=9)
    today = timezone.localdate()
    flags = []
    for engagement in CoachingEngagement.objects.filter(status="active"):
        usage = selectors.session_usage(engagement)
        flags.append(selectors.stalled(engagement, usage.last_held, today))
    assert flags.count(True) >= 1 and flags.count(False) >= 1
