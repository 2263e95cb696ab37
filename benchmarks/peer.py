"""Ithaca beside its open-source peer, on the same small data and the same machine.

Run from the repository root::

    DEBUG=true .venv/bin/python benchmarks/peer.py                      # Ithaca alone
    DEBUG=true .venv/bin/python benchmarks/peer.py --peer /tmp/peer \\
        --peer-python /tmp/peervenv/bin/python --rounds 60            # side by side

Ithaca is loaded with ``seed_demo --people 60`` into its own SQLite file
(``var/bench_peer.sqlite3``, created once and reused) and served by gunicorn
with one sync worker, DEBUG off, on 127.0.0.1.

``--peer`` names a folder holding a checkout of anitab-org/mentorship-backend
(Flask), which this script never downloads, installs or copies: you provide the
checkout and a Python that has its requirements (``--peer-python``). The script
then writes 60 equivalent people into a SQLite file of its own (30 accepted
mentorship relations, each with one task and one comment), serves the peer with
gunicorn, one sync worker, on 127.0.0.1, and times the pairs interleaved (one
Ithaca request, then the peer's, round after round):

    relationships   GET /api/v1/relationships/        vs GET /mentorship_relations
    comment write   POST .../agenda/ (a topic)        vs POST .../task/<id>/comment
    home            GET / (signed-in page)            vs GET /home
    token           POST /api/v1/auth/token/          vs POST /login
    people list     GET .../console/.../participants/ vs GET /users

It prints median and p95 client-side milliseconds and the ratio peer/Ithaca
(above 1 means Ithaca is faster); with ``--cpu N``, then each server's worker
CPU time per request over N requests of each kind in a row (from /proc).
Every loop is bounded by --rounds (and N by 500); nothing leaves 127.0.0.1.
Token requests come from distinct loopback source addresses (127.0.1.x) so
that the login throttle (10 a minute per address) is not what gets measured.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

HOST = "127.0.0.1"  # loopback only, always
PEOPLE = 60
PEER_PASSWORD = "peer-bench-password"


# --- HTTP ---------------------------------------------------------------------


def call(
    port: int,
    method: str,
    path: str,
    headers: dict[str, str] | None = None,
    body: Any = None,
    source: str | None = None,
) -> tuple[float, int, bytes]:
    """One request on a fresh connection; returns (seconds, status, body)."""
    conn = http.client.HTTPConnection(
        HOST, port, timeout=60, source_address=(source, 0) if source else None
    )
    try:
        payload = json.dumps(body).encode() if body is not None else None
        all_headers = {"Host": HOST, **(headers or {})}
        if payload is not None:
            all_headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        conn.request(method, path, body=payload, headers=all_headers)
        response = conn.getresponse()
        data = response.read()
        return time.perf_counter() - started, response.status, data
    finally:
        conn.close()


def wait_for(port: int, path: str, server: subprocess.Popen[bytes], name: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"{name} exited with {server.returncode} before answering")
        try:
            _, status, _ = call(port, "GET", path)
            if status < 500:
                return
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"{name} did not answer {path} within 120 s")


def stop(server: subprocess.Popen[bytes] | None) -> None:
    if server is not None and server.poll() is None:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


# --- Ithaca -------------------------------------------------------------------


def ithaca_setup(db: Path) -> dict[str, Any]:
    """Migrate and seed Ithaca's SQLite file once; return who the requests act as."""
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "true")
    os.environ["TASKS_BACKEND"] = "dummy"
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from ithaca.accounts.models import User
    from ithaca.accounts.tokens import api_token_issue
    from ithaca.mentoring.models import MentoringRelationship
    from ithaca.programs.models import Program

    call_command("migrate", verbosity=0)
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        # DEBUG off serves hashed static names from the manifest.
        call_command("collectstatic", interactive=False, verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("seed_demo", people=PEOPLE, verbosity=0, stdout=quiet)

    mentee = User.objects.get(email__startswith="mentee@")
    manager = User.objects.get(email__startswith="manager@")
    rel = MentoringRelationship.objects.filter(mentee=mentee, status="active").first()
    if rel is None:
        raise SystemExit("The demo mentee has no active mentoring relationship.")
    program = Program.objects.filter(pk=rel.program_id).get()

    store = SessionStore()
    store[SESSION_KEY] = str(mentee.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = mentee.get_session_auth_hash()
    store.create()
    return {
        "secret": settings.SECRET_KEY,
        "cookie": f"{settings.SESSION_COOKIE_NAME}={store.session_key}",
        # API tokens are stored hashed: a new key for each run.
        "mentee_token": api_token_issue(user=mentee, mfa_verified=False)[1],
        "manager_token": api_token_issue(user=manager, mfa_verified=False)[1],
        "email": mentee.email,
        "relationship": rel.pk,
        "program": program.slug,
    }


def ithaca_start(db: Path, port: int, secret: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{db}",
        DEBUG="false",
        SECRET_KEY=secret,  # the session made above is signed with this key
        ALLOWED_HOSTS=HOST,
        TASKS_BACKEND="dummy",
    )
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [
        str(gunicorn), "config.wsgi", "--bind", f"{HOST}:{port}",
        "--workers", "1", "--worker-class", "sync", "--timeout", "120",
        "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    wait_for(port, "/healthz", server, "Ithaca")
    return server


# --- the peer -------------------------------------------------------------------

# Runs inside the peer's own Python, in the peer's folder: builds 60 people the
# way the peer's models do (password hashing included), 30 accepted relations
# each with one task and one comment. Idempotent: does nothing when loaded.
PEER_SEED = textwrap.dedent(
    """
    import time, run
    from app.database.sqlalchemy_extension import db
    from app.database.models.user import UserModel
    from app.database.models.mentorship_relation import MentorshipRelationModel
    from app.database.models.tasks_list import TasksListModel
    from app.database.models.task_comment import TaskCommentModel
    from app.utils.enum_utils import MentorshipRelationState

    PEOPLE, PASSWORD = {people}, {password!r}
    with run.application.app_context():
        db.create_all()
        if UserModel.query.count() < PEOPLE:
            users = []
            for i in range(PEOPLE):
                user = UserModel(f"Person {{i}}", f"person{{i}}", PASSWORD,
                                 f"person{{i}}@example.org", True)
                user.is_email_verified = True
                user.available_to_mentor = i < PEOPLE // 2
                user.need_mentoring = i >= PEOPLE // 2
                user.bio, user.skills, user.interests = "Bio", "Python, Flask", "Mentoring"
                db.session.add(user)
                users.append(user)
            db.session.commit()
            now = time.time()
            for i in range(PEOPLE // 2):
                tasks = TasksListModel()
                tasks.add_task(description="Read the handbook", created_at=now)
                db.session.add(tasks)
                rel = MentorshipRelationModel(
                    action_user_id=users[i].id, mentor_user=users[i],
                    mentee_user=users[i + PEOPLE // 2], creation_date=now,
                    end_date=now + 90 * 86400, state=MentorshipRelationState.ACCEPTED,
                    notes="Benchmark", tasks_list=tasks)
                rel.start_date = rel.accept_date = now
                db.session.add(rel)
                db.session.commit()
                db.session.add(TaskCommentModel(users[i].id, 1, rel.id, "First comment"))
            db.session.commit()
        mentee = UserModel.query.filter_by(username=f"person{{PEOPLE // 2}}").one()
        rel = MentorshipRelationModel.query.filter_by(mentee_id=mentee.id).first()
        print(rel.id)
    """
)


def peer_env(folder: Path, db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO"))}
    env.update(
        # The peer's production configuration builds "{type}://{user}:{pw}@{host}/{name}";
        # with empty credentials that is a SQLite URL for an absolute path.
        FLASK_ENVIRONMENT_CONFIG="prod",
        DB_TYPE="sqlite",
        DB_USERNAME="",
        DB_PASSWORD="",
        DB_ENDPOINT="",
        DB_NAME=str(db),  # absolute, so the URL is sqlite://:@//abs/path
        SECRET_KEY="peer-benchmark-only",
        MOCK_EMAIL="true",
        PYTHONPATH=str(folder),
    )
    return env


def peer_setup(folder: Path, python: str, db: Path) -> int:
    code = PEER_SEED.format(people=PEOPLE, password=PEER_PASSWORD)
    done = subprocess.run(
        [python, "-c", code], cwd=folder, env=peer_env(folder, db),
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"Loading the peer failed:\n{done.stderr[-3000:]}")
    return int(done.stdout.strip().splitlines()[-1])


def peer_start(folder: Path, python: str, db: Path, port: int) -> subprocess.Popen[bytes]:
    command = [
        str(Path(python).parent / "gunicorn"), "run:application", "--bind", f"{HOST}:{port}",
        "--workers", "1", "--worker-class", "sync", "--timeout", "120",
        "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=folder, env=peer_env(folder, db))
    wait_for(port, "/users", server, "the peer")
    return server


def peer_login(port: int) -> str:
    body = {"username": f"person{PEOPLE // 2}", "password": PEER_PASSWORD}
    _, status, data = call(port, "POST", "/login", body=body)
    if status != 200:
        raise SystemExit(f"The peer's login answered {status}: {data[:200]!r}")
    return str(json.loads(data)["access_token"])


# --- the pairs --------------------------------------------------------------------


def ithaca_requests(who: dict[str, Any], port: int) -> dict[str, Any]:
    mentee = {"Authorization": f"Token {who['mentee_token']}"}
    manager = {"Authorization": f"Token {who['manager_token']}"}
    agenda = f"/api/v1/mentoring/relationships/{who['relationship']}/agenda/"
    people = f"/api/v1/console/programs/{who['program']}/participants/"
    token_body = {"email": who["email"], "password": "ithaca-demo"}
    source = iter(f"127.0.1.{i}" for i in range(1, 255))
    return {
        "relationships": lambda: call(port, "GET", "/api/v1/relationships/", mentee),
        "comment write": lambda: call(
            port, "POST", agenda, mentee, {"title": "A comment-sized topic", "detail": "x" * 80}
        ),
        "home": lambda: call(port, "GET", "/", {"Cookie": who["cookie"]}),
        "token": lambda: call(
            port, "POST", "/api/v1/auth/token/", body=token_body, source=next(source)
        ),
        "people list": lambda: call(port, "GET", people, manager),
    }


def peer_requests(port: int, relation: int) -> dict[str, Any]:
    token = peer_login(port)
    auth = {"Authorization": f"Bearer {token}"}
    login = {"username": f"person{PEOPLE // 2}", "password": PEER_PASSWORD}
    comment = f"/mentorship_relation/{relation}/task/1/comment"
    return {
        "relationships": lambda: call(port, "GET", "/mentorship_relations", auth),
        "comment write": lambda: call(port, "POST", comment, auth, {"comment": "x" * 100}),
        "home": lambda: call(port, "GET", "/home", auth),
        "token": lambda: call(port, "POST", "/login", body=login),
        "people list": lambda: call(port, "GET", "/users", auth),
    }


def worker_cpu(server: subprocess.Popen[bytes]) -> float | None:
    """CPU seconds used so far by a gunicorn master's one worker (Linux /proc; else None)."""
    try:
        child = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()[0]
        fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_per_request(
    requests: dict[str, Any], server: subprocess.Popen[bytes], calls: int
) -> dict[str, float]:
    """The worker's own CPU milliseconds per request of each kind, over `calls` in a row:
    steadier than client-side times on a shared machine. Not for the token, whose
    password hash and per-address throttle are measured above."""
    result: dict[str, float] = {}
    for kind, fn in requests.items():
        before = worker_cpu(server)
        if kind == "token" or before is None:
            continue
        refused = sum(fn()[1] >= 400 for _ in range(calls))
        after = worker_cpu(server) or before
        if refused:  # a throttled answer costs less than the work: no figure
            print(f"    ! {kind}: {refused} of {calls} refused, CPU not reported")
            continue
        result[kind] = round((after - before) / calls * 1000, 2)
    return result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(
    mine: dict[str, Any], theirs: dict[str, Any] | None, rounds: int
) -> dict[str, dict[str, Any]]:
    # One untimed warm-up of each, then interleaved timed rounds.
    for requests in (mine, theirs or {}):
        for fn in requests.values():
            fn()
    times: dict[str, dict[str, list[float]]] = {k: {"ithaca": [], "peer": []} for k in mine}
    bad: dict[str, set[str]] = {}
    for _ in range(rounds):
        for kind in mine:
            pair = [("ithaca", mine[kind])] + ([("peer", theirs[kind])] if theirs else [])
            for side, fn in pair:
                seconds, status, data = fn()
                if status >= 400:
                    bad.setdefault(kind, set()).add(f"{side} {status} {data[:120]!r}")
                times[kind][side].append(seconds * 1000)
    result: dict[str, dict[str, Any]] = {}
    for kind, sides in times.items():
        row: dict[str, Any] = {}
        for side, values in sides.items():
            if values:
                row[side] = {
                    "median_ms": round(statistics.median(values), 2),
                    "p95_ms": round(percentile(values, 0.95), 2),
                }
        if "peer" in row:
            row["ratio"] = round(row["peer"]["median_ms"] / row["ithaca"]["median_ms"], 2)
        if kind in bad:
            row["errors"] = sorted(bad[kind])
        result[kind] = row
    return result


def show_cpu(cpu: dict[str, dict[str, float]], calls: int) -> None:
    print(f"gunicorn worker CPU ms per request, {calls} in a row of each")
    for kind, ms in cpu.get("ithaca", {}).items():
        line = f"{kind:<15} {ms:>10.2f}"
        if kind in cpu.get("peer", {}):
            peer = cpu["peer"][kind]
            line += f" {'':>8} {peer:>10.2f} {'':>8} {peer / ms:>8.2f}x"
        print(line)


def show(result: dict[str, dict[str, Any]], rounds: int) -> None:
    load = os.getloadavg()
    print(f"{rounds} interleaved rounds, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print(f"{'pair':<15} {'Ithaca med':>10} {'p95':>8} {'peer med':>10} {'p95':>8} {'peer/Ith':>9}")
    for kind, row in result.items():
        me = row["ithaca"]
        line = f"{kind:<15} {me['median_ms']:>10.1f} {me['p95_ms']:>8.1f}"
        if "peer" in row:
            peer = row["peer"]
            line += f" {peer['median_ms']:>10.1f} {peer['p95_ms']:>8.1f} {row['ratio']:>8.2f}x"
        print(line)
        for error in row.get("errors", []):
            print(f"    ! {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peer", type=Path, help="folder of a mentorship-backend checkout")
    parser.add_argument(
        "--peer-python",
        default=os.environ.get("PEER_PYTHON", ""),
        help="a Python with the peer's requirements (default $PEER_PYTHON)",
    )
    parser.add_argument("--rounds", type=int, default=40, help="timed rounds per pair (40)")
    parser.add_argument("--port", type=int, default=8791, help="Ithaca's port (8791)")
    parser.add_argument("--peer-port", type=int, default=8792, help="the peer's port (8792)")
    parser.add_argument("--db", type=Path, default=ROOT / "var" / "bench_peer.sqlite3")
    parser.add_argument(
        "--cpu", type=int, default=0, help="then N requests of each kind for worker CPU (0: off)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    rounds = max(1, min(args.rounds, 1000))
    if args.peer and not args.peer_python:
        raise SystemExit("--peer needs --peer-python (or $PEER_PYTHON).")
    args.db.parent.mkdir(parents=True, exist_ok=True)

    who = ithaca_setup(args.db.resolve())
    servers: list[subprocess.Popen[bytes]] = []
    try:
        servers.append(ithaca_start(args.db.resolve(), args.port, who["secret"]))
        mine = ithaca_requests(who, args.port)
        theirs = None
        if args.peer:
            folder = args.peer.resolve()
            peer_db = Path(tempfile.gettempdir()) / "ithaca-bench-peer.sqlite3"
            relation = peer_setup(folder, args.peer_python, peer_db)
            servers.append(peer_start(folder, args.peer_python, peer_db, args.peer_port))
            theirs = peer_requests(args.peer_port, relation)
        result = run(mine, theirs, rounds)
        calls = max(0, min(args.cpu, 500))
        cpu: dict[str, dict[str, float]] = {}
        if calls:
            cpu["ithaca"] = cpu_per_request(mine, servers[0], calls)
            if theirs is not None:
                cpu["peer"] = cpu_per_request(theirs, servers[1], calls)
    finally:
        for server in servers:
            stop(server)
    if args.json:
        figures = {"rounds": rounds, "load": os.getloadavg(), "pairs": result, "cpu_ms": cpu}
        print(json.dumps(figures, indent=2))
    else:
        show(result, rounds)
        if cpu:
            show_cpu(cpu, calls)


if __name__ == "__main__":
    main()
