"""Background work for matching. Tasks take ids, lock their row, and record what they
sent, so running one twice sends nothing twice."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from ithaca.accounts.models import User
from ithaca.core.email import send_notice
from ithaca.matching.models import FitCheck, ProposalExplanation

PREFIX = "matching/email/"


def _link(name: str, *args: object) -> str:
    return settings.SITE_URL + reverse(name, args=args)


@task()
def run_round(round_id: int) -> str:
    """Compute a queued matching round into a draft (see services/rounds.py)."""
    # Imported here: the round service enqueues this task, so it imports this module.
    from ithaca.matching.services.rounds import round_run

    return round_run(round_id=round_id)


def _proposal_context(row: ProposalExplanation) -> dict[str, Any]:
    from ithaca.matching.kinds import relationship_of

    relationship = relationship_of(row.kind, row.relationship_id)
    reasons = sorted(
        (f for f in row.breakdown.get("factors", []) if f.get("points", 0) > 0),
        key=lambda f: -f["points"],
    )
    return {
        "row": row,
        "relationship": relationship,
        "reasons": reasons[:3],
        "explanation_link": _link("matching:proposal", row.kind, row.relationship_id),
        "link": _link(f"{row.kind}:detail", row.relationship_id),
        "helper_word": "mentor" if row.kind == "mentoring" else "coach",
    }


def _locked(row_id: int, sent_field: str) -> ProposalExplanation | None:
    row = (
        ProposalExplanation.objects.select_for_update()
        .select_related("program", "seeker", "helper")
        .filter(pk=row_id)
        .first()
    )
    if row is None or getattr(row, sent_field) is not None:
        return None
    return row


@task()
def send_proposal_notice(explanation_id: int) -> bool:
    """Tell each person who still has to accept that a proposal awaits their answer."""
    with transaction.atomic():
        row = _locked(explanation_id, "notified_at")
        if row is None:
            return False
        context = _proposal_context(row)
        relationship = context["relationship"]
        waiting: list[tuple[User, User]] = []
        if relationship is not None and relationship.status == "proposed":
            if relationship.helper_accepted_at is None:
                waiting.append((row.helper, row.seeker))
            if relationship.seeker_accepted_at is None:
                waiting.append((row.seeker, row.helper))
        for person, other in waiting:
            send_notice(
                to=[person.email],
                subject=f"{row.program}: a proposal to work with {other.display_name}",
                template=f"{PREFIX}proposal.txt",
                context={**context, "person": person, "other": other},
            )
        row.notified_at = timezone.now()
        row.save(update_fields=["notified_at"])
    return bool(waiting)


@task()
def send_expiry_notice(explanation_id: int) -> bool:
    """Tell both people that an unanswered request or offer has expired."""
    with transaction.atomic():
        row = _locked(explanation_id, "expiry_notified_at")
        if row is None or row.expired_at is None:
            return False
        context = _proposal_context(row)
        for person, other in ((row.seeker, row.helper), (row.helper, row.seeker)):
            send_notice(
                to=[person.email],
                subject=f"{row.program}: a proposal has expired",
                template=f"{PREFIX}expired.txt",
                context={**context, "person": person, "other": other},
            )
        row.expiry_notified_at = timezone.now()
        row.save(update_fields=["expiry_notified_at"])
    return True


@task()
def send_fit_check_notice(fit_check_id: int) -> bool:
    """Tell the program's managers that someone asked for a re-match."""
    with transaction.atomic():
        fit_check = (
            FitCheck.objects.select_for_update()
            .select_related("program", "seeker", "helper", "requested_by")
            .filter(pk=fit_check_id, notified_at__isnull=True)
            .first()
        )
        if fit_check is None:
            return False
        managers = list(fit_check.program.managers.all())
        link = _link("matching:program", fit_check.program.slug)
        for manager in managers:
            send_notice(
                to=[manager.email],
                subject=f"{fit_check.program}: a re-match was asked for",
                template=f"{PREFIX}fit_check.txt",
                context={"fit_check": fit_check, "manager": manager, "link": link},
            )
        fit_check.notified_at = timezone.now()
        fit_check.save(update_fields=["notified_at"])
    return bool(managers)
