"""Meetings as needed, and the notes both sides write on them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring import notices
from ithaca.mentoring.formats import location_problem
from ithaca.mentoring.models import AgendaTopic, Meeting, MeetingNote, MentoringRelationship
from ithaca.mentoring.services.base import clean_text, locked_workspace, writable
from ithaca.mentoring.workspace import IN_PROGRESS, Workspace, space_people
from ithaca.programs.calendar import refuse_clash

Status = Meeting.Status
LONGEST = dt.timedelta(hours=8)
UPCOMING = (Status.PROPOSED, Status.CONFIRMED)


def _check_times(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise DomainError(_("Give the meeting's times with a time zone."), field="starts_at")
    if ends_at <= starts_at:
        raise DomainError(_("A meeting must end after it starts."), field="ends_at")
    if ends_at - starts_at > LONGEST:
        raise DomainError(_("Keep a meeting under eight hours."), field="ends_at")


def _check_future(starts_at: dt.datetime) -> None:
    if starts_at <= timezone.now():
        raise DomainError(
            _(
                "A proposed meeting must start in the future. To record a meeting that already "
                "happened, log it instead."
            ),
            field="starts_at",
        )


def _check_free(
    workspace: Workspace,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    meeting: Meeting | None = None,
) -> None:
    """Nobody in the space may be booked elsewhere (any meeting or coaching session)."""
    people = {person.pk: person.display_name for person in space_people(workspace.relationship)}
    ignore = ("mentoring-meeting", meeting.pk) if meeting is not None else None
    refuse_clash(people, starts_at, ends_at, ignore=ignore, you=workspace.user.pk)


def _check_location(workspace: Workspace, location: str, *, required: bool) -> str:
    problem = location_problem(workspace.relationship.program.mode, location, required=required)
    if problem:
        raise DomainError(problem, field="location")
    return location.strip()[:300]


def _topics(workspace: Workspace, topic_ids: Iterable[int]) -> list[AgendaTopic]:
    wanted = set(topic_ids)
    topics = list(
        AgendaTopic.objects.filter(
            workspace.space(),
            pk__in=wanted,
            status__in=(AgendaTopic.Status.OPEN, AgendaTopic.Status.CLOSED),
        )
    )
    if len(topics) != len(wanted):
        raise DomainError(_("That topic is not on this relationship's agenda."), field="topics")
    return topics


def _locked_meeting(workspace: Workspace, meeting: Meeting) -> Meeting:
    fresh = (
        Meeting.objects.select_for_update(of=("self",))
        .filter(workspace.space(), pk=meeting.pk)
        .first()
    )
    if fresh is None:
        raise DomainError(_("That meeting is not in this relationship."), field="meeting")
    return fresh


@transaction.atomic
def meeting_propose(
    *,
    relationship: MentoringRelationship,
    user: User,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    location: str,
    topic_ids: Iterable[int] = (),
) -> Meeting:
    """Either side proposes a time and a place (or link); the other side accepts."""
    workspace = writable(relationship, user, "propose a meeting")
    _check_times(starts_at, ends_at)
    _check_future(starts_at)
    # The same form sent twice (a double click, a retry) is one meeting; it is checked
    # before the double-booking rule, which the first copy would otherwise trip.
    twin = _same_meeting(workspace, user, starts_at, ends_at, Status.PROPOSED, Status.CONFIRMED)
    if twin is not None:
        return twin
    _check_free(workspace, starts_at, ends_at)
    location = _check_location(workspace, location, required=True)
    topics = _topics(workspace, topic_ids)
    meeting = Meeting.objects.create(
        relationship=workspace.relationship,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        proposed_by=user,
    )
    meeting.topics.set(topics)
    notices.tell_meeting(meeting, workspace.relationship, kind="meeting.proposed", actor=user)
    return meeting


@transaction.atomic
def meeting_log(
    *,
    relationship: MentoringRelationship,
    user: User,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    location: str = "",
    topic_ids: Iterable[int] = (),
    note: str = "",
) -> Meeting:
    """Record a meeting after it happened (a corridor talk counts), with an optional note."""
    workspace = writable(relationship, user, "log a meeting")
    _check_times(starts_at, ends_at)
    if ends_at > timezone.now():
        raise DomainError(
            _(
                "A logged meeting has already happened: its end must be in the past. "
                "Propose a future meeting instead."
            ),
            field="ends_at",
        )
    started = workspace.relationship.started_at
    if started and starts_at < started - dt.timedelta(days=1):
        raise DomainError(_("That is before this relationship started."), field="starts_at")
    twin = _same_meeting(workspace, user, starts_at, ends_at, Status.HELD)
    if twin is not None:
        return twin  # the same log sent twice: one meeting (before the double-booking rule)
    _check_free(workspace, starts_at, ends_at)
    location = _check_location(workspace, location, required=False)
    topics = _topics(workspace, topic_ids)
    meeting = Meeting.objects.create(
        relationship=workspace.relationship,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        status=Status.HELD,
        proposed_by=user,
    )
    meeting.topics.set(topics)
    if note.strip():
        body = clean_text(note, field="note", label="note", limit=5000)
        MeetingNote.objects.create(meeting=meeting, author=user, body=body)
    return meeting


def _same_meeting(
    workspace: Workspace, user: User, starts_at: dt.datetime, ends_at: dt.datetime, *statuses: str
) -> Meeting | None:
    """A meeting this person already put at exactly this time in this relationship.

    One meeting of a pair at one moment: a second submission of the same form
    returns the first meeting instead of making another. The workspace row is
    locked, so two submissions at once are checked one after the other.
    """
    return Meeting.objects.filter(
        relationship=workspace.relationship,
        proposed_by=user,
        starts_at=starts_at,
        ends_at=ends_at,
        status__in=statuses,
    ).first()


def _answerable(workspace: Workspace, meeting: Meeting) -> Meeting:
    meeting = _locked_meeting(workspace, meeting)
    if meeting.status != Status.PROPOSED:
        raise DomainError(
            _("This meeting is %(state)s already.")
            % {"state": meeting.get_status_display().lower()}
        )
    if workspace.side_of_user_id(meeting.proposed_by_id) == workspace.side:
        raise PermissionDenied(_("You proposed this meeting; the other side answers it."))
    if meeting.starts_at <= timezone.now():
        raise DomainError(_("This meeting's time has passed; propose a new time."))
    return meeting


@transaction.atomic
def meeting_accept(*, relationship: MentoringRelationship, user: User, meeting: Meeting) -> Meeting:
    """The other side accepts; everyone in the space gets the calendar invite by e-mail."""
    workspace = writable(relationship, user, "accept a meeting")
    meeting = _answerable(workspace, meeting)
    meeting.status = Status.CONFIRMED
    meeting.responded_by = user
    meeting.responded_at = timezone.now()
    meeting.save(update_fields=["status", "responded_by", "responded_at"])
    notices.tell_meeting(
        meeting, workspace.relationship, kind="meeting.accepted", actor=user, invite="REQUEST"
    )
    return meeting


@transaction.atomic
def meeting_decline(
    *, relationship: MentoringRelationship, user: User, meeting: Meeting
) -> Meeting:
    workspace = writable(relationship, user, "decline a meeting")
    meeting = _answerable(workspace, meeting)
    meeting.status = Status.DECLINED
    meeting.responded_by = user
    meeting.responded_at = timezone.now()
    meeting.save(update_fields=["status", "responded_by", "responded_at"])
    notices.tell_meeting(meeting, workspace.relationship, kind="meeting.declined", actor=user)
    return meeting


def _changeable(workspace: Workspace, meeting: Meeting) -> Meeting:
    meeting = _locked_meeting(workspace, meeting)
    if meeting.status not in UPCOMING or meeting.starts_at <= timezone.now():
        raise DomainError(_("Only a meeting still to come can be changed or cancelled."))
    return meeting


@transaction.atomic
def meeting_cancel(*, relationship: MentoringRelationship, user: User, meeting: Meeting) -> Meeting:
    """Either side calls a meeting off; calendars that had it get a cancellation."""
    workspace = locked_workspace(relationship, user)
    if workspace.relationship.status not in IN_PROGRESS:
        workspace.require_active("cancel a meeting")
    meeting = _changeable(workspace, meeting)
    meeting.status = Status.CANCELLED
    meeting.sequence += 1
    meeting.save(update_fields=["status", "sequence"])
    notices.tell_meeting(
        meeting,
        workspace.relationship,
        kind="meeting.cancelled",
        actor=user,
        invite="CANCEL" if meeting.invite_sent_sequence >= 0 else "",
    )
    return meeting


@transaction.atomic
def meeting_reschedule(
    *,
    relationship: MentoringRelationship,
    user: User,
    meeting: Meeting,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    location: str,
) -> Meeting:
    """Propose a new time for a meeting still to come; the other side accepts it again.
    The meeting keeps its calendar UID and its sequence goes up."""
    workspace = writable(relationship, user, "change a meeting")
    meeting = _changeable(workspace, meeting)
    _check_times(starts_at, ends_at)
    _check_future(starts_at)
    _check_free(workspace, starts_at, ends_at, meeting)
    meeting.location = _check_location(workspace, location, required=True)
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    meeting.status = Status.PROPOSED
    meeting.proposed_by, meeting.responded_by, meeting.responded_at = user, None, None
    meeting.sequence += 1
    meeting.save()
    notices.tell_meeting(meeting, workspace.relationship, kind="meeting.changed", actor=user)
    return meeting


def _notable(workspace: Workspace, meeting: Meeting) -> Meeting:
    if workspace.relationship.status not in IN_PROGRESS:
        workspace.require_active("write notes")
    meeting = _locked_meeting(workspace, meeting)
    if meeting.status in (Status.DECLINED, Status.CANCELLED):
        raise DomainError(_("Notes belong to meetings that happen; this one did not."))
    return meeting


@transaction.atomic
def note_add(
    *, relationship: MentoringRelationship, user: User, meeting: Meeting, body: str
) -> MeetingNote:
    """A shared note on a meeting, visible to both sides (the group in group mentoring)."""
    workspace = locked_workspace(relationship, user)
    meeting = _notable(workspace, meeting)
    body = clean_text(body, field="body", label="note", limit=5000)
    return MeetingNote.objects.create(meeting=meeting, author=user, body=body)


@transaction.atomic
def note_edit(
    *, relationship: MentoringRelationship, user: User, note: MeetingNote, body: str
) -> MeetingNote:
    workspace = locked_workspace(relationship, user)
    _notable(workspace, note.meeting)
    if note.author_id != user.pk:
        raise PermissionDenied(_("Only the person who wrote a note can change it."))
    note.body = clean_text(body, field="body", label="note", limit=5000)
    note.updated_at = timezone.now()
    note.save(update_fields=["body", "updated_at"])
    return note
