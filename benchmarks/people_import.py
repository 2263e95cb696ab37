"""Time the people import on a synthetic HR export (100,000 rows by default).

Run from the repository root: ``python benchmarks/people_import.py [--rows N] [--json]``.
Without DATABASE_URL it migrates a scratch SQLite database under /tmp and deletes it
afterwards; with DATABASE_URL (PostgreSQL) it uses that database and deletes the rows
it created (use a scratch database all the same). Phases: upload (decode and count),
dry run, real run, and a dry run of the same file again, which must plan no change.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DOMAIN = "bench.ithaca.example"
DEPARTMENTS = [f"Department {n}" for n in range(40)]
TITLES = ["Analyst", "Engineer", "Nurse", "Manager", "Director", "Designer", "Registrar"]


def synthetic_csv(rows: int, seed: int = 7) -> str:
    """A shuffled org chart: everyone reports to someone eight times fewer, one top."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Name", "Email Address", "Department", "Job title", "Grade",
                     "Line manager", "Start date", "Leaving date"])  # fmt: skip
    order = list(range(rows))
    rng.shuffle(order)  # managers often come after their reports, as in real exports
    for i in order:
        manager = f"p{(i - 1) // 8}@{DOMAIN}" if i else ""
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1990, 2024)
        start = f"{year}-{month:02d}-{day:02d}" if i % 2 else f"{day:02d}/{month:02d}/{year}"
        writer.writerow([f"Person{i} Surname{i % 977}", f"p{i}@{DOMAIN}",
                         DEPARTMENTS[i % len(DEPARTMENTS)], TITLES[i % len(TITLES)],
                         1 + i % 10, manager, start, ""])  # fmt: skip
    return out.getvalue()


def configure() -> str | None:
    """Point Django at a scratch SQLite file unless DATABASE_URL is set."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "true")
    os.environ["TASKS_BACKEND"] = "dummy"  # the benchmark runs each step itself, timed
    scratch = None
    if not os.environ.get("DATABASE_URL"):
        scratch = tempfile.mktemp(prefix="ithaca-bench-people-", suffix=".sqlite3", dir="/tmp")
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch}"
    import django

    django.setup()
    return scratch


def timed(label: str, results: dict[str, Any], rows: int, fn: Any) -> Any:
    started = time.perf_counter()
    value = fn()
    seconds = time.perf_counter() - started
    results[label] = {"seconds": round(seconds, 2), "rows_per_second": round(rows / seconds)}
    return value


def run(rows: int) -> dict[str, Any]:
    from django.core.management import call_command

    from ithaca.accounts.imports import people_import_process, people_import_run
    from ithaca.accounts.imports import people_import_start as start
    from ithaca.accounts.models import PeopleImport, User

    call_command("migrate", verbosity=0)
    hr, _ = User.objects.get_or_create(email=f"hr@{DOMAIN}")
    data = synthetic_csv(rows).encode("utf-8")
    results: dict[str, Any] = {"rows": rows, "megabytes": round(len(data) / 1e6, 1)}
    record = timed(
        "upload", results, rows, lambda: start(created_by=hr, filename="b.csv", data=data)
    )
    timed("dry_run", results, rows, lambda: people_import_process(import_id=record.pk))
    record.refresh_from_db()
    results["planned"] = record.report["counts"] | {"problems": record.report["problem_count"]}
    people_import_run(people_import=record)
    timed("real_run", results, rows, lambda: people_import_process(import_id=record.pk))
    record.refresh_from_db()
    results["status"] = record.status
    again = start(created_by=hr, filename="b.csv", data=data)
    timed("dry_run_again", results, rows, lambda: people_import_process(import_id=again.pk))
    again.refresh_from_db()
    results["planned_again"] = again.report["counts"]
    PeopleImport.objects.filter(created_by=hr).delete()
    return results


def cleanup() -> None:
    from ithaca.accounts.models import Department, User

    User.objects.filter(email__endswith=f"@{DOMAIN}").delete()
    Department.objects.filter(name__in=DEPARTMENTS, members__isnull=True).delete()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    scratch = configure()
    from django.db import connection

    try:
        results = run(args.rows)
        results["database"] = connection.vendor
    finally:
        if scratch:
            for suffix in ("", "-wal", "-shm"):
                Path(scratch + suffix).unlink(missing_ok=True)
        else:
            cleanup()
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    size = f"{results['rows']} rows ({results['megabytes']} MB)"
    print(f"people import: {size} on {results['database']}")
    for phase in ("upload", "dry_run", "real_run", "dry_run_again"):
        figures = results[phase]
        print(f"  {phase:<14} {figures['seconds']:>7.2f} s  {figures['rows_per_second']:>8} rows/s")
    print(f"  planned: {results['planned']}; status {results['status']}")
    print(f"  same file again plans: {results['planned_again']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
