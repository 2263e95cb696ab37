"""SMART goals, check-ins and action items.

A goal must be specific (a statement), measurable (a metric with a unit, a
baseline and a target that differs from it), owned (by the coach or the
coachee) and time-bound (a due date). A goal missing any of these is refused
with the name of every missing part.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ithaca.accounts.models import User
from ithaca.coaching.models import ActionItem, CheckIn, CoachingEngagement, Goal
from ithaca.coaching.models.goals import METRIC_DIGITS, METRIC_PLACES
from ithaca.coaching.services._base import locked, require_open, require_party, required_text
from ithaca.coaching.services.reports import report_numbers_refresh
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.programs.lifecycle import Status

SMART_PARTS = (
    ("statement", gettext_lazy("a specific statement")),
    ("metric", gettext_lazy("a metric")),
    ("unit", gettext_lazy("a unit")),
    ("baseline", gettext_lazy("a baseline")),
    ("target", gettext_lazy("a target")),
    ("owner", gettext_lazy("an owner")),
    ("due_on", gettext_lazy("a due date")),
)
# Whole sentences per field: "the baseline" and "the value" take different articles
# and genders in other languages.
NOT_A_NUMBER = {
    "baseline": gettext_lazy("The baseline must be a number."),
    "target": gettext_lazy("The target must be a number."),
    "value": gettext_lazy("The value must be a number."),
}
NOT_A_NUMBER_IN = {
    "baseline": gettext_lazy("The baseline must be a number in %(unit)s."),
    "target": gettext_lazy("The target must be a number in %(unit)s."),
    "value": gettext_lazy("The value must be a number in %(unit)s."),
}
NOT_USABLE = {
    "baseline": gettext_lazy("The baseline is not a usable number."),
    "target": gettext_lazy("The target is not a usable number."),
    "value": gettext_lazy("The value is not a usable number."),
}
LIMIT = Decimal(10) ** (METRIC_DIGITS - METRIC_PLACES)


class IncompleteGoal(DomainError):
    """A goal missing SMART parts; `missing` names each one."""

    code = "incomplete_goal"

    def __init__(self, missing: list[str]) -> None:
        labels = dict(SMART_PARTS)
        super().__init__(
            _("A SMART goal needs %(parts)s.")
            % {"parts": ", ".join(str(labels[name]) for name in missing)},
            field=missing[0],
        )
        self.missing = missing


def _not_a_number(field: str, unit: str) -> str:
    if unit:
        return str(NOT_A_NUMBER_IN[field]) % {"unit": unit}
    return str(NOT_A_NUMBER[field])


def as_number(value: object, *, field: str, unit: str = "") -> Decimal:
    """A Decimal from a Decimal, an int or numeric text; anything else is refused."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str | float):
        raise DomainError(_not_a_number(field, unit), field=field)
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise DomainError(_not_a_number(field, unit), field=field) from None
    if not number.is_finite() or abs(number) >= LIMIT:
        raise DomainError(str(NOT_USABLE[field]), field=field)
    return number.quantize(Decimal(1).scaleb(-METRIC_PLACES))


def _missing(values: dict[str, object]) -> list[str]:
    return [name for name, _ in SMART_PARTS if values.get(name) in (None, "")]


def _measures(baseline: object, target: object, unit: str) -> tuple[Decimal, Decimal]:
    """Baseline and target as numbers; equal ones would measure nothing."""
    start = as_number(baseline, field="baseline", unit=unit)
    end = as_number(target, field="target", unit=unit)
    if start == end:
        raise DomainError(
            _("The target equals the baseline: a goal must aim to change something."),
            field="target",
        )
    return start, end


def _check_owner(engagement: CoachingEngagement, owner: User) -> None:
    if owner.pk not in (engagement.coach_id, engagement.coachee_id):
        raise DomainError(_("The owner is the coach or the coachee."), field="owner")


@transaction.atomic
def goal_create(
    *,
    engagement: CoachingEngagement,
    user: User,
    statement: str | None,
    metric: str | None,
    unit: str | None,
    baseline: object,
    target: object,
    owner: User | None,
    due_on: dt.date | None,
) -> Goal:
    """Add a SMART goal; every missing part is named in one message."""
    engagement = locked(engagement.pk)
    require_party(engagement, user)
    require_open(engagement)
    texts = {
        "statement": (statement or "").strip(),
        "metric": (metric or "").strip(),
        "unit": (unit or "").strip(),
    }
    missing = _missing(
        {**texts, "baseline": baseline, "target": target, "owner": owner, "due_on": due_on}
    )
    if missing:
        raise IncompleteGoal(missing)
    assert owner is not None and due_on is not None
    start, end = _measures(baseline, target, texts["unit"])
    _check_owner(engagement, owner)
    if due_on < timezone.localdate():
        raise DomainError(_("The due date has already passed."), field="due_on")
    return Goal.objects.create(
        engagement=engagement,
        statement=texts["statement"],
        metric=texts["metric"],
        unit=texts["unit"],
        baseline=start,
        target=end,
        owner=owner,
        due_on=due_on,
    )


