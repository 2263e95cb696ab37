"""Shared helpers for enrolling people in programs: how many, who, and when."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from ithaca.demo.builder.logins import PINNED
from ithaca.demo.builder.records import ACTIVE, ParticipationRow, PersonRow

LAUNCH_DAYS = 600  # the programs opened this many days before the anchor

Pool = Callable[[PersonRow, int], bool]


def scaled(total: int, fraction: float, floor: int) -> int:
    """`fraction` of the staff, but never fewer than `floor` (itself capped for tiny demos)."""
    return max(round(total * fraction), min(floor, total // 5))


def draw(rng: random.Random, people: list[PersonRow], count: int, fits: Pool) -> list[int]:
    """Up to `count` employees who fit, never a pinned demo account."""
    pool = [
        i
        for i in range(len(PINNED), len(people))
        if people[i].department is not None and fits(people[i], i)
    ]
    return rng.sample(pool, min(count, len(pool)))


class Joining:
    """When people joined a program: at launch, or after they joined the organization."""

    def __init__(self, rng: random.Random, people: list[PersonRow], anchor: datetime) -> None:
        self.rng, self.people, self.anchor = rng, people, anchor
        self.launch = anchor - timedelta(days=LAUNCH_DAYS)

    def active(self, index: int) -> datetime:
        person_joined = self.people[index].joined_at
        opened = self.launch + timedelta(days=self.rng.randint(0, 45), hours=self.rng.randint(0, 9))
        return max(opened, person_joined + timedelta(days=self.rng.randint(1, 20)))

    def pending(self, index: int) -> datetime:
        person_joined = self.people[index].joined_at
        applied = self.anchor - timedelta(
            days=self.rng.randint(1, 20), hours=self.rng.randint(1, 9)
        )
        return max(applied, person_joined + timedelta(hours=1))

    def trained(self, joined: datetime) -> datetime | None:
        done = joined + timedelta(days=self.rng.randint(3, 40))
        # Somebody who joined last week has not had a training slot yet.
        return done if done < self.anchor - timedelta(days=1) else None

    def plain(self, program: str, index: int, role: str) -> ParticipationRow:
        """An active participation with nothing but a role."""
        return ParticipationRow(program, index, role, ACTIVE, self.active(index))
