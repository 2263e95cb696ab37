"""Demo agreements, signatures, sessions and notes, placed in the past and near future."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from typing import Any

from ithaca.coaching import rules
from ithaca.coaching.demo.story import (
    BATCH,
    CANCELLED,
    GROW,
    HELD,
    NOTES,
    SCHEDULED,
    SCOPES,
    STARTED,
    Story,
    at,
    contract_dates,
)
from ithaca.coaching.models import (
    AgreementSignature,
    AgreementVersion,
    CoachingEngagement,
    CoachingSession,
    SessionNote,
)
from ithaca.programs.lifecycle import Status


def _terms(rng: random.Random, story: Story, index: int) -> str:
    if story.engagement.sponsor_id is None:
        return rules.SHARE_NOTHING
    if index == 0:
        return rules.SHARE_PROGRESS  # the first sponsored story shows the fullest report
    return rng.choices(
        [rules.SHARE_PROGRESS, rules.SHARE_ATTENDANCE, rules.SHARE_NOTHING], weights=[5, 4, 1]
    )[0]


def _version(rng: random.Random, story: Story, number: int, terms: str, today: dt.date) -> Any:
    engagement = story.engagement
    start, end = contract_dates(engagement, today)
    signed = engagement.status in STARTED
    return AgreementVersion(
        engagement=engagement,
        number=number,
        scope=rng.choice(SCOPES),
        objectives="Agreed outcomes are measured by the goals below, reviewed at each session.",
        session_count=engagement.session_count,
        session_cadence_days=engagement.session_cadence_days,
        session_length_minutes=engagement.program.session_length_minutes,
        starts_on=start,
        ends_on=end,
        sponsor_sees=terms,
        cancellation_notice_hours=24 if rng.random() < 0.7 else 48,
        created_at=at(start - dt.timedelta(days=7), 9),
        signed_at=at(start - dt.timedelta(days=2), 17) if signed and number == 1 else None,
    )


def _parties(engagement: CoachingEngagement) -> list[tuple[str, int]]:
    pairs = [(rules.COACH, engagement.coach_id), (rules.COACHEE, engagement.coachee_id)]
    return [*pairs, (rules.SPONSOR, engagement.sponsor_id)] if engagement.sponsor_id else pairs


def _signatures(versions: Iterable[AgreementVersion]) -> list[AgreementSignature]:
    rows = []
    for version in versions:
        parties = _parties(version.engagement)
        if version.signed_at is None:
            parties = parties[:1]  # awaiting the others: only the coach has signed
        for offset, (party, person) in enumerate(parties):
            moment = version.created_at + dt.timedelta(hours=2 + offset * 5)
            rows.append(
                AgreementSignature(version=version, party=party, signer_id=person, signed_at=moment)
            )
    return rows


def add_agreements(rng: random.Random, stories: list[Story], today: dt.date) -> dict[str, int]:
    versions, sponsored = [], 0
    for story in stories:
        terms = _terms(rng, story, sponsored)
        sponsored += story.engagement.sponsor_id is not None
        story.version = _version(rng, story, 1, terms, today)
        versions.append(story.version)
    amended = next((s for s in stories if s.engagement.status == Status.ACTIVE), None)
    if amended is not None and amended.version is not None:
        extra = _version(rng, amended, 2, amended.version.sponsor_sees, today)
        extra.session_count += 2  # an unsigned amendment asking for two more sessions
        versions.append(extra)
    AgreementVersion.objects.bulk_create(versions, batch_size=BATCH)
    signatures = AgreementSignature.objects.bulk_create(_signatures(versions), batch_size=BATCH)
    _mirror_dates([s for s in stories if s.version is not None])
    return {"agreements": len(versions), "signatures": len(signatures)}


def _mirror_dates(stories: list[Story]) -> None:
    """The engagement mirrors its governing terms; fill the dates the loader left empty."""
    changed = []
    for story in stories:
        engagement, version = story.engagement, story.version
        assert version is not None
        if version.signed_at and (engagement.starts_on, engagement.ends_on) != (
            version.starts_on,
            version.ends_on,
        ):
            engagement.starts_on, engagement.ends_on = version.starts_on, version.ends_on
            changed.append(engagement)
    CoachingEngagement.objects.bulk_update(changed, ["starts_on", "ends_on"], batch_size=BATCH)


def _last_held(rng: random.Random, story: Story, today: dt.date, stall: bool) -> dt.date:
    engagement, cadence = story.engagement, story.engagement.session_cadence_days
    if engagement.status == Status.CONCLUDED:
        ended = engagement.ended_at.date() if engagement.ended_at else today
        assert story.version is not None
        return min(ended - dt.timedelta(days=1), story.version.ends_on)
    if stall:
        return today - dt.timedelta(days=3 * cadence)  # no session for three cadences
    if engagement.status == Status.PAUSED:
        return today - dt.timedelta(days=rng.randint(cadence, 2 * cadence))
    return today - dt.timedelta(days=rng.randint(1, max(1, cadence - 1)))


def _held_days(rng: random.Random, story: Story, today: dt.date, stall: bool) -> list[dt.date]:
    """Held sessions a cadence apart, counted back from the last one, so a running
    engagement looks healthy (except the one meant to show the stalled flag)."""
    version, engagement = story.version, story.engagement
    assert version is not None
    cadence = version.session_cadence_days
    first, last = version.starts_on + dt.timedelta(days=2), _last_held(rng, story, today, stall)
    if last < first:
        return []
    limit = version.session_count - (1 if engagement.status == Status.ACTIVE else 0)
    count = min(max(limit, 1), (last - first).days // cadence + 1)
    return [last - dt.timedelta(days=cadence * (count - 1 - i)) for i in range(count)]


def _session(story: Story, day: dt.date, hour: int, status: str, kind: str) -> CoachingSession:
    assert story.version is not None
    starts = at(day, hour)
    cancelled = starts - dt.timedelta(days=2) if status == CANCELLED else None
    return CoachingSession(
        engagement=story.engagement,
        kind=kind,
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=story.version.session_length_minutes),
        location="Video call" if hour % 2 else "Coaching room, education centre",
        agenda="Review the actions; the next step on the main goal.",
        status=status,
        cancelled_at=cancelled,
        change_reason="Clinical emergency" if cancelled else "",
    )


def _kind(story: Story, index: int, total: int) -> str:
    if story.engagement.sponsor_id is None:
        return CoachingSession.Kind.ONE_TO_ONE
    if index == 0:
        return CoachingSession.Kind.THREE_WAY_START
    if index == total // 2 and total >= 3:
        return CoachingSession.Kind.THREE_WAY_MIDDLE
    return CoachingSession.Kind.ONE_TO_ONE


def _plan_sessions(rng: random.Random, story: Story, today: dt.date, stall: bool) -> None:
    days = _held_days(rng, story, today, stall)
    story.held = [
        _session(story, day, rng.choice((9, 11, 14, 16)), HELD, _kind(story, i, len(days)))
        for i, day in enumerate(days)
    ]
    story.sessions = list(story.held)
    if len(days) >= 2:  # one cancelled with notice, between two held sessions
        story.sessions.append(
            _session(
                story,
                days[1] - dt.timedelta(days=3),
                10,
                CANCELLED,
                CoachingSession.Kind.ONE_TO_ONE,
            )
        )
    assert story.version is not None
    upcoming = today + dt.timedelta(days=rng.randint(2, 6))
    booked = len(days) < story.version.session_count and upcoming <= story.version.ends_on
    if story.engagement.status == Status.ACTIVE and booked and not stall:
        story.sessions.append(
            _session(story, upcoming, 10, SCHEDULED, CoachingSession.Kind.ONE_TO_ONE)
        )


def _notes(rng: random.Random, stories: list[Story]) -> list[SessionNote]:
    rows = []
    for story in stories:
        engagement = story.engagement
        for session in story.held:
            goal, reality, options, will = rng.choice(GROW)
            rows.append(
                SessionNote(
                    session=session,
                    author_id=engagement.coach_id,
                    visibility=rules.NOTE_PRIVATE,
                    text=rng.choice(NOTES),
                )
            )
            rows.append(
                SessionNote(
                    session=session,
                    author_id=engagement.coach_id,
                    visibility=rules.NOTE_SHARED,
                    grow_goal=goal,
                    grow_reality=reality,
                    grow_options=options,
                    grow_will=will,
                )
            )
            if session.is_three_way:
                rows.append(
                    SessionNote(
                        session=session,
                        author_id=engagement.coach_id,
                        visibility=rules.NOTE_THREE_WAY,
                        text="Agreed what the sponsor will support next.",
                    )
                )
    return rows


def add_sessions(rng: random.Random, stories: list[Story], today: dt.date) -> dict[str, int]:
    started = [s for s in stories if s.engagement.status in STARTED]
    active = [s for s in started if s.engagement.status == Status.ACTIVE]
    stalled = active[-1] if len(active) > 1 else None  # the well-known first ones stay healthy
    for story in started:
        _plan_sessions(rng, story, today, stall=story is stalled)
    sessions = [session for story in started for session in story.sessions]
    CoachingSession.objects.bulk_create(sessions, batch_size=BATCH)
    notes = SessionNote.objects.bulk_create(_notes(rng, started), batch_size=BATCH)
    return {"sessions": len(sessions), "notes": len(notes)}
