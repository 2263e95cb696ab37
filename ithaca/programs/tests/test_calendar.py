"""Nobody is booked twice at once: meetings and sessions, across mentoring and coaching."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ithaca.coaching import services as coaching
from ithaca.coaching.tests.factories import active_engagement, at, sign_all
from ithaca.core.errors import DomainError
from ithaca.mentoring import services as mentoring
from ithaca.mentoring.tests.factories import active_relationship, join
from ithaca.programs.models import Participation
from ithaca.programs.relationships import relationship_accept
from ithaca.programs.tests.factories import ParticipationFactory

pytestmark = pytest.mark.django_db
HOUR = dt.timedelta(hours=1)


def _book(engagement, start, user=None):
    return coaching.session_schedule(
        engagement=engagement,
        user=user or engagement.coach,
        starts_at=start,
        ends_at=start + HOUR,
        location="Room 1",
    )


def test_a_coach_cannot_book_two_coachees_at_the_same_time() -> None:
    first = active_engagement()
    _book(first, at(3, 10))
    second_coachee = ParticipationFactory(program=first.program, role="seeker").user
    Participation.objects.filter(program=first.program, user=first.coach).update(capacity=5)
    second = coaching.engagement_propose(
        program=first.program, coach=first.coach, coachee=second_coachee, proposed_by=None
    )
    sign_all(second)
    with pytest.raises(DomainError, match="You are already booked") as caught:
        _book(second, at(3, 10) + dt.timedelta(minutes=30))
    assert caught.value.field == "starts_at"
    _book(second, at(3, 11))  # back to back is fine


def test_a_rescheduled_session_may_overlap_its_old_time_but_not_another_session() -> None:
    engagement = active_engagement()
    one = _book(engagement, at(3, 10))
    _book(engagement, at(3, 14))
    moved = coaching.session_reschedule(
        session=one,
        user=engagement.coachee,
        starts_at=at(3, 10) + dt.timedelta(minutes=30),
        ends_at=at(3, 11) + dt.timedelta(minutes=30),
        reason="Later train",
    )
    assert moved.sequence == 1
    with pytest.raises(DomainError, match="is already booked"):
        coaching.session_reschedule(
            session=one,
            user=engagement.coachee,
            starts_at=at(3, 14),
            ends_at=at(3, 15),
            reason="Clash",
        )


def test_a_mentoring_meeting_is_refused_when_the_mentee_has_a_coaching_session_then() -> None:
    engagement = active_engagement()
    _book(engagement, at(4, 9))
    program = active_relationship().program
    mentor = program.participations.get(role="mentor").user
    ParticipationFactory(program=program, role="seeker", user=engagement.coachee)
    rel = mentoring.mentoring_propose(
        program=program, mentor=mentor, mentee=engagement.coachee, proposed_by=engagement.coachee
    )
    rel = relationship_accept(rel, user=mentor)
    with pytest.raises(DomainError, match=f"{engagement.coachee.display_name} is already booked"):
        mentoring.meeting_propose(
            relationship=rel, user=mentor, starts_at=at(4, 9), ends_at=at(4, 10), location="Café"
        )
    mentoring.meeting_propose(
        relationship=rel, user=mentor, starts_at=at(4, 10), ends_at=at(4, 11), location="Café"
    )


def test_two_meetings_of_one_mentor_at_once_are_refused_and_a_logged_one_too() -> None:
    rel = active_relationship()
    other = join(rel.program, rel.mentor)
    start = timezone.now() + dt.timedelta(days=2)
    mentoring.meeting_propose(
        relationship=rel, user=rel.mentee, starts_at=start, ends_at=start + HOUR, location="Café"
    )
    with pytest.raises(DomainError, match=r"is already booked|You are already booked"):
        mentoring.meeting_propose(
            relationship=other,
            user=other.mentee,
            starts_at=start + dt.timedelta(minutes=15),
            ends_at=start + HOUR,
            location="Café",
        )
