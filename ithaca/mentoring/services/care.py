"""Reviews (continue or conclude) and ending well (reflection and outcome survey)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.mentoring import notices
from ithaca.mentoring.models import Closing, Decision, Meeting, MentoringRelationship, Review
from ithaca.mentoring.services.base import clean_text, locked_workspace
from ithaca.mentoring.workspace import Workspace
from ithaca.programs import reasons
from ithaca.programs.lifecycle import Status
from ithaca.programs.relationships import relationship_conclude

SCALE_MESSAGES = {
    "growth": gettext_lazy("Answer 'growth' on the scale from 1 to 5."),
    "career_clarity": gettext_lazy("Answer 'career clarity' on the scale from 1 to 5."),
    "belonging": gettext_lazy("Answer 'belonging' on the scale from 1 to 5."),
}


@dataclass(frozen=True)
class Survey:
    """The short outcome survey: three 1-5 scales and one yes/no."""

    growth: int
    career_clarity: int
    belonging: int
    would_recommend: bool

    def check(self) -> None:
        for name in ("growth", "career_clarity", "belonging"):
            value = getattr(self, name)
            if not isinstance(value, int) or not 1 <= value <= 5:
                raise DomainError(str(SCALE_MESSAGES[name]), field=name)


def open_review(relationship: MentoringRelationship) -> Review | None:
    return Review.objects.filter(relationship=relationship, resolved_at__isnull=True).first()


@transaction.atomic
def review_answer(*, relationship: MentoringRelationship, user: User, decision: str) -> Review:
    """One person's answer to the review. Both "continue": the period starts again from
    today. Either "conclude": the relationship ends, and each writes a closing."""
    workspace = locked_workspace(relationship, user)
    workspace.require_active("answer the review")
    if decision not in Decision.values:
        raise DomainError(_("Choose continue or conclude."), field="decision")
    review = (
        Review.objects.select_for_update()
        .filter(relationship=workspace.relationship, resolved_at__isnull=True)
        .first()
    )
    if review is None:
        raise DomainError(_("There is no review waiting for your answer."))
    setattr(review, f"{workspace.side}_decision", decision)
    now = timezone.now()
    if decision == Decision.CONCLUDE:
        review.outcome, review.resolved_at = Decision.CONCLUDE, now
        relationship_conclude(workspace.relationship, user=user, reason=reasons.CONCLUDED_AT_REVIEW)
        _cancel_upcoming(workspace)
    elif review.mentor_decision == review.mentee_decision == Decision.CONTINUE:
        review.outcome, review.resolved_at = Decision.CONTINUE, now
    review.save()
    return review


def _cancel_upcoming(workspace: Workspace) -> None:
    """A concluded one-to-one relationship's future meetings are called off."""
    if workspace.relationship.group_id is not None:
        return  # the group's meetings go on without this mentee
    upcoming = Meeting.objects.filter(
        relationship=workspace.relationship,
        status__in=(Meeting.Status.PROPOSED, Meeting.Status.CONFIRMED),
        starts_at__gt=timezone.now(),
    )
    for meeting in upcoming.select_for_update():
        meeting.status = Meeting.Status.CANCELLED
        meeting.sequence += 1
        meeting.save(update_fields=["status", "sequence"])
        if meeting.invite_sent_sequence >= 0:
            # Only the calendar needs telling: the conclusion itself was announced.
            notices.tell_meeting(
                meeting, workspace.relationship, kind="meeting.cancelled", actor=workspace.user,
                invite="CANCEL",
            )  # fmt: skip


def _record(workspace: Workspace, *, reflection: str, shared: bool, survey: Survey) -> Closing:
    survey.check()
    text = clean_text(reflection, field="reflection", label="reflection", limit=3000)
    try:
        with transaction.atomic():
            return Closing.objects.create(
                relationship=workspace.relationship,
                side=workspace.side,
                reflection=text,
                shared=shared,
                growth=survey.growth,
                career_clarity=survey.career_clarity,
                belonging=survey.belonging,
                would_recommend=survey.would_recommend,
            )
    except IntegrityError:
        raise DomainError(_("You have written your closing reflection already.")) from None


@transaction.atomic
def relationship_close(
    *,
    relationship: MentoringRelationship,
    user: User,
    reflection: str,
    shared: bool,
    survey: Survey,
    reason: str = "",
) -> Closing:
    """Conclude an active or paused relationship and record this person's reflection and
    survey, all or nothing. The other person writes theirs afterwards."""
    workspace = locked_workspace(relationship, user)
    survey.check()
    clean_text(reflection, field="reflection", label="reflection", limit=3000)
    concluded = relationship_conclude(workspace.relationship, user=user, reason=reason.strip())
    workspace = Workspace(concluded, user, workspace.side)
    Review.objects.filter(relationship=concluded, resolved_at__isnull=True).update(
        outcome=Decision.CONCLUDE, resolved_at=timezone.now()
    )
    _cancel_upcoming(workspace)
    return _record(workspace, reflection=reflection, shared=shared, survey=survey)


@transaction.atomic
def closing_record(
    *,
    relationship: MentoringRelationship,
    user: User,
    reflection: str,
    shared: bool,
    survey: Survey,
) -> Closing:
    """After the end, a person who has not yet done so writes their reflection and survey."""
    workspace = locked_workspace(relationship, user)
    if workspace.relationship.status != Status.CONCLUDED:
        raise DomainError(_("Closing reflections are written when the relationship concludes."))
    return _record(workspace, reflection=reflection, shared=shared, survey=survey)
