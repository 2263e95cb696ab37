"""Who may see which coaching engagement.

The sponsor sees that an engagement exists and its status; what else they see
is decided by the signed coaching agreement (added with the coaching workspace).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from ithaca.accounts.models import User
from ithaca.coaching.models import CoachingEngagement


def engagements_for(user: User) -> QuerySet[CoachingEngagement]:
    """Engagements this person is in as coach or coachee, or sponsors."""
    return CoachingEngagement.objects.filter(
        Q(coach=user) | Q(coachee=user) | Q(sponsor=user)
    ).select_related("program", "coach", "coachee", "sponsor")


def access_engagement(user: User, pk: int) -> CoachingEngagement:
    """An engagement visible to its coach, coachee, sponsor or program managers; else 404."""
    engagement = (
        CoachingEngagement.objects.select_related("program", "coach", "coachee", "sponsor")
        .filter(pk=pk)
        .filter(Q(coach=user) | Q(coachee=user) | Q(sponsor=user) | Q(program__managers=user))
        .distinct()
        .first()
    )
    if engagement is None:
        raise Http404("No such coaching engagement.")
    return engagement


def engagement_role(user: User, engagement: CoachingEngagement) -> str:
    """The capacity in which this person sees the engagement."""
    if user.pk == engagement.coach_id:
        return "coach"
    if user.pk == engagement.coachee_id:
        return "coachee"
    if user.pk == engagement.sponsor_id:
        return "sponsor"
    return "manager"
