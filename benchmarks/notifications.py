# ruff: noqa: E501
"""Time the notification fan-out of a program-wide event and the digest run.

Run from the repository root:
``python benchmarks/notifications.py [--attendees 2000] [--people 100000] [--json]``.

It uses DATABASE_URL when set, else a scratch PostgreSQL database
`bench_notifications` on 127.0.0.1 (user postgres, trust auth), created when absent.
E-mails go to Django's in-memory backend, so the figures are Ithaca's work
(queries, rendering), not an SMTP server's.

Figures:
- fan-out: `notify_many` telling every attendee of a cancelled event (one
  notification each, bulk-inserted) and then the task that e-mails them;
- digests: `digests_send` over `--people` people who each chose the weekly
  digest and have three notifications held from last week;
- the unread count (the bell): one indexed query, timed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_notifications"
PREFIX = "bench-notify-"


def configure() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "true")
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

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("migrate", verbosity=0)


def people(count: int, tag: str) -> list[Any]:
    """`count` active people, made once per tag and reused by later runs."""
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
    return list(existing.order_by("pk")[:count])


def fan_out(attendees: int) -> dict[str, Any]:
    from django.core import mail
    from django.db import transaction

    from ithaca.notifications.delivery import deliver_key
    from ithaca.notifications.models import Notification
    from ithaca.notifications.services import notify_many
    from ithaca.programs.models import Program

    crowd = people(attendees, "attendee")
    program = Program.objects.first() or Program.objects.create(
        name="Bench program", slug="bench-program", kind="mentoring", mode="group"
    )
    event = f"cancelled-{time.time_ns()}"
    mail.outbox = []
    start = time.perf_counter()
    with transaction.atomic():
        told = notify_many(
            recipients=crowd, kind="event.cancelled", subject=program,
            context={"event": "Spring networking", "when": "Mon 8 Mar, 17:00"}, url="/", event=event,
        )  # fmt: skip
    recorded = time.perf_counter() - start
    key = Notification.objects.filter(kind="event.cancelled").latest("pk").key
    start = time.perf_counter()
    sent = deliver_key(key)
    emailed = time.perf_counter() - start
    return {"attendees": attendees, "told": told, "record_s": round(recorded, 3),
            "emails": sent, "email_s": round(emailed, 3)}  # fmt: skip


def digests(count: int) -> dict[str, Any]:
    from django.utils import timezone

    from ithaca.notifications.delivery import digests_send
    from ithaca.notifications.models import Digest, Notification, Preference

    crowd = people(count, "reader")
    ids = [p.pk for p in crowd]
    Preference.objects.filter(user__email__startswith=PREFIX).delete()
    Digest.objects.filter(user__email__startswith=PREFIX).delete()
    Notification.objects.filter(recipient__email__startswith=PREFIX).delete()
    Preference.objects.bulk_create(
        [Preference(user_id=pk, category="programs", mode="weekly") for pk in ids], batch_size=5000
    )
    last_week = timezone.now() - dt.timedelta(days=8)
    Notification.objects.bulk_create(
        [
            Notification(recipient_id=pk, kind="application.decided", category="programs",
                         key=f"bench:{pk}:{n}", text="Your application to Bench was approved.",
                         url="/programs/", email="weekly")
            for pk in ids for n in range(3)
        ],
        batch_size=5000,
    )  # fmt: skip
    Notification.objects.filter(recipient_id__in=ids).update(created_at=last_week)
    start = time.perf_counter()
    result = digests_send(now=timezone.now(), limit=None)
    took = time.perf_counter() - start
    return {"people": count, "digests": result["weekly_digests"], "seconds": round(took, 1),
            "per_person_ms": round(1000 * took / max(count, 1), 2)}  # fmt: skip


def unread(runs: int = 50) -> dict[str, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ithaca.notifications.selectors import unread_count

    person = people(1, "attendee")[0]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        unread_count(person)
        times.append(time.perf_counter() - start)
    connection.queries_log.clear()  # the capture counts by the log's length
    with CaptureQueriesContext(connection) as queries:
        count = unread_count(person)
    return {
        "unread": count,
        "queries": len(queries.captured_queries),
        "median_ms": round(1000 * statistics.median(times), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attendees", type=int, default=2000)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    configure()
    figures = {
        "fan_out": fan_out(args.attendees),
        "digests": digests(args.people),
        "unread": unread(),
    }
    if args.json:
        print(json.dumps(figures))
        return
    f, d, u = figures["fan_out"], figures["digests"], figures["unread"]
    print(
        f"fan-out: {f['told']} attendees told in {f['record_s']} s; {f['emails']} e-mails in {f['email_s']} s"
    )
    print(f"digests: {d['digests']} weekly digests for {d['people']} people in {d['seconds']} s "
          f"({d['per_person_ms']} ms each)")  # fmt: skip
    print(f"unread count ({u['unread']} unread): {u['queries']} query, median {u['median_ms']} ms")


if __name__ == "__main__":
    main()
