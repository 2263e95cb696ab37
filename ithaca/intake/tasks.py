"""E-mails about referrals. Tasks take ids and are safe to run twice."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from ithaca.intake.models import Referral


@task()
def send_referral_invitation(referral_id: int) -> bool:
    """Tell the referred person about the suggestion; they decide what happens."""
    referral = Referral.objects.select_related("referrer", "person").filter(pk=referral_id).first()
    if referral is None or referral.status != Referral.Status.PENDING:
        return False
    context = {"referral": referral, "link": settings.SITE_URL + reverse("intake:referrals")}
    send_mail(
        subject=f"{referral.referrer.display_name} suggests {referral.kind} for you",
        message=render_to_string("intake/email/referral_invitation.txt", context),
        from_email=None,
        recipient_list=[referral.person.email],
    )
    return True


@task()
def send_referral_answer(referral_id: int) -> bool:
    """Tell the referrer the status, and nothing else."""
    referral = Referral.objects.select_related("referrer", "person").filter(pk=referral_id).first()
    if referral is None or referral.status == Referral.Status.PENDING:
        return False
    send_mail(
        subject=f"Your referral of {referral.person.display_name}: {referral.get_status_display()}",
        message=render_to_string("intake/email/referral_answer.txt", {"referral": referral}),
        from_email=None,
        recipient_list=[referral.referrer.email],
    )
    return True
