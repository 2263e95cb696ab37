"""Mentoring relationships and coaching engagements in every lifecycle status.

Each seeker gets a *story*: nothing yet, one relationship, or an earlier
closed one followed by the current one. The rules the services enforce hold
for every pair placed here too: helper and seeker are active in the program,
the mentor is trained when the program requires it, independent of the
seeker's management chain and assessors, has free capacity for an open
relationship, and a sponsor is a third party. A seeker has at most one open
relationship per program.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from ithaca.demo.builder.hierarchy import Independence
from ithaca.demo.builder.records import (
    ACTIVE,
    CONCLUDED,
    DECLINED,
    OPEN,
    PAUSED,
    PROPOSED,
    WITHDRAWN,
    PersonRow,
    RelationshipRow,
)
from ithaca.demo.builder.roster import Roster
from ithaca.demo.builder.stories import (
    HELPER,
    SEEKER,
    THIRD,
    WINDOW_DAYS,
    Moments,
    maybe_moment,
    moment,
    plan,
)
from ithaca.demo.builder.vocabulary import STATUS_REASONS

TRIES = 40
# The first seekers of each program walk through every status (and every
# side of a proposal), so even a small demo shows them all; the rest follow
# the weighted stories below. The proposer named is the newest one's.
COVERAGE: tuple[tuple[tuple[str, ...], str], ...] = (
    ((DECLINED, PROPOSED), THIRD),
    ((WITHDRAWN, PROPOSED), HELPER),
    ((CONCLUDED, ACTIVE), SEEKER),
    ((PROPOSED,), SEEKER),
    ((PAUSED,), HELPER),
)
# Stories, oldest relationship first, with how often each happens. An empty
# story is a seeker still waiting for a match.
STORIES: tuple[tuple[tuple[str, ...], int], ...] = (
    ((ACTIVE,), 30), ((CONCLUDED, ACTIVE), 8), ((DECLINED, ACTIVE), 5), ((CONCLUDED,), 10),
    ((PAUSED,), 6), ((PROPOSED,), 10), ((DECLINED,), 5), ((WITHDRAWN,), 4),
    ((WITHDRAWN, PROPOSED), 2), ((), 20),
)  # fmt: skip


class Matchmaker:
    """Places one program's relationships, keeping every rule as it goes."""

    def __init__(
        self,
        rng: random.Random,
        people: list[PersonRow],
        independence: Independence,
        anchor: datetime,
        roster: Roster,
    ) -> None:
        self.rng, self.people, self.anchor, self.roster = rng, people, anchor, roster
        self.independence = independence
        self.rows: list[RelationshipRow] = []

    def place(
        self,
        seeker: int,
        status: str,
        proposer: str,
        *,
        helper: int | None = None,
        sponsor: int | None = None,
        floor: int = 0,
        avoid: tuple[int, ...] = (),
    ) -> RelationshipRow | None:
        """Add one relationship for `seeker`, with `helper` or a fitting one drawn."""
        drawn = helper is None
        candidates = [helper] if helper is not None else self._candidates(status in OPEN)
        for position, candidate in enumerate(candidates):
            if candidate in avoid or not self._allowed(candidate, seeker, status):
                continue
            if drawn and position < TRIES // 2 and not self._suits(candidate, seeker):
                continue
            row = self._relationship(candidate, seeker, status, proposer, sponsor, floor)
            if row is not None:
                self.rows.append(row)
                if status in OPEN:
                    self.roster.take(candidate)
                return row
        return None

    def _candidates(self, needs_room: bool) -> list[int]:
        pool = self.roster.free if needs_room else self.roster.helpers
        return [self.rng.choice(pool) for _ in range(TRIES)] if pool else []

    def _allowed(self, helper: int, seeker: int, status: str) -> bool:
        if helper not in self.roster.capacity:
            return False
        if status in OPEN and not self.roster.has_room(helper):
            return False
        return self.independence.allows(helper, seeker)

    def _suits(self, helper: int, seeker: int) -> bool:
        # Preferences, not rules: a scheme mentor is senior to the mentee and
        # peers are within a grade of each other.
        gap = self.people[helper].grade - self.people[seeker].grade
        mode = self.roster.program.mode
        if mode == "one_to_one":
            return gap > 0
        return abs(gap) <= 1 if mode == "peer" else True

    def _relationship(
        self, helper: int, seeker: int, status: str, proposer: str, sponsor: int | None, floor: int
    ) -> RelationshipRow | None:
        program = self.roster.program
        coaching = program.kind == "coaching"
        sessions = max(3, program.session_count + self.rng.choice((0, 0, 0, -2, 2)))
        length = sessions * program.session_cadence_days if coaching else self.rng.randint(90, 300)
        ready = self.roster.ready_days
        ceiling = min(WINDOW_DAYS, ready[helper], ready[seeker])
        moments = plan(
            self.rng, status, floor=floor, ceiling=ceiling, length=length, proposer=proposer
        )
        if moments is None:
            return None
        if coaching and sponsor is None and self.rng.random() < 0.7:
            sponsor = self._sponsor(helper, seeker)
        row = self._row(
            helper, seeker, status, moments, self._proposer(proposer, helper, seeker, sponsor)
        )
        if coaching:
            _contract(row, sessions, program.session_cadence_days, sponsor)
        return row

    def _sponsor(self, helper: int, seeker: int) -> int | None:
        for _ in range(10):
            sponsor = self.rng.choice(self.roster.sponsors) if self.roster.sponsors else None
            if sponsor not in (helper, seeker):
                return sponsor
        return None

    def _proposer(self, proposer: str, helper: int, seeker: int, sponsor: int | None) -> int:
        if proposer == HELPER:
            return helper
        if proposer == SEEKER:
            return seeker
        # A third party: the sponsor who referred the coachee, or a program manager.
        if sponsor is not None and self.rng.random() < 0.5:
            return sponsor
        return self.rng.choice(
            [m for m in self.roster.program.managers if m not in (helper, seeker)]
        )

    def _row(
        self, helper: int, seeker: int, status: str, moments: Moments, proposed_by: int
    ) -> RelationshipRow:
        anchor = self.anchor
        reasons = STATUS_REASONS.get(status, ())
        return RelationshipRow(
            program=self.roster.program.slug,
            helper=helper,
            seeker=seeker,
            status=status,
            created_at=moment(anchor, moments.created),
            updated_at=moment(anchor, moments.updated),
            proposed_by=proposed_by,
            helper_accepted_at=maybe_moment(anchor, moments.helper_accepted),
            seeker_accepted_at=maybe_moment(anchor, moments.seeker_accepted),
            started_at=maybe_moment(anchor, moments.started),
            ended_at=maybe_moment(anchor, moments.ended),
            status_reason=self.rng.choice(reasons) if reasons and self.rng.random() < 0.7 else "",
        )

    def tell(self, seeker: int, story: tuple[str, ...], proposer: str | None = None) -> int:
        """Place a story newest first, each older relationship ending before the next began.

        Returns how many of its relationships found a helper and a time that fit.
        """
        floor = 0
        used: tuple[int, ...] = ()
        for position, status in enumerate(reversed(story)):
            side = proposer if position == 0 and proposer else self._random_proposer(status)
            row = self.place(seeker, status, side, floor=floor, avoid=used)
            if row is None:
                return position
            self.roster.storied.add(seeker)
            floor = (self.anchor - row.created_at).days + 1
            used = (*used, row.helper)
        return len(story)

    def _random_proposer(self, status: str) -> str:
        weights = (3, 4, 3) if status == PROPOSED else (2, 5, 3)
        return self.rng.choices((HELPER, SEEKER, THIRD), weights)[0]

    def tell_everyone(self) -> None:
        """Stories for every seeker not placed by hand: coverage first, then weighted."""
        seekers = [s for s in self.roster.seekers if s not in self.roster.storied]
        self.rng.shuffle(seekers)
        waiting = list(COVERAGE)
        stories, weights = zip(*STORIES, strict=True)
        for seeker in seekers:
            if not waiting:
                self.tell(seeker, self.rng.choices(stories, weights)[0])
                continue
            story, proposer = waiting[0]
            placed = self.tell(seeker, story, proposer)
            if placed == len(story):
                waiting.pop(0)
            elif placed == 0:
                self.tell(seeker, self.rng.choices(stories, weights)[0])


def _contract(row: RelationshipRow, sessions: int, cadence: int, sponsor: int | None) -> None:
    """Coaching terms: sessions, cadence, sponsor and the contract's dates."""
    row.session_count, row.session_cadence_days, row.sponsor = sessions, cadence, sponsor
    if row.started_at is not None:
        row.starts_on = row.started_at.date()
        row.ends_on = row.starts_on + timedelta(days=sessions * cadence)
