"""The audit log: an append-only record of confidential reads, permission changes,
admin actions, data exports and erasures."""

from __future__ import annotations

from typing import Any, ClassVar, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete an audit event through the ORM."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    """Refuses bulk changes: the log only grows."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be deleted.")


class Action(models.TextChoices):
    READ_CONFIDENTIAL = "read_confidential", _("Read a confidential record")
    PERMISSION_CHANGE = "permission_change", _("Permission change")
    ADMIN_ACTION = "admin_action", _("Admin action")
    EXPORT = "export", _("Personal data export")
    ERASURE = "erasure", _("Erasure")
    SSO_SIGN_IN = "sso_sign_in", _("Single sign-on")
    SSO_SIGN_IN_REFUSED = "sso_sign_in_refused", _("Single sign-on refused")
    PROVISIONING = "provisioning", _("Provisioning")
    DEPROVISIONING = "deprovisioning", _("Deprovisioning")


class AuditEvent(models.Model):
    """One line of the audit log: who read or changed what, when, and from where.

    Written once and never changed: `save()` refuses an update, `delete()` and the
    QuerySet's `update()`/`delete()` refuse, the admin is read-only, and on
    PostgreSQL a trigger refuses UPDATE and DELETE too. People who appear here are
    erased (anonymized in place), never deleted, so `actor` and `subject` protect
    their rows. `program_id` is a plain number, not a key: a program's history
    outlives the program, and it lets program managers see their programs' events.
    """

    Action = Action

    created_at = models.DateTimeField(
        default=timezone.now, editable=False, verbose_name=_("created at")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Who did it; empty for the system (a periodic job or a command)."),
        verbose_name=_("actor"),
    )
    action = models.CharField(max_length=24, choices=Action.choices, verbose_name=_("action"))
    object_type = models.CharField(
        max_length=100, help_text=_("app_label.model"), verbose_name=_("object type")
    )
    object_id = models.CharField(max_length=64, blank=True, verbose_name=_("object id"))
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The person the record is about."),
        verbose_name=_("subject"),
    )
    program_id = models.PositiveBigIntegerField(null=True, blank=True, verbose_name=_("program id"))
    summary = models.CharField(
        max_length=500, help_text=_("What happened, in English."), verbose_name=_("summary")
    )
    code = models.CharField(
        max_length=64,
        blank=True,
        help_text=_(
            "What happened, as a code whose sentence is written in the reader's language "
            "when read. Empty for events recorded before: they show the summary."
        ),
        verbose_name=_("code"),
    )
    params = models.JSONField(
        null=True, blank=True, help_text=_("The values of the code."), verbose_name=_("params")
    )
    ip = models.GenericIPAddressField(null=True, blank=True, verbose_name=_("ip"))

    objects: ClassVar[models.Manager[AuditEvent]] = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["created_at"]),
            models.Index(fields=["action", "created_at"]),
            models.Index(fields=["program_id", "created_at"]),
            models.Index(fields=["object_type", "object_id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=Action.values), name="audit_event_action_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.shown_summary}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be deleted.")

    @property
    def shown_summary(self) -> str:
        """What happened, in the active language (the reader's, on the page and the API)."""
        from ithaca.audit.summaries import summary_text

        return summary_text(self.code, self.params, self.summary)
