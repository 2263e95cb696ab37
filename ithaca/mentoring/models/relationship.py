"""Mentoring relationships and the groups that share one space in group mentoring."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.programs.models import HelpingRelationship, relationship_constraints


class MentoringGroup(models.Model):
    """One mentor's circle in a group-mentoring program.

    Each mentee still has a MentoringRelationship of their own (both sides
    accept it, and it counts against the mentor's capacity); the relationships
    of one group share one agenda, one set of meetings and their notes, while
    each person's journal stays their own. One group per mentor and program.
    """

    program = models.ForeignKey(
        "programs.Program", on_delete=models.PROTECT, related_name="+", verbose_name=_("program")
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="mentoring_groups",
        verbose_name=_("mentor"),
    )
    name = models.CharField(max_length=160, blank=True, verbose_name=_("name"))
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )

    class Meta:
        verbose_name = _("mentoring group")
        verbose_name_plural = _("mentoring groups")
        constraints = [
            models.UniqueConstraint(
                fields=["program", "mentor"], name="mentoring_group_one_per_mentor"
            )
        ]

    def __str__(self) -> str:
        return self.name or gettext("%(mentor)s's mentoring group") % {"mentor": self.mentor}


class MentoringRelationship(HelpingRelationship):
    """A mentor and a mentee in a mentoring program.

    It starts only when both have accepted (see ithaca.programs.lifecycle); the
    mentee owns the agenda. The mentor must be independent of the mentee's
    assessment: never their line manager or assessor. In group mentoring the
    relationship belongs to its mentor's group and shares the group's space.
    """

    HELPER_FIELD = "mentor"
    SEEKER_FIELD = "mentee"

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="mentoring_as_mentor",
        verbose_name=_("mentor"),
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="mentoring_as_mentee",
        verbose_name=_("mentee"),
    )
    group = models.ForeignKey(
        MentoringGroup,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="relationships",
        verbose_name=_("group"),
    )

    class Meta:
        verbose_name = _("mentoring relationship")
        verbose_name_plural = _("mentoring relationships")
        ordering = ["-created_at"]
        constraints = relationship_constraints("mentoring", "mentor", "mentee")
        indexes = [
            models.Index(fields=["program", "status"]),
            # The managers' CSV export streams each program in this order.
            models.Index(fields=["program", "created_at"]),
            # The console's stage counts group each side's relationships per person
            # from these alone, in order, and merge them with the participations.
            models.Index(
                fields=["program", "mentee"], include=["status"], name="mentoring_mentee_side"
            ),
            models.Index(
                fields=["program", "mentor"], include=["status"], name="mentoring_mentor_side"
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(mentor)s mentoring %(mentee)s") % {
            "mentor": self.mentor,
            "mentee": self.mentee,
        }
