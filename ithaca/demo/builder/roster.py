"""Who can be matched in a program, since when, and how much room helpers have."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ithaca.demo.builder.records import (
    ACTIVE,
    MENTOR,
    SEEKER,
    SPONSOR,
    ParticipationRow,
    ProgramRow,
)
from ithaca.demo.builder.stories import WINDOW_DAYS


@dataclass(slots=True)
class Roster:
    """One program's matchable people and the open relationships placed so far.

    `free` lists helpers with room left; `take` keeps it current in constant
    time, so drawing a helper stays cheap with thousands of them.
    """

    program: ProgramRow
    helpers: list[int] = field(default_factory=list)
    seekers: list[int] = field(default_factory=list)
    sponsors: list[int] = field(default_factory=list)
    capacity: dict[int, int] = field(default_factory=dict)
    ready_days: dict[int, int] = field(default_factory=dict)
    open: dict[int, int] = field(default_factory=dict)
    free: list[int] = field(default_factory=list)
    free_at: dict[int, int] = field(default_factory=dict)
    storied: set[int] = field(default_factory=set)

    def has_room(self, helper: int) -> bool:
        return self.open.get(helper, 0) < self.capacity.get(helper, 0)

    def take(self, helper: int) -> None:
        """Count one more open relationship for `helper`."""
        self.open[helper] = self.open.get(helper, 0) + 1
        if not self.has_room(helper) and helper in self.free_at:
            position = self.free_at.pop(helper)
            last = self.free.pop()
            if last != helper:
                self.free[position] = last
                self.free_at[last] = position

    def add_helper(self, person: int, capacity: int) -> None:
        self.helpers.append(person)
        self.capacity[person] = capacity
        self.free_at[person] = len(self.free)
        self.free.append(person)

    def ready(self, person: int, since: datetime, anchor: datetime) -> None:
        # Someone holding two roles in a program is matchable from the later one.
        days = min(WINDOW_DAYS, (anchor - since).days)
        self.ready_days[person] = min(self.ready_days.get(person, days), days)


def rosters(
    programs: list[ProgramRow], participations: list[ParticipationRow], anchor: datetime
) -> dict[str, Roster]:
    """A roster per program from the active participations.

    Mentors of a program that requires training count only once trained,
    and only from the day they finished it.
    """
    found = {program.slug: Roster(program) for program in programs}
    for row in participations:
        roster = found[row.program]
        if row.state != ACTIVE:
            continue
        since = row.joined_at
        if row.role == MENTOR and roster.program.requires_training:
            if row.training_completed_at is None:
                continue
            since = max(since, row.training_completed_at)
        roster.ready(row.person, since, anchor)
        if row.role == SEEKER:
            roster.seekers.append(row.person)
        elif row.role == SPONSOR:
            roster.sponsors.append(row.person)
        else:
            roster.add_helper(row.person, row.capacity or 0)
    return found
