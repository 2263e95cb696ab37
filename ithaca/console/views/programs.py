"""Console pages for running programs: list, create, edit, enrolment, applications,
invitations and the stuck list. Thin: access helper, then a service, then render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.console import lists, selectors
from ithaca.console.access import (
    access_application,
    access_console_program,
    access_independence_flag,
    access_proposal,
    managed_programs,
    require_console,
)
from ithaca.console.context_processors import SESSION_KEY
from ithaca.console.display import Phrases, prepare_applications
from ithaca.console.forms import InviteForm, ProgramForm
from ithaca.console.services import program_invite, proposal_nudge
from ithaca.console.stages import Stage
from ithaca.core.errors import DomainError
from ithaca.core.pagination import paginate
from ithaca.programs import services as program_services
from ithaca.programs.independence import independence_flag_keep
from ithaca.programs.models import IndependenceFlag, Participation

DECISIONS = {"approve": True, "decline": False}

# A role in a sentence ("… is in Leaders as mentor."), in the reader's language.
ROLE_WORDS = {
    "seeker": pgettext_lazy("role", "seeker"),
    "mentor": pgettext_lazy("role", "mentor"),
    "coach": pgettext_lazy("role", "coach"),
    "sponsor": pgettext_lazy("role", "sponsor"),
}


@login_required
def console_home(request: HttpRequest) -> HttpResponse:
    programs = selectors.program_summaries(managed_programs(current_user(request)))
    if not request.session.get(SESSION_KEY):
        request.session[SESSION_KEY] = True  # managed_programs let them in: show the link
    page = paginate(request, programs, per_page=25)
    return render(request, "console/home.html", {"page": page})


def _form_error(form: ProgramForm | InviteForm, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


@login_required
def program_new(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    require_console(user)
    form = ProgramForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            program = program_services.program_create(managers=[user], **form.cleaned_data)
        except DomainError as exc:
            _form_error(form, exc)
        else:
            messages.success(
                request, _("%(name)s is ready. Invite people to it.") % {"name": program.name}
            )
            return redirect("console:program", slug=program.slug)
    status = 400 if form.errors else 200
    return render(request, "console/program_form.html", {"form": form}, status=status)


@login_required
def program_edit(request: HttpRequest, slug: str) -> HttpResponse:
    program = access_console_program(current_user(request), slug)
    form = ProgramForm(request.POST or None, program=program)
    if request.method == "POST" and form.is_valid():
        try:
            program_services.program_update(program=program, **form.changes())
        except DomainError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("console:program", slug=program.slug)
    context = {"form": form, "program": program}
    return render(request, "console/program_form.html", context, status=400 if form.errors else 200)


@login_required
def program_overview(request: HttpRequest, slug: str) -> HttpResponse:
    """Counts by stage, then the first rows of each list; "show more" reads the rest."""
    program = access_console_program(current_user(request), slug)
    counts = selectors.stage_counts(program)
    now = timezone.now()
    ctx = lists.Context(program, now, Phrases(now), request.GET, counts)
    stage, role = request.GET.get("stage", ""), request.GET.get("role", "")
    context = {
        "program": program,
        "counts": counts,
        "applications": lists.applications(ctx, 1),
        "stuck_applications": lists.stuck_applications(ctx, 1),
        "stuck_waiting": lists.stuck_waiting(ctx, 1),
        "stuck_proposals": lists.stuck_proposals(ctx, 1),
        "independence_flags": IndependenceFlag.objects.filter(
            program=program, decided_at__isnull=True
        ).select_related("helper", "seeker")[:50],
        "participants": lists.participants(ctx, 1),
        "stage": stage,
        "role": role,
        "stages": list(Stage),
        "roles": Participation.Role.choices,
        "cumulative": True,
    }
    return render(request, "console/program.html", context)


@login_required
def program_list(request: HttpRequest, slug: str, name: str) -> HttpResponse:
    """A later page of one of the program page's lists.

    Under htmx, the rows and the next "show more" control, which the page appends
    in place of its control; without JavaScript, the list's own page.
    """
    program = access_console_program(current_user(request), slug)
    kind = lists.LISTS.get(name)
    if kind is None:
        raise Http404(_("No such list."))
    now = timezone.now()
    page = lists.page_number(request.GET)
    chunk = kind.read(lists.Context(program, now, Phrases(now), request.GET), page)
    partial = bool(getattr(request, "htmx", False))
    context = {"program": program, "chunk": chunk, "cumulative": partial}
    if partial:
        response = render(request, kind.rows_template, context)
    else:
        context.update(title=kind.title(program), template=kind.template)
        response = render(request, "console/program_list.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
def program_enrolment(request: HttpRequest, slug: str) -> HttpResponse:
    """GET asks for confirmation (works without JavaScript); POST opens or closes."""
    program = access_console_program(current_user(request), slug)
    if request.method == "POST":
        open_ = request.POST.get("open") == "1"
        program_services.enrolment_set(program=program, open=open_)
        messages.success(request, _("Enrolment is open.") if open_ else _("Enrolment is closed."))
        return redirect("console:program", slug=program.slug)
    return render(request, "console/enrolment_confirm.html", {"program": program})


@login_required
@require_POST
def application_decide(request: HttpRequest, slug: str, pk: int, decision: str) -> HttpResponse:
    """Approve or decline; under htmx the answer is the application's row."""
    if decision not in DECISIONS:
        raise Http404(_("Unknown decision."))
    program = access_console_program(current_user(request), slug)
    participation = access_application(current_user(request), program, pk)
    error = ""
    try:
        participation = program_services.application_decide(
            participation=participation, approve=DECISIONS[decision]
        )
    except DomainError as exc:
        error = exc.message
    if getattr(request, "htmx", False):
        [participation] = prepare_applications([participation], program, Phrases(timezone.now()))
        context = {"program": program, "application": participation, "error": error}
        return render(
            request, "console/_application_row.html", context, status=400 if error else 200
        )
    if error:
        messages.error(request, error)
    else:
        done = _("%(name)s: approved.") if DECISIONS[decision] else _("%(name)s: declined.")
        messages.success(request, done % {"name": participation.user.display_name})
    return redirect("console:program", slug=program.slug)


