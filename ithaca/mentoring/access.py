"""Who may see which mentoring relationship."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from ithaca.accounts.models import User
from ithaca.mentoring.models import MentoringRelationship


def relationships_for(user: User) -> QuerySet[MentoringRelationship]:
    """Relationships this person is in, as mentor or mentee."""
    return MentoringRelationship.objects.filter(Q(mentor=user) | Q(mentee=user)).select_related(
        "program", "mentor", "mentee"
    )


def access_relationship(user: User, pk: int) -> MentoringRelationship:
    """A relationship visible to one of its two people or its program's managers; else 404."""
    relationship = (
        MentoringRelationship.objects.select_related("program", "mentor", "mentee")
        .filter(pk=pk)
        .filter(Q(mentor=user) | Q(mentee=user) | Q(program__managers=user))
        .distinct()
        .first()
    )
    if relationship is None:
        raise Http404("No such mentoring relationship.")
    return relationship
