"""What leaves the engagement: sponsor reports, the close-out evaluation, the follow-up."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.coaching import questions
from ithaca.coaching.models.agreement import AgreementVersion
from ithaca.coaching.models.engagement import CoachingEngagement
from ithaca.core.models import TimeStampedModel


class SponsorReport(TimeStampedModel):
    """A report for the sponsor, built only from what the agreement shares.

    `content` holds attendance and, when the terms allow, goal progress; never
    note text, agendas or action items. The coachee approves it (or asks the
    coach for changes) before the sponsor can read it.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AWAITING_COACHEE = "awaiting_coachee", _("Awaiting the coachee's approval")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested by the coachee")
        APPROVED = "approved", _("Approved")

    engagement = models.ForeignKey(
        CoachingEngagement,
        on_delete=models.CASCADE,
        related_name="reports",
        verbose_name=_("engagement"),
    )
    agreement = models.ForeignKey(
        AgreementVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("agreement")
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, verbose_name=_("status")
    )
    content = models.JSONField(default=dict, verbose_name=_("content"))
    summary = models.TextField(
        blank=True,
        max_length=2000,
        help_text=_("The coach's words, read by the coachee first."),
        verbose_name=_("summary"),
    )
    coachee_comment = models.TextField(
        blank=True, max_length=2000, verbose_name=_("coachee comment")
    )
    submitted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("submitted at"))
    approved_at = models.DateTimeField(null=True, blank=True, verbose_name=_("approved at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("sponsor report")
        verbose_name_plural = _("sponsor reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(approved_at__isnull=False),
                name="coaching_report_approval_recorded",
            ),
        ]
        indexes = [models.Index(fields=["engagement", "status"])]

    def __str__(self) -> str:
        return gettext("Sponsor report for %(engagement)s (%(status)s)") % {
            "engagement": self.engagement,
            "status": self.get_status_display().lower(),
        }


class CloseOutEvaluation(TimeStampedModel):
    """The final evaluation: goal attainment at close, the coachee's satisfaction and
    answers, and the coach's own reflection (private to the coach)."""

    engagement = models.OneToOneField(
        CoachingEngagement,
        on_delete=models.CASCADE,
        related_name="evaluation",
        verbose_name=_("engagement"),
    )
    attainment = models.JSONField(
        default=list, help_text=_("Each goal's numbers at close-out."), verbose_name=_("attainment")
    )
    mean_attainment = models.DecimalField(
        max_digits=5, decimal_places=4, null=True, blank=True, verbose_name=_("mean attainment")
    )
    sessions_held = models.PositiveSmallIntegerField(default=0, verbose_name=_("sessions held"))
    minutes_used = models.PositiveIntegerField(default=0, verbose_name=_("minutes used"))
    satisfaction = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("satisfaction")
    )
    coach_reflection = models.TextField(
        blank=True, max_length=4000, verbose_name=_("coach reflection")
    )
    coachee_submitted_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("coachee submitted at")
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("closed by"),
    )

    class Meta:
        verbose_name = _("close-out evaluation")
        verbose_name_plural = _("close-out evaluations")
        constraints = [
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=True)
                | Q(satisfaction__gte=1, satisfaction__lte=5),
                name="coaching_satisfaction_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(mean_attainment__isnull=True)
                | Q(mean_attainment__gte=0, mean_attainment__lte=1),
                name="coaching_mean_attainment_0_to_1",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Close-out of %(engagement)s") % {"engagement": self.engagement}


class EvaluationAnswer(models.Model):
    """The coachee's answer to one fixed question, stored with its Kirkpatrick level."""

    evaluation = models.ForeignKey(
        CloseOutEvaluation,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("evaluation"),
    )
    survey = models.CharField(max_length=16, choices=questions.SURVEYS, verbose_name=_("survey"))
    question = models.CharField(max_length=32, verbose_name=_("question"))
    level = models.CharField(max_length=16, choices=questions.LEVELS, verbose_name=_("level"))
    rating = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("rating"))
    text = models.TextField(blank=True, max_length=4000, verbose_name=_("text"))

    class Meta:
        verbose_name = _("evaluation answer")
        verbose_name_plural = _("evaluation answers")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "question"], name="coaching_one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="coaching_answer_rating_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=False) | ~Q(text=""), name="coaching_answer_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question} ({self.level})"


class FollowUpSurvey(models.Model):
    """The behaviour survey sent three months after close-out; `sent_at` marks the e-mail."""

    evaluation = models.OneToOneField(
        CloseOutEvaluation,
        on_delete=models.CASCADE,
        related_name="follow_up",
        verbose_name=_("evaluation"),
    )
    due_on = models.DateField(verbose_name=_("due on"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("sent at"))
    completed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("completed at"))

    class Meta:
        verbose_name = _("follow-up survey")
        verbose_name_plural = _("follow-up surveys")
        indexes = [models.Index(fields=["due_on", "sent_at"])]

    def __str__(self) -> str:
        return gettext("Follow-up due %(day)s") % {"day": self.due_on}
