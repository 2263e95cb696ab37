"""The sponsor panel on the overview, and the page where a sponsor invitation is answered."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.coaching import rules, services
from ithaca.coaching.access import access_sponsor_invitation
from ithaca.coaching.forms import CoachChangeForm, SponsorInviteForm
from ithaca.coaching.models import CoachingEngagement, SponsorInvitation
from ithaca.coaching.views._common import (
    attempt,
    done,
    open_engagement,
    refused,
    render_tab,
    workspace_view,
)
from ithaca.core.errors import DomainError, PermissionDenied

INVITERS = (rules.COACHEE, rules.MANAGER)


def sponsor_panel(
    engagement: CoachingEngagement, role: str, form: SponsorInviteForm | None = None
) -> dict[str, Any]:
    """What the overview shows about the sponsor: the open invitation and the forms."""
    if role not in (*INVITERS, rules.SPONSOR, rules.COACH):
        return {}
    invitation = (
        engagement.sponsor_invitations.filter(status__in=SponsorInvitation.OPEN)
        .select_related("sponsor")
        .first()
    )
    can_invite = role in INVITERS and invitation is None and engagement.is_open
    manager = role == rules.MANAGER and engagement.is_open
    return {
        "coach_form": CoachChangeForm(engagement=engagement) if manager else None,
        "sponsor_invitation": invitation,
        "sponsor_form": form or (SponsorInviteForm(engagement=engagement) if can_invite else None),
        "can_remove_sponsor": engagement.sponsor_id is not None
        and engagement.is_open
        and role in (*INVITERS, rules.SPONSOR),
    }


@workspace_view
@require_POST
def engagement_sponsor(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """invite (the coachee asks; a manager proposes) or remove the sponsor."""
    user, engagement, role = open_engagement(request, pk)
    if action == "remove":
        try:
            services.sponsor_remove(engagement=engagement, by=user)
        except PermissionDenied:
            raise
        except DomainError as exc:
            return refused(request, exc, "coaching:detail", pk)
        if role != rules.SPONSOR:
            message = _(
                "The sponsor was removed and no longer sees the engagement."
                " Sign the new version of the agreement to go on."
            )
            return done(request, message, "coaching:detail", pk)
        return done(request, _("You are no longer this engagement's sponsor."), "home")
    if action != "invite" or role not in INVITERS:
        raise PermissionDenied(_("Only the coachee or a program manager can invite a sponsor."))
    form = SponsorInviteForm(request.POST, engagement=engagement)
    if form.is_valid() and attempt(
        form,
        lambda: services.sponsor_invite(
            engagement=engagement,
            sponsor=form.cleaned_data["sponsor"],
            by=user,
            message=form.cleaned_data["message"],
        ),
    ):
        if role == rules.COACHEE:
            message = _("Invitation sent: the sponsor is asked first.")
        else:
            message = _("Invitation sent: the coachee is asked first.")
        return done(request, message, "coaching:detail", pk)
    from ithaca.coaching.views.workspace import _overview

    context = {**_overview(engagement, role), **sponsor_panel(engagement, role, form)}
    return render_tab(
        request, engagement, role, "overview", "coaching/_overview.html", context, 400
    )


@workspace_view
def sponsor_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    """The invitation: who asks whom, its state, and the buttons of the person it waits for."""
    user = current_user(request)
    invitation = access_sponsor_invitation(user, pk)
    engagement = invitation.engagement
    waiting_for = None
    if invitation.status == SponsorInvitation.Status.AWAITING_COACHEE:
        waiting_for = engagement.coachee_id
    elif invitation.status == SponsorInvitation.Status.AWAITING_SPONSOR:
        waiting_for = invitation.sponsor_id
    context = {
        "invitation": invitation,
        "engagement": engagement,
        "may_answer": waiting_for == user.pk,
        "may_withdraw": invitation.is_open and invitation.invited_by_id == user.pk,
    }
    return render(request, "coaching/sponsor_invitation.html", context)


ANSWERS = {
    "accept": (True, gettext_lazy("Accepted.")),
    "decline": (False, gettext_lazy("Declined; the person who asked has been told.")),
}


@workspace_view
@require_POST
def sponsor_invitation_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """accept or decline (the person asked), withdraw (the person who asked)."""
    user = current_user(request)
    invitation = access_sponsor_invitation(user, pk)
    try:
        if action == "withdraw":
            services.sponsor_invitation_withdraw(invitation=invitation, by=user)
            message = _("Invitation withdrawn.")
        elif action in ANSWERS:
            accept, answer = ANSWERS[action]
            message = str(answer)
            invitation = services.sponsor_invitation_respond(
                invitation=invitation, by=user, accept=accept
            )
            if invitation.status == SponsorInvitation.Status.ACCEPTED:
                message = _("You are the sponsor. Sign the new agreement to see what it shares.")
                return done(request, message, "coaching:agreement", invitation.engagement_id)
        else:
            raise PermissionDenied(_("Unknown action."))
    except PermissionDenied:
        raise
    except DomainError as exc:
        return refused(request, exc, "coaching:sponsor_invitation", pk)
    return done(request, message, "coaching:sponsor_invitation", pk)


@workspace_view
@require_POST
def engagement_change_coach(request: HttpRequest, pk: int) -> HttpResponse:
    """A program manager hands the engagement to another coach; everyone signs again."""
    user, engagement, role = open_engagement(request, pk)
    if role != rules.MANAGER:
        raise PermissionDenied(_("Only a program manager can change the coach."))
    form = CoachChangeForm(request.POST, engagement=engagement)
    if form.is_valid() and attempt(
        form,
        lambda: services.engagement_change_party(
            engagement=engagement, party=rules.COACH, person=form.cleaned_data["coach"], by=user
        ),
    ):
        message = _("The coach changed. Everyone has been asked to sign the new agreement version.")
        return done(request, message, "coaching:detail", pk)
    from ithaca.coaching.views.workspace import _overview

    context = {**_overview(engagement, role), "coach_form": form}
    return render_tab(
        request, engagement, role, "overview", "coaching/_overview.html", context, 400
    )
