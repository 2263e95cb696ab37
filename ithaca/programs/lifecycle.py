"""The lifecycle shared by mentoring relationships and coaching engagements.

    proposed --both accept--> active <--> paused
       |                        |          |
       +--> declined            +----------+--> concluded
       +--> withdrawn

A relationship is open while proposed, active or paused; at most one open
relationship may exist per pair and program. Pure rules: no database access.
"""

from __future__ import annotations

from django.db import models

from ithaca.core.errors import TransitionError


class Status(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    CONCLUDED = "concluded", "Concluded"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


OPEN_STATUSES = (Status.PROPOSED, Status.ACTIVE, Status.PAUSED)
CLOSED_STATUSES = (Status.CONCLUDED, Status.DECLINED, Status.WITHDRAWN)

TRANSITIONS: dict[str, frozenset[str]] = {
    Status.PROPOSED: frozenset({Status.ACTIVE, Status.DECLINED, Status.WITHDRAWN}),
    Status.ACTIVE: frozenset({Status.PAUSED, Status.CONCLUDED}),
    Status.PAUSED: frozenset({Status.ACTIVE, Status.CONCLUDED}),
    Status.CONCLUDED: frozenset(),
    Status.DECLINED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}


def check_transition(current: str, target: str) -> None:
    """Raise TransitionError unless `current -> target` is a legal move."""
    if target not in TRANSITIONS[current]:
        raise TransitionError(
            f"A {Status(current).label.lower()} relationship cannot become "
            f"{Status(target).label.lower()}."
        )
