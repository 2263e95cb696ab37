"""Coaching sessions and their notes."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.coaching import rules
from ithaca.coaching.models.engagement import CoachingEngagement
from ithaca.core.models import TimeStampedModel


class CoachingSession(TimeStampedModel):
    """A scheduled, held or cancelled coaching session.

    Three-way sessions (coach, coachee and sponsor) mark the start, middle and
    end of an engagement; the others are one to one. `sequence` goes up each
    time the invitation changes so calendars replace their copy.
    """

    class Kind(models.TextChoices):
        ONE_TO_ONE = "one_to_one", _("One to one")
        THREE_WAY_START = "three_way_start", _("Three-way: start")
        THREE_WAY_MIDDLE = "three_way_middle", _("Three-way: middle")
        THREE_WAY_END = "three_way_end", _("Three-way: end")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    engagement = models.ForeignKey(
        CoachingEngagement,
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("engagement"),
    )
    kind = models.CharField(
        max_length=20, choices=Kind.choices, default=Kind.ONE_TO_ONE, verbose_name=_("kind")
    )
    starts_at = models.DateTimeField(verbose_name=_("starts at"))
    ends_at = models.DateTimeField(verbose_name=_("ends at"))
    location = models.CharField(
        max_length=300, help_text=_("A place, or a video-call link."), verbose_name=_("location")
    )
    agenda = models.TextField(blank=True, max_length=4000, verbose_name=_("agenda"))
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.SCHEDULED, verbose_name=_("status")
    )
    sequence = models.PositiveIntegerField(default=0, verbose_name=_("sequence"))
    change_reason = models.TextField(blank=True, max_length=2000, verbose_name=_("change reason"))
    cancelled_at = models.DateTimeField(null=True, blank=True, verbose_name=_("cancelled at"))
    late_cancellation = models.BooleanField(default=False, verbose_name=_("late cancellation"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="coaching_session_ends_after_start"
            ),
            models.CheckConstraint(
                condition=(Q(status="cancelled") & Q(cancelled_at__isnull=False))
                | (~Q(status="cancelled") & Q(cancelled_at__isnull=True, late_cancellation=False)),
                name="coaching_session_cancellation_recorded",
            ),
        ]
        indexes = [models.Index(fields=["engagement", "status", "starts_at"])]

    def __str__(self) -> str:
        return gettext("%(kind)s session on %(day)s") % {
            "kind": self.get_kind_display(),
            "day": f"{self.starts_at:%Y-%m-%d}",
        }

    @property
    def is_three_way(self) -> bool:
        return self.kind != self.Kind.ONE_TO_ONE

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


class SessionNote(TimeStampedModel):
    """A note on a session, private to the coach or shared with the coachee (and, for
    three-way sessions only, with the sponsor). GROW prompts are optional headings:
    any may be filled, in any order, or none."""

    session = models.ForeignKey(
        CoachingSession, on_delete=models.CASCADE, related_name="notes", verbose_name=_("session")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    visibility = models.CharField(
        max_length=16, choices=rules.NOTE_VISIBILITIES, verbose_name=_("visibility")
    )
    text = models.TextField(blank=True, max_length=10000, verbose_name=_("text"))
    grow_goal = models.TextField(_("Goal"), blank=True, max_length=4000)
    grow_reality = models.TextField(_("Reality"), blank=True, max_length=4000)
    grow_options = models.TextField(_("Options"), blank=True, max_length=4000)
    grow_will = models.TextField(_("Will"), blank=True, max_length=4000)
    edited_at = models.DateTimeField(null=True, blank=True, verbose_name=_("edited at"))

    class Meta:
        verbose_name = _("session note")
        verbose_name_plural = _("session notes")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(visibility__in=[value for value, _ in rules.NOTE_VISIBILITIES]),
                name="coaching_note_visibility_known",
            ),
            models.CheckConstraint(
                condition=~Q(text="", grow_goal="", grow_reality="", grow_options="", grow_will=""),
                name="coaching_note_not_empty",
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(visibility)s note") % {"visibility": self.get_visibility_display()}

    @property
    def grow(self) -> list[tuple[Any, str]]:
        """The GROW headings that were filled, in G-R-O-W order for reading."""
        pairs = [
            (_("Goal"), self.grow_goal),
            (_("Reality"), self.grow_reality),
            (_("Options"), self.grow_options),
            (_("Will"), self.grow_will),
        ]
        return [(label, text) for label, text in pairs if text]