@transaction.atomic
def checkin_record(
    *,
    goal: Goal,
    user: User,
    value: object,
    recorded_on: dt.date | None = None,
    comment: str = "",
) -> CheckIn:
    """Record the goal's metric on a day (today unless said otherwise)."""
    engagement = locked(goal.engagement_id)
    require_party(engagement, user)
    require_open(engagement)
    number = as_number(value, field="value", unit=goal.unit)
    day = recorded_on or timezone.localdate()
    if day > timezone.localdate():
        raise DomainError(_("A check-in records a value already measured."), field="recorded_on")
    baseline_on = timezone.localdate(goal.created_at)
    if day < baseline_on:
        raise DomainError(
            _(
                "The baseline was set on %(day)s; a check-in measures progress "
                "from it, so it cannot be dated earlier."
            )
            % {"day": date_format(baseline_on, "DATE_FORMAT")},
            field="recorded_on",
        )
    comment = comment.strip()[:500]
    # The same measurement of the same day sent twice (a double click, a retry) is one
    # check-in; the engagement row is locked, so two at once are checked in turn.
    twin = CheckIn.objects.filter(
        goal=goal,
        value=number,
        recorded_on=day,
        comment=comment,
        recorded_by=user,
        superseded_at__isnull=True,
    ).first()
    if twin is not None:
        return twin
    return CheckIn.objects.create(
        goal=goal, value=number, recorded_on=day, comment=comment, recorded_by=user
    )


@transaction.atomic
def action_create(
    *,
    engagement: CoachingEngagement,
    user: User,
    title: str,
    owner: User,
    due_on: dt.date,
    goal: Goal | None = None,
) -> ActionItem:
    """Something to do before the next session, perhaps towards a goal."""
    engagement = locked(engagement.pk)
    require_party(engagement, user)
    require_open(engagement)
    title = required_text(title, field="title", message=_("Say what is to be done."))
    _check_owner(engagement, owner)
    if goal is not None and goal.engagement_id != engagement.pk:
        raise DomainError(_("That goal belongs to another engagement."), field="goal")
    if due_on < timezone.localdate():
        raise DomainError(_("The due date has already passed."), field="due_on")
    return ActionItem.objects.create(
        engagement=engagement,
        title=title[:300],
        owner=owner,
        due_on=due_on,
        goal=goal,
        created_by=user,
    )


@transaction.atomic
def action_set_done(*, action: ActionItem, user: User, done: bool) -> ActionItem:
    engagement = locked(action.engagement_id)
    require_party(engagement, user)
    action = ActionItem.objects.select_for_update().get(pk=action.pk)
    if done != action.done:
        action.done_at = timezone.now() if done else None
        action.save(update_fields=["done_at", "updated_at"])
    return action


@transaction.atomic
def checkin_correct(*, checkin: CheckIn, user: User, value: object, comment: str = "") -> CheckIn:
    """Correct a mistyped check-in: its author records the right value in its place.

    The old value stays, marked as superseded; attainment and any report not yet
    approved use the correction (an approved report keeps what was approved and
    says that a figure was corrected afterwards).
    """
    engagement = locked(checkin.goal.engagement_id)
    require_party(engagement, user)
    if engagement.status not in (Status.ACTIVE, Status.PAUSED):
        raise DomainError(_("Check-ins can be corrected only while the engagement is under way."))
    original = CheckIn.objects.select_for_update().get(pk=checkin.pk)
    if original.recorded_by_id != user.pk:
        raise PermissionDenied(_("Only the person who recorded a check-in can correct it."))
    if original.superseded_at is not None:
        raise DomainError(_("This value has already been corrected."))
    number = as_number(value, field="value", unit=checkin.goal.unit)
    now = timezone.now()
    original.superseded_at = now
    original.save(update_fields=["superseded_at"])
    correction = CheckIn.objects.create(
        goal_id=original.goal_id,
        value=number,
        recorded_on=original.recorded_on,
        comment=(comment.strip() or original.comment)[:500],
        recorded_by=user,
        created_at=now,
        replaces=original,
    )
    report_numbers_refresh(engagement=engagement)
    return correction
