"""How long a fresh Ithaca process takes before it serves anything.

Run from the repository root: ``python benchmarks/startup.py [--runs N] [--json]``.

Each figure is the median of N fresh processes (the machine's page cache is warm
after the first): the time of ``django.setup()`` and of loading the URL
configuration inside one process, the wall time of ``manage.py triage`` from
spawn to exit (it needs no URL checks, so it should never load the web layer),
and the time from spawning a one-worker gunicorn to its first answered request
(the login page, so settings, URLs, templates and the database are all touched).
It uses DATABASE_URL when set, else the default SQLite file (migrated first).
Exits non-zero when a target is missed, so `make bench` notices a regression.

Python's bytecode cache is on, as in any installed deployment: when the shell
sets PYTHONDONTWRITEBYTECODE, the children write their cache under
var/pycache instead (PYTHONPYCACHEPREFIX), never into the virtualenv, after one
warm-up round. `--no-bytecode-cache` measures compiling every module from
source instead (several seconds more per process). On a shared machine wall
times wander; the CPU time of the triage process is printed beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TARGETS = {"triage_wall_s": 1.5, "worker_first_response_s": 2.0}
NEED = "I want to get better at presenting my team's work to senior leadership."

IN_PROCESS = """
import json, os, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
t0 = time.perf_counter()
import django
django.setup()
t1 = time.perf_counter()
from django.urls import get_resolver
get_resolver().url_patterns
t2 = time.perf_counter()
print(json.dumps({"setup_s": t1 - t0, "urls_s": t2 - t1}))
"""


BYTECODE_CACHE = True


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DEBUG", "true")
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if BYTECODE_CACHE and "PYTHONDONTWRITEBYTECODE" in env:
        del env["PYTHONDONTWRITEBYTECODE"]
        env.setdefault("PYTHONPYCACHEPREFIX", str(ROOT / "var" / "pycache"))
    elif not BYTECODE_CACHE:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONPYCACHEPREFIX"] = str(ROOT / "var" / "no-pycache")
    return env


def in_process() -> dict[str, float]:
    out = subprocess.run(
        [PYTHON, "-c", IN_PROCESS], cwd=ROOT, env=environment(), capture_output=True, check=True
    )
    return dict(json.loads(out.stdout.decode().strip().splitlines()[-1]))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def triage() -> tuple[float, float]:
    """Wall and CPU seconds of one `manage.py triage` process."""
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run(
        [PYTHON, "manage.py", "triage", NEED],
        cwd=ROOT,
        env=environment(),
        capture_output=True,
        check=True,
    )
    return time.perf_counter() - start, _children_cpu() - cpu


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def worker_first_response(timeout: float = 120.0) -> float:
    """Seconds from spawning gunicorn (one worker) to the first page it serves."""
    port = free_port()
    gunicorn = str(Path(PYTHON).with_name("gunicorn"))
    start = time.perf_counter()
    proc = subprocess.Popen(
        [gunicorn, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/accounts/login/"
        while time.perf_counter() - start < timeout:
            try:
                with urllib.request.urlopen(url, timeout=timeout) as response:
                    response.read()
                return time.perf_counter() - start
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("gunicorn did not answer in time")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def measure(runs: int) -> dict[str, Any]:
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=environment(),
        check=True,
    )
    samples: dict[str, list[float]] = {
        "setup_s": [],
        "urls_s": [],
        "triage_wall_s": [],
        "triage_cpu_s": [],
        "worker_first_response_s": [],
    }
    in_process()  # warm-up: fills the bytecode cache and the page cache
    for _ in range(runs):
        for key, value in in_process().items():
            samples[key].append(value)
        wall, cpu = triage()
        samples["triage_wall_s"].append(wall)
        samples["triage_cpu_s"].append(cpu)
        samples["worker_first_response_s"].append(worker_first_response())
    medians = {key: statistics.median(values) for key, values in samples.items()}
    missed = [key for key, limit in TARGETS.items() if medians[key] >= limit]
    return {
        "runs": runs,
        "median": medians,
        "samples": samples,
        "targets": TARGETS,
        "missed": missed,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--no-bytecode-cache", action="store_true", help="compile every module from source"
    )
    args = parser.parse_args(argv)
    global BYTECODE_CACHE
    BYTECODE_CACHE = not args.no_bytecode_cache
    result = measure(args.runs)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        labels = {
            "setup_s": "django.setup()",
            "urls_s": "load the URL configuration",
            "triage_wall_s": "manage.py triage, wall",
            "triage_cpu_s": "manage.py triage, CPU",
            "worker_first_response_s": "gunicorn worker, first response",
        }
        print(f"Start-up, median of {args.runs} fresh processes")
        for key, label in labels.items():
            limit = TARGETS.get(key)
            verdict = "" if limit is None else ("  FAIL" if key in result["missed"] else "  PASS")
            target = f"  (target < {limit:.1f} s)" if limit else ""
            print(f"  {label:<34} {result['median'][key]:6.2f} s{target}{verdict}")
    return 1 if result["missed"] else 0


if __name__ == "__main__":
    sys.exit(main())
