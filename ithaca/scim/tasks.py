"""Background work for provisioning. Tasks take ids and are safe to run twice."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from ithaca.accounts.models import User
from ithaca.coaching.models import CoachingEngagement
from ithaca.mentoring.models import MentoringRelationship
from ithaca.notifications.services import notify
from ithaca.programs.lifecycle import OPEN_STATUSES


def open_relationships(user_id: int) -> list[Any]:
    """The person's open mentoring relationships and coaching engagements, either side."""
    mentoring = MentoringRelationship.objects.filter(
        Q(mentor_id=user_id) | Q(mentee_id=user_id), status__in=OPEN_STATUSES
    ).select_related("program", "mentor", "mentee")
    coaching = CoachingEngagement.objects.filter(
        Q(coach_id=user_id) | Q(coachee_id=user_id), status__in=OPEN_STATUSES
    ).select_related("program", "coach", "coachee")
    return [*mentoring, *coaching]


@task()
def tell_managers_someone_left(user_id: int) -> int:
    """Tell each program manager which of their open relationships lost a person.

    Sends nothing when the person is active again or has no open relationship;
    returns the number of managers told.
    """
    person = User.objects.filter(pk=user_id, is_active=False).first()
    if person is None:
        return 0
    by_manager: dict[User, list[Any]] = defaultdict(list)
    for relationship in open_relationships(user_id):
        for manager in relationship.program.managers.all():
            by_manager[manager].append(relationship)
    for manager, relationships in by_manager.items():
        notify(
            recipient=manager,
            kind="person.left",
            subject=person,
            context={
                "person": person.display_name,
                "relationships": "; ".join(f"{r} ({r.program.name})" for r in relationships),
            },
            url=reverse("console:home"),
            event=timezone.localdate().isoformat(),  # once a day, however often it runs
        )
    return len(by_manager)
