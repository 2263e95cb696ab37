"""SMART goals, their check-ins, and the action items between sessions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.coaching.models.engagement import CoachingEngagement
from ithaca.core.fields import ErasableCharField, ErasableTextField
from ithaca.core.models import TimeStampedModel

METRIC_DIGITS, METRIC_PLACES = 14, 4


class Goal(TimeStampedModel):
    """A SMART goal: a specific statement measured by a metric (with its unit) that
    should move from a baseline to a target by a due date, owned by one person."""

    engagement = models.ForeignKey(
        CoachingEngagement,
        on_delete=models.CASCADE,
        related_name="goals",
        verbose_name=_("engagement"),
    )
    statement = ErasableTextField(max_length=1000, verbose_name=_("statement"))
    metric = ErasableCharField(max_length=200, verbose_name=_("metric"))
    unit = models.CharField(max_length=40, verbose_name=_("unit"))
    baseline = models.DecimalField(
        max_digits=METRIC_DIGITS, decimal_places=METRIC_PLACES, verbose_name=_("baseline")
    )
    target = models.DecimalField(
        max_digits=METRIC_DIGITS, decimal_places=METRIC_PLACES, verbose_name=_("target")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(verbose_name=_("due on"))

    class Meta:
        verbose_name = _("coaching goal")
        verbose_name_plural = _("coaching goals")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(target=F("baseline")), name="coaching_goal_target_differs"
            ),
            models.CheckConstraint(
                condition=~Q(statement="") & ~Q(metric="") & ~Q(unit=""),
                name="coaching_goal_is_specific",
            ),
        ]

    def __str__(self) -> str:
        return self.statement[:80]


class CheckIn(models.Model):
    """The goal's metric measured on one day.

    A mistyped value is corrected, not overwritten: the correction is a new
    check-in that `replaces` the old one, and the old one keeps its value with
    `superseded_at` set. Attainment and reports read current check-ins only.
    """

    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="checkins", verbose_name=_("goal")
    )
    value = models.DecimalField(
        max_digits=METRIC_DIGITS, decimal_places=METRIC_PLACES, verbose_name=_("value")
    )
    recorded_on = models.DateField(verbose_name=_("recorded on"))
    comment = models.CharField(max_length=500, blank=True, verbose_name=_("comment"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("created at"))
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        help_text=_("The check-in this one corrects."),
        verbose_name=_("replaces"),
    )
    superseded_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When a correction replaced this value."),
        verbose_name=_("superseded at"),
    )

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["recorded_on", "created_at", "pk"]
        indexes = [models.Index(fields=["goal", "recorded_on"])]

    def __str__(self) -> str:
        return gettext("%(value)s on %(day)s") % {"value": self.value, "day": self.recorded_on}


class ActionItem(TimeStampedModel):
    """Something one of the pair committed to do before a due date, perhaps towards a goal."""

    engagement = models.ForeignKey(
        CoachingEngagement,
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name=_("engagement"),
    )
    goal = models.ForeignKey(
        Goal,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        verbose_name=_("goal"),
    )
    title = ErasableCharField(max_length=300, verbose_name=_("title"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(verbose_name=_("due on"))
    done_at = models.DateTimeField(null=True, blank=True, verbose_name=_("done at"))
    edited_at = models.DateTimeField(null=True, blank=True, verbose_name=_("edited at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="coaching_action_has_title"),
        ]
        indexes = [models.Index(fields=["owner", "done_at", "due_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def done(self) -> bool:
        return self.done_at is not None
