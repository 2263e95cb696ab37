"""Check a matching round, pair by pair, against the hard rules: independently of the engine.

    DEBUG=true .venv/bin/python scripts/check_round.py --round ID
    DEBUG=true .venv/bin/python scripts/check_round.py --program SLUG [--all-open]

Every rule is read here with plain ORM queries, not through the matching
engine or `programs.eligibility`, so a mistake in either cannot hide itself.
A draft round's kept pairs are checked as the proposals they would become; a
published round's pairs through the proposals it created. `--program` checks
the program's latest round and every open proposal the matching app made
there (with `--all-open`: every open relationship in the program, however it
was made). Prints each violation and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402

from ithaca.accounts.models import Profile  # noqa: E402
from ithaca.coaching.models import CoachingEngagement  # noqa: E402
from ithaca.matching.models import MatchingRound, ProposalExplanation  # noqa: E402
from ithaca.mentoring.models import MentoringRelationship  # noqa: E402
from ithaca.programs.models import (  # noqa: E402
    PairExclusion,
    Participation,
    PersonBlock,
    Program,
)

OPEN = ("proposed", "active", "paused")


@dataclass(frozen=True)
class Pair:
    """One pair to check; `since` is when its proposal was made (None for a draft pair)."""

    seeker_id: int
    helper_id: int
    label: str
    since: datetime | None = None
    relationship_id: int | None = None


def relationship_model(program: Program) -> Any:
    return MentoringRelationship if program.kind == "mentoring" else CoachingEngagement


def fields(program: Program) -> tuple[str, str]:
    return ("mentor_id", "mentee_id") if program.kind == "mentoring" else ("coach_id", "coachee_id")


def active_part(program: Program, user_id: int, role: str) -> Participation | None:
    return Participation.objects.filter(
        program=program, user_id=user_id, role=role, state="active"
    ).first()


def managers_above(user_id: int, depth: int) -> list[int]:
    chain: list[int] = []
    current = user_id
    while len(chain) < depth:
        boss = Profile.objects.filter(user_id=current).values_list("line_manager_id", flat=True)
        manager = boss.first()
        if manager is None or manager in chain:
            break
        chain.append(manager)
        current = manager
    return chain


def languages(user_id: int) -> set[str]:
    """The profile's languages; none listed means the organization's default language."""
    found = Profile.objects.filter(user_id=user_id).values_list("languages", flat=True).first()
    return set(found or [settings.ITHACA_DEFAULT_LANGUAGE])


def earlier(rows: object, since: datetime | None) -> object:
    """Rows that existed before the proposal (all rows for a draft pair)."""
    return rows.filter(created_at__lt=since) if since is not None else rows  # type: ignore[attr-defined]


def independence(program: Program, s: int, h: int) -> list[str]:
    """Mentoring only: the mentor is outside the mentee's management and assessment."""
    if program.kind != "mentoring":
        return []
    found = []
    chain = managers_above(s, max(program.independence_depth, 1))
    if chain[:1] == [h]:
        found.append("the mentor is the mentee's line manager")
    elif h in chain:
        found.append("the mentor is above the mentee in the management chain")
    if Profile.assessors.through.objects.filter(profile_id=s, user_id=h).exists():
        found.append("the mentor is one of the mentee's assessors")
    return found


def history(program: Program, pair: Pair) -> list[str]:
    """Opt-outs and conflicts either way; declines and exclusions made before the proposal."""
    s, h = pair.seeker_id, pair.helper_id
    blocks = PersonBlock.objects.filter(person_id=s, other_id=h) | PersonBlock.objects.filter(
        person_id=h, other_id=s
    )
    found = [
        "a conflict of interest is declared" if kind == "conflict" else "an opt-out"
        for kind in blocks.values_list("kind", flat=True)
    ]
    helper_f, seeker_f = fields(program)
    declined = relationship_model(program).objects.filter(
        program=program, status="declined", **{helper_f: h, seeker_f: s}
    )
    if earlier(declined, pair.since).exists():  # type: ignore[attr-defined]
        found.append("the pair declined before in this program")
    excluded = PairExclusion.objects.filter(program=program, helper_id=h, seeker_id=s)
    if earlier(excluded, pair.since).exists():  # type: ignore[attr-defined]
        found.append("the pair is excluded in this program (fit check or manager)")
    return found


def helper_fit(program: Program, helper_part: Participation) -> list[str]:
    found = []
    if program.requires_training and helper_part.training_completed_at is None:
        found.append("the program requires training the helper has not completed")
    modes = set(helper_part.modalities or [])
    if program.kind == "coaching" and program.mode not in modes and "general" not in modes:
        found.append("the coach does not coach in the program's mode")
    return found


def rule_violations(program: Program, pair: Pair) -> list[str]:
    """Every hard rule this pair breaks, in words."""
    s, h = pair.seeker_id, pair.helper_id
    if s == h:
        return ["a person is paired with themselves"]
    helper_role = "mentor" if program.kind == "mentoring" else "coach"
    found: list[str] = []
    if active_part(program, s, "seeker") is None:
        found.append("the seeker is not an active seeker of the program")
    helper_part = active_part(program, h, helper_role)
    if helper_part is None:
        found.append(f"the helper is not an active {helper_role} of the program")
    else:
        found += helper_fit(program, helper_part)
    found += independence(program, s, h) + history(program, pair)
    if not languages(s) & languages(h):
        found.append("the two share no language")
    return found


