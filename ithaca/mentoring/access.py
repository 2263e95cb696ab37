"""Who may see which mentoring object. Views and endpoints fetch objects only here.

A person outside a relationship gets a 404 for it and for everything in it,
so not even its existence leaks. Program managers see a relationship's
status and health through `access_relationship`, never its workspace: every
workspace helper starts from `access_workspace`, which admits the two people
only. Journal entries are filtered on the reader's own side, so nobody but
their author can ever fetch one.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from ithaca.accounts.models import User
from ithaca.core.prepared import PreparedQuery, joined_columns, joined_instance
from ithaca.mentoring.models import (
    AgendaTopic,
    Goal,
    Introduction,
    JournalEntry,
    Meeting,
    MeetingNote,
    MentoringEvent,
    MentoringRelationship,
    TrainingModule,
)
from ithaca.mentoring.workspace import MEETING_DATES, Workspace, workspace_of
from ithaca.programs.access import access_managed_program
from ithaca.programs.models import Participation, Program


def relationships_for(user: User) -> QuerySet[MentoringRelationship]:
    """Relationships this person is in, as mentor or mentee."""
    return MentoringRelationship.objects.filter(Q(mentor=user) | Q(mentee=user)).select_related(
        "program", "mentor", "mentee"
    )


# What a relationship is shown and checked with: its program and its two people.
JOINED = {"program": Program, "mentor": User, "mentee": User}
_RECENT = PreparedQuery(
    lambda user: (
        MentoringRelationship.objects.filter(Q(mentor_id=user) | Q(mentee_id=user))
        .order_by("-updated_at")
        .values_list(*joined_columns(MentoringRelationship, JOINED))
    ),
    user=int,
)


def recent_relationships_of(user: User) -> list[MentoringRelationship]:
    """`relationships_for(user)`, most recently changed first, as a list (prepared SQL:
    the home page asks it on every visit)."""
    rows = _RECENT.rows(user=int(user.pk)) if user.pk is not None else []
    return [joined_instance(MentoringRelationship, JOINED, row) for row in rows]


def access_relationship(user: User, pk: int) -> MentoringRelationship:
    """A relationship visible to one of its two people or its program's managers; else 404."""
    relationship = (
        MentoringRelationship.objects.select_related("program", "mentor", "mentee")
        .filter(pk=pk)
        .filter(Q(mentor=user) | Q(mentee=user) | Q(program__managers=user))
        .distinct()
        .first()
    )
    if relationship is None:
        raise Http404(gettext("No such mentoring relationship."))
    return relationship


def _one_of_its_two(pk: int, user: int) -> QuerySet[MentoringRelationship, tuple[Any, ...]]:
    """The relationship `pk` if `user` is its mentor or mentee, with its program and its
    two people, as one row of columns (`access_workspace` builds the instances)."""
    return (
        MentoringRelationship.objects.filter(pk=pk)
        .filter(Q(mentor_id=user) | Q(mentee_id=user))
        .values_list(*joined_columns(MentoringRelationship, JOINED))
    )


# Every workspace page and endpoint starts here: its SQL is prepared once per process.
_ONE_OF_ITS_TWO = PreparedQuery(_one_of_its_two, pk=int, user=int)


def access_workspace(user: User, pk: int) -> Workspace:
    """The relationship's workspace for one of its two people; 404 for everyone else,
    program managers and staff included."""
    rows = _ONE_OF_ITS_TWO.rows(pk=int(pk), user=int(user.pk)) if user.pk is not None else []
    if not rows:
        raise Http404(gettext("No such mentoring relationship."))
    return workspace_of(joined_instance(MentoringRelationship, JOINED, rows[0]), user)


def _started(workspace: Workspace) -> None:
    if not workspace.started:
        raise Http404(gettext("This relationship has no workspace until both have accepted."))


def access_topic(workspace: Workspace, pk: int) -> AgendaTopic:
    _started(workspace)
    topic = AgendaTopic.objects.filter(workspace.space(), pk=pk).first()
    if topic is None:
        raise Http404(gettext("No such topic on this agenda."))
    return topic


def access_meeting(workspace: Workspace, pk: int) -> Meeting:
    _started(workspace)
    meeting = (
        Meeting.objects.select_related("relationship__mentor", "relationship__mentee")
        .filter(workspace.space(dated=MEETING_DATES), pk=pk)
        .first()
    )
    if meeting is None:
        raise Http404(gettext("No such meeting."))
    return meeting


def access_meeting_note(workspace: Workspace, pk: int) -> MeetingNote:
    _started(workspace)
    note = (
        MeetingNote.objects.select_related("meeting")
        .filter(workspace.space("meeting__relationship"), pk=pk)
        .first()
    )
    if note is None:
        raise Http404(gettext("No such note."))
    return note


def journal_of(workspace: Workspace) -> QuerySet[JournalEntry]:
    """The reader's own entries in this relationship: the only way to list a journal."""
    return JournalEntry.objects.filter(relationship=workspace.relationship, side=workspace.side)


def access_journal_entry(workspace: Workspace, pk: int) -> JournalEntry:
    """One of the reader's own journal entries; everyone else's are a 404."""
    _started(workspace)
    entry = journal_of(workspace).filter(pk=pk).first()
    if entry is None:
        raise Http404(gettext("No such journal entry."))
    return entry


def access_goal(workspace: Workspace, pk: int) -> Goal:
    _started(workspace)
    goal = Goal.objects.filter(relationship=workspace.relationship, pk=pk).first()
    if goal is None:
        raise Http404(gettext("No such goal."))
    return goal


def introductions_for(user: User) -> QuerySet[Introduction]:
    """Introductions this person made, is introduced through, or is asked to accept.

    The third person sees one only once the person introduced has agreed to it."""
    return Introduction.objects.filter(
        Q(introduced_by=user) | Q(person=user) | Q(contact=user, person_agreed_at__isnull=False)
    ).select_related("introduced_by", "person", "contact")


def access_introduction(user: User, pk: int) -> Introduction:
    """The introducer, the person introduced and the third person see it; else 404."""
    introduction = introductions_for(user).filter(pk=pk).first()
    if introduction is None:
        raise Http404(gettext("No such introduction."))
    return introduction


def visible_events(user: User) -> QuerySet[MentoringEvent]:
    """Events of the mentoring programs this person takes part in or manages."""
    if user.is_staff:
        return MentoringEvent.objects.select_related("program")
    member = Participation.objects.filter(
        program=OuterRef("program"), user=user, state=Participation.State.ACTIVE
    )
    return (
        MentoringEvent.objects.select_related("program")
        .filter(Exists(member) | Q(program__managers=user))
        .distinct()
    )


def access_event(user: User, pk: int) -> MentoringEvent:
    event = visible_events(user).filter(pk=pk).first()
    if event is None:
        raise Http404(gettext("No such event."))
    return event


def access_module(user: User, slug: str) -> TrainingModule:
    """Training is open to everyone signed in; an unknown module is a 404."""
    module = TrainingModule.objects.filter(slug=slug).first()
    if module is None:
        raise Http404(gettext("No such training module."))
    return module


def access_health_program(user: User, slug: str) -> Program:
    """A mentoring program whose health this person may see: its managers (and staff)."""
    program = access_managed_program(user, slug)
    if not program.is_mentoring:
        raise Http404(gettext("No such mentoring program."))
    return program
