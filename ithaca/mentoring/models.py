"""Mentoring relationships: long-term, holistic, led by the mentee."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ithaca.programs.models import HelpingRelationship, relationship_constraints


class MentoringRelationship(HelpingRelationship):
    """A mentor and a mentee in a mentoring program.

    It starts only when both have accepted (see ithaca.programs.lifecycle); the
    mentee owns the agenda. The mentor must be independent of the mentee's
    assessment: never their line manager or assessor.
    """

    HELPER_FIELD = "mentor"
    SEEKER_FIELD = "mentee"

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mentoring_as_mentor"
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mentoring_as_mentee"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = relationship_constraints("mentoring", "mentor", "mentee")
        indexes = [models.Index(fields=["program", "status"])]

    def __str__(self) -> str:
        return f"{self.mentor} mentoring {self.mentee}"
