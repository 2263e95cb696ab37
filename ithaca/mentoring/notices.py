"""What mentoring tells people, through `notify`: meetings (with calendar invitations),
the agenda, introductions, reviews, silences and event marks.

Called by the services inside their transaction: the notification is recorded
with the write and its e-mail is enqueued on commit. Each sentence says what
happened and links to it; nothing written in the workspace is quoted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy

from ithaca.accounts.interface_language import in_language_of
from ithaca.accounts.models import User
from ithaca.core.calendar import Attendee, build_invite
from ithaca.mentoring.models import (
    AgendaTopic,
    EventSignup,
    Introduction,
    Meeting,
    MentoringEvent,
    MentoringRelationship,
    MutualInterest,
    Nudge,
    Review,
)
from ithaca.mentoring.workspace import space_people
from ithaca.notifications.services import local_time, notify, notify_each


def _others(relationship: MentoringRelationship, actor: User | None) -> list[User]:
    return [p for p in space_people(relationship) if actor is None or p.pk != actor.pk]


def _other_name(relationship: MentoringRelationship, person: User) -> str | Promise:
    if relationship.group_id is not None and person.pk == relationship.mentor_id:
        # Lazy: the sentence is rendered in the recipient's language.
        # Translators: stands where a person's name would, after "with", e.g.
        # "Reminder: your meeting with your mentoring group is on ...".
        return gettext_lazy("your mentoring group")
    other = relationship.mentee if person.pk == relationship.mentor_id else relationship.mentor
    return other.display_name


def _meeting_summary(relationship: MentoringRelationship) -> str:
    """The calendar entry's title: who meets, never what about."""
    if relationship.group_id is not None:
        return gettext("Mentoring group with %(mentor)s") % {
            "mentor": relationship.mentor.display_name
        }
    return gettext("Mentoring: %(mentee)s and %(mentor)s") % {
        "mentee": relationship.mentee.display_name,
        "mentor": relationship.mentor.display_name,
    }


def meeting_invite(
    meeting: Meeting, relationship: MentoringRelationship, *, cancelled: bool
) -> bytes:
    """The calendar entry: a stable UID, the meeting's sequence, no agenda text."""
    people = space_people(relationship)
    return build_invite(
        uid=meeting.uid,
        start=meeting.starts_at,
        end=meeting.ends_at,
        summary=_meeting_summary(relationship),
        attendees=[Attendee(person.email, person.display_name) for person in people],
        location=meeting.location,
        sequence=meeting.sequence,
        cancelled=cancelled,
    )


def tell_meeting(
    meeting: Meeting,
    relationship: MentoringRelationship,
    *,
    kind: str,
    actor: User | None,
    invite: str = "",
) -> None:
    """The other side of a meeting's change; `invite` ('REQUEST' or 'CANCEL') attaches
    the calendar entry for this version of the meeting, written in each recipient's
    language whoever made the change."""
    url = reverse("mentoring:meeting", args=[relationship.pk, meeting.pk])
    for person in _others(relationship, actor):
        ics = None
        if invite:
            with in_language_of(person):
                ics = meeting_invite(meeting, relationship, cancelled=invite == "CANCEL")
        notify(
            recipient=person,
            kind=kind,
            subject=meeting,
            actor=actor,
            context={
                "when": local_time(person, meeting.starts_at),
                "other": _other_name(relationship, person),
            },
            url=url,
            event=meeting.sequence,
            ics=ics,
            ics_method=invite or "REQUEST",
        )
    if invite:
        Meeting.objects.filter(pk=meeting.pk).update(invite_sent_sequence=meeting.sequence)
        meeting.invite_sent_sequence = meeting.sequence


def tell_topic_suggested(
    topic: AgendaTopic, relationship: MentoringRelationship, actor: User
) -> None:
    for person in _others(relationship, actor):
        if person.pk == relationship.mentor_id:
            continue  # the agenda is the mentee's
        notify(
            recipient=person, kind="topic.suggested", subject=topic, actor=actor,
            url=reverse("mentoring:detail", args=[relationship.pk]),
        )  # fmt: skip


def tell_topic_answered(
    topic: AgendaTopic, relationship: MentoringRelationship, actor: User
) -> None:
    if topic.added_by is None:
        return
    notify(
        recipient=topic.added_by,
        kind="topic.taken_up" if topic.status == AgendaTopic.Status.OPEN else "topic.left_aside",
        subject=topic,
        actor=actor,
        url=reverse("mentoring:detail", args=[relationship.pk]),
    )


def tell_introduction_offered(intro: Introduction) -> None:
    """The person introduced is asked first; nobody else knows until they agree."""
    notify(
        recipient=intro.person,
        kind="introduction.offered",
        subject=intro,
        actor=intro.introduced_by,
        context={"contact": intro.contact.display_name},
        url=reverse("mentoring:introductions"),
    )


