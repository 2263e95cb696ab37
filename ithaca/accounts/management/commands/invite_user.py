"""Invite a person by e-mail: `manage.py invite_user EMAIL [--first-name X --last-name Y]`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ithaca.accounts.services import user_invite
from ithaca.core.errors import DomainError


class Command(BaseCommand):
    help = "Create an account and e-mail its owner a link to choose a password."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = user_invite(
                email=options["email"],
                first_name=options["first_name"],
                last_name=options["last_name"],
            )
        except DomainError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(f"Invited {user.email}; the invitation e-mail is queued.")
