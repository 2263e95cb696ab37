"""`manage.py backup` and `restore`: a round trip with every table's rows counted."""

from __future__ import annotations

import json
import tarfile
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from ithaca.core import backup

# Committed for real: PostgreSQL cannot TRUNCATE (flush) tables that the same open
# transaction has just written to, and a real restore runs in its own transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def table_counts() -> dict[str, int]:
    return backup.row_counts(backup.backed_up_models())


def fingerprint() -> dict[str, list[str]]:
    """A few rows' contents, to see that what comes back is what went out."""
    user = apps.get_model("accounts", "User")
    journal = apps.get_model("mentoring", "JournalEntry")
    note = apps.get_model("coaching", "SessionNote")
    return {
        "users": sorted(user.objects.values_list("email", flat=True)),
        "journal": sorted(journal.objects.values_list("body", flat=True)),
        "notes": sorted(note.objects.values_list("text", flat=True)),
        "managers": sorted(
            f"{p.slug}:{m.email}"
            for p in apps.get_model("programs", "Program").objects.all()
            for m in p.managers.all()
        ),
    }


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    run("seed_demo", "--people", "60")
    return tmp_path / "ithaca.tar.gz"


def rewrite_manifest(path: Path, change) -> Path:
    with tarfile.open(path, "r:gz") as archive:
        info = json.load(archive.extractfile("manifest.json"))
        data = archive.extractfile("data.json").read()
    change(info)
    target = path.with_name("changed.tar.gz")
    data_file = path.with_name("data.json")
    data_file.write_bytes(data)
    backup.write_archive(target, data_file, info)
    return target


def test_a_backup_restores_into_an_emptied_database_with_every_count_matching(seeded) -> None:
    before, rows = table_counts(), fingerprint()
    assert before["accounts.User"] >= 60 and before["mentoring.JournalEntry"] > 0
    run("backup", "--output", str(seeded))
    call_command("flush", interactive=False, verbosity=0)
    assert table_counts()["accounts.User"] == 0
    assert "counts match" in run("restore", str(seeded))
    assert table_counts() == before
    assert fingerprint() == rows


def test_the_manifest_counts_every_table_including_many_to_many(seeded) -> None:
    run("backup", "--output", str(seeded))
    with tarfile.open(seeded, "r:gz") as archive:
        info = json.load(archive.extractfile("manifest.json"))
    assert info["counts"] == table_counts()
    assert "programs.Program_managers" in info["counts"]
    assert "sessions.Session" not in info["counts"]


def test_a_database_in_use_is_refused_unless_forced(seeded) -> None:
    run("backup", "--output", str(seeded))
    before = table_counts()
    with pytest.raises(CommandError, match="already holds accounts"):
        call_command("restore", str(seeded))
    run("restore", str(seeded), "--force")
    assert table_counts() == before


def test_a_count_that_does_not_match_rolls_the_restore_back(seeded) -> None:
    run("backup", "--output", str(seeded))
    before = table_counts()
    tampered = rewrite_manifest(
        seeded, lambda info: info["counts"].update({"accounts.User": 1_000_000})
    )
    with pytest.raises(CommandError, match=r"accounts\.User"):
        call_command("restore", str(tampered), "--force")
    assert table_counts() == before


def test_a_backup_from_another_version_is_refused(seeded) -> None:
    run("backup", "--output", str(seeded))
    older = rewrite_manifest(seeded, lambda info: info["migrations"].pop())
    with pytest.raises(CommandError, match="different version of Ithaca"):
        call_command("restore", str(older), "--force")


def test_a_file_that_is_not_a_backup_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.tar.gz"
    with tarfile.open(bogus, "w:gz"):
        pass
    with pytest.raises(CommandError, match="not an Ithaca backup"):
        call_command("restore", str(bogus))
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore", str(tmp_path / "missing.tar.gz"))
