"""Looking after a relationship over time: nudges after silence, reviews, and ending well."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ithaca.core.fields import ErasableTextField
from ithaca.core.nouns import in_sentence
from ithaca.mentoring.models.relationship import MentoringRelationship
from ithaca.mentoring.models.workspace import Side


class Nudge(models.Model):
    """A reminder to both people after a silence. One per silence (keyed by the last
    contact it is about), so the periodic job may run any number of times."""

    relationship = models.ForeignKey(
        MentoringRelationship,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("relationship"),
    )
    silent_since = models.DateTimeField(verbose_name=_("silent since"))
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("sent at"))

    class Meta:
        verbose_name = _("nudge")
        verbose_name_plural = _("nudges")
        constraints = [
            models.UniqueConstraint(
                fields=["relationship", "silent_since"], name="nudge_one_per_silence"
            )
        ]

    def __str__(self) -> str:
        return gettext("Nudge %(number)s") % {"number": self.pk}


class Decision(models.TextChoices):
    CONTINUE = "continue", pgettext_lazy("review decision", "Continue")
    CONCLUDE = "conclude", _("Conclude")


class Review(models.Model):
    """At the end of each review period both people are asked: continue or conclude?

    Both saying "continue" renews the period from that day; either saying
    "conclude" ends the relationship. Period n is asked at most once.
    """

    relationship = models.ForeignKey(
        MentoringRelationship,
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("relationship"),
    )
    period = models.PositiveSmallIntegerField(verbose_name=_("period"))
    due_at = models.DateTimeField(verbose_name=_("due at"))
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )
    mentor_decision = models.CharField(
        max_length=16, choices=Decision.choices, blank=True, verbose_name=_("mentor decision")
    )
    mentee_decision = models.CharField(
        max_length=16, choices=Decision.choices, blank=True, verbose_name=_("mentee decision")
    )
    outcome = models.CharField(
        max_length=16, choices=Decision.choices, blank=True, verbose_name=_("outcome")
    )
    resolved_at = models.DateTimeField(null=True, blank=True, verbose_name=_("resolved at"))
    notified_at = models.DateTimeField(null=True, blank=True, verbose_name=_("notified at"))

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-period"]
        constraints = [
            models.UniqueConstraint(
                fields=["relationship", "period"], name="review_once_per_period"
            ),
            models.UniqueConstraint(
                fields=["relationship"],
                condition=Q(resolved_at__isnull=True),
                name="review_one_open_at_a_time",
            ),
            models.CheckConstraint(
                condition=Q(outcome="", resolved_at__isnull=True)
                | (~Q(outcome="") & Q(resolved_at__isnull=False)),
                name="review_outcome_when_resolved",
            ),
            models.CheckConstraint(condition=Q(period__gte=1), name="review_period_from_one"),
        ]

    def __str__(self) -> str:
        return gettext("Review %(period)s of relationship %(number)s") % {
            "period": self.period,
            "number": self.relationship_id,
        }

    def decision_of(self, side: str) -> str:
        return str(getattr(self, f"{side}_decision"))


class Closing(models.Model):
    """One person's ending: a short reflection (private unless they share it with the
    other person; never with program managers) and a short outcome survey."""

    relationship = models.ForeignKey(
        MentoringRelationship,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("relationship"),
    )
    side = models.CharField(max_length=8, choices=Side.choices, verbose_name=_("side"))
    reflection = ErasableTextField(max_length=3000, verbose_name=_("reflection"))
    shared = models.BooleanField(
        default=False, help_text=_("Show it to the other person."), verbose_name=_("shared")
    )
    growth = models.PositiveSmallIntegerField(verbose_name=_("growth"))
    career_clarity = models.PositiveSmallIntegerField(verbose_name=_("career clarity"))
    belonging = models.PositiveSmallIntegerField(verbose_name=_("belonging"))
    would_recommend = models.BooleanField(verbose_name=_("would recommend"))
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )

    SCALE = (1, 5)

    class Meta:
        verbose_name = _("closing reflection")
        verbose_name_plural = _("closing reflections")
        constraints = [
            models.UniqueConstraint(fields=["relationship", "side"], name="closing_once_per_side"),
            models.CheckConstraint(
                condition=Q(side__in=["mentor", "mentee"]), name="closing_by_a_party"
            ),
            models.CheckConstraint(
                condition=Q(growth__gte=1, growth__lte=5)
                & Q(career_clarity__gte=1, career_clarity__lte=5)
                & Q(belonging__gte=1, belonging__lte=5),
                name="closing_survey_on_a_1_to_5_scale",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Closing by the %(side)s of relationship %(number)s") % {
            "side": in_sentence(self.get_side_display()),
            "number": self.relationship_id,
        }
