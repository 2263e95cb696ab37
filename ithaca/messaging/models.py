"""Private conversations: one per mentoring relationship (one per group in group
mentoring) and one per coaching engagement (coach and coachee, never the sponsor).

Nobody else reads them: not program managers, sponsors or staff, and there is no
admin page for them. A conversation is named by its kind and the id of what it
belongs to, so this app adds no column to mentoring or coaching.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.core.nouns import in_sentence

USER = settings.AUTH_USER_MODEL
MAX_LENGTH = 4000


class Thread(models.TextChoices):
    MENTORING = "mentoring", _("Mentoring relationship")
    GROUP = "group", _("Mentoring group")
    COACHING = "coaching", _("Coaching engagement")


class Message(models.Model):
    """One message in a conversation. Erasing its author blanks the body and leaves a
    placeholder, so the other side's replies still read in order."""

    thread = models.CharField(max_length=12, choices=Thread.choices, verbose_name=_("thread"))
    thread_id = models.PositiveIntegerField(verbose_name=_("thread id"))
    author = models.ForeignKey(
        USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("author")
    )
    body = models.TextField(max_length=MAX_LENGTH, blank=True, verbose_name=_("body"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    erased_at = models.DateTimeField(null=True, blank=True, verbose_name=_("erased at"))

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["thread", "thread_id", "created_at"], name="message_thread")
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(body="") | Q(erased_at__isnull=False), name="message_has_body"
            ),
        ]

    def __str__(self) -> str:
        return gettext("Message %(number)s in %(thread)s %(thread_number)s") % {
            "number": self.pk,
            "thread": in_sentence(self.get_thread_display()),
            "thread_number": self.thread_id,
        }


class ReadMark(models.Model):
    """How far one person has read one conversation."""

    user = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    thread = models.CharField(max_length=12, choices=Thread.choices, verbose_name=_("thread"))
    thread_id = models.PositiveIntegerField(verbose_name=_("thread id"))
    read_at = models.DateTimeField(verbose_name=_("read at"))

    class Meta:
        verbose_name = _("read mark")
        verbose_name_plural = _("read marks")
        constraints = [
            models.UniqueConstraint(fields=["user", "thread", "thread_id"], name="read_mark_once")
        ]

    def __str__(self) -> str:
        return gettext("%(person)s read %(thread)s %(thread_number)s") % {
            "person": self.user_id,
            "thread": in_sentence(self.get_thread_display()),
            "thread_number": self.thread_id,
        }
