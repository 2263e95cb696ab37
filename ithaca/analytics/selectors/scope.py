"""What a figure covers: one program or the whole organization, over a period."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from ithaca.analytics.period import Period
from ithaca.coaching.models import CoachingEngagement
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import Program

STARTED = (Status.ACTIVE, Status.PAUSED, Status.CONCLUDED)
NO_DEPARTMENT = _("No department")


@dataclass(frozen=True)
class Scope:
    """A program, or the whole organization when `program` is None."""

    program: Program | None
    period: Period

    @property
    def key(self) -> str:
        return f"program:{self.program.pk}" if self.program else "org"

    def programs(self, prefix: str = "program") -> Q:
        return Q(**{prefix: self.program}) if self.program else Q()

    @property
    def wants_mentoring(self) -> bool:
        return self.program is None or self.program.is_mentoring

    @property
    def wants_coaching(self) -> bool:
        return self.program is None or self.program.is_coaching


def mentoring(scope: Scope) -> QuerySet[MentoringRelationship]:
    return MentoringRelationship.objects.filter(scope.programs()).order_by()


def coaching(scope: Scope) -> QuerySet[CoachingEngagement]:
    return CoachingEngagement.objects.filter(scope.programs()).order_by()


def running(queryset: QuerySet[Any], period: Period) -> QuerySet[Any]:
    """Relationships that had started and had not ended at some moment of the period."""
    return queryset.filter(
        status__in=STARTED,
        started_at__lt=period.end_before,
    ).filter(Q(ended_at__isnull=True) | Q(ended_at__gte=period.start_at))


def department_label(name: str | None) -> Any:
    """The department's name (as the organization wrote it), or a lazy "No department"."""
    return name or NO_DEPARTMENT


def relationship_of(kind: str, pk: int) -> MentoringRelationship | CoachingEngagement | None:
    """A mentoring relationship or coaching engagement by kind and id, with its program."""
    model: Any = MentoringRelationship if kind == "mentoring" else CoachingEngagement
    return model.objects.select_related("program").filter(pk=pk).first()
