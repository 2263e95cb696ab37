"""`manage.py triage "TEXT" [--answer key=value ...]`: the intake recommendation as JSON.

The statement may be in English, French, Spanish or German; the JSON says which
(`language`). The recommendation needs no database; the programs that fit are read from
it, and where it does not exist yet (a fresh checkout before `migrate`) none are listed
and stderr says why. Bad input is a clear error on stderr with exit code 2, the usage-error code,
and nothing on stdout: empty or whitespace-only text, text over the length limit, or an
unknown answer. A recommendation, including `unclear`, exits 0.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from ithaca.core.errors import DomainError
from ithaca.intake.selectors import triage_payload
from ithaca.intake.services import intake_evaluate
from ithaca.intake.triage import QUESTIONS_BY_KEY


class Command(BaseCommand):
    help = "Recommend mentoring, coaching, both or ask (unclear) for a need statement; prints JSON."
    # The system checks load every URL configuration, and with it the whole web layer:
    # seconds of imports for a recommendation that takes a millisecond.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", help="The need, in the seeker's own words.")
        parser.add_argument(
            "--answer",
            action="append",
            default=[],
            metavar="KEY=VALUE",
            help=f"A structured answer; keys: {', '.join(QUESTIONS_BY_KEY)}. Repeat for areas.",
        )
        parser.add_argument("--json", action="store_true", help="Print JSON (the default).")

    def handle(self, *args: Any, **options: Any) -> None:
        answers: dict[str, Any] = {}
        for item in options["answer"]:
            key, sep, value = item.partition("=")
            if not sep:
                raise CommandError(f"--answer {item!r}: write it as KEY=VALUE.", returncode=2)
            question = QUESTIONS_BY_KEY.get(key)
            if question is not None and question.multiple:
                answers.setdefault(key, []).append(value)
            else:
                answers[key] = value
        try:
            result = intake_evaluate(text=options["text"], answers=answers)
        except DomainError as exc:
            raise CommandError(exc.message, returncode=2) from None
        try:
            payload = triage_payload(result)
        except DatabaseError:
            payload = triage_payload(result, programs=False)
            self.stderr.write(
                "No database to list programs from (run `make run` or `manage.py migrate`): "
                "the recommendation is given without them."
            )
        self.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False))
