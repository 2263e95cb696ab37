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
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ithaca.core.errors import TransitionError


class Status(models.TextChoices):
    PROPOSED = "proposed", gettext_lazy("Proposed")
    ACTIVE = "active", gettext_lazy("Active")
    PAUSED = "paused", gettext_lazy("Paused")
    CONCLUDED = "concluded", gettext_lazy("Concluded")
    DECLINED = "declined", gettext_lazy("Declined")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")


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
            _("A %(current)s relationship cannot become %(target)s.")
            % {
                "current": Status(current).label.lower(),
                "target": Status(target).label.lower(),
            }
        )
