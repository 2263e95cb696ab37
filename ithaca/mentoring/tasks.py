"""E-mails about mentoring. Tasks take ids, run in a transaction with the row locked,
and record what they sent, so running one twice sends once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from ithaca.core.calendar import Attendee, build_invite
from ithaca.core.email import send_notice
from ithaca.mentoring.models import (
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
from ithaca.programs.lifecycle import Status

PREFIX = "mentoring/email/"


def _link(name: str, *args: object) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _relationship(pk: int) -> MentoringRelationship:
    return MentoringRelationship.objects.select_related("program", "mentor", "mentee").get(pk=pk)


def _invite(meeting: Meeting, relationship: MentoringRelationship, cancelled: bool) -> bytes:
    people = space_people(relationship)
    topics = ", ".join(topic.title for topic in meeting.topics.all())
    return build_invite(
        uid=meeting.uid,
        start=meeting.starts_at,
        end=meeting.ends_at,
        summary=f"Mentoring: {relationship.mentee.display_name} and "
        f"{relationship.mentor.display_name}"
        if relationship.group_id is None
        else f"Mentoring group with {relationship.mentor.display_name}",
        attendees=[Attendee(person.email, person.display_name) for person in people],
        description=f"Topics: {topics}" if topics else "",
        location=meeting.location,
        sequence=meeting.sequence,
        cancelled=cancelled,
    )


@task()
def send_meeting_invite(meeting_id: int) -> bool:
    """E-mail everyone in the space the calendar invite (or its cancellation)."""
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().filter(pk=meeting_id).first()
        if meeting is None or meeting.invite_sent_sequence >= meeting.sequence:
            return False
        if meeting.status == Meeting.Status.CONFIRMED:
            cancelled = False
        elif meeting.status == Meeting.Status.CANCELLED and meeting.invite_sent_sequence >= 0:
            cancelled = True
        else:
            return False
        relationship = _relationship(meeting.relationship_id)
        people = space_people(relationship)
        send_notice(
            to=[person.email for person in people],
            subject=("Cancelled: " if cancelled else "Meeting confirmed: ")
            + f"{meeting.starts_at.astimezone(dt.UTC):%d %b %Y %H:%M} UTC",
            template=PREFIX + ("meeting_cancelled.txt" if cancelled else "meeting_invite.txt"),
            context={
                "meeting": meeting,
                "relationship": relationship,
                "link": _link("mentoring:detail", relationship.pk),
            },
            ics=_invite(meeting, relationship, cancelled),
        )
        meeting.invite_sent_sequence = meeting.sequence
        meeting.save(update_fields=["invite_sent_sequence"])
    return True


@task()
def send_introduction_request(introduction_id: int) -> bool:
    """Ask the third person whether they agree to be introduced."""
    with transaction.atomic():
        intro = Introduction.objects.select_for_update().filter(pk=introduction_id).first()
        if intro is None or intro.request_sent_at or intro.status != Introduction.Status.PROPOSED:
            return False
        intro = Introduction.objects.select_related("introduced_by", "person", "contact").get(
            pk=intro.pk
        )
        send_notice(
            to=[intro.contact.email],
            subject=f"{intro.introduced_by.display_name} would like to introduce someone to you",
            template=PREFIX + "introduction_request.txt",
            context={"intro": intro, "link": _link("mentoring:introductions")},
        )
        Introduction.objects.filter(pk=intro.pk).update(request_sent_at=timezone.now())
    return True


@task()
def send_introduction_offer(introduction_id: int) -> bool:
    """Ask the person introduced whether they want the introduction; nobody else is
    asked until they agree. Sent once: the offer is the introduction's first state."""
    intro = (
        Introduction.objects.select_related("introduced_by", "person", "contact")
        .filter(pk=introduction_id, status=Introduction.Status.AWAITING_PERSON)
        .first()
    )
    if intro is None:
        return False
    send_notice(
        to=[intro.person.email],
        subject=f"{intro.introduced_by.display_name} offers to introduce you to someone",
        template=PREFIX + "introduction_offer.txt",
        context={"intro": intro, "link": _link("mentoring:introductions")},
    )
    return True


@task()
def send_introduction_closed(introduction_id: int) -> bool:
    """An introduction ended without being made: the person introduced said no (the
    mentor is told), or the mentor withdrew it (whoever was asked is told)."""
    intro = (
        Introduction.objects.select_related("introduced_by", "person", "contact")
        .filter(pk=introduction_id)
        .first()
    )
    if intro is None:
        return False
    if intro.status == Introduction.Status.NOT_WANTED:
        to = [intro.introduced_by.email]
    elif intro.status == Introduction.Status.WITHDRAWN:
        asked = [intro.person] + ([intro.contact] if intro.person_agreed_at else [])
        to = [person.email for person in asked]
    else:
        return False
    send_notice(
        to=to,
        subject="An introduction will not go ahead",
        template=PREFIX + "introduction_closed.txt",
        context={"intro": intro, "link": _link("mentoring:introductions")},
    )
    return True


