"""The hard rules for one proposed pair, read from the database.

Every path to a relationship (a seeker's request, a helper's offer, a program
manager's round, an event's mutual mark) goes through
`programs.relationships.validate_proposal`, which asks this module. The rules
themselves are the matching engine's (`ithaca.matching.engine.rules`, pure
code), so the rules a round applies to a whole pool and the rules checked at
the moment of writing cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils import timezone

from ithaca.accounts.models import Profile, User
from ithaca.matching import engine
from ithaca.programs.lifecycle import OPEN_STATUSES, Status
from ithaca.programs.models import PairExclusion, Participation, PersonBlock, Program

# Ids of the seeker's managers, nearest first, far enough for any program.
MAX_CHAIN = 10

# How a rule check's explanation reads in the reader's language. The engine's sentences
# are worded by `matching` (above this app), which registers its reader when it loads
# (`MatchingConfig.ready`); until then they read in English.
_reader: Callable[[Any], str] = str


def register_reader(reader: Callable[[Any], str]) -> None:
    global _reader  # one reader per process, set once at start-up
    _reader = reader


def said(explanation: Any) -> str:
    """A rule check's explanation in the active language."""
    return _reader(explanation)


def management_chain(user_id: int, depth: int = MAX_CHAIN) -> tuple[int, ...]:
    chain: list[int] = []
    current = Profile.objects.filter(user_id=user_id).values_list("line_manager_id", flat=True)
    manager = current.first()
    while manager is not None and len(chain) < depth and manager not in chain:
        chain.append(manager)
        manager = (
            Profile.objects.filter(user_id=manager)
            .values_list("line_manager_id", flat=True)
            .first()
        )
    return tuple(chain)


def _blocks(user_id: int) -> tuple[frozenset[int], frozenset[int]]:
    """(opted-out ids, conflict ids) declared by this person."""
    rows = PersonBlock.objects.filter(person_id=user_id).values_list("other_id", "kind")
    opted = frozenset(other for other, kind in rows if kind == PersonBlock.Kind.OPT_OUT)
    conflicts = frozenset(other for other, kind in rows if kind == PersonBlock.Kind.CONFLICT)
    return opted, conflicts


def spoken(languages: list[str] | None) -> frozenset[str]:
    """A profile's languages; an empty profile speaks the organization's language."""
    return frozenset(languages or [settings.ITHACA_DEFAULT_LANGUAGE])


def _languages(user_id: int) -> frozenset[str]:
    return spoken(
        Profile.objects.filter(user_id=user_id).values_list("languages", flat=True).first()
    )


def engine_program(model: Any, program: Program, helper: User, seeker: User) -> engine.Program:
    pair = {model.HELPER_FIELD: helper, model.SEEKER_FIELD: seeker}
    declined = model.objects.filter(program=program, status=Status.DECLINED, **pair).exists()
    declined = (
        declined
        or PairExclusion.objects.filter(program=program, helper=helper, seeker=seeker).exists()
    )
    return engine.Program(
        kind=program.kind,  # type: ignore[arg-type]
        mode=program.mode,
        requires_training=program.requires_training,
        chain_depth=max(program.independence_depth, 1),
        declined=frozenset({(seeker.pk, helper.pk)}) if declined else frozenset(),
    )


def engine_seeker(seeker: User) -> engine.Seeker:
    opted, conflicts = _blocks(seeker.pk)
    assessors = frozenset(Profile.assessors.through.objects.filter(
        profile_id=seeker.pk).values_list("user_id", flat=True))  # fmt: skip
    return engine.Seeker(
        id=seeker.pk,
        name=seeker.display_name,
        languages=_languages(seeker.pk),
        manager_chain=management_chain(seeker.pk),
        assessor_ids=assessors,
        blocked_ids=opted,
        conflict_ids=conflicts,
    )


def engine_helper(
    model: Any, program: Program, helper: User, part: Participation, exclude_pk: int | None = None
) -> engine.Helper:
    opted, conflicts = _blocks(helper.pk)
    in_use = (
        model.objects.filter(
            program=program, status__in=OPEN_STATUSES, **{model.HELPER_FIELD: helper}
        )
        .exclude(pk=exclude_pk)
        .count()
    )
    return engine.Helper(
        id=helper.pk,
        name=helper.display_name,
        capacity=(part.capacity or 0) - in_use
        if part.is_taking_new_people(timezone.localdate())
        else 0,
        languages=_languages(helper.pk),
        blocked_ids=opted,
        conflict_ids=conflicts,
        trained=part.training_completed_at is not None,
        modalities=frozenset(part.modalities or []),
    )


def failed_rules(
    model: Any,
    *,
    program: Program,
    helper: User,
    seeker: User,
    helper_part: Participation,
    exclude_pk: int | None = None,
) -> list[engine.RuleCheck]:
    """The hard rules this pair breaks (an empty list means it may be proposed).

    `exclude_pk` is a proposal of this pair being accepted: its own place does
    not count against the helper's capacity.
    """
    checks = engine.check_rules(
        engine_seeker(seeker),
        engine_helper(model, program, helper, helper_part, exclude_pk),
        engine_program(model, program, helper, seeker),
    )
    return [check for check in checks if not check.passed]
