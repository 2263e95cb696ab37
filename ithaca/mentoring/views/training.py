"""Mentor training: what remains, each module's reading and its knowledge check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ithaca.accounts.http import current_user
from ithaca.core.errors import DomainError
from ithaca.mentoring import services
from ithaca.mentoring.access import access_module
from ithaca.mentoring.forms import TrainingCheckForm, add_domain_error
from ithaca.mentoring.models import TrainingAttempt, TrainingCompletion
from ithaca.mentoring.selectors import training_progress, untrained_mentor_programs


@login_required
def training_index(request: HttpRequest) -> HttpResponse:
    progress = training_progress(current_user(request))
    return render(request, "mentoring/training/index.html", {"progress": progress})


@login_required
def training_module(request: HttpRequest, slug: str) -> HttpResponse:
    """Read the module; answer its check. A pass is recorded; a miss may be retried."""
    user = current_user(request)
    module = access_module(user, slug)
    form = TrainingCheckForm(request.POST or None, module=module)
    attempt: TrainingAttempt | None = None
    if request.method == "POST" and form.is_valid():
        try:
            attempt = services.training_submit(user=user, module=module, answers=form.answers())
        except DomainError as exc:
            add_domain_error(form, exc)
    context = {
        "module": module,
        "form": form,
        "attempt": attempt,
        "passed_before": TrainingCompletion.objects.filter(user=user, module=module).exists(),
        "progress": training_progress(user) if attempt and attempt.passed else None,
    }
    status = 400 if form.errors else 200
    return render(request, "mentoring/training/module.html", context, status=status)


@login_required
def training_reminder(request: HttpRequest) -> HttpResponse:
    """The home page's note for mentors whose programs wait for their training (htmx)."""
    programs = list(untrained_mentor_programs(current_user(request)).only("name", "slug"))
    return render(request, "mentoring/_home_training.html", {"programs": programs})
