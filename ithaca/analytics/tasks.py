"""Background work for analytics: survey e-mails and report generation.

Tasks take ids, lock their row, and record what they did, so running one twice
sends (or generates) once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from ithaca.accounts.models import User
from ithaca.analytics.models import MeetingRating, SurveyInvitation
from ithaca.analytics.selectors.scope import relationship_of
from ithaca.core.email import send_notice
from ithaca.programs.lifecycle import Status

PREFIX = "analytics/email/"


def _link(name: str, *args: object) -> str:
    return settings.SITE_URL + reverse(name, args=args)


@task()
def send_survey_invitation(invitation_id: int) -> bool:
    """Invite one person to a pulse survey; nothing once sent or answered."""
    with transaction.atomic():
        invitation = SurveyInvitation.objects.select_for_update().filter(pk=invitation_id).first()
        if invitation is None or invitation.sent_at or invitation.answered_at:
            return False
        relationship = relationship_of(invitation.kind, invitation.relationship_id)
        if relationship is None or relationship.status != Status.ACTIVE:
            return False
        person = User.objects.get(pk=invitation.person_id)
        send_notice(
            to=[person.email],
            subject=f"Two minutes on your {invitation.kind}?",
            template=PREFIX + "pulse_survey.txt",
            context={
                "person": person,
                "invitation": invitation,
                "relationship": relationship,
                "link": _link("analytics:survey", invitation.pk),
            },
        )
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
    return True


@task()
def send_rating_prompts(person_id: int) -> int:
    """One e-mail asking a person to rate their recent meetings and sessions."""
    with transaction.atomic():
        prompts = list(
            MeetingRating.objects.select_for_update()
            .filter(person_id=person_id, prompt_sent_at__isnull=True, rated_at__isnull=True)
            .order_by("held_at")
        )
        if not prompts:
            return 0
        person = User.objects.get(pk=person_id)
        send_notice(
            to=[person.email],
            subject="How did it go? Rate your recent meetings",
            template=PREFIX + "rating_prompt.txt",
            context={"person": person, "prompts": prompts, "link": _link("analytics:surveys")},
        )
        MeetingRating.objects.filter(pk__in=[p.pk for p in prompts]).update(
            prompt_sent_at=timezone.now()
        )
    return len(prompts)


@task()
def generate_report(report_id: int) -> bool:
    """Build a queued report's HTML and PDF; a report already claimed is left alone."""
    from ithaca.analytics.services.reports import report_generate

    return report_generate(report_id=report_id)
