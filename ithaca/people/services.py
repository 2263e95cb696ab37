"""Writes a person makes about their own part in programs: availability as a helper."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.core.errors import DomainError
from ithaca.matching.kinds import model_for
from ithaca.programs.lifecycle import OPEN_STATUSES
from ithaca.programs.models import Participation


def current_people(part: Participation) -> int:
    """How many open relationships (proposed, active, paused) the helper has in the program."""
    model = model_for(part.program)
    return int(
        model.objects.filter(
            program_id=part.program_id,
            status__in=OPEN_STATUSES,
            **{model.HELPER_FIELD: part.user_id},
        ).count()
    )


@transaction.atomic
def availability_set(
    *,
    participation: Participation,
    accepting: bool,
    capacity: int | None,
    paused_until: dt.date | None = None,
) -> Participation:
    """A mentor or coach says whether they take new people, until when not, and how many.

    Capacity stays within the program's limit and never below the people they
    already work with: lowering it cannot end anyone's relationship.
    """
    part = (
        Participation.objects.select_for_update().select_related("program").get(pk=participation.pk)
    )
    if part.role not in Participation.HELPER_ROLES:
        raise DomainError(_("Only mentors and coaches have availability."))
    limit = part.program.max_capacity
    if capacity is None or capacity < 1:
        raise DomainError(
            _("Take on at least one person, or say you are not taking anyone."), field="capacity"
        )
    if capacity > limit:
        raise DomainError(
            (
                _("%(program)s allows at most %(limit)d people per mentor.")
                if part.role == "mentor"
                else _("%(program)s allows at most %(limit)d people per coach.")
            )
            % {"program": part.program, "limit": limit},
            field="capacity",
        )
    busy = current_people(part)
    if capacity < busy:
        raise DomainError(
            _("You already work with %(count)d people here: your capacity cannot be lower.")
            % {"count": busy},
            field="capacity",
        )
    if paused_until is not None and paused_until <= timezone.localdate():
        raise DomainError(_("Choose a date after today, or leave it empty."), field="paused_until")
    part.accepting, part.capacity, part.paused_until = accepting, capacity, paused_until
    part.save(update_fields=["accepting", "capacity", "paused_until", "updated_at"])
    return part
