"""Reads about the demo organization: is it there, and how big is it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet

from ithaca.accounts.models import CareerEntry, Department, Profile, User
from ithaca.coaching.models import CoachingEngagement
from ithaca.demo.builder.departments import SLUG_PREFIX
from ithaca.demo.builder.logins import ADMIN_EMAIL
from ithaca.demo.builder.programs import PROGRAM_SLUGS
from ithaca.demo.builder.vocabulary import EMAIL_DOMAIN
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.models import Participation, Program


def demo_loaded() -> bool:
    """The demo admin account is the marker: it exists once a load has committed."""
    return User.objects.filter(email=ADMIN_EMAIL).exists()


def _tally(queryset: QuerySet[Any], field: str) -> dict[str, int]:
    rows = queryset.values_list(field).annotate(n=Count("pk")).order_by()
    return {str(key): int(n) for key, n in rows}


@dataclass(frozen=True, slots=True)
class DemoCounts:
    """Rows the demo owns; participations by role, relationships by status."""

    staff: int
    external_coaches: int
    departments: int
    career_entries: int
    programs: int
    participations: dict[str, int]
    mentoring: dict[str, int]
    coaching: dict[str, int]


def demo_counts() -> DemoCounts:
    """Count what the demo loaded (and nothing an organization added itself)."""
    profiles = Profile.objects.filter(user__email__endswith=f"@{EMAIL_DOMAIN}")
    programs = Program.objects.filter(slug__in=PROGRAM_SLUGS)
    careers = CareerEntry.objects.filter(user__email__endswith=f"@{EMAIL_DOMAIN}")
    return DemoCounts(
        staff=profiles.filter(department__isnull=False).count(),
        external_coaches=profiles.filter(department__isnull=True).count(),
        departments=Department.objects.filter(slug__startswith=SLUG_PREFIX).count(),
        career_entries=careers.count(),
        programs=programs.count(),
        participations=_tally(Participation.objects.filter(program__in=programs), "role"),
        mentoring=_tally(MentoringRelationship.objects.filter(program__in=programs), "status"),
        coaching=_tally(CoachingEngagement.objects.filter(program__in=programs), "status"),
    )
