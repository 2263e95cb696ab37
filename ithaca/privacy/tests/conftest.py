"""A person with something in every area, and the people around them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from ithaca.accounts.models import CareerEntry, Profile
from ithaca.accounts.tests.factories import UserFactory
from ithaca.analytics.models import SurveyInvitation, SurveyResponse
from ithaca.coaching import rules
from ithaca.coaching.tests.factories import (
    ActionFactory,
    NoteFactory,
    SessionFactory,
    active_engagement,
)
from ithaca.coaching.tests.factories import (
    GoalFactory as CoachingGoalFactory,
)
from ithaca.intake.models import Referral
from ithaca.intake.services import intake_apply, intake_submit
from ithaca.mentoring.models import GoalNote
from ithaca.mentoring.tests.factories import (
    GoalFactory,
    JournalEntryFactory,
    MeetingFactory,
    MeetingNoteFactory,
    active_relationship,
)
from ithaca.programs.tests.factories import ProgramFactory

NEED = "I want to get better at delegating to my new team within three months."


@dataclass
class World:
    person: Any
    mentor: Any
    coach: Any
    relationship: Any
    engagement: Any
    records: dict[str, Any]


@pytest.fixture
def world() -> World:
    """Ada is a mentee (with a journal) and a coachee; her mentor and coach write too."""
    rel = active_relationship()
    ada = rel.mentee
    Profile.objects.filter(user=ada).update(job_title="Ward sister", bio="Loves night shifts")
    CareerEntry.objects.create(user=ada, role="Staff nurse", started_on="2015-01-01")
    meeting = MeetingFactory(relationship=rel)
    goal = GoalFactory(relationship=rel, created_by=ada, title="Become a matron")
    engagement = active_engagement(sponsor=False)
    engagement.coachee = ada
    engagement.save(update_fields=["coachee"])
    session = SessionFactory(engagement=engagement)
    intake = intake_submit(author=ada, text=NEED)
    applied_to = ProgramFactory(name="Leadership circle")
    intake_apply(intake=intake, program=applied_to, share=True)
    records = {
        "her journal": JournalEntryFactory(relationship=rel, side="mentee", body="My secret doubt"),
        "mentor journal": JournalEntryFactory(relationship=rel, side="mentor", body="Mentor's own"),
        "her meeting note": MeetingNoteFactory(meeting=meeting, author=ada, body="Ada's note"),
        "mentor meeting note": MeetingNoteFactory(
            meeting=meeting, author=rel.mentor, body="Mentor's note"
        ),
        "goal": goal,
        "mentor goal note": GoalNote.objects.create(goal=goal, author=rel.mentor, body="Good step"),
        "her session note": NoteFactory(
            session=session, author=ada, visibility=rules.NOTE_SHARED, text="Ada on delegation"
        ),
        "coach private note": NoteFactory(session=session, text="Coach's private thoughts"),
        "coaching goal": CoachingGoalFactory(engagement=engagement, owner=ada),
        "action": ActionFactory(engagement=engagement, owner=ada, title="Hand over the rota"),
        "intake": intake,
        "referral": Referral.objects.create(
            referrer=UserFactory(), person=ada, kind="coaching", reason="She is ready to lead"
        ),
    }
    records["survey"] = _pulse_answer(ada, rel)
    return World(ada, rel.mentor, engagement.coach, rel, engagement, records)


def _pulse_answer(person: Any, rel: Any) -> Any:
    invitation = SurveyInvitation.objects.create(
        person=person,
        program=rel.program,
        kind="mentoring",
        relationship_id=rel.pk,
        sequence=1,
        due_at=timezone.now(),
        answered_at=timezone.now(),
    )
    return SurveyResponse.objects.create(
        invitation=invitation,
        program=rel.program,
        kind="mentoring",
        satisfaction=4,
        progress=3,
        relationship_quality=5,
        would_recommend=4,
        comment="My mentor listens",
    )
