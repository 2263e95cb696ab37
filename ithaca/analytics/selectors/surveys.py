"""Survey results in aggregate: closing surveys, close-out evaluations, pulse surveys
and meeting ratings. Never one person's answers: averages, shares and counts only.

Sources and questions are lazy strings: the figure is built from them in the
reader's language (figures/build.py)."""

from __future__ import annotations

from typing import Any

from django.db.models import Avg, Case, Count, F, Q, When
from django.utils.functional import lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ithaca.analytics.figures.data import Result
from ithaca.analytics.models import MeetingRating, SurveyResponse
from ithaca.analytics.selectors.scope import Scope
from ithaca.coaching import questions
from ithaca.coaching.models import CloseOutEvaluation, EvaluationAnswer
from ithaca.mentoring.models import Closing

TOP_TWO = 4  # answers of 4 or 5 on the 1-5 scale count as favourable

CLOSING_QUESTIONS = {
    "growth": _("Growth"),
    "career_clarity": _("Career clarity"),
    "belonging": _("Belonging"),
}
# Kirkpatrick's levels as a row names them, in brackets after "Coaching close-out".
LEVELS = {
    "reaction": pgettext_lazy("Kirkpatrick level", "reaction"),
    "learning": pgettext_lazy("Kirkpatrick level", "learning"),
    "behaviour": pgettext_lazy("Kirkpatrick level", "behaviour"),
}
PULSE_SOURCES = {"mentoring": _("Mentoring pulse survey"), "coaching": _("Coaching pulse survey")}
RATING_SOURCES = {"mentoring": _("Mentoring ratings"), "coaching": _("Coaching ratings")}
RATING_LABELS = {"mentoring": _("Rating after a meeting"), "coaching": _("Rating after a session")}


def _close_out_at(level: str) -> str:
    return gettext("Coaching close-out (%(level)s)") % {"level": LEVELS.get(level, level)}


def _prompt(question: questions.Question) -> str:
    return str(question.prompt).replace(" (1-5)", "")


# Lazy: read when the figure is built, in the language active then.
_close_out_at_lazy = lazy(_close_out_at, str)
_prompt_lazy = lazy(_prompt, str)


def _window(scope: Scope, field: str) -> Q:
    period = scope.period
    return Q(**{f"{field}__gte": period.start_at, f"{field}__lt": period.end_before})


def closing_results(scope: Scope) -> list[Result]:
    """Mentoring closings written in the period. One query."""
    person = Case(
        When(side="mentor", then=F("relationship__mentor_id")),
        default=F("relationship__mentee_id"),
    )
    fields = ("growth", "career_clarity", "belonging")
    aggregates: dict[str, Any] = {"answers": Count("pk"), "people": Count(person, distinct=True)}
    for name in fields:
        aggregates[f"avg_{name}"] = Avg(name)
        aggregates[f"top_{name}"] = Count("pk", filter=Q(**{f"{name}__gte": TOP_TWO}))
    aggregates["recommend"] = Count("pk", filter=Q(would_recommend=True))
    totals = Closing.objects.filter(
        scope.programs("relationship__program"), _window(scope, "created_at")
    ).aggregate(**aggregates)
    source = _("Mentoring closing survey")
    results = [
        Result(source, CLOSING_QUESTIONS[name], _float(totals[f"avg_{name}"]),
               totals[f"top_{name}"], totals["answers"], totals["people"])
        for name in fields
    ]  # fmt: skip
    results.append(
        Result(source, _("Would recommend mentoring"), None, totals["recommend"],
               totals["answers"], totals["people"])
    )  # fmt: skip
    return results


def evaluation_results(scope: Scope) -> list[Result]:
    """Coaching close-out evaluations the coachee submitted in the period: satisfaction
    and each rated question with its Kirkpatrick level. Two queries."""
    evaluations = CloseOutEvaluation.objects.filter(
        scope.programs("engagement__program"),
        _window(scope, "coachee_submitted_at"),
        satisfaction__isnull=False,
    )
    totals = evaluations.aggregate(
        mean=Avg("satisfaction"),
        top=Count("pk", filter=Q(satisfaction__gte=TOP_TWO)),
        answers=Count("pk"),
        people=Count("engagement__coachee_id", distinct=True),
    )
    source = _("Coaching close-out")
    results = [
        Result(source, _("Satisfaction"), _float(totals["mean"]), totals["top"],
               totals["answers"], totals["people"])
    ]  # fmt: skip
    rows = (
        EvaluationAnswer.objects.filter(
            evaluation__in=evaluations.values("pk"), rating__isnull=False
        )
        .values("question", "level")
        .annotate(
            mean=Avg("rating"),
            top=Count("pk", filter=Q(rating__gte=TOP_TWO)),
            answers=Count("pk"),
            people=Count("evaluation__engagement__coachee_id", distinct=True),
        )
        .order_by("level", "question")
    )
    for row in rows:
        prompt = questions.BY_KEY.get(row["question"])
        label = _prompt_lazy(prompt) if prompt else row["question"]
        results.append(
            Result(_close_out_at_lazy(row["level"]), label, _float(row["mean"]), row["top"],
                   row["answers"], row["people"])
        )  # fmt: skip
    return results


def pulse_results(scope: Scope) -> list[Result]:
    """Pulse survey answers given in the period, per kind of relationship. One query."""
    aggregates: dict[str, Any] = {
        "answers": Count("pk"),
        "people": Count("invitation__person_id", distinct=True),
    }
    for name, _prompt_text in SurveyResponse.QUESTIONS:
        aggregates[f"avg_{name}"] = Avg(name)
        aggregates[f"top_{name}"] = Count("pk", filter=Q(**{f"{name}__gte": TOP_TWO}))
    rows: Any = (
        SurveyResponse.objects.filter(scope.programs(), _window(scope, "created_at"))
        .values("kind")
        .annotate(**aggregates)
        .order_by("kind")
    )
    return [
        Result(PULSE_SOURCES.get(row["kind"], row["kind"]), prompt, _float(row[f"avg_{name}"]),
               row[f"top_{name}"], row["answers"], row["people"])
        for row in rows
        for name, prompt in SurveyResponse.QUESTIONS
    ]  # fmt: skip


def rating_results(scope: Scope) -> list[Result]:
    """Ratings given in the period after meetings and sessions, per kind. One query."""
    rows = (
        MeetingRating.objects.filter(
            scope.programs(), _window(scope, "rated_at"), rating__isnull=False
        )
        .values("kind")
        .annotate(
            mean=Avg("rating"),
            top=Count("pk", filter=Q(rating__gte=TOP_TWO)),
            answers=Count("pk"),
            people=Count("person_id", distinct=True),
        )
        .order_by("kind")
    )
    return [
        Result(RATING_SOURCES.get(row["kind"], row["kind"]),
               RATING_LABELS.get(row["kind"], _("Rating")),
               _float(row["mean"]), row["top"], row["answers"], row["people"])
        for row in rows
    ]  # fmt: skip


def survey_results(scope: Scope) -> list[Result]:
    results: list[Result] = []
    if scope.wants_mentoring:
        results += closing_results(scope)
    if scope.wants_coaching:
        results += evaluation_results(scope)
    return results + pulse_results(scope) + rating_results(scope)


def _float(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)