def capacity_violations(program: Program, extra: Counter[int]) -> list[str]:
    """Helpers whose open relationships, plus `extra` draft pairs, exceed their capacity."""
    helper_f, _ = fields(program)
    open_rows = relationship_model(program).objects.filter(program=program, status__in=OPEN)
    load = Counter(open_rows.values_list(helper_f, flat=True)) + extra
    found = []
    for helper_id, used in sorted(load.items()):
        part = Participation.objects.filter(
            program=program, user_id=helper_id, role__in=["mentor", "coach"]
        ).first()
        capacity = part.capacity if part and part.capacity else 0
        if used > capacity:
            found.append(f"helper {helper_id} has {used} people for {capacity} places")
    return found


def round_pairs(matching_round: MatchingRound) -> tuple[list[Pair], Counter[int]]:
    """The pairs to check, and the draft's extra load per helper (none once published)."""
    if matching_round.status not in ("draft", "published"):
        return [], Counter()  # cancelled, failed or not computed yet: nothing would be proposed
    kept = matching_round.pairs.filter(removed=False).order_by("pk")
    if matching_round.status == "published":
        made = kept.exclude(relationship_id=None)
        model = relationship_model(matching_round.program)
        since = dict(
            model.objects.filter(pk__in=made.values("relationship_id")).values_list(
                "pk", "created_at"
            )
        )
        pairs = [
            Pair(
                p.seeker_id,
                p.helper_id,
                f"proposal {p.relationship_id}",
                since.get(p.relationship_id),
                p.relationship_id,
            )
            for p in made
        ]
        return pairs, Counter()
    pairs = [Pair(p.seeker_id, p.helper_id, f"draft pair {p.pk}") for p in kept]
    return pairs, Counter(p.helper_id for p in pairs)


def draft_violations(program: Program, pairs: list[Pair]) -> list[str]:
    """A draft pairs each seeker once, and only seekers still waiting."""
    found = [
        f"seeker {s} is paired {n} times"
        for s, n in Counter(p.seeker_id for p in pairs).items()
        if n > 1
    ]
    _, seeker_f = fields(program)
    busy = set(
        relationship_model(program)
        .objects.filter(program=program, status__in=OPEN)
        .values_list(seeker_f, flat=True)
    )
    found += [
        f"{p.label}: seeker {p.seeker_id} already has an open relationship"
        for p in pairs
        if p.seeker_id in busy
    ]
    return found


def open_pairs(program: Program, everything: bool) -> list[Pair]:
    helper_f, seeker_f = fields(program)
    rows = relationship_model(program).objects.filter(program=program, status__in=OPEN)
    if not everything:
        made = ProposalExplanation.objects.filter(program=program, kind=program.kind)
        rows = rows.filter(pk__in=made.values("relationship_id"))
    return [
        Pair(seeker, helper, f"{program.kind} {pk}", created, pk)
        for pk, helper, seeker, created in rows.values_list("pk", helper_f, seeker_f, "created_at")
    ]


def check(program: Program, pairs: list[Pair], extra: Counter[int]) -> list[str]:
    found = []
    for pair in pairs:
        found += [
            f"{pair.label} ({pair.helper_id} with {pair.seeker_id}): {v}"
            for v in rule_violations(program, pair)
        ]
    return found + capacity_violations(program, extra)


def round_violations(matching_round: MatchingRound) -> tuple[int, list[str], Counter[int]]:
    """(pairs checked, violations, the draft's extra load per helper) for one round."""
    program = matching_round.program
    pairs, extra = round_pairs(matching_round)
    found = [] if matching_round.status == "published" else draft_violations(program, pairs)
    return len(pairs), found + check(program, pairs, extra), extra


def targets(args: argparse.Namespace) -> tuple[Program, list[MatchingRound]]:
    """The program and the round(s) to check; SystemExit with a message if none."""
    if args.round is not None:
        found = MatchingRound.objects.select_related("program").filter(pk=args.round).first()
        if found is None:
            raise SystemExit(f"No round {args.round}.")
        return found.program, [found]
    program = Program.objects.filter(slug=args.program).first()
    if program is None:
        raise SystemExit(f"No program {args.program!r}.")
    # The latest round that stands: a draft, or a published round (not cancelled or failed).
    standing = MatchingRound.objects.filter(program=program, status__in=["draft", "published"])
    return program, list(standing.order_by("-created_at")[:1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--round", type=int)
    target.add_argument("--program")
    parser.add_argument("--all-open", action="store_true")
    args = parser.parse_args(argv)
    program, rounds = targets(args)
    violations: list[str] = []
    checked = 0
    extra: Counter[int] = Counter()
    for matching_round in rounds:
        count, found, extra = round_violations(matching_round)
        violations += found
        checked += count
        print(f"round {matching_round.pk} ({matching_round.status}): {count} pairs")
    if args.program:
        pairs = open_pairs(program, args.all_open)
        violations += check(program, pairs, extra)
        checked += len(pairs)
        scope = "in the program" if args.all_open else "made by matching"
        print(f"open proposals {scope}: {len(pairs)}")
    for line in sorted(set(violations)):
        print(f"VIOLATION {line}")
    print(f"{program.slug}: {checked} pairs checked, {len(set(violations))} violations")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
