# ruff: noqa: E501
"""Time the notification fan-out of a program-wide event and the digest run.

Run from the repository root:
``python benchmarks/notifications.py [--attendees 2000] [--people 100000] [--notices 5000] [--json]``.

It uses DATABASE_URL when set, else a scratch PostgreSQL database
`bench_notifications` on 127.0.0.1 (user postgres, trust auth), created when absent.
E-mails are built (MIME and all) by a backend that counts and discards them,
so the figures are Ithaca's work (queries, rendering), not an SMTP server's,
and memory does not grow with the e-mails sent.

Figures (queries counted by a wrapper on the connection):
- fan-out: `notify_many` telling `--attendees` people of a cancelled event
  (read from the database with `iterator()`, bulk-inserted a batch at a time),
  then the task that e-mails them;
- digests: `digests_send` over `--people` people who each chose the weekly
  digest and have three notifications held from last week: seconds, e-mails,
  queries, and the process's peak RSS during the run (reset before it);
- a person with `--notices` notifications (half unread): the inbox page, the
  bell and the API's list, median server ms and queries per request, and the
  unread count alone.

Exits 1 when a target is missed: the digest run over 1,000 people or more under
10 ms a person and 10 queries per 100 people, the fan-out under 10 queries per
1,000 people, the inbox, bell and API list under their query budgets.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import statistics
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_notifications"
PREFIX = "bench-notify-"


def configure() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "true")
    os.environ["ALLOWED_HOSTS"] = "testserver"  # Django's test client
    os.environ["TASKS_BACKEND"] = "dummy"  # the e-mails are sent, and timed, explicitly
    url = os.environ["DATABASE_URL"]
    if url.startswith("postgres"):
        import psycopg

        base, name = url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # Importable by name however this script runs (python, python -m cProfile).
    sys.modules["_bench_mail"] = types.ModuleType("_bench_mail")
    sys.modules["_bench_mail"].CountingBackend = CountingBackend  # type: ignore[attr-defined]
    settings.EMAIL_BACKEND = "_bench_mail.CountingBackend"
    call_command("migrate", verbosity=0)
    from django.urls import reverse

    reverse("notifications:inbox")  # load the URLconf now, as a running worker has, not in a timing


class CountingBackend(BaseEmailBackend):
    """Builds each message as SMTP would send it, counts it and drops it."""

    sent = 0

    def send_messages(self, email_messages: Any) -> int:
        for message in email_messages:
            message.message().as_bytes()
        CountingBackend.sent += len(email_messages)
        return len(email_messages)


@contextlib.contextmanager
def counting_queries() -> Iterator[list[int]]:
    """Counts every query on the default connection (DEBUG's log keeps only 9,000)."""
    from django.db import connection

    counter = [0]

    def wrapper(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        counter[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield counter


def rss_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak since the last reset) of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def reset_peak_rss() -> None:
    with contextlib.suppress(OSError):  # Linux: writing 5 resets VmHWM to the current RSS
        Path("/proc/self/clear_refs").write_text("5")


def people(count: int, tag: str) -> Any:
    """A queryset of `count` active people, made once per tag and reused by later runs."""
    from ithaca.accounts.models import User

    existing = User.objects.filter(email__startswith=f"{PREFIX}{tag}-")
    have = existing.count()
    if have < count:
        User.objects.bulk_create(
            [
                User(email=f"{PREFIX}{tag}-{n}@example.org", first_name="Bench", last_name=str(n))
                for n in range(have, count)
            ],
            batch_size=5000,
        )
    last = existing.order_by("pk").values_list("pk", flat=True)[count - 1]
    return existing.filter(pk__lte=last).order_by("pk")


def fan_out(attendees: int) -> dict[str, Any]:
    from django.db import transaction

    from ithaca.notifications.delivery import deliver_key
    from ithaca.notifications.services import event_key, notify_many
    from ithaca.programs.models import Program

    crowd = people(attendees, "attendee")
    program = Program.objects.first() or Program.objects.create(
        name="Bench program", slug="bench-program", kind="mentoring", mode="group"
    )
    event = f"cancelled-{time.time_ns()}"
    start = time.perf_counter()
    with counting_queries() as recording, transaction.atomic():
        told = notify_many(
            recipients=crowd.iterator(chunk_size=2000), kind="event.cancelled", subject=program,
            context={"event": "Spring networking", "when": "Mon 8 Mar, 17:00"}, url="/", event=event,
        )  # fmt: skip
    recorded = time.perf_counter() - start
    before = CountingBackend.sent
    start = time.perf_counter()
    with counting_queries() as sending:
        sent = deliver_key(event_key("event.cancelled", program, event))
    emailed = time.perf_counter() - start
    return {"attendees": attendees, "told": told, "record_s": round(recorded, 3),
            "record_queries": recording[0], "emails": sent,
            "emails_built": CountingBackend.sent - before, "email_s": round(emailed, 3),
            "email_queries": sending[0]}  # fmt: skip


def event_cancelled(attendees: int) -> dict[str, Any]:
    """What a manager's cancellation does in its request: every attendee told, each with
    their own time and calendar entry (`tell_event_update`). Rolled back afterwards."""
    from django.db import transaction
    from django.utils import timezone

    from ithaca.mentoring import notices
    from ithaca.mentoring.models import EventSignup, MentoringEvent
    from ithaca.programs.models import Program

    crowd = people(attendees, "attendee")
    program = Program.objects.first()
    if program is None:
        return {"attendees": attendees, "seconds": 0.0, "cpu_seconds": 0.0, "queries": 0}
    with transaction.atomic():
        starts = timezone.now() + dt.timedelta(days=3)
        event = MentoringEvent.objects.create(
            program=program, kind=MentoringEvent.Kind.choices[0][0], title="Spring networking",
            starts_at=starts, ends_at=starts + dt.timedelta(hours=2), capacity=attendees,
            cancelled_at=timezone.now(), sequence=1,
        )  # fmt: skip
        EventSignup.objects.bulk_create(
            [EventSignup(event=event, person_id=pk) for pk in crowd.values_list("pk", flat=True)]
        )
        start, cpu = time.perf_counter(), time.process_time()
        with counting_queries() as queries:
            notices.tell_event_update(event, actor=None)
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
        transaction.set_rollback(True)
    return {"attendees": attendees, "seconds": round(took, 2), "cpu_seconds": round(cpu, 2),
            "queries": queries[0]}  # fmt: skip


def _clear(crowd: Any) -> None:
    """Forget earlier runs' notifications, digests and preferences of these people."""
    from django.db import connection

    from ithaca.notifications.models import Digest, Notification, Preference

    with connection.cursor() as cursor:
        for model, column in (
            (Notification, "recipient_id"),
            (Digest, "user_id"),
            (Preference, "user_id"),
        ):
            sql, params = crowd.values("pk").query.sql_with_params()
            cursor.execute(f"DELETE FROM {model._meta.db_table} WHERE {column} IN ({sql})", params)


def digests(count: int) -> dict[str, Any]:
    from django.db import transaction
    from django.utils import timezone

    from ithaca.core.bulk import insert_rows
    from ithaca.notifications.delivery import digests_send
    from ithaca.notifications.models import Notification, Preference

    crowd = people(count, "reader")
    _clear(crowd)
    setup = time.perf_counter()
    ids = list(crowd.values_list("pk", flat=True))  # not a cursor: COPY holds the connection
    last_week = timezone.now() - dt.timedelta(days=8)
    with transaction.atomic():
        insert_rows(
            Preference,
            ({"user_id": pk, "category": "programs", "mode": "weekly", "updated_at": last_week}
             for pk in ids),
        )  # fmt: skip
        insert_rows(
            Notification,
            ({"recipient_id": pk, "kind": "application.decided", "category": "programs",
              "key": f"bench:{pk}:{n}", "text": "Your application to Bench was approved.",
              "params": {"program": "Bench", "approved": True, "actor": ""},
              "url": "/programs/", "email": "weekly", "created_at": last_week, "updated_at": last_week}
             for pk in ids for n in range(3)),
        )  # fmt: skip
    setup = time.perf_counter() - setup
    before = CountingBackend.sent
    rss_before = rss_mb("VmRSS")
    reset_peak_rss()
    start = time.perf_counter()
    cpu = time.process_time()
    with counting_queries() as queries:
        result = digests_send(now=timezone.now(), limit=None)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"people": count, "digests": result["weekly_digests"],
            "emails": CountingBackend.sent - before, "seconds": round(took, 1),
            "cpu_seconds": round(cpu, 1), "per_person_ms": round(1000 * took / max(count, 1), 2),
            "queries": queries[0], "rss_before_mb": round(rss_before), "peak_rss_mb": round(rss_mb("VmHWM")),
            "setup_s": round(setup, 1)}  # fmt: skip


def _timed(client: Any, method: str, path: str, runs: int, **data: Any) -> dict[str, Any]:
    """Median and p95 server ms and the queries of one request (the last)."""
    times, status = [], 0
    for _ in range(runs):
        with counting_queries() as queries:
            start = time.perf_counter()
            response = getattr(client, method)(
                path, data, **({"HTTP_HX_REQUEST": "true"} if "bell" in path else {})
            )
            times.append(time.perf_counter() - start)
        status = response.status_code
    times.sort()
    return {"path": path, "status": status, "queries": queries[0],
            "median_ms": round(1000 * statistics.median(times), 1),
            "p95_ms": round(1000 * times[int(0.95 * (len(times) - 1))], 1)}  # fmt: skip


def reader(notices: int, runs: int = 30) -> dict[str, Any]:
    """One person with many notifications: the inbox, the bell, the API list."""
    from django.db import transaction
    from django.test import Client
    from django.utils import timezone

    from ithaca.core.bulk import insert_rows
    from ithaca.notifications.models import Notification

    crowd = people(1, "inbox")
    person = crowd.get()
    _clear(crowd)
    now = timezone.now()
    with transaction.atomic():
        insert_rows(
            Notification,
            ({"recipient_id": person.pk, "kind": "application.decided", "category": "programs",
              "key": f"bench-inbox:{n}", "text": "Your application to Bench was approved.",
              "params": {"program": "Bench", "approved": True, "actor": ""}, "url": "/programs/",
              "email": "sent", "created_at": now - dt.timedelta(minutes=n), "updated_at": now,
              "read_at": now if n % 2 else None}
             for n in range(notices)),
        )  # fmt: skip
    client = Client()
    client.force_login(person)
    pages = [
        _timed(client, "get", "/notifications/", runs),
        _timed(client, "get", "/notifications/", runs, page=notices // 40),
        _timed(client, "get", "/notifications/bell/", runs),
        _timed(client, "get", "/api/v1/notifications/", runs),
        _timed(client, "get", "/api/v1/notifications/unread-count/", runs),
    ]
    return {"notices": notices, "unread": unread(person), "pages": pages}


def unread(person: Any, runs: int = 50) -> dict[str, Any]:
    from ithaca.notifications.selectors import unread_count

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        unread_count(person)
        times.append(time.perf_counter() - start)
    with counting_queries() as queries:
        count = unread_count(person)
    return {
        "unread": count,
        "queries": queries[0],
        "median_ms": round(1000 * statistics.median(times), 3),
    }


def missed(figures: dict[str, Any]) -> list[str]:
    f, d, r = figures["fan_out"], figures["digests"], figures["reader"]
    # The pages' own queries plus sign-in, MFA and (API) the throttle's cache.
    budgets = {"/notifications/": 7, "/notifications/bell/": 4, "/api/v1/notifications/": 9,
               "/api/v1/notifications/unread-count/": 8}  # fmt: skip
    misses = []
    if d["people"] >= 1000 and d["per_person_ms"] > 10:
        misses.append(f"digests: {d['per_person_ms']} ms a person (target 10)")
    if d["queries"] > 10 * max(d["people"], 100) / 100:
        misses.append(f"digests: {d['queries']} queries (target 10 per 100 people)")
    if f["record_queries"] > 10 * max(f["attendees"], 1000) / 1000:
        misses.append(f"fan-out: {f['record_queries']} queries (target 10 per 1,000 people)")
    for page in r["pages"]:
        if page["status"] != 200 or page["queries"] > budgets[page["path"]]:
            misses.append(f"{page['path']}: {page['status']}, {page['queries']} queries")
    if r["unread"]["queries"] != 1:
        misses.append("unread count: more than one query")
    return misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attendees", type=int, default=2000)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument(
        "--notices", type=int, default=5000, help="notifications of the inbox's reader"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    configure()
    load = os.getloadavg()[0]
    figures: dict[str, Any] = {
        "fan_out": fan_out(args.attendees),
        "event_cancelled": event_cancelled(args.attendees),
        "digests": digests(args.people),
        "reader": reader(args.notices),
        "load_average": [load, round(os.getloadavg()[0], 2)],
    }
    misses = missed(figures)
    if args.json:
        print(json.dumps({**figures, "missed": misses}))
    else:
        f, d, r = figures["fan_out"], figures["digests"], figures["reader"]
        print(f"load average: {load:.2f} at the start, {os.getloadavg()[0]:.2f} at the end")
        print(f"fan-out: {f['told']} of {f['attendees']} attendees told in {f['record_s']} s, "
              f"{f['record_queries']} queries; {f['emails']} e-mails in {f['email_s']} s, "
              f"{f['email_queries']} queries")  # fmt: skip
        e = figures["event_cancelled"]
        print(f"event cancelled: {e['attendees']} attendees told (own time and invite each) in "
              f"{e['seconds']} s ({e['cpu_seconds']} s CPU), {e['queries']} queries")  # fmt: skip
        print(f"digests: {d['digests']} weekly digests ({d['emails']} e-mails) for {d['people']} people "
              f"in {d['seconds']} s ({d['cpu_seconds']} s CPU, {d['per_person_ms']} ms a person), "
              f"{d['queries']} queries, peak RSS {d['peak_rss_mb']} MB ({d['rss_before_mb']} MB before)")  # fmt: skip
        print(f"a reader with {r['notices']} notifications:")
        for page in r["pages"]:
            print(f"  {page['path']:<40} {page['status']}  median {page['median_ms']} ms, "
                  f"p95 {page['p95_ms']} ms, {page['queries']} queries")  # fmt: skip
        u = r["unread"]
        print(
            f"  unread count ({u['unread']} unread): {u['queries']} query, median {u['median_ms']} ms"
        )
        for miss in misses:
            print(f"Missed: {miss}")
    if misses:
        sys.exit(1)


if __name__ == "__main__":
    main()
