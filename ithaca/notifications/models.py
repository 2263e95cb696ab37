"""Notifications: what happened, for whom, whether it was read and how it was e-mailed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.notifications.kinds import Category, Mode

USER = settings.AUTH_USER_MODEL


class Notification(models.Model):
    """One thing that happened, told to one person: in their inbox and, by their
    preference for its category, by e-mail.

    `key` names the event; it is unique per recipient, so whatever records an
    event twice (a job run twice, a retried task) tells nobody twice. `text`
    says what happened and `url` links to it; neither carries confidential
    content.
    """

    class Email(models.TextChoices):
        NONE = "none", _("Not e-mailed")
        QUEUED = "queued", _("Waiting to be sent")
        DAILY = "daily", _("Held for the daily digest")
        WEEKLY = "weekly", _("Held for the weekly digest")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed after every retry")

    recipient = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    kind = models.CharField(max_length=40, verbose_name=_("kind"))
    category = models.CharField(max_length=16, choices=Category.choices, verbose_name=_("category"))
    key = models.CharField(max_length=160, verbose_name=_("key"))
    actor = models.ForeignKey(
        USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor"),
    )
    text = models.CharField(max_length=300, verbose_name=_("text"))
    params = models.JSONField(
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "The values of the kind's sentence, which is written in the reader's "
            "language when read. Empty for notifications recorded before: they show `text`."
        ),
        verbose_name=_("params"),
    )
    url = models.CharField(max_length=300, blank=True, verbose_name=_("url"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))
    read_at = models.DateTimeField(null=True, blank=True, verbose_name=_("read at"))
    count = models.PositiveIntegerField(
        default=1,
        help_text=_("Events coalesced into this one (a burst of messages)."),
        verbose_name=_("count"),
    )
    email = models.CharField(
        max_length=8, choices=Email.choices, default=Email.NONE, verbose_name=_("email")
    )
    ics = models.TextField(
        blank=True, help_text=_("A calendar invitation to attach, if any."), verbose_name=_("ics")
    )
    ics_method = models.CharField(max_length=8, blank=True, verbose_name=_("ics method"))
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    next_attempt_at = models.DateTimeField(null=True, blank=True, verbose_name=_("next attempt at"))
    last_error = models.CharField(max_length=300, blank=True, verbose_name=_("last error"))
    emailed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("emailed at"))
    digest = models.ForeignKey(
        "Digest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
        verbose_name=_("digest"),
    )

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notification_once"),
        ]
        indexes = [
            # The bell: one index-only count of a person's unread notifications.
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"
            ),
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
            models.Index(
                fields=["email", "recipient"],
                condition=Q(email__in=["queued", "daily", "weekly"]),
                name="notification_outbox",
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(kind)s for %(recipient)s") % {
            "kind": self.kind,
            "recipient": self.recipient_id,
        }

    @property
    def message(self) -> str:
        """What happened, in the active language (the reader's, when shown or sent)."""
        from ithaca.notifications.kinds import KINDS
        from ithaca.notifications.services import sentence

        if self.params is None or self.kind not in KINDS:
            return self.text
        return sentence(self.kind, self.params)


class Preference(models.Model):
    """How one person wants the e-mails of one category (the inbox always has them)."""

    user = models.ForeignKey(
        USER,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    category = models.CharField(max_length=16, choices=Category.choices, verbose_name=_("category"))
    mode = models.CharField(
        max_length=12, choices=Mode.choices, default=Mode.IMMEDIATE, verbose_name=_("mode")
    )
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "category"], name="preference_once"),
            models.CheckConstraint(
                condition=~Q(category=Category.ACCOUNT) | Q(mode=Mode.IMMEDIATE),
                name="account_notices_always_immediate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.get_category_display()}: {self.get_mode_display()}"


class Digest(models.Model):
    """One digest e-mail to one person for one period (a day or an ISO week); unique,
    so running the digest job twice sends nothing twice."""

    user = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    period = models.CharField(
        max_length=12,
        help_text=_("2026-12-06 (daily) or 2026-W49 (weekly)."),
        verbose_name=_("period"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("sent at"))

    class Meta:
        verbose_name = _("digest e-mail")
        verbose_name_plural = _("digest e-mails")
        constraints = [
            models.UniqueConstraint(fields=["user", "period"], name="notification_digest_once"),
        ]

    def __str__(self) -> str:
        return gettext("Digest %(period)s for %(person)s") % {
            "period": self.period,
            "person": self.user_id,
        }


class CalendarFeed(models.Model):
    """The secret address of a person's calendar feed. Regenerating it replaces the
    token, so the old address stops working at once."""

    user = models.OneToOneField(
        USER, on_delete=models.CASCADE, related_name="calendar_feed", verbose_name=_("user")
    )
    token = models.CharField(max_length=64, unique=True, verbose_name=_("token"))
    created_at = models.DateTimeField(auto_now=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return gettext("Calendar feed of %(person)s") % {"person": self.user_id}


class WebhookEndpoint(models.Model):
    """An HTTPS address an administrator registers for integrations (Slack, Teams, an
    HR system), with the event kinds it wants. Deliveries are signed with `secret`."""

    name = models.CharField(max_length=120, verbose_name=_("name"))
    url = models.URLField(max_length=500, verbose_name=_("url"))
    kinds = models.JSONField(
        default=list,
        help_text=_("Notification kinds to send, e.g. meeting.cancelled."),
        verbose_name=_("kinds"),
    )
    secret = models.CharField(max_length=64, editable=False, verbose_name=_("secret"))
    active = models.BooleanField(default=True, verbose_name=_("active"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self) -> str:
        return self.name


class WebhookDelivery(models.Model):
    """One event sent (or to be sent) to one endpoint: ids and kinds only. Unique per
    endpoint and event, so an event recorded twice is delivered once."""

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("endpoint"),
    )
    event_key = models.CharField(max_length=160, verbose_name=_("event key"))
    payload = models.JSONField(verbose_name=_("payload"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    next_attempt_at = models.DateTimeField(null=True, blank=True, verbose_name=_("next attempt at"))
    delivered_at = models.DateTimeField(null=True, blank=True, verbose_name=_("delivered at"))
    failed = models.BooleanField(default=False, verbose_name=_("failed"))
    last_status = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("last status")
    )
    last_error = models.CharField(max_length=300, blank=True, verbose_name=_("last error"))

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["endpoint", "event_key"], name="webhook_delivery_once")
        ]

    def __str__(self) -> str:
        return gettext("%(event)s to %(endpoint)s") % {
            "event": self.event_key,
            "endpoint": self.endpoint_id,
        }
