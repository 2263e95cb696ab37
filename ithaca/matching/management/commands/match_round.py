"""`manage.py match_round --program SLUG [--objective fit|coverage|stable] [--dry-run] [--json]`.

Matches a program's waiting pool now, in this process, and prints the pairs,
how many were matched, the total score and everyone left out with the reason.
Without --dry-run the answer is saved as a draft round for a program manager
to review and publish; nothing is ever proposed from here.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ithaca.core.errors import DomainError
from ithaca.matching.models import MatchingRound
from ithaca.matching.services import compute_round, round_create, round_run
from ithaca.matching.services.rounds import check_poolable
from ithaca.programs.models import Program


class Command(BaseCommand):
    help = "Match a program's waiting seekers now and print the result (a draft unless --dry-run)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--program", required=True, metavar="SLUG")
        parser.add_argument("--objective", choices=MatchingRound.Objective.values, default="fit")
        parser.add_argument("--dry-run", action="store_true", help="Compute and print only.")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args: Any, **options: Any) -> None:
        program = Program.objects.filter(slug=options["program"]).first()
        if program is None:
            raise CommandError(f"No program with the address {options['program']!r}.")
        try:
            report = (
                _dry_run(program, options["objective"])
                if options["dry_run"]
                else _saved(program, options["objective"])
            )
        except DomainError as exc:
            raise CommandError(exc.message) from None
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2))
        else:
            self.stdout.write(_text(report))


def _dry_run(program: Program, objective: str) -> dict[str, Any]:
    check_poolable(program, objective)
    outcome = compute_round(program, objective)
    people = outcome.pool.people
    return {
        "program": program.slug,
        "round": None,
        "status": "dry run",
        "objective": objective,
        "summary": outcome.summary,
        "pairs": [
            _pair(people[m.seeker_id], people[m.helper_id], m.score) for m in outcome.result.matches
        ],
        "unmatched": [
            _left_out(people[u.seeker_id], u.reason, u.explanation)
            for u in outcome.result.unmatched
        ],
    }


def _saved(program: Program, objective: str) -> dict[str, Any]:
    created = round_create(program=program, objective=objective, created_by=None)
    round_run(round_id=created.pk)
    done = MatchingRound.objects.get(pk=created.pk)
    if done.status != MatchingRound.Status.DRAFT:
        raise CommandError(f"The round ended {done.status}: {done.error or done.phase}")
    pairs = done.pairs.select_related("seeker", "helper").order_by("-score", "pk")
    unmatched = done.unmatched.select_related("seeker")
    return {
        "program": program.slug,
        "round": done.pk,
        "status": done.status,
        "objective": objective,
        "summary": done.summary,
        "pairs": [_pair(p.seeker, p.helper, p.score) for p in pairs],
        "unmatched": [_left_out(u.seeker, u.reason, u.explanation) for u in unmatched],
    }


def _pair(seeker: Any, helper: Any, score: float) -> dict[str, Any]:
    return {
        "seeker_id": seeker.pk,
        "seeker": seeker.display_name,
        "helper_id": helper.pk,
        "helper": helper.display_name,
        "score": score,
    }


def _left_out(seeker: Any, reason: str, explanation: str) -> dict[str, Any]:
    return {
        "seeker_id": seeker.pk,
        "seeker": seeker.display_name,
        "reason": reason,
        "explanation": explanation,
    }


def _text(report: dict[str, Any]) -> str:
    summary = report["summary"]
    where = f"round {report['round']}" if report["round"] else "dry run, nothing saved"
    lines = [f"{report['program']} ({report['objective']}): {where}"]
    lines.append(f"Pairs ({len(report['pairs'])}):")
    lines += [f"  {p['helper']} with {p['seeker']}: {p['score']:.2f}" for p in report["pairs"]]
    lines.append(
        f"Matched {summary['matched']} of {summary['seekers']} waiting; "
        f"total score {summary['total_score']:.2f}"
    )
    lines.append(f"Unmatched ({len(report['unmatched'])}):")
    lines += [f"  {u['seeker']}: {u['explanation']}" for u in report["unmatched"]]
    if report["round"]:
        lines.append("Saved as a draft: a program manager reviews and publishes it.")
    return "\n".join(lines)