def tell_introduction_closed(intro: Introduction) -> None:
    """It ended without being made: the person said no (the mentor is told), or the
    mentor withdrew it (whoever was already asked is told)."""
    if intro.status == Introduction.Status.NOT_WANTED:
        kind, actor, people = "introduction.not_wanted", intro.person, [intro.introduced_by]
    elif intro.status == Introduction.Status.WITHDRAWN:
        kind, actor = "introduction.withdrawn", intro.introduced_by
        people = [intro.person] + ([intro.contact] if intro.person_agreed_at else [])
    else:
        return
    context = {"contact": intro.contact.display_name, "person": intro.person.display_name}
    for person in people:
        notify(
            recipient=person,
            kind=kind,
            subject=intro,
            actor=actor,
            context=context,
            url=reverse("mentoring:introductions"),
        )


def tell_introduction_asked(intro: Introduction) -> None:
    notify(
        recipient=intro.contact,
        kind="introduction.asked",
        subject=intro,
        actor=intro.introduced_by,
        context={"other": intro.person.display_name},
        url=reverse("mentoring:introductions"),
    )


def tell_introduction_agreed(intro: Introduction) -> None:
    """The mentor who offered it and the mentee it was for."""
    context = {"contact": intro.contact.display_name, "person": intro.person.display_name}
    for person in (intro.introduced_by, intro.person):
        notify(
            recipient=person,
            kind="introduction.agreed",
            subject=intro,
            actor=intro.contact,
            context=context,
            url=reverse("mentoring:introductions"),
        )


def _both(relationship: MentoringRelationship) -> Iterable[tuple[User, str]]:
    return (
        (relationship.mentor, relationship.mentee.display_name),
        (relationship.mentee, relationship.mentor.display_name),
    )


def tell_review_due(review: Review, relationship: MentoringRelationship) -> None:
    for person, other in _both(relationship):
        notify(
            recipient=person, kind="review.due", subject=review, context={"other": other},
            url=reverse("mentoring:review", args=[relationship.pk]),
        )  # fmt: skip


def tell_silence(nudge: Nudge, relationship: MentoringRelationship, days: int) -> None:
    for person, other in _both(relationship):
        notify(
            recipient=person, kind="relationship.silent", subject=nudge,
            context={"other": other, "days": days},
            url=reverse("mentoring:detail", args=[relationship.pk]),
        )  # fmt: skip


def tell_mutual(mutual: MutualInterest) -> None:
    """Both people who marked each other, and only then."""
    for person, other in ((mutual.first, mutual.second), (mutual.second, mutual.first)):
        notify(
            recipient=person, kind="event.mutual", subject=mutual,
            context={"other": other.display_name, "event": mutual.event.title},
            url=reverse("mentoring:event", args=[mutual.event_id]),
        )  # fmt: skip


def remind_meetings(*, now: dt.datetime, hours: int) -> int:
    """Everyone in the space of a confirmed meeting that starts within `hours`, once per
    version of the meeting."""
    soon = now + dt.timedelta(hours=hours)
    meetings = Meeting.objects.filter(
        status=Meeting.Status.CONFIRMED, starts_at__gt=now, starts_at__lte=soon
    ).select_related("relationship__mentor", "relationship__mentee", "relationship__program")
    told = 0
    for meeting in meetings[:500]:
        relationship = meeting.relationship
        for person in space_people(relationship):
            told += (
                notify(
                    recipient=person,
                    kind="meeting.reminder",
                    subject=meeting,
                    context={
                        "when": local_time(person, meeting.starts_at),
                        "other": _other_name(relationship, person),
                    },
                    url=reverse("mentoring:meeting", args=[relationship.pk, meeting.pk]),
                    event=meeting.sequence,
                )
                is not None
            )
    return told


def event_invite(event: MentoringEvent, person: User) -> bytes:
    """One attendee's calendar entry for an event (nobody else's address in it)."""
    return build_invite(
        uid=event.uid,
        start=event.starts_at,
        end=event.ends_at,
        summary=event.title,
        attendees=[Attendee(person.email, person.display_name)],
        description=event.description,
        location=event.location,
        sequence=event.sequence,
        cancelled=event.cancelled,
    )


def tell_event_signed_up(signup: EventSignup) -> None:
    """The calendar invitation for a place just taken."""
    event, person = signup.event, signup.person
    notify(
        recipient=person,
        kind="event.signed_up",
        subject=event,
        context={"event": event.title, "when": local_time(person, event.starts_at)},
        url=reverse("mentoring:event", args=[event.pk]),
        event=f"{person.pk}:{event.sequence}",
        ics=event_invite(event, person),
    )


def tell_event_update(event: MentoringEvent, *, actor: User | None) -> None:
    """Everyone signed up: the event changed (new invite) or was cancelled (the
    invite's cancellation). Each version of the event is told once."""
    kind = "event.cancelled" if event.cancelled else "event.changed"
    signups = EventSignup.objects.filter(event=event).select_related("person__profile")
    notify_each(
        told=(
            (
                signup.person,
                {
                    "event": event.title,
                    "when": local_time(signup.person, event.starts_at),
                    "where": event.location,
                    "reason": event.cancel_reason,
                },
                event_invite(event, signup.person),
            )
            for signup in signups.order_by("pk").iterator(chunk_size=1000)
        ),
        kind=kind,
        subject=event,
        actor=actor,
        url=reverse("mentoring:event", args=[event.pk]),
        event=str(event.sequence),
        ics_method="CANCEL" if event.cancelled else "REQUEST",
    )
