"""How fast and how good whole-pool matching is, on synthetic pools.

    python benchmarks/matching.py [--json] [--sizes 1k,10k,100k]

Each size runs in a fresh subprocess so its peak memory (ru_maxrss) is its
own. Timed: the candidate graph (hard rules, scores, top-k) plus the "fit"
solve, from the people as plain data to the chosen pairs; building the
synthetic pool is not timed. Where the capacity-expanded matrix fits in
memory, SciPy's linear_sum_assignment solves the same candidate graph
independently and its optimum must equal ours.
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
TARGETS = {"10k": (3.0, None), "100k": (30.0, 4096.0)}  # (seconds, peak MB)
MAX_DENSE_CELLS = 150_000_000  # about 1.2 GB of float64 for the independent check
K = 25
VECTOR_DIM = 16


def run_one(size: str) -> dict[str, Any]:
    """Build, time and check one size; called inside the subprocess.

    Besides the row it reports CPU seconds and the load average, which say
    whether a slow wall time came from the engine or from a busy machine.
    """
    from ithaca.matching.engine import Program, candidate_graph, solve
    from ithaca.matching.engine.synthetic import random_pool

    n_seekers, n_helpers = SIZES[size]
    program = Program(kind="mentoring", mode="traditional", requires_training=True, chain_depth=3)
    pool = random_pool(
        7, n_seekers, n_helpers, program=program, vector_dim=VECTOR_DIM, min_capacity=1
    )
    load = os.getloadavg()[0]
    started, cpu_started = time.perf_counter(), time.process_time()
    graph = candidate_graph(pool.seekers, pool.helpers, pool.program, k=K, text=pool.vectors)
    result = solve(graph, "fit")
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    row = {
        "size": size,
        "seekers": n_seekers,
        "helpers": len(pool.helpers),
        "seconds": round(seconds, 3),
        "peak_mb": round(peak_mb, 1),
        "matched": len(result.matches),
        "objective": result.total,
        "optimum": independent_optimum(graph),
    }
    return {"row": row, "cpu_seconds": round(cpu_seconds, 2), "load": round(load, 2)}


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


def measure(size: str) -> dict[str, Any]:
    """Run one size in a fresh interpreter and read back its JSON line."""
    # One BLAS thread: the scan runs its own worker threads, and BLAS threads
    # on top of them only fight over the same cores.
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    out = subprocess.run(
        [sys.executable, __file__, "--one", size],
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
    print("PASS" if all_ok else "FAIL")
    return all_ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON list")
    parser.add_argument("--sizes", default="1k,10k,100k", help="comma-separated: 1k,10k,100k")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return 0
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size(s) {', '.join(unknown)}; choose from {', '.join(SIZES)}")
    runs = [measure(size) for size in sizes]
    if args.json:
        rows = [run["row"] for run in runs]
        print(json.dumps(rows, indent=2))
        return 0 if all(ok for row in rows for _, ok in verdicts(row)) else 1
    return 0 if print_table(runs) else 1


if __name__ == "__main__":
    sys.exit(main())
