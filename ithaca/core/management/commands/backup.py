"""`manage.py backup [--output PATH]`: every table into one portable archive."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction
from django.utils import timezone

from ithaca.core import backup


class Command(BaseCommand):
    help = "Write every table and a manifest of row counts to a .tar.gz (see `restore`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, default=None, metavar="PATH")

    def handle(self, *args: Any, **options: Any) -> None:
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        path = options["output"] or settings.VAR_DIR / "backups" / f"ithaca-{stamp}.tar.gz"
        model_list = backup.backed_up_models()
        with tempfile.TemporaryDirectory() as work:
            data_file = Path(work) / "data.json"
            # One transaction: the counts and the rows describe the same moment.
            # (PostgreSQL needs REPEATABLE READ for that; it can only be asked for first.)
            snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
            with transaction.atomic():
                if snapshot:
                    with connection.cursor() as cursor:
                        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                counts = backup.row_counts(model_list)
                with data_file.open("w", encoding="utf-8") as stream:
                    backup.write_rows(model_list, stream)
            backup.write_archive(Path(path), data_file, backup.manifest(counts))
        self.stdout.write(
            f"Backed up {sum(counts.values())} rows of {len(counts)} tables to {path}"
        )
