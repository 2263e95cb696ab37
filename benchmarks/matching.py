"""How fast and how good whole-pool matching is, on synthetic pools.

    python benchmarks/matching.py [--json] [--sizes 1k,10k,100k] [--write]

Each size runs in a fresh subprocess so its peak memory (ru_maxrss) is its
own. Timed, stage by stage (wall and CPU seconds): the hard rules, the
profile features, the block scan that scores every allowed pair, the exact
top-k candidates, the "fit" min-cost flow (with the pool's factor tables for
the stored pairs built on another thread meanwhile, as `compute_round` does),
and the round's output: every pair's score and factor values, worked out for
all pairs at once and written as `round_run` does (a pair is put in words,
and its hard rules checked, when it is shown, not here).
Building the synthetic pool is not timed (a real round reads it from the
database instead). With `--write` the draft's rows (`RoundPair`,
`RoundUnmatched`) are written to the database of DATABASE_URL inside a
transaction that is rolled back, so nothing is kept; the foreign keys of
those rows point at synthetic ids and are never checked (PostgreSQL defers
them to the commit that does not happen). Without it the breakdowns are
built but not written. Where the capacity-expanded matrix fits in memory,
SciPy's linear_sum_assignment solves the same candidate graph independently
and its optimum must equal ours.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = {"1k": (1_000, 300), "10k": (10_000, 3_000), "100k": (100_000, 30_000)}
TARGETS = {"10k": (3.0, None), "100k": (10.0, 1024.0)}  # (seconds, peak MB)
STAGES = ("rules", "features", "scoring", "candidates", "solving", "output")
MAX_DENSE_CELLS = 150_000_000  # about 1.2 GB of float64 for the independent check
K = 25
VECTOR_DIM = 16


def run_one(size: str, write: bool) -> dict[str, Any]:
    """Build, time and check one size; called inside the subprocess.

    Besides the row it reports CPU seconds and the load average, which say
    whether a slow wall time came from the engine or from a busy machine.
    """
    import django

    from ithaca.matching.engine import Program, candidate_graph
    from ithaca.matching.engine.synthetic import random_pool

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()  # the output stage needs the models; set up before anything is timed
    from ithaca.matching.services.rounds import heap_frozen, solve_pool

    n_seekers, n_helpers = SIZES[size]
    program = Program(kind="mentoring", mode="traditional", requires_training=True, chain_depth=3)
    pool = random_pool(
        7, n_seekers, n_helpers, program=program, vector_dim=VECTOR_DIM, min_capacity=1
    )
    round_pool = _round_pool(pool)
    pool_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    load = os.getloadavg()[0]
    clock = _Clock()
    with heap_frozen():  # as `compute_round` does
        graph = candidate_graph(
            pool.seekers, pool.helpers, pool.program, k=K, text=pool.vectors, progress=clock.phase
        )
        outcome = solve_pool(round_pool, graph, "fit")  # the pool's factor tables meanwhile
    result = outcome.result
    clock.lap("solving")
    warnings = _output(outcome, write)
    clock.lap("output")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row = {
        "size": size,
        "seekers": n_seekers,
        "helpers": len(pool.helpers),
        "seconds": round(clock.wall_total, 3),
        "peak_mb": round(peak_mb, 1),
        "matched": len(result.matches),
        "objective": result.total,
        "optimum": independent_optimum(graph),
    }
    return {
        "row": row,
        "cpu_seconds": round(clock.cpu_total, 2),
        "load": round(load, 2),
        "stages": clock.stages,
        "edges": graph.n_edges,
        "pool_mb": round(pool_mb, 1),
        "written": write,
        "warnings": warnings,
    }


class _Clock:
    """Wall and CPU seconds per stage; the engine's progress reports mark its phases' ends."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        self.wall_total = self.cpu_total = 0.0
        self.stages: dict[str, dict[str, float]] = {}

    def phase(self, name: str, fraction: float) -> None:
        if fraction >= 1.0 and name in STAGES and name not in self.stages:
            self.lap(name)

    def lap(self, name: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        spent = {"wall": round(wall - self.wall, 3), "cpu": round(cpu - self.cpu, 3)}
        self.stages[name] = spent
        self.wall_total += spent["wall"]
        self.cpu_total += spent["cpu"]
        self.wall, self.cpu = wall, cpu


def _round_pool(pool: Any) -> Any:
    """The synthetic pool as a round's `Pool`, which `solve_pool` and the output read."""
    from ithaca.matching.pool import Pool

    round_pool = Pool(
        program=None,  # type: ignore[arg-type]
        config=None,  # type: ignore[arg-type]
        rules=pool.program,
        seekers=tuple(pool.seekers),
        helpers=tuple(pool.helpers),
    )
    round_pool.__dict__["text"] = pool.vectors  # the pool's text index (a cached property)
    return round_pool


def _output(outcome: Any, write: bool) -> int:
    """What `round_run` does after solving: every pair's factor numbers, the draft written.

    Returns the number of pairs with a warning for the manager.
    """
    from django.db import transaction

    from ithaca.matching.explain import has_warning
    from ithaca.matching.models import MatchingRound
    from ithaca.matching.services.rounds import heap_frozen, save_outcome_rows

    if not write:
        with heap_frozen():
            return sum(has_warning(b) for b in outcome.breakdowns())
    with transaction.atomic():
        matching_round = MatchingRound.objects.create(program_id=2**31 - 1, objective="fit")
        warnings = save_outcome_rows(matching_round, outcome)
        transaction.set_rollback(True)
    return warnings


def independent_optimum(graph: object) -> int | None:
    """Best total score by linear_sum_assignment on the capacity-expanded matrix.

    Rows are seekers with candidates, columns one per helper place (capped at
    the helper's number of candidates). A cell outside the graph is worth 0,
    the same as leaving the seeker unmatched, so "unmatched allowed" needs no
    extra columns: scores are never negative.
    """
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    seeker, helper, score = graph.seeker, graph.helper, graph.score  # type: ignore[attr-defined]
    rows, row_of = np.unique(seeker, return_inverse=True)
    helpers, col_of = np.unique(helper, return_inverse=True)
    places = np.minimum(graph.capacity[helpers], np.bincount(col_of))  # type: ignore[attr-defined]
    if rows.size * int(places.sum()) > MAX_DENSE_CELLS:
        return None
    first = np.concatenate([[0], np.cumsum(places)[:-1]])
    matrix = np.zeros((rows.size, int(places.sum())), dtype=np.float64)
    for slot in range(int(places.max(initial=0))):
        usable = places[col_of] > slot
        matrix[row_of[usable], first[col_of[usable]] + slot] = score[usable]
    r, c = linear_sum_assignment(matrix, maximize=True)
    return int(np.rint(matrix[r, c].sum()))


def measure(size: str, write: bool) -> dict[str, Any]:
    """Run one size in a fresh interpreter and read back its JSON line."""
    # One BLAS thread: the scan runs its own worker threads, and BLAS threads
    # on top of them only fight over the same cores.
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    out = subprocess.run(
        [sys.executable, __file__, "--one", size, *(["--write"] if write else [])],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def verdicts(row: dict[str, object]) -> list[tuple[str, bool]]:
    checks = []
    if row["optimum"] is not None:
        checks.append(("objective == optimum", row["objective"] == row["optimum"]))
    seconds_limit, mb_limit = TARGETS.get(str(row["size"]), (None, None))
    if seconds_limit is not None:
        checks.append((f"under {seconds_limit:g} s", float(row["seconds"]) < seconds_limit))  # type: ignore[arg-type]
    if mb_limit is not None:
        checks.append((f"under {mb_limit:g} MB", float(row["peak_mb"]) < mb_limit))  # type: ignore[arg-type]
    return checks


def print_table(runs: list[dict[str, Any]]) -> bool:
    """The rows as a table; "cpu s" and "load" (1-minute load average) explain slow runs."""
    header = f"{'size':>5} {'seekers':>8} {'helpers':>8} {'seconds':>8} {'cpu s':>7} {'load':>5}"
    header += f" {'peak MB':>8} {'matched':>8} {'objective':>12} {'optimum':>12}  checks"
    print(header)
    all_ok = True
    for run in runs:
        row = run["row"]
        checks = verdicts(row)
        all_ok &= all(ok for _, ok in checks)
        said = ", ".join(f"{'PASS' if ok else 'FAIL'} {name}" for name, ok in checks) or "-"
        optimum = "-" if row["optimum"] is None else row["optimum"]
        print(
            f"{row['size']:>5} {row['seekers']:>8} {row['helpers']:>8} {row['seconds']:>8}"
            f" {run['cpu_seconds']:>7} {run['load']:>5} {row['peak_mb']:>8} {row['matched']:>8}"
            f" {row['objective']:>12} {optimum:>12}  {said}"
        )
    print()
    print("Per stage, wall / CPU seconds (CPU above wall: the scan's threads):")
    print(f"{'size':>5} {'edges':>9} {'pool MB':>8}  " + " ".join(f"{s:>13}" for s in STAGES))
    for run in runs:
        spent = [run["stages"].get(s, {"wall": 0.0, "cpu": 0.0}) for s in STAGES]
        cells = " ".join(f"{t['wall']:>6.2f}/{t['cpu']:<6.2f}" for t in spent)
        print(f"{run['row']['size']:>5} {run['edges']:>9} {run['pool_mb']:>8}  {cells}")
    written = (
        "written to the database and rolled back"
        if runs and runs[0]["written"]
        else "built, not written"
    )
    print(f"output = every pair's factor numbers and its draft row {written}.")
    print("pool MB = memory after building the synthetic people, before anything is timed.")
    print("PASS" if all_ok else "FAIL")
    return all_ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON list")
    parser.add_argument("--sizes", default="1k,10k,100k", help="comma-separated: 1k,10k,100k")
    parser.add_argument(
        "--write",
        action="store_true",
        help="write the draft rows to DATABASE_URL's database (rolled back); needs a migrated one",
    )
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.write)))
        return 0
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size(s) {', '.join(unknown)}; choose from {', '.join(SIZES)}")
    runs = [measure(size, args.write) for size in sizes]
    if args.json:
        rows = [
            {**run["row"], "cpu_seconds": run["cpu_seconds"], "stages": run["stages"]}
            for run in runs
        ]
        print(json.dumps(rows, indent=2))
        return 0 if all(ok for row in rows for _, ok in verdicts(row)) else 1
    return 0 if print_table(runs) else 1


if __name__ == "__main__":
    sys.exit(main())
