"""The hand-placed stories of the well-known demo accounts.

They are placed before anyone else so they always find room, and they go
through the same rule checks as every drawn pair.
"""

from __future__ import annotations

from ithaca.demo.builder.logins import INDEX
from ithaca.demo.builder.programs import (
    EXECUTIVE_COACHING,
    MENTORING_SCHEME,
    NEW_MANAGER_COACHING,
    PEER_CIRCLES,
)
from ithaca.demo.builder.records import ACTIVE, PROPOSED, RelationshipRow
from ithaca.demo.builder.relationships import Matchmaker
from ithaca.demo.builder.stories import HELPER, SEEKER


def place_pinned(makers: dict[str, Matchmaker]) -> None:
    """The demo mentee, mentor, coach, coachee and sponsor get their stories."""
    mentee, mentor = INDEX["mentee"], INDEX["mentor"]
    coach, coachee, sponsor = INDEX["coach"], INDEX["coachee"], INDEX["sponsor"]
    scheme, peers = makers[MENTORING_SCHEME], makers[PEER_CIRCLES]
    _settle(scheme, mentee, scheme.place(mentee, ACTIVE, SEEKER, helper=mentor))
    _with_helper(scheme, mentor, count=2)
    # A peer has proposed and said yes; the answer is now the mentee's.
    helpers = sorted(peers.roster.helpers)
    peers.rng.shuffle(helpers)
    proposal = next(
        (row for h in helpers if (row := peers.place(mentee, PROPOSED, HELPER, helper=h))), None
    )
    _settle(peers, mentee, proposal)
    new_managers = makers[NEW_MANAGER_COACHING]
    engagement = new_managers.place(coachee, ACTIVE, SEEKER, helper=coach, sponsor=sponsor)
    _settle(new_managers, coachee, engagement)
    _with_helper(new_managers, coach, count=1)
    _with_helper(makers[EXECUTIVE_COACHING], coach, count=1)


def _settle(maker: Matchmaker, seeker: int, row: RelationshipRow | None) -> None:
    if row is None:
        # The pinned people are placed first with room to spare: this is a bug.
        raise RuntimeError(f"Could not place the demo story in {maker.roster.program.slug}.")
    maker.roster.storied.add(seeker)


def _with_helper(maker: Matchmaker, helper: int, count: int) -> None:
    """Give the pinned helper `count` more active relationships with drawn seekers."""
    seekers = [s for s in maker.roster.seekers if s not in maker.roster.storied]
    maker.rng.shuffle(seekers)
    for seeker in seekers:
        if count == 0:
            return
        if maker.place(seeker, ACTIVE, SEEKER, helper=helper):
            maker.roster.storied.add(seeker)
            count -= 1
