"""Factories and builders for coaching tests.

`proposed_engagement` and `active_engagement` go through the services (so an
active engagement really has a signed agreement); the factory_boy classes make
single rows for access and demo tests.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory
from django.utils import timezone

from ithaca.coaching import rules, services
from ithaca.coaching.models import (
    ActionItem,
    AgreementVersion,
    CheckIn,
    CoachingEngagement,
    CoachingSession,
    Goal,
    SessionNote,
    SponsorReport,
)
from ithaca.programs.tests.factories import ParticipationFactory, make_pair


def proposed_engagement(*, sponsor: bool = True, **program_fields: Any) -> CoachingEngagement:
    """A proposal made by a program manager-like third party: nobody has accepted yet."""
    program, coach, coachee = make_pair("coaching", **program_fields)
    sponsor_user = ParticipationFactory(program=program, role="sponsor").user if sponsor else None
    return services.engagement_propose(
        program=program, coach=coach, coachee=coachee, sponsor=sponsor_user, proposed_by=None
    )


def terms(**overrides: Any) -> services.Terms:
    today = timezone.localdate()
    fields: dict[str, Any] = {
        "scope": "Delegation as a new ward manager",
        "objectives": "Hand over the rota and two audits within three months",
        "session_count": 4,
        "session_cadence_days": 14,
        "session_length_minutes": 60,
        "starts_on": today - dt.timedelta(days=30),
        "ends_on": today + dt.timedelta(days=120),
        "sponsor_sees": rules.SHARE_PROGRESS,
        "cancellation_notice_hours": 24,
    }
    fields.update(overrides)
    return services.Terms(**fields)


def signers(engagement: CoachingEngagement) -> list[Any]:
    people = [engagement.coach, engagement.coachee]
    return [*people, engagement.sponsor] if engagement.sponsor else people


def sign_all(engagement: CoachingEngagement, **overrides: Any) -> AgreementVersion:
    """Draft a version (as the coach) and have every party sign it."""
    version = services.agreement_draft(
        engagement=engagement, user=engagement.coach, terms=terms(**overrides)
    )
    for person in signers(engagement):
        services.agreement_sign(version=version, user=person)
    version.refresh_from_db()
    return version


def active_engagement(*, sponsor: bool = True, **overrides: Any) -> CoachingEngagement:
    engagement = proposed_engagement(sponsor=sponsor)
    sign_all(engagement, **overrides)
    engagement.refresh_from_db()
    assert engagement.status == "active"
    return engagement


def at(days: int = 0, hour: int = 10) -> dt.datetime:
    """An aware time `days` from today, at `hour` o'clock."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoachingSession

    kind = CoachingSession.Kind.ONE_TO_ONE
    starts_at = factory.LazyFunction(lambda: at(-3))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1))
    location = "Room 4"
    agenda = "Agenda: the rota handover"
    status = CoachingSession.Status.HELD


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionNote

    session = factory.SubFactory(SessionFactory)
    author = factory.LazyAttribute(lambda o: o.session.engagement.coach)
    visibility = rules.NOTE_PRIVATE
    text = factory.Sequence(lambda n: f"Note text number {n}")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    statement = "Delegate the weekly rota"
    metric = "Hours a week spent on the rota"
    unit = "hours"
    baseline = Decimal("6")
    target = Decimal("1")
    owner = factory.LazyAttribute(lambda o: o.engagement.coachee)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=60))


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckIn

    goal = factory.SubFactory(GoalFactory)
    value = Decimal("4")
    recorded_on = factory.LazyFunction(timezone.localdate)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    title = factory.Sequence(lambda n: f"Action item {n}")
    owner = factory.LazyAttribute(lambda o: o.engagement.coachee)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=5))


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SponsorReport

    agreement = factory.LazyAttribute(
        lambda o: o.engagement.agreement_versions.order_by("-number").first()
    )
    content = factory.LazyAttribute(
        lambda o: {
            "terms": rules.SHARE_PROGRESS,
            "agreement_version": 1,
            "attendance": {
                "agreed": 4,
                "held": 1,
                "scheduled": 0,
                "cancelled": 0,
                "late_cancelled": 0,
            },
            "progress": [],
        }
    )
