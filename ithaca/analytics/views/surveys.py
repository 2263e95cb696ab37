"""A person's own surveys and ratings; a program's schedule."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ithaca.accounts.http import current_user
from ithaca.analytics import access, services
from ithaca.analytics.forms import RatingForm, SurveyForm, SurveySettingsForm
from ithaca.analytics.models import ProgramSurveySettings
from ithaca.analytics.selectors.personal import pending_ratings, pending_surveys
from ithaca.core.errors import DomainError
from ithaca.core.htmx import is_htmx

PAGE = 50


@login_required
def surveys(request: HttpRequest) -> HttpResponse:
    """Pulse surveys and ratings waiting for this person (also an htmx partial)."""
    user = current_user(request)
    context = {
        "surveys": list(pending_surveys(user)[:PAGE]),
        "ratings": list(pending_ratings(user)[:PAGE]),
        "rating_form": RatingForm(),
    }
    template = "analytics/_pending.html" if is_htmx(request) else "analytics/surveys.html"
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    invitation = access.access_invitation(user, pk)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        comment = str(data.pop("comment", ""))
        try:
            services.survey_answer(invitation=invitation, user=user, answers=data, comment=comment)
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Thank you: your answers count only in aggregate."))
            return redirect("analytics:surveys")
    status = 400 if form.errors else 200
    context = {"invitation": invitation, "form": form}
    return render(request, "analytics/survey.html", context, status=status)


@login_required
@require_POST
def rate(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    rating = access.access_rating(user, pk)
    form = RatingForm(request.POST)
    try:
        value = form.cleaned_data["rating"] if form.is_valid() else None
        services.meeting_rate(rating=rating, user=user, value=value)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you for your rating."))
    return redirect("analytics:surveys")


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    """Notification settings moved to the notifications app; old links still work."""
    return redirect("notifications:settings", permanent=True)


@login_required
@require_http_methods(["GET", "POST"])
def survey_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """A program's managers set when its pulse surveys go out."""
    program = access.access_program_dashboard(current_user(request), slug)
    current = ProgramSurveySettings.objects.filter(program=program).first()
    form = SurveySettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_settings_set(program=program, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Survey schedule saved."))
            return redirect("analytics:survey_settings", slug=program.slug)
    status = 400 if form.errors else 200
    context = {"program": program, "form": form}
    return render(request, "analytics/survey_settings.html", context, status=status)
