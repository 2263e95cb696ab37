"""The dashboard's figures for one scope and period, computed or reused from the cache.

Why a cache table: the organization dashboard runs about twenty aggregate
queries over the whole organization. Each is indexed, but together they cost
more than a page should, and the numbers move slowly. Computed figures are kept
in `FigureCache` per (scope, period) for CACHE_SECONDS and shared by every web
process and the report task; "Recalculate" (or `fresh=True`) replaces them. The
page says when they were computed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from ithaca.analytics.figures import build
from ithaca.analytics.figures.types import Figure
from ithaca.analytics.models import FigureCache
from ithaca.analytics.period import Period
from ithaca.analytics.selectors import activity, matching, people, surveys
from ithaca.analytics.selectors.scope import Scope
from ithaca.programs.models import Program
from ithaca.programs.modes import COACHING, MENTORING

CACHE_SECONDS = 10 * 60
FIGURE_KEYS = (
    "enrolment",
    "time_to_match",
    "acceptance",
    "health",
    "activity",
    "attainment",
    "surveys",
    "mix",
    "retention",
)


@dataclass(frozen=True)
class Dashboard:
    figures: list[Figure]
    computed_at: dt.datetime

    def figure(self, key: str) -> Figure | None:
        return next((figure for figure in self.figures if figure.key == key), None)


def _kinds(scope: Scope) -> list[str]:
    return [kind for kind, wanted in ((MENTORING, scope.wants_mentoring),
                                      (COACHING, scope.wants_coaching)) if wanted]  # fmt: skip


@contextmanager
def _without_jit() -> Iterator[None]:
    """PostgreSQL compiles queries it estimates as costly to machine code (JIT). The
    correlated subqueries of these aggregates inflate the estimates, and compiling
    took ten times longer than running them (0.56 s of 0.63 s for the health
    figure at 100,000 people), so it is turned off for these queries only."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        yield


def compute(scope: Scope, now: dt.datetime) -> list[Figure]:
    """Every figure for the scope, straight from the database."""
    with _without_jit():
        return _compute(scope, now)


def _compute(scope: Scope, now: dt.datetime) -> list[Figure]:
    kinds = _kinds(scope)
    figures = [
        build.enrolment(people.enrolment_by_department(scope)),
        build.time_to_match({kind: matching.waits(scope, kind) for kind in kinds}),
        build.acceptance(
            {kind: matching.proposal_outcomes(scope, kind) for kind in kinds}, matching.OUTCOMES
        ),
        build.health(
            activity.mentoring_health(scope, now) if scope.wants_mentoring else None,
            activity.coaching_health(scope, now) if scope.wants_coaching else None,
        ),
        build.activity(activity.activity_by_month(scope, now)),
    ]
    if scope.wants_coaching:
        figures.append(
            build.attainment(activity.goal_attainment(scope), activity.ATTAINMENT_BUCKETS)
        )
    figures.append(build.surveys(surveys.survey_results(scope)))
    if scope.program is None:
        figures.append(build.mix(people.mix_by_department(scope)))
    known = people.leaving_dates_known()
    figures.append(build.retention(people.retention(scope) if known else None))
    return figures


def dashboard_for(
    program: Program | None, period: Period, *, fresh: bool = False, now: dt.datetime | None = None
) -> Dashboard:
    """The figures for a program (or the organization), from the cache when recent."""
    now = now or timezone.now()
    scope = Scope(program=program, period=period)
    if not fresh:
        cached = FigureCache.objects.filter(
            scope=scope.key,
            start=period.start,
            end=period.end,
            computed_at__gt=now - dt.timedelta(seconds=CACHE_SECONDS),
        ).first()
        if cached is not None:
            figures = [Figure.from_dict(item) for item in cached.data]
            return Dashboard(figures=figures, computed_at=cached.computed_at)
    figures = compute(scope, now)
    _store(scope, figures, now)
    return Dashboard(figures=figures, computed_at=now)


def _store(scope: Scope, figures: list[Figure], now: dt.datetime) -> None:
    data = [figure.as_dict() for figure in figures]
    try:
        with transaction.atomic():
            FigureCache.objects.update_or_create(
                scope=scope.key,
                start=scope.period.start,
                end=scope.period.end,
                defaults={"computed_at": now, "data": data},
            )
    except IntegrityError:
        pass  # another request stored the same figures a moment ago
