"""The demo's vocabulary and the in-memory story of one engagement."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Case, DateTimeField, Model, Value, When

from ithaca.coaching.models import (
    AgreementVersion,
    CheckIn,
    CoachingEngagement,
    CoachingSession,
    Goal,
)
from ithaca.programs.lifecycle import Status

BATCH = 500
STARTED = (Status.ACTIVE, Status.PAUSED, Status.CONCLUDED)
HELD, SCHEDULED, CANCELLED = "held", "scheduled", "cancelled"

SCOPES = (
    "Delegation and prioritising as a newly appointed manager.",
    "Leading through a service redesign while keeping the team's trust.",
    "Preparing for a move into a senior clinical leadership role.",
    "Handling difficult conversations about performance.",
)
GOALS = (
    ("Delegate the weekly rota to the deputy", "Hours a week spent on the rota", "hours", 6, 1),
    (
        "Hold a one-to-one with every direct report each month",
        "One-to-ones held a month",
        "meetings",
        2,
        8,
    ),
    ("Cut the time to close incident reviews", "Median days to close a review", "days", 21, 10),
    ("Speak up in the divisional board", "Agenda items raised a quarter", "items", 0, 4),
    ("Protect time for strategic work", "Hours a week of protected time", "hours", 1, 5),
)
NOTES = (
    "Explored what makes handing work over feel risky.",
    "Looked at last week's examples of taking work back.",
    "Reviewed progress on the actions agreed last time.",
    "Talked through an upcoming conversation with a colleague.",
)
GROW = (
    (
        "Be confident leaving the ward for a day",
        "Calls come to me for everything",
        "Brief the deputy; set a rule for what waits",
        "Try it on Thursday",
    ),
    (
        "Finish reviews within two weeks",
        "Three are overdue",
        "Block Friday mornings",
        "Book the first block",
    ),
)
ACTIONS = (
    "Brief the deputy on the rota",
    "Book protected time in the diary",
    "Write down three decisions to hand over",
    "Ask two colleagues for feedback",
)
REFLECTIONS = (
    "Early sessions were too directive on my side; questions worked better later.",
    "The middle three-way meeting unlocked the sponsor's support.",
)


@dataclass
class Story:
    """One engagement's generated rows, kept in memory to compute reports and snapshots."""

    engagement: CoachingEngagement
    version: AgreementVersion | None = None
    held: list[CoachingSession] = field(default_factory=list)
    sessions: list[CoachingSession] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    checkins: dict[int, list[CheckIn]] = field(default_factory=dict)


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


def contract_dates(engagement: CoachingEngagement, today: dt.date) -> tuple[dt.date, dt.date]:
    start = engagement.starts_on or (
        engagement.started_at.date() if engagement.started_at else today
    )
    span = engagement.session_count * engagement.session_cadence_days
    end = engagement.ends_on or start + dt.timedelta(days=max(span, 1))
    if engagement.status in (Status.ACTIVE, Status.PAUSED):
        # A running engagement is inside its contract: the agreement runs a while yet.
        end = max(end, today + dt.timedelta(days=3 * engagement.session_cadence_days))
    return start, max(end, start + dt.timedelta(days=1))


def backdate(model: type[Model], moments: dict[int, dt.datetime]) -> None:
    """Set created_at (which auto_now_add fills with now on insert) in one UPDATE,
    so the demo's dates tell a consistent story."""
    if not moments:
        return
    whens = [When(pk=pk, then=Value(moment)) for pk, moment in moments.items()]
    model._default_manager.filter(pk__in=list(moments)).update(
        created_at=Case(*whens, output_field=DateTimeField())
    )
