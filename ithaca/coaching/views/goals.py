"""Goals with their chart and table, check-ins, and the actions between sessions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.coaching import rules, selectors, services
from ithaca.coaching.access import (
    access_action,
    access_checkin,
    access_goal,
    engagement_role,
    require_section,
)
from ithaca.coaching.chart import goal_chart_svg
from ithaca.coaching.forms import ActionForm, CheckInCorrectionForm, CheckInForm, GoalForm
from ithaca.coaching.models import ActionItem, Goal
from ithaca.coaching.services import IncompleteGoal
from ithaca.coaching.views._common import attempt, done, open_engagement, render_tab, workspace_view
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.core.pagination import paginate


def _add_goal(form: GoalForm, engagement: Any, user: Any) -> Goal | None:
    """Create the goal, or put every missing SMART part on the form by name."""
    data = form.cleaned_data
    try:
        return services.goal_create(
            engagement=engagement,
            user=user,
            statement=data["statement"],
            metric=data["metric"],
            unit=data["unit"],
            baseline=data["baseline"],
            target=data["target"],
            owner=form.chosen_owner(),
            due_on=data["due_on"],
        )
    except IncompleteGoal as exc:
        form.add_error(None, exc.message)
        for name in exc.missing:
            form.add_error(name, _("Missing."))
    except PermissionDenied:
        raise
    except DomainError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
    return None


@workspace_view
def goals(request: HttpRequest, pk: int) -> HttpResponse:
    """Each goal's numbers and attainment, and the form for a new SMART goal."""
    user, engagement, role = open_engagement(request, pk)
    require_section(rules.can_see_work(role), "goals")
    form = GoalForm(request.POST or None, engagement=engagement)
    if request.method == "POST" and form.is_valid():
        goal = _add_goal(form, engagement, user)
        if goal is not None:
            return done(request, _("Goal added."), "coaching:goal", goal.pk)
    page = paginate(request, selectors.goals_with_checkins(engagement), 10)
    context = {
        "page": page,
        "progress": selectors.goal_progress(list(page.object_list)),
        "form": form,
    }
    status = 400 if request.method == "POST" else 200
    return render_tab(request, engagement, role, "goals", "coaching/_goals.html", context, status)


def _baseline_on(progress: selectors.GoalProgress) -> dt.date:
    """The baseline holds from the goal's creation, or from the first check-in if earlier."""
    days = [timezone.localdate(progress.goal.created_at)]
    return min(days + [checkin.recorded_on for checkin in progress.checkins])


def _chart(progress: selectors.GoalProgress) -> str:
    goal = progress.goal
    return goal_chart_svg(
        title=_("%(metric)s: baseline, target and check-ins") % {"metric": goal.metric},
        unit=goal.unit,
        baseline=goal.baseline,
        target=goal.target,
        points=[(c.recorded_on, c.value) for c in progress.checkins],
        start=_baseline_on(progress),
        due=goal.due_on,
    )


def _goal_page(
    request: HttpRequest, goal: Goal, user: Any, form: CheckInForm, **extra: Any
) -> HttpResponse:
    progress = selectors.goal_progress(Goal.objects.filter(pk=goal.pk))[0]
    context = {
        "progress": progress,
        "chart": _chart(progress),
        "baseline_on": _baseline_on(progress),
        "form": form,
        "history": selectors.corrected_checkins(goal),
        **extra,
    }
    status = 400 if request.method == "POST" else 200
    role = engagement_role(user, goal.engagement)
    return render_tab(
        request, goal.engagement, role, "goals", "coaching/_goal.html", context, status
    )


@workspace_view
def checkin_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a check-in you recorded: the old value stays, marked as corrected."""
    user = current_user(request)
    checkin = access_checkin(user, pk)
    goal = checkin.goal
    form = CheckInCorrectionForm(request.POST or None, initial={"value": checkin.value.normalize()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        call = lambda: services.checkin_correct(  # noqa: E731
            checkin=checkin, user=user, value=data["value"], comment=data["comment"]
        )
        if attempt(form, call):
            return done(request, _("Check-in corrected."), "coaching:goal", goal.pk)
    return _goal_page(request, goal, user, CheckInForm(), correcting=checkin, correction=form)


@workspace_view
def goal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A goal's chart with the same numbers in a table beside it; check-ins are added here."""
    user = current_user(request)
    goal = access_goal(user, pk)
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if attempt(
            form,
            lambda: services.checkin_record(
                goal=goal,
                user=user,
                value=data["value"],
                recorded_on=data["recorded_on"],
                comment=data["comment"],
            ),
        ):
            return done(request, _("Check-in recorded."), "coaching:goal", pk)
    return _goal_page(request, goal, user, form)


@workspace_view
def goal_chart(request: HttpRequest, pk: int) -> HttpResponse:
    goal = access_goal(current_user(request), pk)
    progress = selectors.goal_progress(Goal.objects.filter(pk=goal.pk))[0]
    return HttpResponse(_chart(progress), content_type="image/svg+xml")


def _accountability(engagement: Any) -> list[dict[str, Any]]:
    """Per owner: done, open, overdue. Both people see both rows: it is mutual."""
    today = timezone.localdate()
    counts: dict[int, dict[str, int]] = {
        row["owner_id"]: {"done": row["n_done"], "open": row["n_open"], "overdue": row["n_overdue"]}
        for row in ActionItem.objects.filter(engagement=engagement)
        .values("owner_id")
        .annotate(
            n_done=Count("pk", filter=Q(done_at__isnull=False)),
            n_open=Count("pk", filter=Q(done_at__isnull=True, due_on__gte=today)),
            n_overdue=Count("pk", filter=Q(done_at__isnull=True, due_on__lt=today)),
        )
    }
    empty = {"done": 0, "open": 0, "overdue": 0}
    return [
        {"person": person, **{key: counts.get(person.pk, empty)[key] for key in empty}}
        for person in (engagement.coachee, engagement.coach)
    ]


@workspace_view
def actions(request: HttpRequest, pk: int) -> HttpResponse:
    """The accountability view: open and overdue first, then done; and a form for a new one."""
    user, engagement, role = open_engagement(request, pk)
    require_section(rules.can_see_work(role), "actions")
    goals = list(Goal.objects.filter(engagement=engagement))
    form = ActionForm(request.POST or None, engagement=engagement, goals=goals)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if attempt(
            form,
            lambda: services.action_create(
                engagement=engagement,
                user=user,
                title=data["title"],
                owner=form.chosen_owner(),
                due_on=data["due_on"],
                goal=form.chosen_goal(),
            ),
        ):
            return done(request, _("Action added."), "coaching:actions", pk)
    order = Case(
        When(done_at__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    items = (
        ActionItem.objects.filter(engagement=engagement)
        .select_related("owner", "goal")
        .order_by(order, "due_on", "pk")
    )
    context = {
        "page": paginate(request, items, 20),
        "form": form,
        "today": timezone.localdate(),
        "accountability": _accountability(engagement),
    }
    status = 400 if request.method == "POST" else 200
    return render_tab(
        request, engagement, role, "actions", "coaching/_actions.html", context, status
    )


@workspace_view
@require_POST
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    action = access_action(user, pk)
    is_done = request.POST.get("done") == "1"
    services.action_set_done(action=action, user=user, done=is_done)
    return done(
        request,
        _("Marked done.") if is_done else _("Reopened."),
        "coaching:actions",
        action.engagement_id,
    )
