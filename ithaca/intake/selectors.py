"""Reads for intakes and referrals."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from ithaca.accounts.models import User
from ithaca.intake.models import Intake, Referral
from ithaca.intake.phrases import localized, phrases_of
from ithaca.intake.triage import TriageResult
from ithaca.programs.models import Participation, Program
from ithaca.programs.modes import COACHING, MENTORING

KINDS_FOR = {"coaching": [COACHING], "mentoring": [MENTORING], "both": [COACHING, MENTORING]}


def programs_for(recommendation: str, modes: list[str]) -> list[Program]:
    """Open programs of the recommended kind(s), those in a suggested mode first."""
    kinds = KINDS_FOR.get(recommendation, [])
    if not kinds:
        return []
    programs = list(Program.objects.filter(enrolment_open=True, kind__in=kinds).order_by("name"))
    rank = {mode: index for index, mode in enumerate(modes)}
    return sorted(programs, key=lambda p: rank.get(p.mode, len(rank)))


def intakes_of(user: User) -> QuerySet[Intake]:
    return Intake.objects.filter(author=user).order_by("-created_at")


def unanswered_referrals(person: User) -> QuerySet[Referral]:
    """Accepted referrals the person has not yet answered with an intake of their own."""
    own_intake = Intake.objects.filter(
        author=OuterRef("person"), created_at__gte=OuterRef("responded_at")
    )
    return Referral.objects.filter(person=person, status=Referral.Status.ACCEPTED).exclude(
        Exists(own_intake)
    )


def referral_blocks(person: User, kind: str) -> bool:
    """True while an accepted referral of this kind awaits the person's own desired outcome."""
    return unanswered_referrals(person).filter(kind=kind).exists()


def triage_payload(result: TriageResult, *, programs: bool = True) -> dict[str, Any]:
    """The JSON the command and the API print: the result plus the programs that fit
    (none listed with ``programs=False``)."""
    # Machine fields as they are; the sentences in the active language.
    payload = localized(result.to_dict(), phrases_of(result))
    payload.pop("signals", None)
    payload["programs"] = [
        {"slug": p.slug, "name": p.name, "kind": p.kind, "mode": p.mode}
        for p in (programs_for(result.recommendation, result.modes) if programs else [])
    ]
    return payload


def next_steps(user: User, programs: list[Program]) -> dict[int, str]:
    """For each program, where this person stands as a seeker: "join" (not enrolled, or
    declined or left before), "pending" (applied) or "enrolled" (active). One query."""
    states: dict[int, str] = dict(
        Participation.objects.filter(
            user=user, role=Participation.Role.SEEKER, program__in=programs
        ).values_list("program_id", "state")
    )
    words: dict[str, str] = {
        Participation.State.PENDING: "pending",
        Participation.State.ACTIVE: "enrolled",
    }
    return {p.pk: words.get(states.get(p.pk, ""), "join") for p in programs}
