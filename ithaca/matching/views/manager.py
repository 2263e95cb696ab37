"""Pages for program managers: settings, rounds (progress, draft, publish) and fit checks."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.core.pagination import paginate
from ithaca.matching.access import access_managed_program, access_round
from ithaca.matching.explain import has_warning
from ithaca.matching.forms import ConfigForm, PairAddForm, RoundForm
from ithaca.matching.kinds import helper_role, role_words
from ithaca.matching.models import MatchingRound
from ithaca.matching.round_pairs import complete_breakdowns
from ithaca.matching.selectors import config_of, fit_checks_of, levels_of, rounds_of
from ithaca.matching.services import (
    config_update,
    round_cancel,
    round_pair_add,
    round_pair_remove,
    round_publish,
    round_start,
    waiting_counts,
)
from ithaca.matching.services.rounds import PHASE_WORDS
from ithaca.matching.words import FACTOR_LABELS, UNMATCHED_LABELS
from ithaca.programs.models import Participation, Program


def _words(program: Program) -> dict[str, str]:
    return role_words(program)


@login_required
def program_matching(request: HttpRequest, slug: str) -> HttpResponse:
    """The program's matching at a glance: who waits, the weights, rounds and fit checks."""
    program = access_managed_program(current_user(request), slug)
    config = config_of(program)
    waiting, helpers = waiting_counts(program)
    context = {
        "program": program,
        "waiting": waiting,
        "helpers": helpers,
        "levels": [(FACTOR_LABELS[f], level) for f, level in levels_of(program, config).items()],
        "config": config,
        "form": RoundForm(),
        "rounds": paginate(request, rounds_of(program), per_page=10),
        "fit_checks": fit_checks_of(program)[:50],
        **_words(program),
    }
    return render(request, "matching/program.html", context)


@login_required
def program_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """Each factor's level (must, high, medium, low, off) and the program's limits."""
    user = current_user(request)
    program = access_managed_program(user, slug)
    config = config_of(program)
    initial: dict[str, object] = {
        "top_k": config.top_k,
        "max_open_requests": config.max_open_requests,
        **levels_of(program, config),
    }
    form = ConfigForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            config_update(
                program=program,
                by=user,
                levels=form.levels(),
                top_k=form.cleaned_data["top_k"],
                max_open_requests=form.cleaned_data["max_open_requests"],
            )
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("Matching settings saved; the next round uses them."))
            return redirect("matching:program", slug=slug)
    context = {"program": program, "form": form, **_words(program)}
    return render(request, "matching/settings.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def round_new(request: HttpRequest, slug: str) -> HttpResponse:
    user = current_user(request)
    program = access_managed_program(user, slug)
    form = RoundForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what the round should aim for."))
        return redirect("matching:program", slug=slug)
    try:
        started = round_start(
            program=program, objective=form.cleaned_data["objective"], created_by=user
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("matching:program", slug=slug)
    return redirect("matching:round", slug=slug, pk=started.pk)


def _round(request: HttpRequest, slug: str, pk: int) -> MatchingRound:
    matching_round = access_round(current_user(request), pk)
    if matching_round.program.slug != slug:
        raise Http404(_("No such matching round."))
    return matching_round


def _pair_form(matching_round: MatchingRound, data: object = None) -> PairAddForm:
    """Seekers left out of the draft, and the program's active helpers."""
    seekers = matching_round.unmatched.select_related("seeker").order_by("seeker__first_name")
    helpers = Participation.objects.filter(
        program=matching_round.program,
        role=helper_role(matching_round.program),
        state=Participation.State.ACTIVE,
    ).select_related("user")
    return PairAddForm(
        data,
        seekers=[(u.seeker_id, u.seeker.display_name) for u in seekers],
        helpers=[(p.user_id, p.user.display_name) for p in helpers.order_by("user__first_name")],
    )


@login_required
def round_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Progress while the round runs (htmx polls the status block), then the draft."""
    matching_round = _round(request, slug, pk)
    context = {
        "round": matching_round,
        "program": matching_round.program,
        "phase_words": PHASE_WORDS,
        "unmatched_labels": UNMATCHED_LABELS,
        **_words(matching_round.program),
    }
    if not matching_round.is_busy:
        pairs = matching_round.pairs.select_related("seeker", "helper").order_by("-score", "pk")
        unmatched = matching_round.unmatched.select_related("seeker")
        page = paginate(request, pairs, per_page=50)
        page.object_list = list(page.object_list)
        complete_breakdowns(matching_round.program, page.object_list)
        context["pairs"] = page
        context["unmatched"] = unmatched[:200]
        context["unmatched_count"] = unmatched.count()
        if matching_round.is_draft:
            context["pair_form"] = _pair_form(matching_round)
    partial = bool(getattr(request, "htmx", False))
    template = "matching/_round_status.html" if partial else "matching/round.html"
    return render(request, template, context)


@login_required
@require_POST
def round_stop(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    matching_round = _round(request, slug, pk)
    try:
        round_cancel(matching_round=matching_round, by=current_user(request))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The round is cancelled; nothing was proposed."))
    return redirect("matching:round", slug=slug, pk=pk)


@login_required
@require_POST
def pair_remove(request: HttpRequest, slug: str, pk: int, pair_pk: int) -> HttpResponse:
    matching_round = _round(request, slug, pk)
    try:
        round_pair_remove(matching_round=matching_round, pair_id=pair_pk, by=current_user(request))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("matching:round", slug=slug, pk=pk)


@login_required
@require_POST
def pair_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    matching_round = _round(request, slug, pk)
    form = _pair_form(matching_round, request.POST)
    if not form.is_valid():
        messages.error(
            request, _("Choose a seeker left out of the draft and someone to pair them with.")
        )
        return redirect("matching:round", slug=slug, pk=pk)
    try:
        pair = round_pair_add(
            matching_round=matching_round,
            seeker_id=form.cleaned_data["seeker"],
            helper_id=form.cleaned_data["helper"],
            by=current_user(request),
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Added %(helper)s with %(seeker)s (score %(score)s).")
            % {"helper": pair.helper, "seeker": pair.seeker, "score": f"{pair.score:g}"},
        )
        for warning in pair.warnings:
            messages.warning(request, _("Warning: %(warning)s") % {"warning": warning})
    return redirect("matching:round", slug=slug, pk=pk)


@login_required
def publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Confirm, then propose every kept pair; both people of each pair must accept."""
    matching_round = _round(request, slug, pk)
    user: User = current_user(request)
    if request.method == "POST":
        try:
            done = round_publish(matching_round=matching_round, by=user)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            counts = done.summary["published"]
            messages.success(
                request,
                _("Proposed %(count)s pairs; each person is asked to accept.")
                % {"count": counts["proposed"]}
                + (
                    " " + _("%(count)s could no longer be proposed.") % {"count": counts["skipped"]}
                    if counts["skipped"]
                    else ""
                ),
            )
        return redirect("matching:round", slug=slug, pk=pk)
    kept = list(matching_round.pairs.filter(removed=False).select_related("seeker", "helper"))
    warned = [pair for pair in kept if has_warning(pair.breakdown)]
    complete_breakdowns(matching_round.program, warned)  # their warnings in words
    context = {
        "round": matching_round,
        "program": matching_round.program,
        "kept": len(kept),
        "warned": warned,
    }
    return render(request, "matching/publish.html", {**context, **_words(matching_round.program)})
