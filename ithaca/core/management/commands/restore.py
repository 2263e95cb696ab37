"""`manage.py restore PATH [--force]`: load a backup into a migrated database and check it.

Refuses a database that is not migrated to the backup's migrations, and one
that already holds accounts unless --force (which replaces everything in it).
Loads in one transaction and compares every table's row count with the
manifest; any difference rolls the whole restore back.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from ithaca.core import backup


class CountMismatch(CommandError):
    """The restored rows do not match the manifest."""


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` and verify its row counts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--force", action="store_true", help="Replace a database that is already in use."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if not path.is_file():
            raise CommandError(f"No backup at {path}.")
        with tempfile.TemporaryDirectory() as work:
            try:
                info, data_file = backup.read_archive(path, Path(work))
            except (ValueError, OSError) as exc:
                raise CommandError(str(exc)) from None
            self._check_database(info, force=options["force"])
            with transaction.atomic():
                call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(data_file), verbosity=0)
                self._verify(info["counts"])
        total = sum(info["counts"].values())
        self.stdout.write(f"Restored {total} rows of {len(info['counts'])} tables; counts match.")

    def _check_database(self, info: dict[str, Any], *, force: bool) -> None:
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError("The database is not fully migrated: run `manage.py migrate` first.")
        missing = sorted(set(info["migrations"]) - set(backup.applied_migrations()))
        extra = sorted(set(backup.applied_migrations()) - set(info["migrations"]))
        if missing or extra:
            raise CommandError(
                "This backup was made by a different version of Ithaca "
                f"(missing here: {missing[:5]}; not in the backup: {extra[:5]}). "
                "Restore it with the version that made it, then upgrade."
            )
        if get_user_model()._base_manager.exists() and not force:
            raise CommandError(
                "The database already holds accounts. Restore into an empty, migrated "
                "database, or add --force to replace everything in this one."
            )

    def _verify(self, expected: dict[str, int]) -> None:
        from django.apps import apps

        wrong = []
        for label, count in expected.items():
            app_label, name = label.split(".", 1)
            found = apps.get_model(app_label, name)._base_manager.count()
            if found != count:
                wrong.append(f"{label}: {found} instead of {count}")
        if wrong:
            raise CountMismatch("Restore rolled back; row counts differ: " + "; ".join(wrong))
