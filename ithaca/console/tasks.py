"""Console e-mails. Tasks take ids; each checks that its reason still holds."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django_tasks import task

from ithaca.accounts.models import User
from ithaca.coaching.models import CoachingEngagement
from ithaca.core.email import send_notice
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import Participation

MODELS: dict[str, Any] = {"mentoring": MentoringRelationship, "coaching": CoachingEngagement}


def _link(name: str, *args: object) -> str:
    try:
        return f"{settings.SITE_URL}{reverse(name, args=args)}"
    except NoReverseMatch:
        return settings.SITE_URL


@task()
def send_proposal_nudge(kind: str, relationship_id: int) -> int:
    """Remind the people who have not answered a proposal. Sends nothing once answered."""
    model = MODELS[kind]
    relationship = (
        model.objects.select_related("program", model.HELPER_FIELD, model.SEEKER_FIELD)
        .filter(pk=relationship_id, status=Status.PROPOSED)
        .first()
    )
    if relationship is None:
        return 0
    helper = getattr(relationship, model.HELPER_FIELD)
    seeker = getattr(relationship, model.SEEKER_FIELD)
    sent = 0
    for person, accepted, other in (
        (helper, relationship.helper_accepted_at, seeker),
        (seeker, relationship.seeker_accepted_at, helper),
    ):
        if accepted is None:
            sent += send_notice(
                to=[person.email],
                subject=f"A {kind} proposal is waiting for your answer",
                template="console/email/proposal_nudge.txt",
                context={"person": person, "other": other, "relationship": relationship,
                         "kind": kind, "link": _link(f"{kind}:detail", relationship.pk)},
            )  # fmt: skip
    return sent


@task()
def send_program_welcome(participation_id: int, invited_by_id: int | None = None) -> bool:
    """Tell someone already in Ithaca that a program manager added them to a program."""
    participation = (
        Participation.objects.select_related("program", "user")
        .filter(pk=participation_id, state=Participation.State.ACTIVE)
        .first()
    )
    if participation is None:
        return False
    inviter = User.objects.filter(pk=invited_by_id).first() if invited_by_id else None
    program = participation.program
    send_notice(
        to=[participation.user.email],
        subject=f"You are in {program.name}",
        template="console/email/program_welcome.txt",
        context={
            "participation": participation,
            "inviter": inviter,
            "link": _link("programs:detail", program.slug),
        },
    )
    return True
