"""Reads for matching: settings, matching profiles, requests, rounds and fit checks."""

from __future__ import annotations

from django.db.models import QuerySet

from ithaca.accounts.models import User
from ithaca.intake.models import Intake
from ithaca.matching import engine
from ithaca.matching.models import (
    FitCheck,
    MatchingConfig,
    MatchingRound,
    MatchProfile,
    ProposalExplanation,
)
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import HelpingRelationship, Program


def config_of(program: Program) -> MatchingConfig:
    """The program's matching settings, or unsaved defaults when nobody changed them."""
    return MatchingConfig.objects.filter(program=program).first() or MatchingConfig(program=program)


def levels_of(program: Program, config: MatchingConfig) -> dict[str, str]:
    """Every factor's level: the engine's defaults for this kind, overridden by the program."""
    rules = engine.Program(kind=program.kind, mode=program.mode, weights=config.levels or {})  # type: ignore[arg-type]
    return dict(engine.levels_for(rules))


def profile_of(program: Program, user: User) -> MatchProfile:
    """The seeker's matching profile; unsaved, with their latest intake as the need, if new."""
    profile = MatchProfile.objects.filter(program=program, user=user).first()
    if profile is not None:
        return profile
    latest = Intake.objects.filter(author=user).order_by("-created_at").first()
    return MatchProfile(program=program, user=user, need=latest.text if latest else "")


def open_requests(
    model: type[HelpingRelationship], program: Program, seeker: User
) -> QuerySet[HelpingRelationship]:
    """Proposals the seeker made in this program that still await an answer."""
    return model.objects.filter(  # type: ignore[attr-defined]
        program=program,
        status=Status.PROPOSED,
        proposed_by=seeker,
        **{model.SEEKER_FIELD: seeker},
    )


def rounds_of(program: Program) -> QuerySet[MatchingRound]:
    return MatchingRound.objects.filter(program=program).select_related("created_by")


def fit_checks_of(program: Program) -> QuerySet[FitCheck]:
    return FitCheck.objects.filter(program=program).select_related(
        "seeker", "helper", "requested_by"
    )


def explanation_of(kind: str, relationship_id: int) -> ProposalExplanation | None:
    return ProposalExplanation.objects.filter(kind=kind, relationship_id=relationship_id).first()