@login_required
def program_invite_view(request: HttpRequest, slug: str) -> HttpResponse:
    user = current_user(request)
    program = access_console_program(user, slug)
    form = InviteForm(request.POST or None, program=program)
    if request.method == "POST" and form.is_valid():
        try:
            participation = program_invite(program=program, invited_by=user, **form.cleaned_data)
        except DomainError as exc:
            _form_error(form, exc)
        else:
            messages.success(
                request,
                _("%(email)s is in %(program)s as %(role)s.")
                % {
                    "email": participation.user.email,
                    "program": program.name,
                    "role": ROLE_WORDS.get(form.cleaned_data["role"], form.cleaned_data["role"]),
                },
            )
            return redirect("console:invite", slug=program.slug)
    context = {"form": form, "program": program}
    return render(request, "console/invite.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def proposal_action(request: HttpRequest, slug: str, pk: int, action: str) -> HttpResponse:
    """Nudge the people who have not answered a stale proposal, or withdraw it."""
    user = current_user(request)
    program = access_console_program(user, slug)
    relationship = access_proposal(user, program, pk)
    try:
        if action == "nudge":
            people = proposal_nudge(relationship=relationship)
            and_word = pgettext("joining two names", "and")
            joiner = f" {and_word} "
            names = joiner.join(p.display_name for p in people)
            messages.success(
                request, _("A reminder is on its way to %(names)s.") % {"names": names}
            )
        elif action == "withdraw":
            program_services.proposal_withdraw_as_manager(relationship, manager=user)
            messages.success(
                request, _("The proposal is withdrawn; both people can be matched again.")
            )
        else:
            raise Http404(_("Unknown action."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("console:program", slug=program.slug)


@login_required
@require_POST
def independence_keep(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record that a flagged relationship goes on, after talking it through with both."""
    user = current_user(request)
    program = access_console_program(user, slug)
    flag = access_independence_flag(user, program, pk)
    try:
        independence_flag_keep(flag=flag, by=user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Recorded: the relationship continues."))
    return redirect(reverse("console:program", args=[program.slug]) + "#independence")
