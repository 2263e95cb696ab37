"""A matching round of the demo's largest program, as a program manager would start it.

    python benchmarks/demo_round.py [--json] [--runs 2] [--program SLUG]

On the 100,000-person demo in PostgreSQL (DATABASE_URL, else `bench_pages`, the
database `pages.py` loads; run `pages.py` once first to load it). The program
with the most waiting seekers is matched the way the task worker does it
(`compute_round`: read the pool, match, then `save_outcome_rows`: each pair's
numbers, the draft written), inside a transaction that is rolled back, so nothing is kept.
Prints wall and CPU seconds per stage for each run. Target: the whole round
under 5 s. Exits 1 when the best run misses it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_pages"
TARGET_S = 5.0


class _Rollback(Exception):
    pass


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def largest_program() -> Any:
    from ithaca.matching.services.rounds import waiting_counts
    from ithaca.programs.models import Program

    programs = list(Program.objects.order_by("pk"))
    return max(programs, key=lambda p: waiting_counts(p)[0])


def one_round(program: Any) -> dict[str, Any]:
    from django.db import transaction

    from ithaca.matching.services import round_create
    from ithaca.matching.services.rounds import compute_round, save_outcome_rows

    row: dict[str, Any] = {}
    try:
        with transaction.atomic():
            matching_round = round_create(program=program, objective="fit", created_by=None)
            stages: dict[str, tuple[float, float]] = {}
            start = _clock()
            outcome = compute_round(program, "fit")
            matched = _clock()
            warnings = save_outcome_rows(matching_round, outcome)
            saved = _clock()
            stages["read and match"] = (matched[0] - start[0], matched[1] - start[1])
            stages["explain and write"] = (saved[0] - matched[0], saved[1] - matched[1])
            stages["total"] = (saved[0] - start[0], saved[1] - start[1])
            row = {
                "program": program.slug,
                "seekers": len(outcome.pool.seekers),
                "helpers": len(outcome.pool.helpers),
                "pairs": outcome.summary.get("matched"),
                "warnings": warnings,
                "stages": {k: {"wall_s": w, "cpu_s": c} for k, (w, c) in stages.items()},
            }
            raise _Rollback
    except _Rollback:
        pass
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--program", default="", help="a program's slug (default: the largest)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "true")
    os.environ["TASKS_BACKEND"] = "dummy"
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    import django

    django.setup()
    # A worker has the round service imported before it runs a round.
    import ithaca.matching.services.rounds  # noqa: F401
    from ithaca.programs.models import Program

    program = Program.objects.get(slug=args.program) if args.program else largest_program()
    rows = [one_round(program) for _ in range(args.runs)]
    best = min(r["stages"]["total"]["wall_s"] for r in rows)
    if args.json:
        print(json.dumps({"runs": rows, "best_wall_s": best, "target_s": TARGET_S}, indent=2))
    else:
        first = rows[0]
        print(
            f"{first['program']}: {first['seekers']} waiting seekers, {first['helpers']} helpers, "
            f"{first['pairs']} pairs, {first['warnings']} with a warning"
        )
        for i, r in enumerate(rows, 1):
            cells = "  ".join(
                f"{name} {s['wall_s']:.2f} s wall / {s['cpu_s']:.2f} s CPU"
                for name, s in r["stages"].items()
            )
            print(f"run {i}: {cells}")
        load = os.getloadavg()[0]
        print(f"best total {best:.2f} s wall (target {TARGET_S:.0f} s); load average {load:.1f}")
    return 0 if best < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
