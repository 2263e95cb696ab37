"""Portable backups: every table as JSON, with a manifest of row counts to check a restore.

The archive is a .tar.gz holding `manifest.json` (format, when, migrations
applied, rows per table) and `data.json` (Django's JSON serialization of every
row). Primary keys are kept as they are, so ids stored as plain numbers (in the
audit log, the admin log, task arguments) stay right; only content types and
permissions are written by natural key, because their ids differ between
databases. JSON restores into SQLite or PostgreSQL alike.

Left out: sessions (everyone signs in again), the task queue (work in flight
is not data), and content types and permissions (`migrate` makes them).
"""

from __future__ import annotations

import json
import tarfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.serializers import sort_dependencies
from django.core.serializers.json import Serializer as JsonSerializer
from django.db import connection, models
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "ithaca-backup/1"
LEFT_OUT = {"contenttypes", "sessions", "django_tasks_database"}
LEFT_OUT_MODELS = {"auth.permission"}
NATURAL = (ContentType, Permission)


class Serializer(JsonSerializer):
    """Natural keys for content types and permissions only; every other key as stored."""

    def handle_fk_field(self, obj: models.Model, field: Any) -> None:
        self.use_natural_foreign_keys = issubclass(field.remote_field.model, NATURAL)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj: models.Model, field: Any) -> None:
        self.use_natural_foreign_keys = issubclass(field.remote_field.model, NATURAL)
        super().handle_m2m_field(obj, field)


def backed_up_models() -> list[type[models.Model]]:
    """Every stored model, parents before the rows that point at them."""
    app_list = [(config, None) for config in apps.get_app_configs() if config.label not in LEFT_OUT]
    return [
        model
        for model in sort_dependencies(app_list, allow_cycles=True)
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.label_lower not in LEFT_OUT_MODELS
    ]


def through_models(model_list: list[type[models.Model]]) -> list[type[models.Model]]:
    """The automatic many-to-many tables, restored with their parent rows."""
    tables: list[type[models.Model]] = []
    for model in model_list:
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through is not None and through._meta.auto_created:
                tables.append(through)
    return tables


def row_counts(model_list: list[type[models.Model]]) -> dict[str, int]:
    everything = [*model_list, *through_models(model_list)]
    return {model._meta.label: model._base_manager.count() for model in everything}


def applied_migrations() -> list[str]:
    return sorted(
        f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
    )


def write_rows(model_list: list[type[models.Model]], stream: IO[str]) -> None:
    def rows() -> Iterator[models.Model]:
        for model in model_list:
            yield from model._base_manager.order_by(model._meta.pk.name).iterator(chunk_size=2000)

    Serializer().serialize(rows(), stream=stream)


def manifest(counts: dict[str, int]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "migrations": applied_migrations(),
        "counts": counts,
    }


def write_archive(path: Path, data_file: Path, info: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, "w:gz") as archive:
        payload = json.dumps(info, indent=2).encode()
        entry = tarfile.TarInfo("manifest.json")
        entry.size = len(payload)
        archive.addfile(entry, BytesIO(payload))
        archive.add(data_file, arcname="data.json")


def read_archive(path: Path, into: Path) -> tuple[dict[str, Any], Path]:
    """The manifest, and data.json extracted into the directory `into`."""
    with tarfile.open(path, "r:gz") as archive:
        names = set(archive.getnames())
        if not {"manifest.json", "data.json"} <= names:
            raise ValueError("This is not an Ithaca backup: manifest.json or data.json is missing.")
        manifest_file = archive.extractfile("manifest.json")
        assert manifest_file is not None
        info = json.load(manifest_file)
        archive.extract("data.json", into, filter="data")
    if info.get("format") != FORMAT:
        raise ValueError(f"Unknown backup format {info.get('format')!r}; expected {FORMAT}.")
    return info, into / "data.json"
