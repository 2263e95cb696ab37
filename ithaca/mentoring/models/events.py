"""Organic spaces: events where mentoring can grow from contact, and mutual interest."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ithaca.mentoring.models.relationship import MentoringRelationship

USER = settings.AUTH_USER_MODEL


class MentoringEvent(models.Model):
    """A networking session, a peer circle or a speed-mentoring round in a mentoring
    program, with a capacity and sign-up. After it starts, attendees may say whom
    they would like to continue with."""

    class Kind(models.TextChoices):
        NETWORKING = "networking", _("Networking session")
        PEER_CIRCLE = "peer_circle", _("Peer circle")
        SPEED_MENTORING = "speed_mentoring", _("Speed-mentoring round")

    program = models.ForeignKey("programs.Program", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    title = models.CharField(max_length=160)
    description = models.TextField(blank=True, max_length=4000)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    capacity = models.PositiveIntegerField()
    location = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    edited_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.CharField(max_length=500, blank=True)
    # Goes up with every change, so calendars replace the invite they hold.
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("mentoring event")
        verbose_name_plural = _("mentoring events")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=2), name="event_room_for_two"),
            models.CheckConstraint(condition=~Q(title=""), name="event_has_title"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def uid(self) -> str:
        """The calendar UID: the same across every update of this event."""
        return f"event-{self.pk}@ithaca"

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


class EventSignup(models.Model):
    """A person's place at an event; the event's capacity is checked under a row lock."""

    event = models.ForeignKey(MentoringEvent, on_delete=models.CASCADE, related_name="signups")
    person = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # Taken by the program manager once the event has started; None until then.
    attended = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name = _("event sign-up")
        verbose_name_plural = _("event sign-ups")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="event_signup_once")
        ]

    def __str__(self) -> str:
        return f"Sign-up {self.pk}"


class ContinueMark(models.Model):
    """ "I'd like to continue with ...": seen only by the person who made it, unless
    the other person marks them too."""

    event = models.ForeignKey(MentoringEvent, on_delete=models.CASCADE, related_name="+")
    marker = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    marked = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("wish to continue")
        verbose_name_plural = _("wishes to continue")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "marker", "marked"], name="continue_mark_once_per_pair"
            ),
            models.CheckConstraint(
                condition=~Q(marker=F("marked")), name="continue_mark_not_oneself"
            ),
        ]

    def __str__(self) -> str:
        return f"Mark {self.pk}"


class MutualInterest(models.Model):
    """Two attendees marked each other. Both are offered a mentoring relationship (it
    still needs both to accept); when the program's rules refuse the pair, the
    reason is kept here for both to read. `first` is the lower user id."""

    event = models.ForeignKey(MentoringEvent, on_delete=models.CASCADE, related_name="+")
    first = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    relationship = models.ForeignKey(
        MentoringRelationship, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    refused_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mutual interest")
        verbose_name_plural = _("mutual interests")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "first", "second"], name="mutual_interest_once_per_pair"
            ),
            models.CheckConstraint(
                condition=Q(first__lt=F("second")), name="mutual_interest_ordered_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"Mutual interest {self.pk}"
