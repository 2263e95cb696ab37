from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.core.errors import DomainError
from ithaca.core.pagination import paginate
from ithaca.intake import services
from ithaca.intake.access import access_intake, access_referral
from ithaca.intake.forms import IntakeForm, ReferralForm
from ithaca.intake.models import Referral
from ithaca.intake.phrases import localized
from ithaca.intake.selectors import intakes_of, next_steps, programs_for
from ithaca.programs.access import access_program
from ithaca.programs.modes import MODE_LABELS


def _accepted_referral(request: HttpRequest) -> Referral | None:
    raw = request.GET.get("referral") or request.POST.get("referral")
    if not raw or not raw.isdigit():
        return None
    referral = access_referral(current_user(request), int(raw))
    return referral if referral.person_id == current_user(request).pk else None


@login_required
def intake_new(request: HttpRequest) -> HttpResponse:
    """The intake form; the result page follows (or replaces the form under htmx)."""
    user = current_user(request)
    referral = _accepted_referral(request)
    form = IntakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            intake = services.intake_submit(
                author=user,
                text=form.cleaned_data["text"],
                answers=form.answers(),
                referral=referral,
            )
        except DomainError as exc:
            form.add_error("text" if exc.field == "text" else None, exc.message)
        else:
            return redirect("intake:detail", pk=intake.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "intake/new.html", {"form": form, "referral": referral}, status=status)


@login_required
def intake_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    intake = access_intake(user, pk)
    # The sentences in the reader's language; the person's own words stay as written.
    result = localized(intake.result)
    is_author = intake.author_id == user.pk
    programs = programs_for(intake.recommendation, result.get("modes", [])) if is_author else []
    steps = next_steps(user, programs) if is_author else {}
    for program in programs:
        program.next_step = steps.get(program.pk, "join")  # type: ignore[attr-defined]
    context = {
        "intake": intake,
        "result": result,
        "is_author": is_author,
        "programs": programs,
        "mode_labels": [gettext(MODE_LABELS.get(m, m)) for m in result.get("modes", [])],
    }
    return render(request, "intake/detail.html", context)


@login_required
def intake_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, intakes_of(current_user(request)), per_page=20)
    return render(request, "intake/list.html", {"page": page})


@login_required
@require_POST
def intake_apply(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    intake = access_intake(user, pk)
    if intake.author_id != user.pk:
        raise Http404(_("No such intake."))
    program = access_program(user, request.POST.get("program", ""))
    try:
        services.intake_apply(intake=intake, program=program, share=bool(request.POST.get("share")))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("You asked to join %(program)s. Its managers will be in touch.")
            % {"program": program},
        )
    return redirect("intake:detail", pk=intake.pk)


@login_required
@require_POST
def intake_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    intake = access_intake(user, pk)
    if intake.author_id != user.pk:
        raise Http404(_("No such intake."))
    services.intake_delete(intake=intake, user=user)
    messages.success(request, _("Your intake is deleted."))
    return redirect("intake:list")


@login_required
def referrals(request: HttpRequest) -> HttpResponse:
    """Referrals received (to answer) and made (status only), and the form to make one."""
    user = current_user(request)
    form = ReferralForm(request.POST or None, referrer=user)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_create(
                referrer=user,
                person=form.cleaned_data["email"],
                kind=form.cleaned_data["kind"],
                reason=form.cleaned_data["reason"],
            )
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(
                request, _("Your suggestion is on its way. They decide what happens next.")
            )
            return redirect("intake:referrals")
    context = {
        "form": form,
        "received": Referral.objects.filter(person=user).select_related("referrer"),
        "made": Referral.objects.filter(referrer=user).select_related("person"),
    }
    return render(request, "intake/referrals.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def referral_respond(request: HttpRequest, pk: int, answer: str) -> HttpResponse:
    user = current_user(request)
    referral = access_referral(user, pk)
    if answer not in {"accept", "decline"}:
        raise Http404(_("Unknown answer."))
    try:
        services.referral_respond(referral=referral, user=user, accept=answer == "accept")
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("intake:referrals")
    if answer == "accept":
        messages.success(
            request, _("Thank you. Now say in your own words what you would want from it.")
        )
        return redirect(f"{reverse('intake:new')}?referral={referral.pk}")
    messages.success(
        request, _("You declined. Only the status is shared with the person who suggested it.")
    )
    return redirect("intake:referrals")
