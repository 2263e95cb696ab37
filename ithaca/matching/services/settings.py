"""Writes to a program's matching settings and to a seeker's matching profile."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.matching.models import (
    MAX_OPEN_REQUESTS,
    MAX_TOP_K,
    MatchingConfig,
    MatchProfile,
    validate_levels,
)
from ithaca.matching.selectors import profile_of
from ithaca.matching.words import preference_choices
from ithaca.programs.access import is_program_manager
from ithaca.programs.models import Participation, Program


def require_manager(user: User, program: Program) -> None:
    if not is_program_manager(user, program):
        raise PermissionDenied(_("Only this program's managers can do that."))


def _in_range(value: int, low: int, high: int, field: str, what: str) -> None:
    if not low <= value <= high:
        raise DomainError(
            _("%(what)s must be between %(low)s and %(high)s.")
            % {"what": what, "low": low, "high": high},
            field=field,
        )


@transaction.atomic
def config_update(
    *,
    program: Program,
    by: User,
    levels: Mapping[str, str],
    top_k: int,
    max_open_requests: int,
) -> MatchingConfig:
    """Set each factor's level (must, high, medium, low or off) and the program's limits."""
    require_manager(by, program)
    try:
        validate_levels(dict(levels))
    except ValidationError as exc:
        raise DomainError(exc.messages[0], field="levels") from None
    _in_range(top_k, 1, MAX_TOP_K, "top_k", _("Candidates kept per seeker"))
    _in_range(max_open_requests, 1, MAX_OPEN_REQUESTS, "max_open_requests", _("Open requests"))
    config, _created = MatchingConfig.objects.update_or_create(
        program=program,
        defaults={"levels": dict(levels), "top_k": top_k, "max_open_requests": max_open_requests},
    )
    return config


@transaction.atomic
def match_profile_update(
    *, program: Program, user: User, need: str, target: str, preferences: Iterable[str]
) -> MatchProfile:
    """A seeker says, for this program, what they want, what they aim for and what they prefer."""
    is_seeker = Participation.objects.filter(
        program=program, user=user, role=Participation.Role.SEEKER, state=Participation.State.ACTIVE
    ).exists()
    if not is_seeker:
        raise PermissionDenied(
            _("Only active seekers of %(program)s have a matching profile there.")
            % {"program": program}
        )
    allowed = {key for key, _ in preference_choices(program.mode)}
    chosen = sorted(set(preferences))
    unknown = [key for key in chosen if key not in allowed]
    if unknown:
        raise DomainError(
            _("%(value)r is not a preference in this program.") % {"value": unknown[0]},
            field="preferences",
        )
    if len(need) > 5000:
        raise DomainError(_("Say it in at most 5,000 characters."), field="need")
    if len(target) > 160:
        raise DomainError(_("At most 160 characters."), field="target")
    profile = profile_of(program, user)
    profile.need, profile.target, profile.preferences = need.strip(), target.strip(), chosen
    profile.save()
    return profile
