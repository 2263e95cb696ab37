"""Each format: one-to-one, peer and co-mentoring, group, reverse, e-mentoring."""

from __future__ import annotations

import datetime as dt

import pytest

from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring import services
from ithaca.mentoring.formats import Candidate, Format, choose_mentor, location_problem
from ithaca.mentoring.models import AgendaTopic, MentoringGroup
from ithaca.mentoring.tests.factories import active_relationship, group_of, soon
from ithaca.mentoring.tests.helpers import web

pytestmark = pytest.mark.django_db


def _propose(rel, user, location):
    start = soon(4)
    return services.meeting_propose(
        relationship=rel, user=user, starts_at=start, ends_at=start + dt.timedelta(hours=1),
        location=location,
    )  # fmt: skip


def test_one_to_one_the_mentee_owns_the_agenda(rel) -> None:
    assert services.topic_add(relationship=rel, user=rel.mentor, title="T").status == "suggested"
    assert services.topic_add(relationship=rel, user=rel.mentee, title="U").status == "open"


@pytest.mark.parametrize("mode", ["peer", "co_mentoring"])
def test_in_peer_modes_both_own_the_agenda(mode: str) -> None:
    rel = active_relationship(mode)
    mine = services.topic_add(relationship=rel, user=rel.mentor, title="Mine")
    theirs = services.topic_add(relationship=rel, user=rel.mentee, title="Theirs")
    assert mine.status == theirs.status == "open"
    services.agenda_reorder(relationship=rel, user=rel.mentor, topic_ids=[theirs.pk, mine.pk])
    services.topic_close(relationship=rel, user=rel.mentor, topic=theirs)


def test_a_group_shares_one_agenda_and_one_set_of_meetings() -> None:
    first, second, third = group_of(3)
    assert first.group_id == second.group_id == third.group_id
    assert MentoringGroup.objects.count() == 1
    topic = services.topic_add(relationship=first, user=first.mentee, title="Impostor feelings")
    services.topic_close(relationship=second, user=second.mentee, topic=topic)
    meeting = _propose(second, second.mentee, "Seminar room")
    services.meeting_accept(relationship=first, user=first.mentor, meeting=meeting)
    agenda = web(third.mentee).get(f"/mentoring/{third.pk}/s/agenda/").content.decode()
    meetings = web(third.mentee).get(f"/mentoring/{third.pk}/s/meetings/").content.decode()
    assert "Impostor feelings" in agenda and "Seminar room" in meetings


def test_a_group_mentee_cannot_answer_another_mentees_proposal() -> None:
    first, second = group_of(2)
    meeting = _propose(first, first.mentee, "Seminar room")
    with pytest.raises(PermissionDenied):
        services.meeting_accept(relationship=second, user=second.mentee, meeting=meeting)


def test_the_group_mentor_suggests_to_the_whole_group() -> None:
    first, second = group_of(2)
    topic = services.topic_add(relationship=first, user=first.mentor, title="Rotas")
    assert topic.status == "suggested"
    services.topic_accept(relationship=second, user=second.mentee, topic=topic)
    assert AgendaTopic.objects.get(pk=topic.pk).status == "open"


def test_reverse_mentoring_says_the_junior_person_is_the_mentor() -> None:
    rel = active_relationship("reverse")
    page = web(rel.mentee).get(f"/mentoring/{rel.pk}/").content.decode()
    assert "junior colleague" in page
    assert Format("reverse").mentor_label() == "Mentor (the junior colleague)"


def test_e_mentoring_meets_online_only() -> None:
    rel = active_relationship("e_mentoring")
    with pytest.raises(DomainError, match="meeting link") as caught:
        _propose(rel, rel.mentee, "Room 4, Main building")
    assert caught.value.field == "location"
    assert _propose(rel, rel.mentee, "https://meet.example.org/abc").status == "proposed"


def test_outside_e_mentoring_a_place_is_fine() -> None:
    assert location_problem("one_to_one", "Room 4", required=True) is None
    assert location_problem("e_mentoring", "https://x.example", required=True) is None
    assert location_problem("e_mentoring", "", required=False) is None


def _candidate(pk, *, mentor=True, seeker=True, grade=5, years=5):
    return Candidate(pk, is_mentor=mentor, is_seeker=seeker, grade=grade, years_experience=years)


def test_the_more_experienced_person_mentors() -> None:
    senior, junior = _candidate(1, years=20, grade=7), _candidate(2, years=3, grade=3)
    assert choose_mentor("one_to_one", senior, junior) == (1, 2)
    assert choose_mentor("one_to_one", junior, senior) == (1, 2)


def test_in_reverse_mentoring_the_junior_person_mentors() -> None:
    senior, junior = _candidate(1, years=20, grade=8), _candidate(2, years=3, grade=2)
    assert choose_mentor("reverse", senior, junior) == (2, 1)


def test_only_a_mentor_can_mentor_and_only_a_seeker_be_mentored() -> None:
    mentor_only = _candidate(1, seeker=False, years=1)
    seeker_only = _candidate(2, mentor=False, years=30)
    assert choose_mentor("one_to_one", seeker_only, mentor_only) == (1, 2)
    assert choose_mentor("peer", _candidate(1, mentor=False), _candidate(2, mentor=False)) is None
