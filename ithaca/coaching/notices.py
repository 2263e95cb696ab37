"""What coaching tells people, through `notify`: the agreement, sessions (with calendar
invitations), actions, reports, stalls, evaluations and follow-ups.

The sponsor hears only of what the agreement lets them see: three-way sessions,
the agreement they sign, and an approved report. No sentence quotes an agenda,
a note or a report.
"""

from __future__ import annotations

from django.urls import reverse

from ithaca.accounts.interface_language import in_language_of
from ithaca.accounts.models import User
from ithaca.coaching.invites import attendees, session_invite
from ithaca.coaching.models import (
    AgreementVersion,
    CoachingEngagement,
    CoachingSession,
    FollowUpSurvey,
    SponsorReport,
)
from ithaca.coaching.selectors import required_parties
from ithaca.notifications.services import local_time, notify


def parties(engagement: CoachingEngagement) -> list[User]:
    """Everyone who signs: coach, coachee and, if there is one, the sponsor."""
    people = {
        "coach": engagement.coach,
        "coachee": engagement.coachee,
        "sponsor": engagement.sponsor,
    }
    return [p for role in required_parties(engagement) if (p := people[role]) is not None]


def _other(engagement: CoachingEngagement, person: User) -> str:
    if person.pk == engagement.coach_id:
        return engagement.coachee.display_name
    return engagement.coach.display_name


def tell_session(session: CoachingSession, *, kind: str, actor: User | None) -> None:
    """The attendees other than the one who acted, each with the calendar entry for
    this version of the session (a cancellation says CANCEL), written in their own
    language whoever made the change."""
    cancelled = session.status == CoachingSession.Status.CANCELLED
    url = reverse("coaching:session", args=[session.pk])
    for person in attendees(session):
        with in_language_of(person):
            ics = session_invite(session)
        notify(
            recipient=person,
            kind=kind,
            subject=session,
            actor=actor,
            context={"when": local_time(person, session.starts_at)},
            url=url,
            event=session.sequence,
            ics=ics,
            ics_method="CANCEL" if cancelled else "REQUEST",
        )


def tell_agreement(version: AgreementVersion, *, actor: User) -> None:
    """A new version needs every party's signature: the first, or an amendment."""
    engagement = version.engagement
    for person in parties(engagement):
        notify(
            recipient=person,
            kind="agreement.to_sign" if version.number == 1 else "agreement.amended",
            subject=version,
            actor=actor,
            context={"other": _other(engagement, person)},
            url=reverse("coaching:version", args=[version.pk]),
        )


def tell_started(engagement: CoachingEngagement, *, actor: User | None) -> None:
    for person in parties(engagement):
        notify(
            recipient=person,
            kind="engagement.started",
            subject=engagement,
            actor=actor,
            context={"coachee": engagement.coachee.display_name},
            url=reverse("coaching:detail", args=[engagement.pk]),
        )


def tell_report(report: SponsorReport, *, kind: str, recipient: User | None, actor: User) -> None:
    if recipient is None:
        return
    engagement = report.engagement
    notify(
        recipient=recipient,
        kind=kind,
        subject=report,
        actor=actor,
        context={"coachee": engagement.coachee.display_name},
        url=reverse("coaching:report", args=[report.pk]),
        event=report.updated_at.isoformat(),
    )


def tell_evaluation_due(engagement: CoachingEngagement, *, actor: User) -> None:
    notify(
        recipient=engagement.coachee,
        kind="evaluation.due",
        subject=engagement,
        actor=actor,
        context={"other": engagement.coach.display_name},
        url=reverse("coaching:evaluation", args=[engagement.pk]),
    )


def tell_follow_up(survey: FollowUpSurvey) -> None:
    engagement = survey.evaluation.engagement
    notify(
        recipient=engagement.coachee,
        kind="follow_up.due",
        subject=survey,
        url=reverse("coaching:evaluation", args=[engagement.pk]),
    )
