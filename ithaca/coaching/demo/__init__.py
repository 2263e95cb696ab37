"""Demo activity for existing coaching engagements: agreements, sessions, notes, goals,
check-ins, actions, sponsor reports and close-out evaluations.

`add_demo_activity(seed=...)` is called by the demo loader after the engagements
exist. Every choice comes from random.Random(seed), so a seed always tells the
same story; rows go in with bulk_create, and at most CAP engagements are
filled in (those of the earliest accounts first: the well-known demo logins),
so it stays quick after `seed_demo --people 100000`. Engagements that already
have an agreement are left alone, so running it twice adds nothing.

Rows are written directly, not through the services: the story is in the
past (held sessions, signatures weeks ago) and the services only write the
present. Every database constraint still holds.
"""

from __future__ import annotations

import random

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Least
from django.utils import timezone

from ithaca.coaching.demo.outcomes import add_actions, add_goals, add_outcomes
from ithaca.coaching.demo.story import STARTED, Story
from ithaca.coaching.demo.timeline import add_agreements, add_sessions
from ithaca.coaching.models import AgreementVersion, CoachingEngagement
from ithaca.programs.lifecycle import Status

CAP = 300


def _candidates() -> list[CoachingEngagement]:
    has_agreement = AgreementVersion.objects.filter(engagement=OuterRef("pk"))
    return list(
        CoachingEngagement.objects.exclude(Exists(has_agreement))
        .filter(status__in=[*STARTED, Status.PROPOSED])
        .select_related("program")
        .annotate(first_person=Least("coach_id", "coachee_id"))
        .order_by("first_person", "pk")[:CAP]
    )


def add_demo_activity(*, seed: int) -> dict[str, int]:
    """Fill in up to CAP existing engagements; returns how many rows of each kind it wrote."""
    rng = random.Random(seed)
    today = timezone.localdate()
    stories = [Story(engagement) for engagement in _candidates()]
    counts: dict[str, int] = {"engagements": len(stories)}
    with transaction.atomic():
        counts |= add_agreements(rng, stories, today)
        counts |= add_sessions(rng, stories, today)
        counts |= add_goals(rng, stories)
        counts |= add_actions(rng, stories, today)
        counts |= add_outcomes(rng, stories, today)
    return counts
