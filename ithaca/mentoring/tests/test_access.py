"""Every access helper with the right person, the wrong one, and each role."""

from __future__ import annotations

import pytest
from django.http import Http404

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import PermissionDenied
from ithaca.mentoring import access
from ithaca.mentoring.models import JournalEntry
from ithaca.mentoring.tests.factories import (
    EventFactory,
    GoalFactory,
    IntroductionFactory,
    MeetingFactory,
    MeetingNoteFactory,
    TopicFactory,
    active_relationship,
    group_of,
)
from ithaca.mentoring.workspace import workspace_of
from ithaca.programs.tests.factories import CoachingProgramFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(rel):
    manager = UserFactory()
    rel.program.managers.add(manager)
    return {
        "mentor": rel.mentor,
        "mentee": rel.mentee,
        "manager": manager,
        "staff": UserFactory(is_staff=True, is_superuser=True),
        "stranger": UserFactory(),
    }


@pytest.mark.parametrize(
    ("role", "sees"),
    [("mentor", True), ("mentee", True), ("manager", False), ("staff", False),
     ("stranger", False)],
)  # fmt: skip
def test_only_the_two_people_open_the_workspace(rel, roles, role: str, sees: bool) -> None:
    if sees:
        assert access.access_workspace(roles[role], rel.pk).side == role
    else:
        with pytest.raises(Http404):
            access.access_workspace(roles[role], rel.pk)


def test_the_program_manager_still_sees_the_relationship_itself(rel, roles) -> None:
    assert access.access_relationship(roles["manager"], rel.pk) == rel
    with pytest.raises(Http404):
        access.access_relationship(roles["stranger"], rel.pk)


def _workspaces(rel):
    other = active_relationship()
    return workspace_of(rel, rel.mentee), workspace_of(other, other.mentee)


@pytest.mark.parametrize(
    ("helper", "make"),
    [
        (access.access_topic, lambda rel: TopicFactory(relationship=rel)),
        (access.access_meeting, lambda rel: MeetingFactory(relationship=rel)),
        (access.access_meeting_note,
         lambda rel: MeetingNoteFactory(meeting=MeetingFactory(relationship=rel))),
        (access.access_goal, lambda rel: GoalFactory(relationship=rel)),
    ],
)  # fmt: skip
def test_workspace_objects_are_found_in_their_own_workspace_only(rel, helper, make) -> None:
    obj = make(rel)
    mine, someone_elses = _workspaces(rel)
    assert helper(mine, obj.pk) == obj
    assert helper(workspace_of(rel, rel.mentor), obj.pk) == obj
    with pytest.raises(Http404):
        helper(someone_elses, obj.pk)


def test_a_journal_entry_is_found_by_its_author_only(rel) -> None:
    entry = JournalEntry.objects.create(relationship=rel, side="mentee", body="mine")
    assert access.access_journal_entry(workspace_of(rel, rel.mentee), entry.pk) == entry
    for workspace in (workspace_of(rel, rel.mentor), _workspaces(rel)[1]):
        with pytest.raises(Http404):
            access.access_journal_entry(workspace, entry.pk)


def test_a_group_shares_its_space_but_not_goals_or_journals() -> None:
    first, second = group_of(2)
    topic, meeting = TopicFactory(relationship=first), MeetingFactory(relationship=first)
    goal = GoalFactory(relationship=first)
    entry = JournalEntry.objects.create(relationship=first, side="mentee", body="mine")
    other = workspace_of(second, second.mentee)
    assert access.access_topic(other, topic.pk) == topic
    assert access.access_meeting(other, meeting.pk) == meeting
    for helper, pk in ((access.access_goal, goal.pk), (access.access_journal_entry, entry.pk)):
        with pytest.raises(Http404):
            helper(other, pk)


def test_another_group_mentee_cannot_open_someone_elses_relationship() -> None:
    first, second = group_of(2)
    with pytest.raises(Http404):
        access.access_workspace(second.mentee, first.pk)


def test_a_proposal_has_no_workspace_objects_yet() -> None:
    from ithaca.mentoring.services import mentoring_propose
    from ithaca.programs.tests.factories import make_pair

    program, mentor, mentee = make_pair("mentoring")
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    topic = TopicFactory(relationship=rel)
    with pytest.raises(Http404):
        access.access_topic(workspace_of(rel, mentee), topic.pk)


def test_an_introduction_is_seen_by_its_three_people_only() -> None:
    intro = IntroductionFactory()
    for person in (intro.introduced_by, intro.person, intro.contact):
        assert access.access_introduction(person, intro.pk) == intro
    manager = UserFactory()
    intro.relationship.program.managers.add(manager)
    for outsider in (UserFactory(), manager, UserFactory(is_staff=False)):
        with pytest.raises(Http404):
            access.access_introduction(outsider, intro.pk)


def test_events_are_seen_by_active_participants_and_managers() -> None:
    event = EventFactory()
    participant = ParticipationFactory(program=event.program).user
    pending = ParticipationFactory(program=event.program, state="pending").user
    manager = UserFactory()
    event.program.managers.add(manager)
    staff = UserFactory(is_staff=True)
    for person in (participant, manager, staff):
        assert access.access_event(person, event.pk) == event
    for outsider in (pending, UserFactory()):
        with pytest.raises(Http404):
            access.access_event(outsider, event.pk)


def test_training_modules_are_open_to_everyone_and_unknown_ones_are_404() -> None:
    user = UserFactory()
    assert access.access_module(user, "ending-well").position == 5
    with pytest.raises(Http404):
        access.access_module(user, "no-such-module")


def test_program_health_is_for_its_managers(rel, roles) -> None:
    slug = rel.program.slug
    assert access.access_health_program(roles["manager"], slug) == rel.program
    assert access.access_health_program(roles["staff"], slug) == rel.program
    with pytest.raises(PermissionDenied):
        access.access_health_program(rel.mentor, slug)
    with pytest.raises(Http404):
        access.access_health_program(UserFactory(), "no-such-program")
    coaching = CoachingProgramFactory()
    coaching.managers.add(roles["manager"])
    with pytest.raises(Http404):
        access.access_health_program(roles["manager"], coaching.slug)
