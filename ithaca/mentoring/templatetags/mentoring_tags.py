"""Template helpers for mentoring pages, and the managers' health panel on the home page."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from ithaca.mentoring.health import LABELS
from ithaca.mentoring.models import Meeting
from ithaca.mentoring.selectors import health_by_program
from ithaca.mentoring.workspace import Workspace
from ithaca.programs.lifecycle import Status

register = template.Library()


@register.filter
def can_answer(meeting: Meeting, ws: Workspace) -> bool:
    """Whether this person is on the other side from whoever proposed the meeting."""
    return (
        ws.active
        and meeting.status == Meeting.Status.PROPOSED
        and ws.side_of_user_id(meeting.proposed_by_id) != ws.side
    )


@register.filter
def health_label(colour: str) -> str:
    """A health colour ("green", "amber", "red") in the reader's language."""
    return str(LABELS.get(colour, colour))


@register.filter
def status_label(value: str) -> str:
    """A relationship state's label, in the reader's language, from its stored value."""
    return str(Status(value).label) if value in Status.values else value


@register.inclusion_tag("mentoring/_home_health.html")
def mentoring_health(programs: list[Any]) -> dict[str, Any]:
    """Health counts for the mentoring programs a manager runs (one query per threshold)."""
    mentoring = [p for p in programs if p.kind == "mentoring"]
    counts = health_by_program(mentoring, timezone.now()) if mentoring else {}
    return {"rows": [(p, counts[p.pk]) for p in mentoring]}
