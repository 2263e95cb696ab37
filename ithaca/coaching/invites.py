"""Calendar invitations for coaching sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ithaca.accounts.models import User
from ithaca.coaching.models import CoachingSession
from ithaca.core.calendar import Attendee, build_invite

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

# The calendar entry's title, a whole sentence per kind of session (a kind's label,
# lower-cased and glued in, would misspell German nouns and read oddly elsewhere).
SUMMARIES: dict[str, StrPromise] = {
    CoachingSession.Kind.ONE_TO_ONE: gettext_lazy(
        "Coaching (one to one): %(coachee)s with %(coach)s"
    ),
    CoachingSession.Kind.THREE_WAY_START: gettext_lazy(
        "Coaching (three-way: start): %(coachee)s with %(coach)s"
    ),
    CoachingSession.Kind.THREE_WAY_MIDDLE: gettext_lazy(
        "Coaching (three-way: middle): %(coachee)s with %(coach)s"
    ),
    CoachingSession.Kind.THREE_WAY_END: gettext_lazy(
        "Coaching (three-way: end): %(coachee)s with %(coach)s"
    ),
}


def session_uid(session: CoachingSession) -> str:
    """Stable for the session's whole life, so calendars update one event in place."""
    host = urlsplit(settings.SITE_URL).hostname or "ithaca"
    return f"coaching-session-{session.pk}@{host}"


def attendees(session: CoachingSession) -> list[User]:
    """Coach and coachee; the sponsor too for a three-way session."""
    engagement = session.engagement
    people = [engagement.coach, engagement.coachee]
    if session.is_three_way and engagement.sponsor is not None:
        people.append(engagement.sponsor)
    return people


def session_invite(session: CoachingSession) -> bytes:
    """The session as an ICS event. The agenda stays out: e-mail is not the place for it."""
    engagement = session.engagement
    link = settings.SITE_URL + reverse("coaching:session", args=[session.pk])
    return build_invite(
        uid=session_uid(session),
        start=session.starts_at,
        end=session.ends_at,
        summary=str(SUMMARIES.get(session.kind, SUMMARIES[CoachingSession.Kind.ONE_TO_ONE]))
        % {"coachee": engagement.coachee.display_name, "coach": engagement.coach.display_name},
        attendees=[Attendee(person.email, person.display_name) for person in attendees(session)],
        description=_("Details in Ithaca: %(link)s") % {"link": link},
        location=session.location,
        sequence=session.sequence,
        cancelled=session.status == CoachingSession.Status.CANCELLED,
    )
