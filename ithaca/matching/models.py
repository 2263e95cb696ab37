"""Matching: each program's weights, seekers' matching profiles, rounds and their drafts,
the explanation kept with every proposal the matching app makes, and fit checks."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.formats import number_format
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ithaca.core.models import TimeStampedModel
from ithaca.core.nouns import in_sentence
from ithaca.matching import engine
from ithaca.matching.explain import factor_warnings, unexplained
from ithaca.matching.words import PREFERENCE_LABELS
from ithaca.programs.models import Program

USER = settings.AUTH_USER_MODEL
MAX_TOP_K = 200
MAX_OPEN_REQUESTS = 20


class Kind(models.TextChoices):
    MENTORING = "mentoring", _("Mentoring")
    COACHING = "coaching", _("Coaching")


def validate_levels(value: Any) -> None:
    """A mapping of known factor names to known levels; anything else is refused."""
    if not isinstance(value, dict):
        raise ValidationError(gettext("Factor levels must be a mapping of factor to level."))
    for factor, level in value.items():
        if factor not in engine.FACTORS:
            raise ValidationError(
                gettext("%(factor)r is not a matching factor.") % {"factor": factor}
            )
        if level not in engine.LEVELS:
            raise ValidationError(
                gettext("%(level)r is not a level; use one of %(levels)s.")
                % {"level": level, "levels": engine.LEVELS}
            )


def validate_preferences(value: Any) -> None:
    if not isinstance(value, list) or any(key not in PREFERENCE_LABELS for key in value):
        raise ValidationError(
            gettext("Preferences must be a list of: %(keys)s.")
            % {"keys": ", ".join(PREFERENCE_LABELS)}
        )


class MatchingConfig(TimeStampedModel):
    """How one program matches: each factor's level, candidates kept per seeker in a
    round, and how many open requests a seeker may have at once.

    `levels` holds only the factors the manager changed; the engine's defaults
    for the program's kind fill in the rest.
    """

    program = models.OneToOneField(
        Program, on_delete=models.CASCADE, related_name="matching_config", verbose_name=_("program")
    )
    levels = models.JSONField(
        default=dict, blank=True, validators=[validate_levels], verbose_name=_("levels")
    )
    top_k = models.PositiveSmallIntegerField(
        default=engine.DEFAULT_K,
        help_text=_("Best candidates kept per seeker in a round."),
        verbose_name=_("top k"),
    )
    max_open_requests = models.PositiveSmallIntegerField(
        default=3,
        help_text=_("Requests a seeker may have waiting for an answer at once."),
        verbose_name=_("max open requests"),
    )

    class Meta:
        verbose_name = _("matching settings")
        verbose_name_plural = _("matching settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(top_k__gte=1, top_k__lte=MAX_TOP_K), name="matching_config_top_k"
            ),
            models.CheckConstraint(
                condition=Q(max_open_requests__gte=1, max_open_requests__lte=MAX_OPEN_REQUESTS),
                name="matching_config_open_requests",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Matching settings of %(program)s") % {"program": self.program}


class MatchProfile(TimeStampedModel):
    """What a seeker is looking for in one program, in their own words.

    `need` starts from their latest intake and they may rewrite it; `target` is
    the role or move they aim for (a mentor who has walked that path scores
    higher); `preferences` are keys the engine knows.
    """

    user = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="match_profiles", verbose_name=_("user")
    )
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="+", verbose_name=_("program")
    )
    need = models.TextField(blank=True, max_length=5000, verbose_name=_("need"))
    target = models.CharField(max_length=160, blank=True, verbose_name=_("target"))
    preferences = models.JSONField(
        default=list, blank=True, validators=[validate_preferences], verbose_name=_("preferences")
    )

    class Meta:
        verbose_name = _("match profile")
        verbose_name_plural = _("match profiles")
        constraints = [
            models.UniqueConstraint(fields=["user", "program"], name="match_profile_once"),
        ]

    def __str__(self) -> str:
        return gettext("%(person)s in %(program)s") % {"person": self.user, "program": self.program}


class MatchingRound(TimeStampedModel):
    """A program manager's whole-pool match: computed in the background, then a draft
    the manager edits pair by pair, then published as proposals both people answer."""

    class Objective(models.TextChoices):
        FIT = "fit", _("Best total fit")
        COVERAGE = "coverage", _("Most people matched")
        STABLE = "stable", _("Stable")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", pgettext_lazy("matching round", "Cancelled")
        FAILED = "failed", pgettext_lazy("matching round", "Failed")

    BUSY = (Status.QUEUED, Status.RUNNING)

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="matching_rounds", verbose_name=_("program")
    )
    objective = models.CharField(
        max_length=16, choices=Objective.choices, default=Objective.FIT, verbose_name=_("objective")
    )
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.QUEUED, verbose_name=_("status")
    )
    phase = models.CharField(max_length=120, blank=True, verbose_name=_("phase"))
    progress = models.FloatField(default=0.0, verbose_name=_("progress"))
    cancel_requested = models.BooleanField(default=False, verbose_name=_("cancel requested"))
    created_by = models.ForeignKey(
        USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("created by")
    )
    published_by = models.ForeignKey(
        USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )
    summary = models.JSONField(default=dict, blank=True, verbose_name=_("summary"))
    error = models.TextField(blank=True, verbose_name=_("error"))
    started_at = models.DateTimeField(null=True, blank=True, verbose_name=_("started at"))
    finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("finished at"))
    published_at = models.DateTimeField(null=True, blank=True, verbose_name=_("published at"))

    class Meta:
        verbose_name = _("matching round")
        verbose_name_plural = _("matching rounds")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0.0, progress__lte=1.0), name="matching_round_progress"
            ),
            # One computation at a time per program: two would propose the same people.
            models.UniqueConstraint(
                fields=["program"],
                condition=Q(status__in=["queued", "running"]),
                name="matching_round_one_busy_per_program",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="matching_round_published_has_time",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Round %(number)s of %(program)s (%(status)s)") % {
            "number": self.pk,
            "program": self.program,
            "status": self.get_status_display(),
        }

    @property
    def is_busy(self) -> bool:
        return self.status in self.BUSY

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def percent(self) -> int:
        return round(self.progress * 100)


class RoundPair(models.Model):
    """One pair in a round's draft, with its score and its explanation.

    Removing a pair keeps the row (`removed`) so the draft shows what the
    manager changed; at most one kept pair per seeker in a round.
    """

    class Source(models.TextChoices):
        ENGINE = "engine", _("Proposed by the round")
        MANAGER = "manager", _("Added by a program manager")

    round = models.ForeignKey(
        MatchingRound, on_delete=models.CASCADE, related_name="pairs", verbose_name=_("round")
    )
    seeker = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("seeker")
    )
    helper = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("helper")
    )
    score = models.FloatField(verbose_name=_("score"))
    breakdown = models.JSONField(default=dict, verbose_name=_("breakdown"))
    source = models.CharField(
        max_length=16, choices=Source.choices, default=Source.ENGINE, verbose_name=_("source")
    )
    removed = models.BooleanField(default=False, verbose_name=_("removed"))
    relationship_id = models.PositiveIntegerField(
        null=True, blank=True, verbose_name=_("relationship id")
    )
    publish_error = models.CharField(max_length=1000, blank=True, verbose_name=_("publish error"))

    class Meta:
        verbose_name = _("pair in a round")
        verbose_name_plural = _("pairs in rounds")
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "seeker"],
                condition=Q(removed=False),
                name="round_pair_one_per_seeker",
            ),
            models.CheckConstraint(condition=~Q(seeker=F("helper")), name="round_pair_two_people"),
            models.CheckConstraint(
                condition=Q(score__gte=0.0, score__lte=100.0), name="round_pair_score_range"
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(helper)s with %(seeker)s (%(score)s)") % {
            "helper": self.helper,
            "seeker": self.seeker,
            "score": number_format(self.score, 1),
        }

    @property
    def warnings(self) -> list[str]:
        """High or must-have factors this pair does not meet (see explain.factor_warnings).

        A pair a round stored unexplained is explained first: pages explain the
        pairs they show together beforehand (`round_pairs.complete_breakdowns`), in a
        few queries, rather than pair by pair here.
        """
        if unexplained(self.breakdown):
            from ithaca.matching.round_pairs import complete_breakdowns

            complete_breakdowns(self.round.program, [self])
        return factor_warnings(self.breakdown)


class RoundUnmatched(models.Model):
    """A seeker a round left without a pair, and why, in words."""

    round = models.ForeignKey(
        MatchingRound, on_delete=models.CASCADE, related_name="unmatched", verbose_name=_("round")
    )
    seeker = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("seeker")
    )
    reason = models.CharField(max_length=40, verbose_name=_("reason"))
    explanation = models.CharField(max_length=300, verbose_name=_("explanation"))

    class Meta:
        verbose_name = _("seeker left unmatched")
        verbose_name_plural = _("seekers left unmatched")
        ordering = ["reason", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "seeker"], name="round_unmatched_once"),
        ]

    def __str__(self) -> str:
        return f"{self.seeker}: {self.reason}"


class ProposalExplanation(models.Model):
    """Why the matching app proposed a pair: the score, each factor and each rule checked.

    Written beside every proposal a request, an offer or a published round
    creates; both people and the program's managers read it.
    """

    class Source(models.TextChoices):
        REQUEST = "request", _("Requested by the seeker")
        OFFER = "offer", _("Offered by the helper")
        ROUND = "round", _("Proposed by a matching round")

    kind = models.CharField(max_length=16, choices=Kind.choices, verbose_name=_("kind"))
    relationship_id = models.PositiveIntegerField(verbose_name=_("relationship id"))
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="+", verbose_name=_("program")
    )
    seeker = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("seeker")
    )
    helper = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("helper")
    )
    source = models.CharField(max_length=16, choices=Source.choices, verbose_name=_("source"))
    round = models.ForeignKey(
        MatchingRound,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("round"),
    )
    breakdown = models.JSONField(default=dict, verbose_name=_("breakdown"))
    note = models.TextField(
        blank=True,
        max_length=1000,
        help_text=_("The proposer's personal note, for the other person."),
        verbose_name=_("note"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    expired_at = models.DateTimeField(null=True, blank=True, verbose_name=_("expired at"))

    class Meta:
        verbose_name = _("proposal explanation")
        verbose_name_plural = _("proposal explanations")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "relationship_id"], name="proposal_explanation_once"
            ),
            models.CheckConstraint(
                condition=~Q(seeker=F("helper")), name="proposal_explanation_two_people"
            ),
        ]
        indexes = [models.Index(fields=["source", "expired_at", "created_at"])]

    def __str__(self) -> str:
        return gettext("Why %(kind)s %(number)s was proposed") % {
            "kind": in_sentence(self.get_kind_display()),
            "number": self.relationship_id,
        }


class FitCheck(models.Model):
    """One person's request for a re-match after the pair first met.

    The pair is excluded from being proposed again in the program
    (programs.PairExclusion); the relationship itself goes on until the two
    people end it. Program managers see fit checks on the matching page.
    """

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="+", verbose_name=_("program")
    )
    kind = models.CharField(max_length=16, choices=Kind.choices, verbose_name=_("kind"))
    relationship_id = models.PositiveIntegerField(verbose_name=_("relationship id"))
    seeker = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("seeker")
    )
    helper = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("helper")
    )
    requested_by = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("requested by")
    )
    reason = models.TextField(blank=True, max_length=2000, verbose_name=_("reason"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("fit check")
        verbose_name_plural = _("fit checks")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "relationship_id"], name="fit_check_once"),
            models.CheckConstraint(condition=~Q(seeker=F("helper")), name="fit_check_two_people"),
            models.CheckConstraint(
                condition=Q(requested_by=F("seeker")) | Q(requested_by=F("helper")),
                name="fit_check_by_a_party",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Fit check on %(kind)s %(number)s") % {
            "kind": in_sentence(self.get_kind_display()),
            "number": self.relationship_id,
        }
