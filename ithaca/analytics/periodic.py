"""Analytics' periodic jobs, run by `manage.py periodic` with every other app's.

Together with mentoring (silent relationships, reviews), coaching (actions due,
overdue digests, stalled engagements, follow-up surveys) and matching (expired
requests) and notifications (digests, retries), one command covers every nudge and
reminder. Each job here is safe
to run twice: rows unique per person and point (or week) decide what is sent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ithaca.analytics.dashboard import refresh
from ithaca.analytics.models import FigureCache
from ithaca.analytics.period import default_period
from ithaca.analytics.services import pulse_invitations_create, rating_prompts_create
from ithaca.core.periodic import for_each
from ithaca.programs.models import Program


def send_pulse_surveys(*, now: dt.datetime) -> Mapping[str, int]:
    """Invite both people of each active relationship at its program's survey points."""
    return pulse_invitations_create(now=now)


def ask_for_meeting_ratings(*, now: dt.datetime) -> Mapping[str, int]:
    """Ask both people to rate each meeting or session held in the last week, once."""
    return rating_prompts_create(now=now)


def refresh_dashboards(*, now: dt.datetime) -> Mapping[str, int]:
    """Recompute the default period's figures for the organization and each program, in
    every language of the site, so dashboards open from the cache. Writes only the
    cache; sends nothing."""
    # Periods someone chose once are not kept: a day-old entry is never read again.
    FigureCache.objects.filter(computed_at__lt=now - dt.timedelta(days=1)).delete()
    period = default_period()
    refresh(None, period, now)

    def refresh_program(program: Program) -> int:
        refresh(program, period, now)
        return 1

    done = for_each(Program.objects.order_by("pk"), job="analytics.dashboards", do=refresh_program)
    return {"dashboards": 1 + done}


JOBS = (send_pulse_surveys, ask_for_meeting_ratings, refresh_dashboards)
