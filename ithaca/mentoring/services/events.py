"""Organic spaces: events, sign-up, and "I'd like to continue with ..." marks.

A mark is seen by the person who made it and nobody else. Only when two
people mark each other is anything shown (to those two): an offer of a
mentoring relationship that both must still accept, or why the program's
rules do not allow one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ithaca.accounts.models import Profile, User
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring import notices
from ithaca.mentoring.formats import Candidate, choose_mentor
from ithaca.mentoring.models import ContinueMark, EventSignup, MentoringEvent, MutualInterest
from ithaca.mentoring.services.base import clean_text
from ithaca.mentoring.services.proposals import mentoring_propose
from ithaca.programs.access import is_program_manager
from ithaca.programs.models import Participation, Program

MARKS_OPEN_FOR = dt.timedelta(days=30)
MAX_CAPACITY = 500


def _check_event_fields(
    kind: str, starts_at: dt.datetime, ends_at: dt.datetime, capacity: int
) -> None:
    if kind not in MentoringEvent.Kind.values:
        raise DomainError(
            _("Choose a networking session, a peer circle or speed mentoring."), field="kind"
        )
    if ends_at <= starts_at:
        raise DomainError(_("An event must end after it starts."), field="ends_at")
    if starts_at <= timezone.now():
        raise DomainError(_("An event must start in the future."), field="starts_at")
    if not 2 <= capacity <= MAX_CAPACITY:
        raise DomainError(
            _("Room for between 2 and %(most)s people.") % {"most": MAX_CAPACITY},
            field="capacity",
        )


@transaction.atomic
def event_create(
    *,
    program: Program,
    user: User,
    kind: str,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    capacity: int,
    location: str = "",
    description: str = "",
) -> MentoringEvent:
    """A program manager opens an event in a mentoring program."""
    if not program.is_mentoring:
        raise DomainError(
            _("%(program)s is not a mentoring program.") % {"program": program}, field="program"
        )
    if not is_program_manager(user, program):
        raise PermissionDenied(_("Only this program's managers can create its events."))
    _check_event_fields(kind, starts_at, ends_at, capacity)
    return MentoringEvent.objects.create(
        program=program,
        kind=kind,
        title=clean_text(title, field="title", label="title", limit=160),
        description=(description or "").strip()[:4000],
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
        location=(location or "").strip()[:300],
        created_by=user,
    )


def _locked_event(event: MentoringEvent) -> MentoringEvent:
    return MentoringEvent.objects.select_for_update().select_related("program").get(pk=event.pk)


MANAGERS_ONLY = {
    "change": gettext_lazy("Only this program's managers can change its events."),
    "cancel": gettext_lazy("Only this program's managers can cancel its events."),
    "take attendance at": gettext_lazy(
        "Only this program's managers can take attendance at its events."
    ),
}


def _managed(event: MentoringEvent, user: User, doing: str) -> MentoringEvent:
    event = _locked_event(event)
    if not is_program_manager(user, event.program):
        raise PermissionDenied(str(MANAGERS_ONLY[doing]))
    if event.cancelled:
        raise DomainError(_("This event was cancelled."))
    return event


def _tell_attendees(event: MentoringEvent, actor: User) -> None:
    notices.tell_event_update(event, actor=actor)


@transaction.atomic
def event_update(
    *,
    event: MentoringEvent,
    user: User,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    capacity: int,
    location: str = "",
    description: str = "",
    kind: str | None = None,
) -> MentoringEvent:
    """Change an event before it starts; everyone signed up gets the new invite."""
    event = _managed(event, user, "change")
    if event.starts_at <= timezone.now():
        raise DomainError(_("This event has started; it can no longer be changed."))
    kind = kind or event.kind
    _check_event_fields(kind, starts_at, ends_at, capacity)
    taken = EventSignup.objects.filter(event=event).count()
    if capacity < taken:
        raise DomainError(
            ngettext(
                "%(taken)s person has signed up: keep at least %(taken)s place.",
                "%(taken)s people have signed up: keep at least %(taken)s places.",
                taken,
            )
            % {"taken": taken},
            field="capacity",
        )
    event.kind = kind
    event.title = clean_text(title, field="title", label="title", limit=160)
    event.description = (description or "").strip()[:4000]
    event.starts_at, event.ends_at, event.capacity = starts_at, ends_at, capacity
    event.location = (location or "").strip()[:300]
    event.edited_at = timezone.now()
    event.sequence += 1
    event.save()
    _tell_attendees(event, user)
    return event


@transaction.atomic
def event_cancel(*, event: MentoringEvent, user: User, reason: str = "") -> MentoringEvent:
    """Call an event off; everyone signed up is told and their invite is cancelled."""
    event = _managed(event, user, "cancel")
    if event.ends_at <= timezone.now():
        raise DomainError(_("This event is over; there is nothing to cancel."))
    event.cancelled_at = timezone.now()
    event.cancel_reason = (reason or "").strip()[:500]
    event.sequence += 1
    event.save(update_fields=["cancelled_at", "cancel_reason", "sequence"])
    _tell_attendees(event, user)
    return event


@transaction.atomic
def attendance_record(*, event: MentoringEvent, user: User, attended_ids: Iterable[int]) -> int:
    """The program manager says who came; only they can then mark whom to continue with."""
    event = _managed(event, user, "take attendance at")
    if event.starts_at > timezone.now():
        raise DomainError(_("Attendance is taken once the event has started."))
    present = {int(pk) for pk in attended_ids}
    signups = EventSignup.objects.filter(event=event)
    unknown = present - set(signups.values_list("person_id", flat=True))
    if unknown:
        raise DomainError(_("Only people who signed up can be marked as present."))
    signups.filter(person_id__in=present).update(attended=True)
    signups.exclude(person_id__in=present).update(attended=False)
    return len(present)


@transaction.atomic
def event_signup(*, event: MentoringEvent, user: User) -> EventSignup:
    """Take a place, while there is room (checked under a lock on the event)."""
    event = _locked_event(event)
    active = Participation.objects.filter(
        program_id=event.program_id, user=user, state=Participation.State.ACTIVE
    )
    if not active.exists():
        raise DomainError(
            _("Join %(program)s to sign up for its events.") % {"program": event.program}
        )
    if event.cancelled:
        raise DomainError(_("This event was cancelled."))
    if event.starts_at <= timezone.now():
        raise DomainError(_("This event has started; sign-up is closed."))
    signups = EventSignup.objects.filter(event=event)
    if signups.filter(person=user).exists():
        raise DomainError(_("You are signed up already."))
    if signups.count() >= event.capacity:
        raise DomainError(_("This event is full."))
    signup = EventSignup.objects.create(event=event, person=user)
    notices.tell_event_signed_up(signup)
    return signup


@transaction.atomic
def event_leave(*, event: MentoringEvent, user: User) -> None:
    event = _locked_event(event)
    if event.starts_at <= timezone.now():
        raise DomainError(_("This event has started; your place can no longer be given up."))
    deleted, _rows = EventSignup.objects.filter(event=event, person=user).delete()
    if not deleted:
        raise DomainError(_("You were not signed up."))


def _check_mark(event: MentoringEvent, user: User, marked: User) -> None:
    now = timezone.now()
    if now < event.starts_at:
        raise DomainError(_("You can say whom you'd like to continue with once the event starts."))
    if now > event.ends_at + MARKS_OPEN_FOR:
        raise DomainError(_("This event was too long ago to mark anyone now."))
    if event.cancelled:
        raise DomainError(_("This event was cancelled."))
    if marked.pk == user.pk:
        raise DomainError(_("You cannot mark yourself."), field="marked")
    attendees = set(
        EventSignup.objects.filter(
            event=event, person__in=[user, marked], attended=True
        ).values_list("person_id", flat=True)
    )
    if user.pk not in attendees:
        raise DomainError(
            _(
                "Only people who attended can mark someone, once the program manager has "
                "taken attendance."
            )
        )
    if marked.pk not in attendees:
        raise DomainError(
            _("%(person)s did not attend this event.") % {"person": marked}, field="marked"
        )


@transaction.atomic
def mark_add(*, event: MentoringEvent, user: User, marked: User) -> ContinueMark:
    """Say "I'd like to continue with `marked`". If they said the same, both get an offer."""
    event = _locked_event(event)  # serializes marks, so two crossing marks meet
    _check_mark(event, user, marked)
    mark, _created = ContinueMark.objects.get_or_create(event=event, marker=user, marked=marked)
    if ContinueMark.objects.filter(event=event, marker=marked, marked=user).exists():
        _mutual(event, user, marked)
    return mark


@transaction.atomic
def mark_remove(*, event: MentoringEvent, user: User, marked: User) -> None:
    event = _locked_event(event)
    first, second = sorted((user.pk, marked.pk))
    if MutualInterest.objects.filter(event=event, first_id=first, second_id=second).exists():
        raise DomainError(_("You marked each other already; answer the offer instead."))
    ContinueMark.objects.filter(event=event, marker=user, marked=marked).delete()


def _candidates(program: Program, people: list[User]) -> list[Candidate]:
    roles: dict[int, set[str]] = {person.pk: set() for person in people}
    for user_id, role in Participation.objects.filter(
        program=program, user__in=people, state=Participation.State.ACTIVE
    ).values_list("user_id", "role"):
        roles[user_id].add(role)
    profiles = {p.user_id: p for p in Profile.objects.filter(user__in=people)}
    return [
        Candidate(
            user_id=person.pk,
            is_mentor=Participation.Role.MENTOR in roles[person.pk],
            is_seeker=Participation.Role.SEEKER in roles[person.pk],
            grade=getattr(profiles.get(person.pk), "grade", 0),
            years_experience=getattr(profiles.get(person.pk), "years_experience", 0),
        )
        for person in people
    ]


def _mutual(event: MentoringEvent, a: User, b: User) -> MutualInterest:
    first, second = sorted((a, b), key=lambda person: person.pk)
    existing = MutualInterest.objects.filter(event=event, first=first, second=second).first()
    if existing is not None:
        return existing
    program = event.program
    choice = choose_mentor(program.mode, *_candidates(program, [first, second]))
    relationship, refused = None, ""
    if choice is None:
        refused = _(
            "A mentoring relationship needs one of you to be a mentor and the other a "
            "mentee in %(program)s; you can apply for those roles on the program's page."
        ) % {"program": program}
    else:
        people = {first.pk: first, second.pk: second}
        try:
            relationship = mentoring_propose(
                program=program,
                mentor=people[choice[0]],
                mentee=people[choice[1]],
                proposed_by=None,
            )
        except DomainError as exc:
            refused = exc.message
    mutual = MutualInterest.objects.create(
        event=event, first=first, second=second, relationship=relationship, refused_reason=refused
    )
    notices.tell_mutual(mutual)
    MutualInterest.objects.filter(pk=mutual.pk).update(notified_at=timezone.now())
    return mutual
