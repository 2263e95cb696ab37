"""Background work for programs. Tasks take ids and are safe to run twice."""

from __future__ import annotations

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
