"""What each mentoring mode (the program's format) changes in the workspace.

Pure rules over a mode slug (see ithaca.programs.modes); no database access.

- one-to-one and the rest: the mentee owns the agenda, the mentor suggests.
- peer, co-mentoring: two people mentor each other, so both own the agenda
  and either may open a door for the other.
- group: one mentor and several mentees share one space; each mentee owns the
  shared agenda, each person's journal stays private.
- reverse: the junior person is the mentor; only the wording changes here.
- e-mentoring: meetings happen online, so a meeting's place must be a link.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

PEER_MODES = frozenset({"peer", "co_mentoring"})
GROUP = "group"
REVERSE = "reverse"
ONLINE_ONLY = "e_mentoring"
LINK_PREFIX = "https://"


@dataclass(frozen=True)
class Format:
    mode: str

    @property
    def is_peer(self) -> bool:
        return self.mode in PEER_MODES

    @property
    def is_group(self) -> bool:
        return self.mode == GROUP

    @property
    def is_reverse(self) -> bool:
        return self.mode == REVERSE

    @property
    def online_only(self) -> bool:
        return self.mode == ONLINE_ONLY

    def owns_agenda(self, side: str) -> bool:
        """May this side add, order and close topics (rather than suggest them)?"""
        return side == "mentee" or self.is_peer

    def may_introduce(self, side: str) -> bool:
        return side == "mentor" or self.is_peer

    def owns_goals(self, side: str) -> bool:
        return side == "mentee" or self.is_peer

    def mentor_label(self) -> str:
        if self.is_reverse:
            return gettext("Mentor (the junior colleague)")
        return gettext("Peer") if self.is_peer else gettext("Mentor")

    def mentee_label(self) -> str:
        if self.is_reverse:
            return gettext("Mentee (the senior colleague)")
        return gettext("Peer") if self.is_peer else gettext("Mentee")

    def hint(self) -> str:
        """One line that says how this format works, shown on the workspace."""
        return str(HINTS.get(self.mode, HINTS["one_to_one"]))


HINTS = {
    "one_to_one": _("The mentee sets the agenda; meet when it helps, not on a schedule."),
    "peer": _("You mentor each other: both of you set the agenda."),
    "co_mentoring": _("You mentor each other: both of you set the agenda."),
    "group": _(
        "One mentor, several mentees: the agenda, meetings and notes are shared by "
        "the group; your journal is yours alone."
    ),
    "reverse": _(
        "Reverse mentoring: the junior colleague is the mentor and shares their "
        "perspective; the senior colleague sets the agenda."
    ),
    "e_mentoring": _("E-mentoring: you meet online, so every meeting has a link."),
}


def location_problem(mode: str, location: str, *, required: bool) -> str | None:
    """A message when a meeting's place does not fit the format, else None."""
    location = location.strip()
    if not location:
        return gettext("Say where you will meet: a place or a link.") if required else None
    if mode == ONLINE_ONLY and not location.lower().startswith(LINK_PREFIX):
        return gettext(
            "This is an e-mentoring program, so meetings happen online: give the meeting "
            "link (https://...), not a place."
        )
    return None


@dataclass(frozen=True)
class Candidate:
    """One attendee as the offer rule sees them."""

    user_id: int
    is_mentor: bool
    is_seeker: bool
    grade: int
    years_experience: int


def choose_mentor(mode: str, a: Candidate, b: Candidate) -> tuple[int, int] | None:
    """(mentor id, mentee id) for two people who want to continue, or None.

    Only a mentor of the program can take the mentor's side and only a seeker
    the mentee's. When both ways are possible, the more experienced person
    mentors (more years, then higher grade); in reverse mentoring the junior
    person does (lower grade, then fewer years). Ties go to the lower id, so
    the answer never depends on who marked first.
    """
    ways = [(m, s) for m, s in ((a, b), (b, a)) if m.is_mentor and s.is_seeker]
    if not ways:
        return None
    if mode == REVERSE:
        ways.sort(key=lambda way: (way[0].grade, way[0].years_experience, way[0].user_id))
    else:
        ways.sort(key=lambda way: (-way[0].years_experience, -way[0].grade, way[0].user_id))
    mentor, mentee = ways[0]
    return mentor.user_id, mentee.user_id
