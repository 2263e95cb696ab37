"""E-mails about coaching. Tasks take ids, are enqueued on commit, and send at most once:
each e-mail has a Notice marker (unique kind and key) that is stamped when it is sent."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from ithaca.coaching.invites import attendees, session_invite
from ithaca.coaching.models import (
    ActionItem,
    CoachingSession,
    FollowUpSurvey,
    Notice,
    SponsorReport,
)
from ithaca.core.email import send_notice


def _link(name: str, *args: object) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def send_once(notice_id: int, send: Callable[[Notice], object]) -> bool:
    """Send under a row lock and stamp the marker; a second run finds it stamped."""
    with transaction.atomic():
        notice = (
            Notice.objects.select_for_update(of=("self",))
            .select_related("recipient", "engagement")
            .filter(pk=notice_id, sent_at__isnull=True)
            .first()
        )
        if notice is None:
            return False
        send(notice)
        notice.sent_at = timezone.now()
        notice.save(update_fields=["sent_at"])
    return True


@task()
def send_session_invite(session_id: int, sequence: int) -> bool:
    """The invitation (or its update or cancellation) for one version of a session."""
    session = (
        CoachingSession.objects.select_related(
            "engagement__coach", "engagement__coachee", "engagement__sponsor"
        )
        .filter(pk=session_id)
        .first()
    )
    if session is None or session.sequence != sequence:
        return False  # a newer version of the invitation supersedes this one
    notice, _ = Notice.objects.get_or_create(
        kind=Notice.Kind.SESSION_INVITE,
        key=f"{session_id}:{sequence}",
        defaults={"engagement_id": session.engagement_id},
    )
    cancelled = session.status == CoachingSession.Status.CANCELLED
    context = {"session": session, "link": _link("coaching:session", session.pk)}

    def send(_: Notice) -> None:
        send_notice(
            to=[person.email for person in attendees(session)],
            subject=("Cancelled: " if cancelled else "")
            + f"Coaching session on {timezone.localtime(session.starts_at):%d %b %Y, %H:%M}",
            template="coaching/email/session_cancelled.txt"
            if cancelled
            else "coaching/email/session_invite.txt",
            context=context,
            ics=session_invite(session),
        )

    return send_once(notice.pk, send)


def _send_to_recipient(
    subject: str, template: str, context: dict[str, object]
) -> Callable[[Notice], None]:
    def send(notice: Notice) -> None:
        if notice.recipient is not None:
            context["person"] = notice.recipient
            send_notice(
                to=[notice.recipient.email], subject=subject, template=template, context=context
            )

    return send


@task()
def send_action_due(notice_id: int, action_id: int) -> bool:
    action = ActionItem.objects.filter(pk=action_id, done_at__isnull=True).first()
    if action is None:
        return False
    context = {"action": action, "link": _link("coaching:actions", action.engagement_id)}
    return send_once(
        notice_id,
        _send_to_recipient(
            f"Due {action.due_on:%d %b}: {action.title}", "coaching/email/action_due.txt", context
        ),
    )


@task()
def send_overdue_digest(notice_id: int) -> bool:
    notice = Notice.objects.filter(pk=notice_id).first()
    if notice is None or notice.recipient_id is None:
        return False
    overdue = list(
        ActionItem.objects.filter(
            owner_id=notice.recipient_id, done_at__isnull=True, due_on__lt=timezone.localdate()
        ).select_related("engagement__coach", "engagement__coachee")
    )
    if not overdue:
        return False
    context: dict[str, object] = {"actions": overdue, "site": settings.SITE_URL}
    return send_once(
        notice_id,
        _send_to_recipient(
            f"{len(overdue)} overdue coaching actions", "coaching/email/overdue_digest.txt", context
        ),
    )


@task()
def send_stalled_notice(notice_id: int) -> bool:
    notice = Notice.objects.select_related("engagement__coachee").filter(pk=notice_id).first()
    if notice is None or notice.engagement is None:
        return False
    engagement = notice.engagement
    context = {"engagement": engagement, "link": _link("coaching:detail", engagement.pk)}
    return send_once(
        notice_id,
        _send_to_recipient(
            f"Coaching with {engagement.coachee.display_name} has stalled",
            "coaching/email/stalled.txt",
            context,
        ),
    )


@task()
def send_report_notice(notice_id: int, report_id: int) -> bool:
    """To the coachee: a report awaits approval. To the sponsor: a report is approved."""
    report = (
        SponsorReport.objects.select_related("engagement__coachee").filter(pk=report_id).first()
    )
    notice = Notice.objects.filter(pk=notice_id).first()
    if report is None or notice is None:
        return False
    review = notice.kind == Notice.Kind.REPORT_REVIEW
    context = {"report": report, "link": _link("coaching:report", report.pk)}
    subject = (
        "A sponsor report awaits your approval"
        if review
        else f"Coaching report on {report.engagement.coachee.display_name}"
    )
    template = (
        "coaching/email/report_review.txt" if review else "coaching/email/report_approved.txt"
    )
    return send_once(notice_id, _send_to_recipient(subject, template, context))


@task()
def send_follow_up_survey(survey_id: int) -> bool:
    """The three-month behaviour survey, sent once: the survey row is its own marker."""
    with transaction.atomic():
        survey = (
            FollowUpSurvey.objects.select_for_update(of=("self",))
            .select_related("evaluation__engagement__coachee")
            .filter(pk=survey_id, sent_at__isnull=True)
            .first()
        )
        if survey is None:
            return False
        engagement = survey.evaluation.engagement
        send_notice(
            to=[engagement.coachee.email],
            subject="Three months on: how is it going?",
            template="coaching/email/follow_up.txt",
            context={"engagement": engagement, "link": _link("coaching:evaluation", engagement.pk)},
        )
        survey.sent_at = timezone.now()
        survey.save(update_fields=["sent_at"])
    return True


@task()
def send_people_notice(notice_id: int, subject: str, template: str, link: str) -> bool:
    """A notice about who is in an engagement (services/parties.py writes every one)."""
    notice = Notice.objects.select_related("engagement__coachee").filter(pk=notice_id).first()
    if notice is None or notice.engagement is None:
        return False
    context: dict[str, object] = {"engagement": notice.engagement, "link": link}
    return send_once(notice_id, _send_to_recipient(subject, template, context))
