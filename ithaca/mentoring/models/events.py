"""Organic spaces: events where mentoring can grow from contact, and mutual interest."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
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

    program = models.ForeignKey(
        "programs.Program", on_delete=models.PROTECT, related_name="+", verbose_name=_("program")
    )
    kind = models.CharField(max_length=24, choices=Kind.choices, verbose_name=_("kind"))
    title = models.CharField(max_length=160, verbose_name=_("title"))
    description = models.TextField(blank=True, max_length=4000, verbose_name=_("description"))
    starts_at = models.DateTimeField(verbose_name=_("starts at"))
    ends_at = models.DateTimeField(verbose_name=_("ends at"))
    capacity = models.PositiveIntegerField(verbose_name=_("capacity"))
    location = models.CharField(max_length=300, blank=True, verbose_name=_("location"))
    created_by = models.ForeignKey(
        USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )
    edited_at = models.DateTimeField(null=True, blank=True, verbose_name=_("edited at"))
    cancelled_at = models.DateTimeField(null=True, blank=True, verbose_name=_("cancelled at"))
    cancel_reason = models.CharField(max_length=500, blank=True, verbose_name=_("cancel reason"))
    # Goes up with every change, so calendars replace the invite they hold.
    sequence = models.PositiveIntegerField(default=0, verbose_name=_("sequence"))

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

    event = models.ForeignKey(
        MentoringEvent, on_delete=models.CASCADE, related_name="signups", verbose_name=_("event")
    )
    person = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )
    # Taken by the program manager once the event has started; None until then.
    attended = models.BooleanField(null=True, blank=True, verbose_name=_("attended"))

    class Meta:
        verbose_name = _("event sign-up")
        verbose_name_plural = _("event sign-ups")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="event_signup_once")
        ]

    def __str__(self) -> str:
        return gettext("Sign-up %(number)s") % {"number": self.pk}


class ContinueMark(models.Model):
    """ "I'd like to continue with ...": seen only by the person who made it, unless
    the other person marks them too."""

    event = models.ForeignKey(
        MentoringEvent, on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    marker = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("marker")
    )
    marked = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("marked")
    )
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )

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
        return gettext("Wish to continue %(number)s") % {"number": self.pk}


class MutualInterest(models.Model):
    """Two attendees marked each other. Both are offered a mentoring relationship (it
    still needs both to accept); when the program's rules refuse the pair, the
    reason is kept here for both to read. `first` is the lower user id."""

    event = models.ForeignKey(
        MentoringEvent, on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    first = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("first")
    )
    second = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("second")
    )
    relationship = models.ForeignKey(
        MentoringRelationship,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("relationship"),
    )
    refused_reason = models.TextField(blank=True, verbose_name=_("refused reason"))
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )
    notified_at = models.DateTimeField(null=True, blank=True, verbose_name=_("notified at"))

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
        return gettext("Mutual interest %(number)s") % {"number": self.pk}
