"""Scheduling, rescheduling, cancelling and holding sessions; writing their notes.

The governing agreement caps the sessions: scheduled, held and late-cancelled
sessions count as used; a session cancelled with enough notice does not. Each
change to a scheduled session sends every attendee an updated calendar invite.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ithaca.accounts.models import User
from ithaca.coaching import metrics, notices, rules
from ithaca.coaching.models import (
    AgreementVersion,
    CoachingEngagement,
    CoachingSession,
    SessionNote,
)
from ithaca.coaching.selectors import governing_agreement, session_usage
from ithaca.coaching.services._base import locked, require_active, require_party, required_text
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.programs.calendar import refuse_clash

GROW_KEYS = ("goal", "reality", "options", "will")
Kind = CoachingSession.Kind
SessionStatus = CoachingSession.Status


FURTHEST_YEARS = 5  # a session years ahead is a typo (the agreement runs weeks to months)


def _check_times(
    starts_at: dt.datetime, ends_at: dt.datetime, *, future: bool, now: dt.datetime
) -> None:
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise DomainError(_("Session times need a time zone."), field="starts_at")
    if ends_at <= starts_at:
        raise DomainError(_("A session must end after it starts."), field="ends_at")
    if starts_at.year > now.year + FURTHEST_YEARS:
        raise DomainError(
            _(
                "Choose a time within the next %(years)s years; coaching sessions are "
                "booked within the agreement's dates."
            )
            % {"years": FURTHEST_YEARS},
            field="starts_at",
        )
    if future and starts_at <= now:
        raise DomainError(
            _("A session is scheduled in the future; record a past one as held instead."),
            field="starts_at",
        )
    if not future and starts_at > now:
        raise DomainError(
            _("A session in the future cannot have been held yet."), field="starts_at"
        )


def _check_contract(governing: AgreementVersion, starts_at: dt.datetime) -> None:
    day = timezone.localdate(starts_at)
    if not governing.starts_on <= day <= governing.ends_on:
        raise DomainError(
            _("The agreement runs from %(start)s to %(end)s; amend it to meet outside those dates.")
            % {
                "start": date_format(governing.starts_on, "DATE_FORMAT"),
                "end": date_format(governing.ends_on, "DATE_FORMAT"),
            },
            field="starts_at",
        )


def _check_limit(engagement: CoachingEngagement, governing: AgreementVersion) -> None:
    used = session_usage(engagement).used
    if used >= governing.session_count:
        raise DomainError(
            _(
                "All %(count)s agreed sessions are held, booked or lost to late "
                "cancellation. A further session needs an amended, signed agreement."
            )
            % {"count": governing.session_count}
        )


def _check_kind(kind: str, has_sponsor: bool) -> None:
    if kind not in Kind.values:
        raise DomainError(_("Choose the kind of session."), field="kind")
    if kind != Kind.ONE_TO_ONE and not has_sponsor:
        raise DomainError(_("A three-way session needs a sponsor."), field="kind")


def _check_free(
    engagement: CoachingEngagement,
    user: User,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    ignore: int | None = None,
) -> None:
    """Neither the coach nor the coachee may be booked elsewhere (any session or
    mentoring meeting) at that time."""
    people = {
        engagement.coach_id: engagement.coach.display_name,
        engagement.coachee_id: engagement.coachee.display_name,
    }
    skip = ("coaching-session", ignore) if ignore is not None else None
    refuse_clash(people, starts_at, ends_at, ignore=skip, you=user.pk)


@transaction.atomic
def session_schedule(
    *,
    engagement: CoachingEngagement,
    user: User,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    location: str,
    kind: str = Kind.ONE_TO_ONE,
    agenda: str = "",
    held: bool = False,
) -> CoachingSession:
    """Book a future session (and invite the attendees), or, with `held`, record one
    that already took place. Both count against the agreed number of sessions."""
    engagement = locked(engagement.pk)
    require_party(engagement, user)
    governing = require_active(engagement)
    _check_kind(kind, engagement.sponsor_id is not None)
    _check_times(starts_at, ends_at, future=not held, now=timezone.now())
    _check_contract(governing, starts_at)
    _check_limit(engagement, governing)
    _check_free(engagement, user, starts_at, ends_at)
    session = CoachingSession.objects.create(
        engagement=engagement,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        location=required_text(location, field="location", message=_("Say where, or give a link.")),
        agenda=agenda.strip(),
        status=SessionStatus.HELD if held else SessionStatus.SCHEDULED,
        created_by=user,
    )
    if not held:
        notices.tell_session(session, kind="session.scheduled", actor=user)
    return session


def _locked_session(session: CoachingSession, user: User) -> CoachingSession:
    engagement = locked(session.engagement_id)
    require_party(engagement, user)
    fresh = CoachingSession.objects.select_for_update().get(pk=session.pk)
    fresh.engagement = engagement
    return fresh


# What may happen to a scheduled session only; one whole sentence each, for translation.
NOT_SCHEDULED = {
    "rescheduled": gettext_lazy(
        "Only a scheduled session can be rescheduled; this one is %(status)s."
    ),
    "cancelled": gettext_lazy("Only a scheduled session can be cancelled; this one is %(status)s."),
    "marked as held": gettext_lazy(
        "Only a scheduled session can be marked as held; this one is %(status)s."
    ),
    "given an agenda": gettext_lazy(
        "Only a scheduled session can be given an agenda; this one is %(status)s."
    ),
}


def _require_scheduled(session: CoachingSession, doing: str) -> None:
    if session.status != SessionStatus.SCHEDULED:
        status = session.get_status_display().lower()
        raise DomainError(str(NOT_SCHEDULED[doing]) % {"status": status})


@transaction.atomic
def session_reschedule(
    *,
    session: CoachingSession,
    user: User,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    reason: str,
    location: str = "",
) -> CoachingSession:
    """Move a scheduled session; attendees get an invite that replaces the old one."""
    session = _locked_session(session, user)
    _require_scheduled(session, "rescheduled")
    governing = require_active(session.engagement)
    reason = required_text(reason, field="reason", message=_("Say why the session moves."))
    _check_times(starts_at, ends_at, future=True, now=timezone.now())
    _check_contract(governing, starts_at)
    _check_free(session.engagement, user, starts_at, ends_at, ignore=session.pk)
    session.starts_at, session.ends_at = starts_at, ends_at
    session.location = location.strip() or session.location
    session.change_reason = reason
    session.sequence += 1
    session.save()
    notices.tell_session(session, kind="session.rescheduled", actor=user)
    return session


@transaction.atomic
def session_cancel(*, session: CoachingSession, user: User, reason: str) -> CoachingSession:
    """Cancel a scheduled session. Inside the agreed notice it is a late cancellation,
    which the terms count as a used session."""
    session = _locked_session(session, user)
    _require_scheduled(session, "cancelled")
    reason = required_text(reason, field="reason", message=_("Say why the session is cancelled."))
    governing = governing_agreement(session.engagement)
    now = timezone.now()
    notice = governing.cancellation_notice_hours if governing else 0
    session.late_cancellation = metrics.is_late_cancellation(
        starts_at=session.starts_at, cancelled_at=now, notice_hours=notice
    )
    session.status, session.cancelled_at = SessionStatus.CANCELLED, now
    session.change_reason = reason
    session.sequence += 1
    session.save()
    notices.tell_session(session, kind="session.cancelled", actor=user)
    return session


@transaction.atomic
def session_mark_held(*, session: CoachingSession, user: User) -> CoachingSession:
    session = _locked_session(session, user)
    _require_scheduled(session, "marked as held")
    if session.starts_at > timezone.now():
        raise DomainError(_("This session has not started yet."))
    session.status = SessionStatus.HELD
    session.save(update_fields=["status", "updated_at"])
    return session


@transaction.atomic
def session_set_agenda(*, session: CoachingSession, user: User, agenda: str) -> CoachingSession:
    """The agenda is set before the session, by either of the pair."""
    session = _locked_session(session, user)
    _require_scheduled(session, "given an agenda")
    session.agenda = agenda.strip()[:4000]
    session.save(update_fields=["agenda", "updated_at"])
    return session


@transaction.atomic
def note_add(
    *,
    session: CoachingSession,
    user: User,
    visibility: str,
    text: str = "",
    grow: dict[str, str] | None = None,
) -> SessionNote:
    """A note with a visibility the writer may choose; GROW headings are optional."""
    session = _locked_session(session, user)
    if session.status == SessionStatus.CANCELLED:
        raise DomainError(_("A cancelled session takes no notes."))
    role = require_party(session.engagement, user)
    if visibility not in rules.writable_visibilities(role, three_way=session.is_three_way):
        raise PermissionDenied(_("You cannot write a note with that visibility on this session."))
    parts = {f"grow_{key}": (grow or {}).get(key, "").strip() for key in GROW_KEYS}
    if not text.strip() and not any(parts.values()):
        raise DomainError(_("Write the note, or fill in at least one GROW heading."), field="text")
    return SessionNote.objects.create(
        session=session, author=user, visibility=visibility, text=text.strip(), **parts
    )
