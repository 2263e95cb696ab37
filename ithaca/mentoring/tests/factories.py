"""Factories for mentoring: relationships in any state and what their workspaces hold."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.utils import timezone

from ithaca.accounts.tests.factories import UserFactory
from ithaca.mentoring.models import (
    AgendaTopic,
    EventSignup,
    Goal,
    Introduction,
    JournalEntry,
    Meeting,
    MeetingNote,
    MentoringEvent,
    MentoringRelationship,
)
from ithaca.mentoring.services import mentoring_propose
from ithaca.programs import relationships as lifecycle
from ithaca.programs.models import Participation, Program
from ithaca.programs.tests.factories import ParticipationFactory, make_pair


def active_relationship(mode: str = "one_to_one", **program_fields: Any) -> MentoringRelationship:
    """A one-to-one (or any mode) relationship both people accepted, through the services."""
    program, mentor, mentee = make_pair("mentoring", mode=mode, **program_fields)
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    return lifecycle.relationship_accept(rel, user=mentor)


def join(program: Program, mentor: Any, role: str = "seeker") -> MentoringRelationship:
    """Another mentee of the same mentor in the program, active."""
    mentee = ParticipationFactory(program=program, role=role).user
    Participation.objects.filter(program=program, user=mentor, role="mentor").update(capacity=10)
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    return lifecycle.relationship_accept(rel, user=mentor)


def group_of(size: int = 2) -> list[MentoringRelationship]:
    """A group-mentoring program: one mentor, `size` mentees, all active."""
    first = active_relationship("group")
    return [first] + [join(first.program, first.mentor) for _ in range(size - 1)]


def soon(days: float = 3, hours: float = 0) -> dt.datetime:
    return timezone.now() + dt.timedelta(days=days, hours=hours)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaTopic

    relationship = factory.LazyFunction(active_relationship)
    title = factory.Sequence(lambda n: f"Topic {n}")
    added_by = factory.LazyAttribute(lambda o: o.relationship.mentee)
    position = factory.Sequence(int)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    relationship = factory.LazyFunction(active_relationship)
    starts_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1))
    location = "Library, room 2"
    status = Meeting.Status.HELD
    proposed_by = factory.LazyAttribute(lambda o: o.relationship.mentee)


class MeetingNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingNote

    meeting = factory.SubFactory(MeetingFactory)
    author = factory.LazyAttribute(lambda o: o.meeting.relationship.mentee)
    body = factory.Sequence(lambda n: f"Shared note {n}")


class JournalEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JournalEntry

    relationship = factory.LazyFunction(active_relationship)
    side = "mentee"
    body = factory.Sequence(lambda n: f"Private thought number {n}")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    relationship = factory.LazyFunction(active_relationship)
    area = Goal.Area.CAREER
    title = factory.Sequence(lambda n: f"Goal {n}")
    created_by = factory.LazyAttribute(lambda o: o.relationship.mentee)


class IntroductionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Introduction

    relationship = factory.LazyFunction(active_relationship)
    introduced_by = factory.LazyAttribute(lambda o: o.relationship.mentor)
    person = factory.LazyAttribute(lambda o: o.relationship.mentee)
    contact = factory.SubFactory(UserFactory)
    reason = "You both moved from the wards into research."
    status = "proposed"  # the person introduced has agreed; the third person is asked
    person_agreed_at = factory.LazyFunction(timezone.now)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentoringEvent

    program = factory.LazyFunction(lambda: make_pair("mentoring")[0])
    kind = MentoringEvent.Kind.NETWORKING
    title = factory.Sequence(lambda n: f"Networking evening {n}")
    starts_at = factory.LazyFunction(lambda: soon(7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    capacity = 20
    location = "Atrium"


class SignupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSignup

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(UserFactory)


def started_days_ago(rel: MentoringRelationship, days: int) -> MentoringRelationship:
    """Move a relationship's start (and acceptance) into the past."""
    when = timezone.now() - dt.timedelta(days=days)
    MentoringRelationship.objects.filter(pk=rel.pk).update(
        started_at=when, created_at=when, helper_accepted_at=when, seeker_accepted_at=when
    )
    rel.refresh_from_db()
    return rel
