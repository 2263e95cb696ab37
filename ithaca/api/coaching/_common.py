"""Helpers shared by the coaching endpoints: access, validation, the error shapes."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from rest_framework import serializers
from rest_framework.request import Request

from ithaca.accounts.http import current_user
from ithaca.accounts.models import User
from ithaca.api.serializers import ErrorSerializer
from ithaca.coaching import access, rules
from ithaca.coaching.models import CoachingEngagement

ERRORS = {code: ErrorSerializer for code in (400, 401, 403, 404)}
TAG = ["coaching"]


def engagement_of(request: Request, pk: int) -> tuple[User, CoachingEngagement, str]:
    user = current_user(request)
    engagement = access.access_engagement(user, pk)
    return user, engagement, access.engagement_role(user, engagement)


def work_of(request: Request, pk: int, section: str) -> tuple[User, CoachingEngagement, str]:
    """An engagement section the pair alone reads ("goals", "actions", "evaluation": a
    key of access.SECTION_REFUSALS)."""
    user, engagement, role = engagement_of(request, pk)
    access.require_section(rules.can_see_work(role), section)
    return user, engagement, role


def validated(serializer_class: type[serializers.Serializer], request: Request) -> Any:
    data = serializer_class(data=request.data)
    data.is_valid(raise_exception=True)
    return data


def party_of(engagement: CoachingEngagement, person_id: int | None, field: str) -> User | None:
    if person_id is None:
        return None
    people = {engagement.coach_id: engagement.coach, engagement.coachee_id: engagement.coachee}
    if person_id not in people:
        raise serializers.ValidationError({field: [gettext("Choose the coach or the coachee.")]})
    return people[person_id]
