"""The engagement's overview, its lifecycle buttons, the agreement, the manager's page."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.coaching import metrics, rules, selectors, services
from ithaca.coaching.access import (
    access_agreement_version,
    engagement_role,
    require_section,
    signing_party,
    visible_reports,
    visible_sessions,
    visible_versions,
)
from ithaca.coaching.forms import AgreementForm
from ithaca.coaching.models import AgreementVersion, CoachingEngagement
from ithaca.coaching.views._common import (
    attempt,
    done,
    open_engagement,
    refused,
    render_tab,
    workspace_view,
)
from ithaca.coaching.views.sponsors import sponsor_panel
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.core.htmx import swaps
from ithaca.core.pagination import paginate
from ithaca.programs.access import access_managed_program
from ithaca.programs.conversations import conversation_panel
from ithaca.programs.transitions import run_transition


def _hours(engagement: CoachingEngagement, governing: Any, usage: Any) -> dict[str, Any] | None:
    """Hours used against hours agreed, for external coaches (the basis of their invoice)."""
    if governing is None or not selectors.is_external_coach(engagement):
        return None
    agreed = metrics.hours_agreed(
        session_count=governing.session_count,
        session_length_minutes=governing.session_length_minutes,
    )
    return {"used": usage.hours_used, "agreed": agreed}


def _overview(engagement: CoachingEngagement, role: str) -> dict[str, Any]:
    context: dict[str, Any] = {
        "governing": selectors.governing_agreement(engagement),
        "current": selectors.current_agreement(engagement),
    }
    context.update(sponsor_panel(engagement, role))
    if role == rules.PENDING:
        return context  # a newcomer reads nothing but the version they are asked to sign
    if role == rules.SPONSOR:
        context["reports"] = list(visible_reports(engagement, role)[:5])
        context["three_way"] = list(visible_sessions(engagement, role).order_by("starts_at"))
        return context
    usage = selectors.session_usage(engagement)
    context["usage"] = usage
    context["stalled"] = selectors.stalled(engagement, usage.last_held, timezone.localdate())
    context["hours"] = _hours(engagement, context["governing"], usage)
    if rules.is_party(role):
        upcoming = visible_sessions(engagement, role).filter(
            status="scheduled", starts_at__gte=timezone.now()
        )
        context["next_session"] = upcoming.order_by("starts_at").first()
    return context


@workspace_view
def engagement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The workspace's first tab: status and contract; for the sponsor, what is shared."""
    _user, engagement, role = open_engagement(request, pk)
    return render_tab(
        request,
        engagement,
        role,
        "overview",
        "coaching/_overview.html",
        _overview(engagement, role),
    )


@workspace_view
def engagement_messages(request: HttpRequest, pk: int) -> HttpResponse:
    """The coach's and the coachee's private conversation, as a tab (never the sponsor's)."""
    _, engagement, role = open_engagement(request, pk)
    require_section(rules.is_party(role), "messages")
    back = reverse("coaching:messages", args=[engagement.pk])
    context = {"conversation": conversation_panel(request, kind="coaching", pk=pk, back=back)}
    return render_tab(request, engagement, role, "messages", "coaching/_messages.html", context)


def _overview_after(request: HttpRequest, pk: int, notice: str, error: str) -> HttpResponse:
    """After a lifecycle button pressed in the workspace (htmx): the overview in the new
    state, swapped into #workspace, with the address bar moved to the overview."""
    _, engagement, role = open_engagement(request, pk)
    context = {**_overview(engagement, role), "notice": notice, "error": error}
    panel = "coaching/_overview.html"
    response = render_tab(
        request, engagement, role, "overview", panel, context, 400 if error else 200
    )
    response["HX-Replace-Url"] = reverse("coaching:detail", args=[pk])
    return response


def _accept(request: HttpRequest, engagement: CoachingEngagement) -> HttpResponse:
    error, notice = "", _("You accepted.")
    try:
        engagement = services.engagement_accept(engagement=engagement, user=current_user(request))
    except PermissionDenied:
        raise
    except DomainError as exc:
        error = exc.message
    if engagement.status == "proposed" and not error:
        notice = _("You accepted. It starts once every party has signed the agreement.")
    if swaps(request, "workspace"):
        return _overview_after(request, engagement.pk, "" if error else notice, error)
    if request.htmx:  # type: ignore[attr-defined]
        context = {"item": engagement, "error": error, "notice": "" if error else notice}
        return render(request, "coaching/_card.html", context, status=400 if error else 200)
    messages.add_message(request, messages.ERROR if error else messages.SUCCESS, error or notice)
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("coaching:detail", engagement.pk)


