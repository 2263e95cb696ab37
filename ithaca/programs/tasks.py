"""Background work for programs. Tasks take ids and are safe to run twice."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from ithaca.core.email import send_notice
from ithaca.programs.models import Participation


@task()
def send_application_decision(participation_id: int) -> bool:
    """Tell a person their application was approved or declined.

    Sends nothing (and returns False) while the application is still pending
    or when it is gone, so a stray or early run never tells a wrong answer.
    """
    participation = (
        Participation.objects.select_related("program", "user").filter(pk=participation_id).first()
    )
    if participation is None or participation.state == Participation.State.PENDING:
        return False
    approved = participation.state == Participation.State.ACTIVE
    program = participation.program
    link = f"{settings.SITE_URL}{reverse('programs:detail', args=[program.slug])}"
    send_notice(
        to=[participation.user.email],
        subject=f"Your application to {program.name}",
        template="programs/email/application_decided.txt",
        context={"participation": participation, "approved": approved, "link": link},
    )
    return True


# Independence after the fact (programs/independence.py). Each event's notice is
# sent from one function here, so a future notification system replaces just these.


# By kind, without importing the apps above this one.
RELATIONSHIP_MODELS = {
    "mentoring": ("mentoring", "MentoringRelationship"),
    "coaching": ("coaching", "CoachingEngagement"),
}


def _relationship(kind: str, relationship_id: int) -> Any:
    from django.apps import apps

    app, name = RELATIONSHIP_MODELS[kind]
    model = apps.get_model(app, name)
    return model.objects.select_related("program").filter(pk=relationship_id).first()


@task()
def send_independence_withdrawal(kind: str, relationship_id: int, reasons: str) -> bool:
    """Tell both people (and a third-party proposer) that a proposal was withdrawn."""
    relationship = _relationship(kind, relationship_id)
    if relationship is None:
        return False
    people = {
        getattr(relationship, relationship.HELPER_FIELD),
        getattr(relationship, relationship.SEEKER_FIELD),
    }
    if relationship.proposed_by is not None:
        people.add(relationship.proposed_by)
    send_notice(
        to=sorted(person.email for person in people),
        subject=f"A proposal in {relationship.program.name} was withdrawn",
        template="programs/email/independence_withdrawn.txt",
        context={"relationship": relationship, "reasons": reasons},
    )
    return True


@task()
def send_independence_flag(flag_id: int) -> bool:
    """Tell the program's managers and both people that a relationship lost independence."""
    from ithaca.programs.models import IndependenceFlag

    flag = (
        IndependenceFlag.objects.select_related("program", "helper", "seeker")
        .filter(pk=flag_id)
        .first()
    )
    if flag is None:
        return False
    console = f"{settings.SITE_URL}{reverse('console:program', args=[flag.program.slug])}"
    workspace = f"{settings.SITE_URL}/mentoring/{flag.relationship_id}/"
    managers = [m.email for m in flag.program.managers.all()]
    context = {"flag": flag, "console": console, "workspace": workspace}
    subject = f"Independence in {flag.program.name}: please decide"
    send_notice(
        to=[flag.helper.email, flag.seeker.email],
        subject=subject,
        template="programs/email/independence_flag_people.txt",
        context=context,
    )
    if managers:
        send_notice(
            to=managers,
            subject=subject,
            template="programs/email/independence_flag_managers.txt",
            context=context,
        )
    return True
