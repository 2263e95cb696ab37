"""Intakes (what a seeker wants, in their own words) and third-party referrals."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.core.fields import ErasableTextField
from ithaca.core.models import TimeStampedModel
from ithaca.core.nouns import in_sentence
from ithaca.programs.models import Program

MAX_TEXT = 5000


class Recommendation(models.TextChoices):
    MENTORING = "mentoring", _("Mentoring")
    COACHING = "coaching", _("Coaching")
    BOTH = "both", _("Both: a coach and a mentor")
    UNCLEAR = "unclear", _("Not clear yet")


class Referral(TimeStampedModel):
    """A line manager or sponsor suggesting coaching or mentoring for someone.

    A referral is an invitation, not consent: nothing follows unless the person
    accepts, and an accepted referral cannot lead to an engagement until the
    person has written their own desired outcome in an intake. The referrer
    sees only the status.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="referrals_made",
        verbose_name=_("referrer"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="referrals_received",
        verbose_name=_("person"),
    )
    kind = models.CharField(
        max_length=16,
        choices=[("coaching", _("Coaching")), ("mentoring", _("Mentoring"))],
        verbose_name=_("kind"),
    )
    reason = ErasableTextField(max_length=2000, verbose_name=_("reason"))
    program = models.ForeignKey(
        Program,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("program"),
    )
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PENDING, verbose_name=_("status")
    )
    responded_at = models.DateTimeField(null=True, blank=True, verbose_name=_("responded at"))

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(referrer=F("person")), name="referral_not_of_oneself"
            ),
            models.UniqueConstraint(
                fields=["referrer", "person", "kind"],
                condition=Q(status="pending"),
                name="referral_one_pending_per_kind",
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(responded_at__isnull=False),
                name="referral_answered_has_time",
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(referrer)s suggests %(kind)s for %(person)s") % {
            "referrer": self.referrer,
            "kind": in_sentence(self.get_kind_display()),
            "person": self.person,
        }


class Intake(TimeStampedModel):
    """A seeker's need in their own words, their answers, and Ithaca's recommendation.

    Visible to its author; a program's managers see it only when the author
    applies to that program and chooses to share it (IntakeShare).
    """

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="intakes",
        verbose_name=_("author"),
    )
    text = models.TextField(max_length=MAX_TEXT, verbose_name=_("text"))
    answers = models.JSONField(default=dict, blank=True, verbose_name=_("answers"))
    recommendation = models.CharField(
        max_length=16, choices=Recommendation.choices, verbose_name=_("recommendation")
    )
    confidence = models.FloatField(verbose_name=_("confidence"))
    result = models.JSONField(
        default=dict, help_text=_("The explained recommendation."), verbose_name=_("result")
    )
    referral = models.ForeignKey(
        Referral,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="intakes",
        verbose_name=_("referral"),
    )

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        ordering = ["-created_at"]
        # The matching pool cache asks for the latest intake change on every candidate page.
        indexes = [models.Index(fields=["updated_at"], name="intake_updated_at")]
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="intake_confidence_is_a_fraction",
            ),
            models.CheckConstraint(
                condition=Q(recommendation__in=Recommendation.values),
                name="intake_recommendation_known",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Intake by %(author)s (%(recommendation)s)") % {
            "author": self.author,
            "recommendation": self.get_recommendation_display(),
        }


class IntakeShare(TimeStampedModel):
    """The author's choice to show an intake to one program's managers."""

    intake = models.ForeignKey(
        Intake, on_delete=models.CASCADE, related_name="shares", verbose_name=_("intake")
    )
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="+", verbose_name=_("program")
    )

    class Meta:
        verbose_name = _("intake shared with a program")
        verbose_name_plural = _("intakes shared with programs")
        constraints = [
            models.UniqueConstraint(fields=["intake", "program"], name="intake_share_once")
        ]

    def __str__(self) -> str:
        return gettext("%(intake)s shared with %(program)s") % {
            "intake": self.intake,
            "program": self.program,
        }
