"""Time the organization dashboard on a 100,000-person demo with a year of activity.

Run from the repository root: ``python benchmarks/dashboard.py [--runs N] [--json]``.

It uses DATABASE_URL when set, else a scratch PostgreSQL database `bench_dashboard`
on 127.0.0.1 (user postgres, trust auth), created with psycopg when absent. Once
per database it migrates, loads ``seed_demo --people 100000`` and adds a year of
synthetic activity in bulk (monthly meetings for active mentoring relationships,
fortnightly sessions for active engagements, leaving dates for about 8% of
people, pulse answers and meeting ratings), so later runs only time.

Figures: the cold render (figures computed from the database), the median and
p95 of warm renders (figures from the cache table, as every visitor after the
first sees them for ten minutes and as `manage.py periodic` keeps them), the
median of uncached renders, and the queries of each kind of render. Times are
server time through Django's test client: middleware, view and template.
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

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_dashboard"
PEOPLE = 100_000
MARK = "benchmark activity"


def ensure_database(url: str) -> None:
    """Create the scratch PostgreSQL database when it does not exist yet."""
    if not url.startswith("postgres"):
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def configure() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "true")
    os.environ["TASKS_BACKEND"] = "dummy"  # nothing is sent while loading
    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()


def load_demo() -> None:
    from django.core.management import call_command

    from ithaca.demo.selectors import demo_loaded

    call_command("migrate", verbosity=0)
    if not demo_loaded():
        print(f"Loading seed_demo --people {PEOPLE} (a minute or two)...", flush=True)
        call_command("seed_demo", people=PEOPLE, verbosity=0)


def _meetings(now: dt.datetime) -> list[Any]:
    from ithaca.mentoring.models import Meeting, MentoringRelationship

    rows = MentoringRelationship.objects.filter(status="active").values_list(
        "pk", "mentee_id", "started_at"
    )
    meetings = []
    for pk, mentee_id, started in rows.iterator(chunk_size=5000):
        for month in range(12):
            start = now - dt.timedelta(days=30 * month + pk % 27 + 1, hours=pk % 9)
            if started and start < started:
                break
            meetings.append(Meeting(relationship_id=pk, starts_at=start, location=MARK,
                                    ends_at=start + dt.timedelta(hours=1), status="held",
                                    proposed_by_id=mentee_id))  # fmt: skip
    return meetings


def _sessions(now: dt.datetime) -> list[Any]:
    from ithaca.coaching.models import CoachingEngagement, CoachingSession

    rows = CoachingEngagement.objects.filter(status="active").values_list("pk", "started_at")
    sessions = []
    for pk, started in rows.iterator(chunk_size=5000):
        for fortnight in range(26):
            start = now - dt.timedelta(days=14 * fortnight + pk % 13 + 1)
            if started and start < started:
                break
            sessions.append(CoachingSession(engagement_id=pk, starts_at=start, location=MARK,
                                            ends_at=start + dt.timedelta(hours=1),
                                            status="held"))  # fmt: skip
    return sessions


def _answers(now: dt.datetime) -> None:
    """Pulse answers and meeting ratings for about a third of active relationships."""
    from ithaca.analytics.models import MeetingRating, SurveyInvitation, SurveyResponse
    from ithaca.mentoring.models import Meeting

    meetings = Meeting.objects.filter(location=MARK).values_list(
        "pk", "relationship_id", "relationship__program_id", "relationship__mentee_id",
        "starts_at",
    )[:60_000]  # fmt: skip
    ratings, invitations = [], []
    for pk, rel, program, mentee, start in meetings:
        if pk % 3 == 0:
            ratings.append(MeetingRating(person_id=mentee, program_id=program, kind="mentoring",
                                         relationship_id=rel, meeting_id=pk, held_at=start,
                                         rating=1 + pk % 5, rated_at=start))  # fmt: skip
        if pk % 12 == 0:
            invitations.append(SurveyInvitation(person_id=mentee, program_id=program,
                                                kind="mentoring", relationship_id=rel,
                                                sequence=1 + pk % 50, due_at=start,
                                                sent_at=start, answered_at=start))  # fmt: skip
    MeetingRating.objects.bulk_create(ratings, batch_size=5000, ignore_conflicts=True)
    SurveyInvitation.objects.bulk_create(invitations, batch_size=5000, ignore_conflicts=True)
    answered = SurveyInvitation.objects.filter(response__isnull=True).values_list(
        "pk", "program_id", "kind"
    )
    SurveyResponse.objects.bulk_create(
        [SurveyResponse(invitation_id=pk, program_id=program, kind=kind, satisfaction=4,
                        progress=3 + pk % 3, relationship_quality=5 - pk % 2,
                        would_recommend=4) for pk, program, kind in answered],
        batch_size=5000,
    )  # fmt: skip


def _leavers(today: dt.date) -> None:
    """About 8% of people left during the last year, spread over its days."""
    from ithaca.accounts.models import Profile

    leavers = []
    for profile in Profile.objects.only("user_id", "started_on").iterator(chunk_size=10_000):
        left_on = today - dt.timedelta(days=profile.user_id % 365)
        if profile.user_id % 100 < 8 and (not profile.started_on or profile.started_on < left_on):
            profile.left_on = left_on
            leavers.append(profile)
    Profile.objects.bulk_update(leavers, ["left_on"], batch_size=2000)


def add_activity() -> None:
    """A year of meetings and sessions, leaving dates and answers, once per database."""
    from django.db import connection, transaction
    from django.utils import timezone

    from ithaca.coaching.models import CoachingSession
    from ithaca.mentoring.models import Meeting

    if Meeting.objects.filter(location=MARK).exists():
        return
    print("Adding a year of activity...", flush=True)
    now = timezone.now()
    with transaction.atomic():
        Meeting.objects.bulk_create(_meetings(now), batch_size=5000)
        CoachingSession.objects.bulk_create(_sessions(now), batch_size=5000)
        _leavers(timezone.localdate())
        _answers(now)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _time(client: Any, path: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, response.status_code
    return elapsed, len(queries)


def measure(runs: int, uncached_runs: int) -> dict[str, Any]:
    from django.test import Client

    from ithaca.accounts.models import User
    from ithaca.analytics.models import FigureCache

    staff = User.objects.filter(is_staff=True).order_by("pk").first()
    assert staff is not None, "the demo has a staff account"
    client = Client(SERVER_NAME="localhost")
    client.force_login(staff)
    uncached = []
    for _ in range(uncached_runs):
        FigureCache.objects.filter(scope="org").delete()
        uncached.append(_time(client, "/analytics/"))
    FigureCache.objects.filter(scope="org").delete()
    cold = _time(client, "/analytics/")
    warm = [_time(client, "/analytics/") for _ in range(runs)]
    times = sorted(ms for ms, _ in warm)
    return {
        "people": User.objects.count(),
        "cold_ms": round(cold[0], 1),
        "cold_queries": cold[1],
        "uncached_median_ms": round(statistics.median(ms for ms, _ in uncached), 1),
        "warm_runs": runs,
        "warm_median_ms": round(statistics.median(times), 1),
        "warm_p95_ms": round(times[max(0, round(0.95 * len(times)) - 1)], 1),
        "warm_queries": warm[-1][1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--uncached-runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    configure()
    load_demo()
    add_activity()
    result = measure(args.runs, args.uncached_runs)
    if args.json:
        print(json.dumps(result))
        return
    print(f"Organization dashboard, {result['people']:,} people (PostgreSQL, server time):")
    print(f"  warm (cached figures): median {result['warm_median_ms']} ms, "
          f"p95 {result['warm_p95_ms']} ms over {result['warm_runs']} runs, "
          f"{result['warm_queries']} queries")  # fmt: skip
    print(f"  cold (computed):       {result['cold_ms']} ms, {result['cold_queries']} queries; "
          f"median of uncached runs {result['uncached_median_ms']} ms")  # fmt: skip


if __name__ == "__main__":
    main()
