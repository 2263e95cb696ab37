"""Attaching a sponsor in the product: an invitation the sponsor accepts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.coaching.models.engagement import CoachingEngagement
from ithaca.core.models import TimeStampedModel


class SponsorInvitation(TimeStampedModel):
    """A request that someone sponsor an engagement.

    The coachee invites a sponsor (the invitation goes straight to the sponsor),
    or a program manager proposes one (the coachee agrees first, then the
    sponsor is asked). Only the sponsor's acceptance attaches them, and that
    writes a new agreement version every party signs before the sponsor sees
    anything. The person who made the invitation may withdraw it while it is open.
    """

    class Status(models.TextChoices):
        AWAITING_COACHEE = "awaiting_coachee", _("Waiting for the coachee")
        AWAITING_SPONSOR = "awaiting_sponsor", _("Waiting for the sponsor")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    OPEN = (Status.AWAITING_COACHEE, Status.AWAITING_SPONSOR)

    engagement = models.ForeignKey(
        CoachingEngagement,
        on_delete=models.CASCADE,
        related_name="sponsor_invitations",
        verbose_name=_("engagement"),
    )
    sponsor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("sponsor"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invited by"),
    )
    status = models.CharField(max_length=20, choices=Status.choices, verbose_name=_("status"))
    message = models.TextField(blank=True, max_length=1000, verbose_name=_("message"))
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("decided at"))

    class Meta:
        verbose_name = _("sponsor invitation")
        verbose_name_plural = _("sponsor invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement"],
                condition=Q(status__in=["awaiting_coachee", "awaiting_sponsor"]),
                name="coaching_one_open_sponsor_invitation",
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=[
                        "awaiting_coachee",
                        "awaiting_sponsor",
                        "accepted",
                        "declined",
                        "withdrawn",
                    ]
                ),
                name="coaching_sponsor_invitation_status_known",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["awaiting_coachee", "awaiting_sponsor"])
                | Q(decided_at__isnull=False),
                name="coaching_sponsor_invitation_decision_recorded",
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(sponsor)s asked to sponsor %(engagement)s") % {
            "sponsor": self.sponsor,
            "engagement": self.engagement,
        }

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN
