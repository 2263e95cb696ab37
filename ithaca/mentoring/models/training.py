"""Mentor training: short modules in plain words, each with a knowledge check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.mentoring.training_text import BUILT_IN

USER = settings.AUTH_USER_MODEL


@dataclass(frozen=True)
class ShownModule:
    """A module's words as one reader sees them: Ithaca's own text in the reader's
    language, an organization's own text as it was written."""

    title: str
    summary: str
    paragraphs: list[str]
    questions: list[dict[str, Any]]


def _shown(text: str, original: object) -> str:
    """Ithaca's text translated; anything else (changed in the admin) as written."""
    return gettext(text) if text and text == original else text


def _shown_question(question: dict[str, Any], original: dict[str, Any] | None) -> dict[str, Any]:
    original = original or {}
    choices = original.get("choices") or []
    return {
        **question,
        "prompt": _shown(question["prompt"], original.get("prompt")),
        "choices": [
            _shown(choice, choices[n] if n < len(choices) else None)
            for n, choice in enumerate(question["choices"])
        ],
    }


class TrainingModule(models.Model):
    """One module of Ithaca's mentor training: a reading and a short multiple-choice
    check. `questions` is a list of {"prompt", "choices", "answer"} (answer is the
    index of the right choice); `pass_mark` is the percentage needed to pass."""

    slug = models.SlugField(max_length=80, unique=True, verbose_name=_("slug"))
    position = models.PositiveSmallIntegerField(unique=True, verbose_name=_("position"))
    title = models.CharField(max_length=160, verbose_name=_("title"))
    summary = models.CharField(max_length=300, verbose_name=_("summary"))
    body = models.TextField(verbose_name=_("body"))
    questions = models.JSONField(default=list, verbose_name=_("questions"))
    pass_mark = models.PositiveSmallIntegerField(
        help_text=_("Percentage of right answers needed."), verbose_name=_("pass mark")
    )

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")
        ordering = ["position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(pass_mark__gte=1, pass_mark__lte=100), name="training_pass_mark_percent"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.body.split("\n\n") if part.strip()]

    @property
    def shown(self) -> ShownModule:
        """Title, summary, reading and check in the active language, when they are still
        the text Ithaca ships for this slug (see ithaca.mentoring.training_text)."""
        source = BUILT_IN.get(self.slug, {})
        known = set(source.get("paragraphs", ()))
        originals = source.get("questions", [])
        return ShownModule(
            title=_shown(self.title, source.get("title")),
            summary=_shown(self.summary, source.get("summary")),
            paragraphs=[_shown(p, p if p in known else None) for p in self.paragraphs],
            questions=[
                _shown_question(q, originals[n] if n < len(originals) else None)
                for n, q in enumerate(self.questions)
            ],
        )


class TrainingAttempt(models.Model):
    """One try at a module's knowledge check, with the answers given and the score."""

    user = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    module = models.ForeignKey(
        TrainingModule, on_delete=models.CASCADE, related_name="+", verbose_name=_("module")
    )
    answers = models.JSONField(default=list, verbose_name=_("answers"))
    correct = models.PositiveSmallIntegerField(verbose_name=_("correct"))
    total = models.PositiveSmallIntegerField(verbose_name=_("total"))
    passed = models.BooleanField(verbose_name=_("passed"))
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )

    class Meta:
        verbose_name = _("training attempt")
        verbose_name_plural = _("training attempts")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(total__gte=1, correct__lte=models.F("total")),
                name="training_attempt_score_in_range",
            )
        ]

    def __str__(self) -> str:
        return gettext("Attempt %(number)s") % {"number": self.pk}


class TrainingCompletion(models.Model):
    """A module passed by a person; one per person and module."""

    user = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    module = models.ForeignKey(
        TrainingModule, on_delete=models.CASCADE, related_name="+", verbose_name=_("module")
    )
    completed_at = models.DateTimeField(default=timezone.now, verbose_name=_("completed at"))

    class Meta:
        verbose_name = _("training completion")
        verbose_name_plural = _("training completions")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="training_completion_once")
        ]

    def __str__(self) -> str:
        return gettext("%(person)s completed %(module)s") % {
            "person": self.user_id,
            "module": self.module_id,
        }
