"""What two people build together in a mentoring relationship, and what each keeps alone.

Shared (both sides, the whole group in group mentoring): the agenda, meetings
and their notes. Per relationship: goals and introductions. Private to its
author: the journal. Program managers see none of it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.core.fields import ErasableCharField
from ithaca.mentoring.models.relationship import MentoringRelationship

USER = settings.AUTH_USER_MODEL


class Side(models.TextChoices):
    MENTOR = "mentor", _("Mentor")
    MENTEE = "mentee", _("Mentee")


class AgendaTopic(models.Model):
    """A topic on the mentee's agenda.

    The mentee adds, orders and closes topics; a mentor's suggestion waits for
    the mentee to accept or decline it. In peer and co-mentoring both people
    own the agenda. Topics of a group belong to the group's shared space.
    """

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested by the mentor")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        DECLINED = "declined", _("Not taken up")

    relationship = models.ForeignKey(
        MentoringRelationship,
        on_delete=models.CASCADE,
        related_name="topics",
        verbose_name=_("relationship"),
    )
    title = models.CharField(max_length=200, verbose_name=_("title"))
    detail = models.TextField(blank=True, max_length=2000, verbose_name=_("detail"))
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.OPEN, verbose_name=_("status")
    )
    position = models.PositiveIntegerField(default=0, verbose_name=_("position"))
    added_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("added by")
    )
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )
    closed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("closed at"))
    edited_at = models.DateTimeField(null=True, blank=True, verbose_name=_("edited at"))

    class Meta:
        verbose_name = _("agenda topic")
        verbose_name_plural = _("agenda topics")
        ordering = ["position", "created_at", "pk"]
        # Adding a topic reads the agenda's highest position, and the agenda is shown in
        # position order: both walk this index instead of sorting every topic the
        # relationship ever had.
        indexes = [
            models.Index(fields=["relationship", "position"], name="agenda_topic_rel_position")
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="agenda_topic_has_title"),
            models.CheckConstraint(
                condition=Q(status__in=["closed", "declined"], closed_at__isnull=False)
                | Q(status__in=["suggested", "open"], closed_at__isnull=True),
                name="agenda_topic_closed_at_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Meeting(models.Model):
    """A meeting, as needed: proposed by either side and accepted by the other, or
    logged after it happened. There is no schedule.

    The calendar invite's UID is stable per meeting; `sequence` goes up with
    every change and `invite_sent_sequence` records the last one e-mailed, so
    the e-mail task can run twice and send once.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")
        HELD = "held", _("Held (logged)")

    relationship = models.ForeignKey(
        MentoringRelationship,
        on_delete=models.CASCADE,
        related_name="meetings",
        verbose_name=_("relationship"),
    )
    starts_at = models.DateTimeField(verbose_name=_("starts at"))
    ends_at = models.DateTimeField(verbose_name=_("ends at"))
    location = models.CharField(
        max_length=300, blank=True, help_text=_("A place or a link."), verbose_name=_("location")
    )
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PROPOSED, verbose_name=_("status")
    )
    proposed_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    responded_by = models.ForeignKey(
        USER,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("responded by"),
    )
    responded_at = models.DateTimeField(null=True, blank=True, verbose_name=_("responded at"))
    topics = models.ManyToManyField(
        AgendaTopic, blank=True, related_name="meetings", verbose_name=_("topics")
    )
    sequence = models.PositiveIntegerField(default=0, verbose_name=_("sequence"))
    invite_sent_sequence = models.IntegerField(default=-1, verbose_name=_("invite sent sequence"))
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["confirmed", "declined"]) | Q(responded_by__isnull=False),
                name="meeting_answered_by_someone",
            ),
            models.CheckConstraint(
                condition=Q(responded_by__isnull=True) | ~Q(responded_by=F("proposed_by")),
                name="meeting_answered_by_the_other_side",
            ),
        ]
        indexes = [
            models.Index(fields=["relationship", "status", "starts_at"]),
            # A relationship's last meeting that took place (mentoring.health), read
            # backwards for each active relationship: the managers' health counts
            # went from about 40 ms to 10 ms at 5,600 active relationships.
            models.Index(
                fields=["relationship", "starts_at"],
                condition=Q(status__in=["confirmed", "held"]),
                name="meeting_took_place_idx",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Meeting on %(when)s") % {"when": f"{self.starts_at:%Y-%m-%d %H:%M}"}

    @property
    def uid(self) -> str:
        return f"mentoring-meeting-{self.pk}@ithaca"


class MeetingNote(models.Model):
    """A shared note on a meeting, written by either side and read by both (the whole
    group in group mentoring). Never shown to program managers."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="notes", verbose_name=_("meeting")
    )
    author = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    body = models.TextField(max_length=5000, verbose_name=_("body"))
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )
    updated_at = models.DateTimeField(default=timezone.now, verbose_name=_("updated at"))

    class Meta:
        verbose_name = _("meeting note")
        verbose_name_plural = _("meeting notes")
        ordering = ["created_at", "pk"]
        constraints = [models.CheckConstraint(condition=~Q(body=""), name="meeting_note_has_body")]

    def __str__(self) -> str:
        return gettext("Note by %(author)s on meeting %(number)s") % {
            "author": self.author_id,
            "number": self.meeting_id,
        }


class JournalEntry(models.Model):
    """A private reflective journal entry, read by its author and nobody else.

    The author is stored as a side of the relationship, so it can only ever be
    one of its two people; there is no reverse accessor from the relationship
    and no admin page, and every read filters on the reader's own side.
    """

    relationship = models.ForeignKey(
        MentoringRelationship,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("relationship"),
    )
    side = models.CharField(max_length=8, choices=Side.choices, verbose_name=_("side"))
    body = models.TextField(max_length=10000, verbose_name=_("body"))
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )
    updated_at = models.DateTimeField(default=timezone.now, verbose_name=_("updated at"))

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(side__in=["mentor", "mentee"]), name="journal_author_is_a_party"
            ),
            models.CheckConstraint(condition=~Q(body=""), name="journal_entry_has_body"),
        ]
        indexes = [models.Index(fields=["relationship", "side", "created_at"])]

    def __str__(self) -> str:
        return gettext("Journal entry %(number)s") % {"number": self.pk}


class Introduction(models.Model):
    """Opening a door: the mentor offers to introduce the mentee to a third person,
    with a reason. The mentee agrees first (until then the third person is not
    asked and cannot see it); then the third person agrees or not, and when they
    agree both are e-mailed. The one who offered may withdraw it until then."""

    class Status(models.TextChoices):
        AWAITING_PERSON = "awaiting_person", _("Waiting for the person introduced to agree")
        PROPOSED = "proposed", _("Waiting for their answer")
        ACCEPTED = "accepted", _("Agreed")
        DECLINED = "declined", _("Declined")
        NOT_WANTED = "not_wanted", _("Not wanted by the person introduced")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    relationship = models.ForeignKey(
        MentoringRelationship,
        on_delete=models.CASCADE,
        related_name="introductions",
        verbose_name=_("relationship"),
    )
    introduced_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("introduced by")
    )
    person = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("person")
    )
    contact = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        related_name="mentoring_introductions_received",
        verbose_name=_("contact"),
    )
    reason = models.TextField(max_length=2000, verbose_name=_("reason"))
    status = models.CharField(
        max_length=16,
        choices=Status.choices,
        default=Status.AWAITING_PERSON,
        verbose_name=_("status"),
    )
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )
    person_agreed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_("When the person introduced agreed to be introduced."),
        verbose_name=_("person agreed at"),
    )
    responded_at = models.DateTimeField(null=True, blank=True, verbose_name=_("responded at"))
    request_sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("request sent at"))
    made_sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("made sent at"))

    class Meta:
        verbose_name = _("introduction")
        verbose_name_plural = _("introductions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(contact=F("person"))
                & ~Q(contact=F("introduced_by"))
                & ~Q(person=F("introduced_by")),
                name="introduction_three_different_people",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="introduction_has_reason"),
            models.CheckConstraint(
                condition=Q(status__in=["awaiting_person", "proposed"], responded_at__isnull=True)
                | Q(
                    status__in=["accepted", "declined", "not_wanted", "withdrawn"],
                    responded_at__isnull=False,
                ),
                name="introduction_answered_when_decided",
            ),
            models.CheckConstraint(
                condition=~Q(status="proposed") | Q(person_agreed_at__isnull=False),
                name="introduction_asked_only_once_the_person_agreed",
            ),
            models.UniqueConstraint(
                fields=["relationship", "person", "contact"],
                condition=Q(status__in=["awaiting_person", "proposed", "accepted"]),
                name="introduction_one_live_per_pair",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Introduction %(number)s") % {"number": self.pk}


class Goal(models.Model):
    """An optional, holistic goal the mentee owns: career, perspective, network,
    well-being or a skill. Progress is told in words, never scored."""

    class Area(models.TextChoices):
        CAREER = "career", _("Career")
        PERSPECTIVE = "perspective", _("Perspective")
        NETWORK = "network", _("Network")
        WELLBEING = "wellbeing", _("Well-being")
        SKILL = "skill", _("A skill")

    class Status(models.TextChoices):
        OPEN = "open", _("Working on it")
        REACHED = "reached", _("Reached")
        SET_ASIDE = "set_aside", _("Set aside")

    relationship = models.ForeignKey(
        MentoringRelationship,
        on_delete=models.CASCADE,
        related_name="goals",
        verbose_name=_("relationship"),
    )
    area = models.CharField(max_length=16, choices=Area.choices, verbose_name=_("area"))
    title = ErasableCharField(max_length=200, verbose_name=_("title"))
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.OPEN, verbose_name=_("status")
    )
    created_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )
    edited_at = models.DateTimeField(null=True, blank=True, verbose_name=_("edited at"))

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="goal_has_title"),
        ]

    def __str__(self) -> str:
        return self.title


class GoalNote(models.Model):
    """A free-text progress note on a goal, by either side, read by both."""

    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="notes", verbose_name=_("goal")
    )
    author = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    body = models.TextField(max_length=3000, verbose_name=_("body"))
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )
    edited_at = models.DateTimeField(null=True, blank=True, verbose_name=_("edited at"))

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["created_at", "pk"]
        constraints = [models.CheckConstraint(condition=~Q(body=""), name="goal_note_has_body")]

    def __str__(self) -> str:
        return gettext("Progress note %(number)s") % {"number": self.pk}


__all__ = [
    "AgendaTopic",
    "Goal",
    "GoalNote",
    "Introduction",
    "JournalEntry",
    "Meeting",
    "MeetingNote",
    "Side",
]
