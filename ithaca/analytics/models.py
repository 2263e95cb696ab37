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
from ithaca.core.nouns import in_sentence
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
        "programs.Program",
        on_delete=models.CASCADE,
        related_name="survey_settings",
        verbose_name=_("program"),
    )
    pulse_enabled = models.BooleanField(default=True, verbose_name=_("pulse enabled"))
    first_after_days = models.PositiveSmallIntegerField(
        default=DEFAULT_FIRST, verbose_name=_("first after days")
    )
    every_days = models.PositiveSmallIntegerField(
        default=DEFAULT_EVERY, verbose_name=_("every days")
    )
    rate_meetings = models.BooleanField(
        default=True,
        help_text=_("Ask both people for a 1-5 rating after each meeting or session."),
        verbose_name=_("rate meetings"),
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

    person = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="survey_invitations", verbose_name=_("person")
    )
    program = models.ForeignKey(
        "programs.Program", on_delete=models.CASCADE, related_name="+", verbose_name=_("program")
    )
    kind = models.CharField(max_length=16, choices=shown_choices(KINDS), verbose_name=_("kind"))
    relationship_id = models.PositiveIntegerField(verbose_name=_("relationship id"))
    sequence = models.PositiveSmallIntegerField(verbose_name=_("sequence"))
    due_at = models.DateTimeField(verbose_name=_("due at"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("sent at"))
    answered_at = models.DateTimeField(null=True, blank=True, verbose_name=_("answered at"))

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
        return gettext("Pulse survey %(number)s on %(kind)s %(relationship)s") % {
            "number": self.sequence,
            "kind": in_sentence(self.get_kind_display()),
            "relationship": self.relationship_id,
        }


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
        SurveyInvitation,
        on_delete=models.CASCADE,
        related_name="response",
        verbose_name=_("invitation"),
    )
    program = models.ForeignKey(
        "programs.Program", on_delete=models.CASCADE, related_name="+", verbose_name=_("program")
    )
    kind = models.CharField(max_length=16, choices=shown_choices(KINDS), verbose_name=_("kind"))
    satisfaction = models.PositiveSmallIntegerField(verbose_name=_("satisfaction"))
    progress = models.PositiveSmallIntegerField(verbose_name=_("progress"))
    relationship_quality = models.PositiveSmallIntegerField(verbose_name=_("relationship quality"))
    would_recommend = models.PositiveSmallIntegerField(verbose_name=_("would recommend"))
    comment = models.TextField(blank=True, max_length=2000, verbose_name=_("comment"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

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
        return gettext("Answers to invitation %(number)s") % {"number": self.invitation_id}


class MeetingRating(models.Model):
    """A 1-5 rating one person gives a held mentoring meeting or coaching session.

    The row is created when the prompt goes out (`rating` empty) and filled when
    the person answers; one per person and meeting, so prompts are sent once.
    """

    person = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="meeting_ratings", verbose_name=_("person")
    )
    program = models.ForeignKey(
        "programs.Program", on_delete=models.CASCADE, related_name="+", verbose_name=_("program")
    )
    kind = models.CharField(max_length=16, choices=shown_choices(KINDS), verbose_name=_("kind"))
    relationship_id = models.PositiveIntegerField(verbose_name=_("relationship id"))
    meeting_id = models.PositiveIntegerField(
        help_text=_("A mentoring meeting or coaching session."), verbose_name=_("meeting id")
    )
    held_at = models.DateTimeField(verbose_name=_("held at"))
    rating = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("rating"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    prompt_sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("prompt sent at"))
    rated_at = models.DateTimeField(null=True, blank=True, verbose_name=_("rated at"))

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
        return gettext("Rating of %(kind)s meeting %(number)s") % {
            "kind": in_sentence(self.get_kind_display()),
            "number": self.meeting_id,
        }


class FigureCache(models.Model):
    """Computed dashboard figures for one scope and period, reused for a few minutes.

    Shared by every web process and the report task (unlike a per-process cache),
    and cheap to read: one row by a unique key.
    """

    # The figures' scope and the language they are worded in, e.g. "program:7@de"
    # (ithaca/analytics/dashboard.py cache_key).
    scope = models.CharField(
        max_length=100, help_text='"org" or "program:<id>".', verbose_name=_("scope")
    )
    start = models.DateField(verbose_name=_("start"))
    end = models.DateField(verbose_name=_("end"))
    computed_at = models.DateTimeField(verbose_name=_("computed at"))
    data = models.JSONField(verbose_name=_("data"))

    class Meta:
        verbose_name = _("cached figures")
        verbose_name_plural = _("cached figures")
        constraints = [
            models.UniqueConstraint(fields=["scope", "start", "end"], name="figure_cache_once"),
        ]

    def __str__(self) -> str:
        return gettext("Figures %(scope)s %(start)s..%(end)s") % {
            "scope": self.scope,
            "start": self.start,
            "end": self.end,
        }


class Report(TimeStampedModel):
    """A leadership report for a program (or the whole organization when `program` is
    empty) over a period, generated in the background as HTML and PDF."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Being prepared")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    program = models.ForeignKey(
        "programs.Program",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("program"),
    )
    start = models.DateField(verbose_name=_("start"))
    end = models.DateField(verbose_name=_("end"))
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.QUEUED, verbose_name=_("status")
    )
    created_by = models.ForeignKey(
        USER,
        null=True,
        on_delete=models.SET_NULL,
        related_name="analytics_reports",
        verbose_name=_("created by"),
    )
    html = models.TextField(blank=True, verbose_name=_("html"))
    pdf = models.BinaryField(blank=True, default=b"", verbose_name=_("pdf"))
    error = models.TextField(blank=True, verbose_name=_("error"))
    finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("finished at"))

    class Meta:
        verbose_name = _("leadership report")
        verbose_name_plural = _("leadership reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="report_period_in_order"),
        ]

    def __str__(self) -> str:
        if self.program_id and self.program:
            return gettext("%(program)s report %(start)s..%(end)s") % {
                "program": self.program.name,
                "start": self.start,
                "end": self.end,
            }
        return gettext("Organization report %(start)s..%(end)s") % {
            "start": self.start,
            "end": self.end,
        }

    @property
    def is_busy(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
