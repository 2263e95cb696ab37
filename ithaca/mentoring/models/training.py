"""Mentor training: short modules in plain words, each with a knowledge check."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

USER = settings.AUTH_USER_MODEL


class TrainingModule(models.Model):
    """One module of Ithaca's mentor training: a reading and a short multiple-choice
    check. `questions` is a list of {"prompt", "choices", "answer"} (answer is the
    index of the right choice); `pass_mark` is the percentage needed to pass."""

    slug = models.SlugField(max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=160)
    summary = models.CharField(max_length=300)
    body = models.TextField()
    questions = models.JSONField(default=list)
    pass_mark = models.PositiveSmallIntegerField(help_text="Percentage of right answers needed.")

    class Meta:
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


class TrainingAttempt(models.Model):
    """One try at a module's knowledge check, with the answers given and the score."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    module = models.ForeignKey(TrainingModule, on_delete=models.CASCADE, related_name="+")
    answers = models.JSONField(default=list)
    correct = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(total__gte=1, correct__lte=models.F("total")),
                name="training_attempt_score_in_range",
            )
        ]

    def __str__(self) -> str:
        return f"Attempt {self.pk}"


class TrainingCompletion(models.Model):
    """A module passed by a person; one per person and module."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    module = models.ForeignKey(TrainingModule, on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="training_completion_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} completed {self.module_id}"
