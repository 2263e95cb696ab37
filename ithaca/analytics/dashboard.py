"""The dashboard's figures for one scope and period, computed or reused from the cache.

Why a cache table: the organization dashboard runs about twenty aggregate
queries over the whole organization. Each is indexed, but together they cost
more than a page should, and the numbers move slowly. Computed figures are kept
in `FigureCache` per (scope, period) for CACHE_SECONDS and shared by every web
process and the report task; "Recalculate" (or `fresh=True`) replaces them. The
page says when they were computed.

A figure carries its words (titles, columns, row labels) in the language it was
built in, so the cache is kept per language: the key is the scope, "@" and the
language code. The numbers are gathered once (`gather`, the queries) and built
into figures in any language from them (`build_figures`, no query), so the
periodic refresh fills every language of the site for the price of one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import global_settings, settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation

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
    """Every figure for the scope, straight from the database, in the active language."""
    return build_figures(gather(scope, now))


@dataclass(frozen=True)
class Gathered:
    """The numbers behind every figure of a scope: plain values and lazy labels, so the
    same gathering builds the figures in any language."""

    scope: Scope
    enrolment: Any
    waits: Any
    outcomes: Any
    mentoring_health: Any
    coaching_health: Any
    months: Any
    attainment: Any
    surveys: Any
    mix: Any
    retention: Any


def gather(scope: Scope, now: dt.datetime) -> Gathered:
    """Run every query behind the scope's figures (the costly part)."""
    with _without_jit():
        kinds = _kinds(scope)
        known = people.leaving_dates_known()
        return Gathered(
            scope=scope,
            enrolment=people.enrolment_by_department(scope),
            waits={kind: matching.waits(scope, kind) for kind in kinds},
            outcomes={kind: matching.proposal_outcomes(scope, kind) for kind in kinds},
            mentoring_health=activity.mentoring_health(scope, now)
            if scope.wants_mentoring
            else None,
            coaching_health=activity.coaching_health(scope, now) if scope.wants_coaching else None,
            months=activity.activity_by_month(scope, now),
            attainment=activity.goal_attainment(scope) if scope.wants_coaching else None,
            surveys=surveys.survey_results(scope),
            mix=people.mix_by_department(scope) if scope.program is None else None,
            retention=people.retention(scope) if known else None,
        )


def build_figures(data: Gathered) -> list[Figure]:
    """The figures from gathered numbers, worded in the active language. No query."""
    figures = [
        build.enrolment(data.enrolment),
        build.time_to_match(data.waits),
        build.acceptance(data.outcomes, matching.OUTCOMES),
        build.health(data.mentoring_health, data.coaching_health),
        build.activity(data.months),
    ]
    if data.attainment is not None:
        figures.append(build.attainment(data.attainment, activity.ATTAINMENT_BUCKETS))
    figures.append(build.surveys(data.surveys))
    if data.mix is not None:
        figures.append(build.mix(data.mix))
    figures.append(build.retention(data.retention))
    return figures


def cache_key(scope: Scope, language: str | None = None) -> str:
    """The cache row's scope: the figures' scope and the language they are worded in."""
    return f"{scope.key}@{language or translation.get_language() or settings.LANGUAGE_CODE}"


def site_languages() -> list[str]:
    """The languages the periodic refresh words the figures in: the site's LANGUAGES,
    or only LANGUAGE_CODE while the site has not chosen its languages (Django's own
    list has about a hundred)."""
    if settings.LANGUAGES is global_settings.LANGUAGES:
        return [settings.LANGUAGE_CODE]
    codes = [code for code, _name in settings.LANGUAGES]
    return codes if settings.LANGUAGE_CODE in codes else [settings.LANGUAGE_CODE, *codes]


def dashboard_for(
    program: Program | None, period: Period, *, fresh: bool = False, now: dt.datetime | None = None
) -> Dashboard:
    """The figures for a program (or the organization), from the cache when recent, worded
    in the active language."""
    now = now or timezone.now()
    scope = Scope(program=program, period=period)
    if not fresh:
        cached = FigureCache.objects.filter(
            scope=cache_key(scope),
            start=period.start,
            end=period.end,
            computed_at__gt=now - dt.timedelta(seconds=CACHE_SECONDS),
        ).first()
        if cached is not None:
            figures = [Figure.from_dict(item) for item in cached.data]
            return Dashboard(figures=figures, computed_at=cached.computed_at)
    figures = compute(scope, now)
    if fresh:
        # Figures recalculated in one language make the other languages' copies stale.
        FigureCache.objects.filter(
            scope__startswith=f"{scope.key}@", start=period.start, end=period.end
        ).delete()
    _store(scope, figures, now)
    return Dashboard(figures=figures, computed_at=now)


def refresh(program: Program | None, period: Period, now: dt.datetime) -> None:
    """Recompute a scope's figures once and keep them in every language of the site."""
    scope = Scope(program=program, period=period)
    data = gather(scope, now)
    for language in site_languages():
        with translation.override(language):
            _store(scope, build_figures(data), now, language)


def _store(
    scope: Scope, figures: list[Figure], now: dt.datetime, language: str | None = None
) -> None:
    data = [figure.as_dict() for figure in figures]
    try:
        with transaction.atomic():
            FigureCache.objects.update_or_create(
                scope=cache_key(scope, language),
                start=scope.period.start,
                end=scope.period.end,
                defaults={"computed_at": now, "data": data},
            )
    except IntegrityError:
        pass  # another request stored the same figures a moment ago
