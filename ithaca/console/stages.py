"""Where each participant stands in a program, and when they are stuck.

Pure rules over plain values; the selectors compute the counts in SQL and the
same rules as filters (see selectors.STAGE_FILTERS).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import pgettext_lazy

APPLIED_STUCK_DAYS = 14
WAITING_STUCK_DAYS = 30


class Stage(StrEnum):
    APPLIED = "applied"
    WAITING = "waiting"
    MATCHED = "matched"
    ACTIVE = "active"
    CONCLUDED = "concluded"
    DECLINED = "declined"
    LEFT = "left"
    SPONSOR = "sponsor"

    @property
    def label(self) -> str:
        return str(STAGE_LABELS[self])


STAGE_LABELS = {
    Stage.APPLIED: pgettext_lazy("participant stage", "Applied"),
    Stage.WAITING: pgettext_lazy("participant stage", "Waiting for a match"),
    Stage.MATCHED: pgettext_lazy("participant stage", "Matched, not yet started"),
    Stage.ACTIVE: pgettext_lazy("participant stage", "Active"),
    Stage.CONCLUDED: pgettext_lazy("participant stage", "Concluded"),
    Stage.DECLINED: pgettext_lazy("participant stage", "Declined"),
    Stage.LEFT: pgettext_lazy("participant stage", "Left the program"),
    Stage.SPONSOR: pgettext_lazy("participant stage", "Sponsor"),
}


@dataclass(frozen=True)
class Relationships:
    """A participant's relationships in one program, on their side, by status."""

    active: int = 0  # active or paused
    proposed: int = 0
    concluded: int = 0


def participant_stage(state: str, role: str, relationships: Relationships) -> Stage:
    """applied -> waiting for a match -> matched (proposed) -> active -> concluded.

    An open relationship counts before a concluded one: someone who concluded
    with one mentor and works with another is active.
    """
    if state == "pending":
        return Stage.APPLIED
    if state == "declined":
        return Stage.DECLINED
    if state == "left":
        return Stage.LEFT
    if role == "sponsor":
        return Stage.SPONSOR
    if relationships.active:
        return Stage.ACTIVE
    if relationships.proposed:
        return Stage.MATCHED
    if relationships.concluded:
        return Stage.CONCLUDED
    return Stage.WAITING


def is_stuck(
    stage: Stage, role: str, since: dt.datetime, now: dt.datetime, request_expiry_days: int
) -> bool:
    """Applied for over 14 days, a seeker waiting over 30, or a proposal past its expiry."""
    age = now - since
    if stage == Stage.APPLIED:
        return age > dt.timedelta(days=APPLIED_STUCK_DAYS)
    if stage == Stage.WAITING and role == "seeker":
        return age > dt.timedelta(days=WAITING_STUCK_DAYS)
    if stage == Stage.MATCHED:
        return age > dt.timedelta(days=request_expiry_days)
    return False
