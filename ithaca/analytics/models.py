"""Surveys, notification preferences, the weekly digest, cached figures and reports.

Individual survey answers live here and leave only as aggregates of at least
five people (see ithaca/analytics/figures/privacy.py); no page, endpoint or
admin screen shows one person's answers to anyone but that person.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.core.models import TimeStampedModel
from ithaca.programs.models import shown_choices
from ithaca.programs.modes import KINDS

USER = settings.AUTH_USER_MODEL
SCALE_MIN, SCALE_MAX = 1, 5


def on_scale(field: str) -> Q:
    return Q(**{f"{field}__gte": SCALE_MIN, f"{field}__lte": SCALE_MAX})


class ProgramSurveySettings(models.Model):
    """When a program's pulse surveys go out: `first_after_days` after a relationship
    starts, then every `every_days`. Programs without a row use the defaults."""

    DEFAULT_FIRST, DEFAULT_EVERY = 30, 60

    program = models.OneToOneField(
        "programs.Program", on_delete=models.CASCADE, related_name="survey_settings"
    )
    pulse_enabled = models.BooleanField(default=True)
    first_after_days = models.PositiveSmallIntegerField(default=DEFAULT_FIRST)
    every_days = models.PositiveSmallIntegerField(default=DEFAULT_EVERY)
    rate_meetings = models.BooleanField(
        default=True, help_text=_("Ask both people for a 1-5 rating after each meeting or session.")
    )

    class Meta:
        verbose_name = _("program survey settings")
        verbose_name_plural = _("program survey settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(first_after_days__gte=1) & Q(every_days__gte=7),
                name="survey_settings_positive_intervals",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Surveys of %(program)s") % {"program": self.program}


class SurveyInvitation(models.Model):
    """One pulse survey for one person about one relationship: the `sequence`-th point
    of the program's schedule. Unique per person, relationship and point, so the
    periodic job can run any number of times and invite once."""

    person = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="survey_invitations")
    program = models.ForeignKey("programs.Program", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=shown_choices(KINDS))
    relationship_id = models.PositiveIntegerField()
    sequence = models.PositiveSmallIntegerField()
    due_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        ordering = ["-due_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind", "relationship_id", "sequence"],
                name="survey_invitation_once_per_point",
            ),
            models.CheckConstraint(condition=Q(sequence__gte=1), name="survey_sequence_from_one"),
        ]
        indexes = [
            models.Index(fields=["person", "answered_at"]),
            models.Index(fields=["sent_at", "due_at"]),
        ]

    def __str__(self) -> str:
        return f"Pulse survey {self.sequence} on {self.kind} {self.relationship_id}"


class SurveyResponse(models.Model):
    """The answers to one invitation, on a 1-5 scale, with an optional comment.

    Copies the program and kind from the invitation so the aggregate queries
    need no join; read only in aggregate (and never the comment) by managers.
    """

    QUESTIONS = (
        ("satisfaction", _("How satisfied are you with it so far?")),
        ("progress", _("How much progress are you making towards what you want?")),
        ("relationship_quality", _("How well do the two of you work together?")),
        ("would_recommend", _("How likely are you to recommend it to a colleague?")),
    )

    invitation = models.OneToOneField(
        SurveyInvitation, on_delete=models.CASCADE, related_name="response"
    )
    program = models.ForeignKey("programs.Program", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=shown_choices(KINDS))
    satisfaction = models.PositiveSmallIntegerField()
    progress = models.PositiveSmallIntegerField()
    relationship_quality = models.PositiveSmallIntegerField()
    would_recommend = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.CheckConstraint(
                condition=on_scale("satisfaction")
                & on_scale("progress")
                & on_scale("relationship_quality")
                & on_scale("would_recommend"),
                name="survey_response_on_a_1_to_5_scale",
            ),
        ]
        indexes = [models.Index(fields=["program", "created_at"])]

    def __str__(self) -> str:
        return f"Answers to invitation {self.invitation_id}"


class MeetingRating(models.Model):
    """A 1-5 rating one person gives a held mentoring meeting or coaching session.

    The row is created when the prompt goes out (`rating` empty) and filled when
    the person answers; one per person and meeting, so prompts are sent once.
    """

    person = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="meeting_ratings")
    program = models.ForeignKey("programs.Program", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=shown_choices(KINDS))
    relationship_id = models.PositiveIntegerField()
    meeting_id = models.PositiveIntegerField(
        help_text=_("A mentoring meeting or coaching session.")
    )
    held_at = models.DateTimeField()
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    prompt_sent_at = models.DateTimeField(null=True, blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("meeting rating")
        verbose_name_plural = _("meeting ratings")
        ordering = ["-held_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind", "meeting_id"], name="meeting_rating_once_per_person"
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True, rated_at__isnull=True)
                | (on_scale("rating") & Q(rated_at__isnull=False)),
                name="meeting_rating_on_a_1_to_5_scale",
            ),
        ]
        indexes = [
            models.Index(fields=["person", "rated_at"]),
            models.Index(fields=["program", "rated_at"]),
        ]

    def __str__(self) -> str:
        return f"Rating of {self.kind} meeting {self.meeting_id}"


class FigureCache(models.Model):
    """Computed dashboard figures for one scope and period, reused for a few minutes.

    Shared by every web process and the report task (unlike a per-process cache),
    and cheap to read: one row by a unique key.
    """

    # The figures' scope and the language they are worded in, e.g. "program:7@de"
    # (ithaca/analytics/dashboard.py cache_key).
    scope = models.CharField(max_length=100, help_text='"org" or "program:<id>".')
    start = models.DateField()
    end = models.DateField()
    computed_at = models.DateTimeField()
    data = models.JSONField()

    class Meta:
        verbose_name = _("cached figures")
        verbose_name_plural = _("cached figures")
        constraints = [
            models.UniqueConstraint(fields=["scope", "start", "end"], name="figure_cache_once"),
        ]

    def __str__(self) -> str:
        return f"Figures {self.scope} {self.start}..{self.end}"


class Report(TimeStampedModel):
    """A leadership report for a program (or the whole organization when `program` is
    empty) over a period, generated in the background as HTML and PDF."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being prepared")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    program = models.ForeignKey(
        "programs.Program", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    start = models.DateField()
    end = models.DateField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    created_by = models.ForeignKey(
        USER, null=True, on_delete=models.SET_NULL, related_name="analytics_reports"
    )
    html = models.TextField(blank=True)
    pdf = models.BinaryField(blank=True, default=b"")
    error = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("leadership report")
        verbose_name_plural = _("leadership reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="report_period_in_order"),
        ]

    def __str__(self) -> str:
        scope = self.program.name if self.program_id and self.program else "Organization"
        return f"{scope} report {self.start}..{self.end}"

    @property
    def is_busy(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