@workspace_view
@require_POST
def engagement_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Lifecycle buttons. Accepting goes through coaching's own gate (the agreement)."""
    _user, engagement, role = open_engagement(request, pk)
    if role in (rules.SPONSOR, rules.PENDING):
        raise PermissionDenied(
            _("Only the coach and the coachee who signed the agreement change its status.")
        )
    if action == "accept":
        return _accept(request, engagement)

    def in_workspace(changed: Any, notice: str, error: str) -> HttpResponse:
        return _overview_after(request, changed.pk, notice, error)

    return run_transition(
        request,
        engagement,
        action,
        card="coaching/_card.html",
        render_htmx=in_workspace if swaps(request, "workspace") else None,
    )


def _signatures(versions: list[AgreementVersion]) -> None:
    for version in versions:
        signatures = list(version.signatures.all())
        version.parties = {s.party: s for s in signatures}  # type: ignore[attr-defined]
        version.signed_by = [(rules.party_name(s.party), s) for s in signatures]  # type: ignore[attr-defined]


@workspace_view
def agreement(request: HttpRequest, pk: int) -> HttpResponse:
    """Every version of the agreement, newest first, with who signed what and when."""
    _user, engagement, role = open_engagement(request, pk)
    if not rules.can_see_agreement(role):
        raise PermissionDenied(_("The agreement is read by its signatories only."))
    page = paginate(
        request,
        visible_versions(engagement, role)
        .prefetch_related("signatures__signer")
        .order_by("-number"),
        per_page=10,
    )
    _signatures(list(page.object_list))
    context = {
        "page": page,
        "current": selectors.current_agreement(engagement),
        "governing": selectors.governing_agreement(engagement),
        "parties": [rules.party_name(party) for party in selectors.required_parties(engagement)],
    }
    return render_tab(request, engagement, role, "agreement", "coaching/_agreement.html", context)


def _initial(engagement: CoachingEngagement) -> dict[str, Any]:
    source = selectors.current_agreement(engagement)
    if source is None:
        return dataclasses.asdict(services.default_terms(engagement))
    return {name: getattr(source, name) for name in services.Terms.__dataclass_fields__}


@workspace_view
def agreement_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Draft the first version, or amend: either way a new version everyone signs."""
    user, engagement, role = open_engagement(request, pk)
    if not rules.is_party(role):
        raise PermissionDenied(_("Only the coach and the coachee can change the agreement."))
    form = AgreementForm(
        request.POST or None, initial=_initial(engagement), has_sponsor=bool(engagement.sponsor_id)
    )
    if request.method == "POST" and form.is_valid():
        version = attempt(
            form,
            lambda: services.agreement_draft(engagement=engagement, user=user, terms=form.terms()),
        )
        if version is not None:
            return done(
                request,
                _("Version %(number)s is ready for signatures.") % {"number": version.number},
                "coaching:agreement",
                engagement.pk,
            )
    status = 400 if request.method == "POST" else 200
    context = {"form": form}
    return render_tab(
        request, engagement, role, "agreement", "coaching/_agreement_form.html", context, status
    )


@workspace_view
def agreement_version(request: HttpRequest, pk: int) -> HttpResponse:
    """One version of the agreement, current or superseded, in full."""
    user = current_user(request)
    version = access_agreement_version(user, pk)
    engagement = version.engagement
    role = engagement_role(user, engagement)
    _signatures([version])
    current = selectors.current_agreement(engagement)
    parties = selectors.required_parties(engagement)
    signed = version.parties  # type: ignore[attr-defined]
    mine = signing_party(user, engagement)
    context = {
        "version": version,
        "current": current,
        "signature_rows": [(rules.party_name(party), signed.get(party)) for party in parties],
        "can_sign": mine in parties
        and mine not in signed
        and current is not None
        and current.pk == version.pk
        and engagement.is_open,
    }
    return render_tab(request, engagement, role, "agreement", "coaching/_version.html", context)


@workspace_view
@require_POST
def agreement_sign(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    version = access_agreement_version(user, pk)
    try:
        services.agreement_sign(version=version, user=user)
    except PermissionDenied:
        raise
    except DomainError as exc:
        return refused(request, exc, "coaching:agreement", version.engagement_id)
    return done(
        request,
        _("You signed version %(number)s.") % {"number": version.number},
        "coaching:agreement",
        version.engagement_id,
    )


def _manager_rows(program_id: int, request: HttpRequest) -> Any:
    page = paginate(request, selectors.managed_engagements(program_id), per_page=25)
    today = timezone.localdate()
    for item in page.object_list:
        item.is_stalled = selectors.stalled(item, item.last_held, today)
        item.hours_used = metrics.hours(selectors.minutes_of(item.held_length))
        if item.length_agreed:
            item.hours_agreed = metrics.hours_agreed(
                session_count=item.session_count, session_length_minutes=item.length_agreed
            )
    return page


@workspace_view
def program_engagements(request: HttpRequest, slug: str) -> HttpResponse:
    """A program manager's view: status, stalled flags and counts; never content."""
    program = access_managed_program(current_user(request), slug)
    if not program.is_coaching:
        raise Http404(gettext("Not a coaching program."))
    context = {"program": program, "page": _manager_rows(program.pk, request)}
    return render(request, "coaching/program.html", context)