@task()
def send_introduction_made(introduction_id: int) -> bool:
    """Tell the mentee and the third person that the introduction is made."""
    with transaction.atomic():
        intro = Introduction.objects.select_for_update().filter(pk=introduction_id).first()
        if intro is None or intro.made_sent_at or intro.status != Introduction.Status.ACCEPTED:
            return False
        intro = Introduction.objects.select_related("introduced_by", "person", "contact").get(
            pk=intro.pk
        )
        send_notice(
            to=[intro.person.email, intro.contact.email],
            subject=f"An introduction: {intro.person.display_name}, meet "
            f"{intro.contact.display_name}",
            template=PREFIX + "introduction_made.txt",
            context={"intro": intro},
        )
        Introduction.objects.filter(pk=intro.pk).update(made_sent_at=timezone.now())
    return True


@task()
def send_nudge(nudge_id: int) -> bool:
    """A gentle reminder to both people after a silence."""
    with transaction.atomic():
        nudge = Nudge.objects.select_for_update().filter(pk=nudge_id).first()
        if nudge is None or nudge.sent_at is not None:
            return False
        relationship = _relationship(nudge.relationship_id)
        if relationship.status != Status.ACTIVE:
            return False
        days = (timezone.now() - nudge.silent_since).days
        send_notice(
            to=[relationship.mentor.email, relationship.mentee.email],
            subject=f"It has been {days} days: time to catch up?",
            template=PREFIX + "nudge.txt",
            context={
                "relationship": relationship,
                "days": days,
                "link": _link("mentoring:detail", relationship.pk),
            },
        )
        nudge.sent_at = timezone.now()
        nudge.save(update_fields=["sent_at"])
    return True


@task()
def send_review_request(review_id: int) -> bool:
    """Ask both people whether to continue or conclude."""
    with transaction.atomic():
        review = Review.objects.select_for_update().filter(pk=review_id).first()
        if review is None or review.notified_at is not None or review.resolved_at is not None:
            return False
        relationship = _relationship(review.relationship_id)
        send_notice(
            to=[relationship.mentor.email, relationship.mentee.email],
            subject="Your mentoring: continue or conclude?",
            template=PREFIX + "review.txt",
            context={
                "relationship": relationship,
                "review": review,
                "link": _link("mentoring:review", relationship.pk),
            },
        )
        review.notified_at = timezone.now()
        review.save(update_fields=["notified_at"])
    return True


@task()
def send_mutual_interest(mutual_id: int) -> bool:
    """Tell two people who marked each other what follows: an offer, or why not."""
    with transaction.atomic():
        mutual = MutualInterest.objects.select_for_update().filter(pk=mutual_id).first()
        if mutual is None or mutual.notified_at is not None:
            return False
        mutual = MutualInterest.objects.select_related("event", "first", "second").get(pk=mutual.pk)
        send_notice(
            to=[mutual.first.email, mutual.second.email],
            subject=f"You both want to continue after {mutual.event.title}",
            template=PREFIX + "mutual_interest.txt",
            context={"mutual": mutual, "link": _link("mentoring:event", mutual.event_id)},
        )
        MutualInterest.objects.filter(pk=mutual.pk).update(notified_at=timezone.now())
    return True


def _event_invite(event: MentoringEvent, people: list[Any]) -> bytes:
    return build_invite(
        uid=event.uid,
        start=event.starts_at,
        end=event.ends_at,
        summary=event.title,
        attendees=[Attendee(person.email, person.display_name) for person in people],
        description=event.description,
        location=event.location,
        sequence=event.sequence,
        cancelled=event.cancelled,
    )


@task()
def send_event_invite(signup_id: int) -> bool:
    """The calendar invite for a place just taken at an event."""
    signup = EventSignup.objects.select_related("event__program", "person").filter(pk=signup_id)
    found = signup.first()
    if found is None or found.event.cancelled:
        return False
    event = found.event
    send_notice(
        to=[found.person.email],
        subject=f"You are signed up: {event.title}",
        template=PREFIX + "event_invite.txt",
        context={"event": event, "link": _link("mentoring:event", event.pk)},
        ics=_event_invite(event, [found.person]),
    )
    return True


@task()
def send_event_update(event_id: int, sequence: int) -> bool:
    """Tell everyone signed up that the event changed or was cancelled, with the new
    invite (or its cancellation). A later change supersedes this one."""
    event = MentoringEvent.objects.select_related("program").filter(pk=event_id).first()
    if event is None or event.sequence != sequence:
        return False
    people = [s.person for s in EventSignup.objects.filter(event=event).select_related("person")]
    if not people:
        return False
    send_notice(
        to=[person.email for person in people],
        subject=("Cancelled: " if event.cancelled else "Changed: ") + event.title,
        template=PREFIX + ("event_cancelled.txt" if event.cancelled else "event_changed.txt"),
        context={"event": event, "link": _link("mentoring:event", event.pk)},
        ics=_event_invite(event, people),
    )
    return True
