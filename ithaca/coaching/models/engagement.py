"""The coaching engagement itself: who, under which program, in which state."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.programs import bounds
from ithaca.programs.models import (
    HelpingRelationship,
    range_constraints,
    range_validators,
    relationship_constraints,
)


class CoachingEngagement(HelpingRelationship):
    """A coach working with a coachee under a contract, perhaps paid for by a sponsor.

    The sponsor (a manager or HR partner) is not a party to the conversations:
    they see only what the coaching agreement shares.
    """

    HELPER_FIELD = "coach"
    SEEKER_FIELD = "coachee"

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="coaching_as_coach",
        verbose_name=_("coach"),
    )
    coachee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="coaching_as_coachee",
        verbose_name=_("coachee"),
    )
    sponsor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coaching_as_sponsor",
        verbose_name=_("sponsor"),
    )
    session_count = models.PositiveSmallIntegerField(
        default=6,
        validators=range_validators(bounds.ENGAGEMENT["session_count"]),
        verbose_name=_("session count"),
    )
    session_cadence_days = models.PositiveSmallIntegerField(
        default=14,
        validators=range_validators(bounds.ENGAGEMENT["session_cadence_days"]),
        verbose_name=_("session cadence days"),
    )
    starts_on = models.DateField(null=True, blank=True, verbose_name=_("starts on"))
    ends_on = models.DateField(null=True, blank=True, verbose_name=_("ends on"))

    class Meta:
        verbose_name = _("coaching engagement")
        verbose_name_plural = _("coaching engagements")
        ordering = ["-created_at"]
        constraints = [
            *relationship_constraints("coaching", "coach", "coachee"),
            models.CheckConstraint(
                condition=Q(sponsor__isnull=True)
                | (~Q(sponsor=F("coachee")) & ~Q(sponsor=F("coach"))),
                name="coaching_sponsor_is_third_party",
            ),
            *range_constraints("coaching", bounds.ENGAGEMENT),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gt=F("starts_on")),
                name="coaching_contract_dates_in_order",
            ),
        ]
        indexes = [
            models.Index(fields=["program", "status"]),
            # The managers' CSV export streams each program in this order.
            models.Index(fields=["program", "created_at"]),
            # The console's stage counts group each side's relationships per person
            # from these alone, in order, and merge them with the participations.
            models.Index(
                fields=["program", "coachee"], include=["status"], name="coaching_coachee_side"
            ),
            models.Index(
                fields=["program", "coach"], include=["status"], name="coaching_coach_side"
            ),
        ]

    def refresh_from_db(self, *args: Any, **kwargs: Any) -> None:
        # Forget who signed what (selectors._signed_parties): it may have changed too.
        self.__dict__.pop("_signed_parties", None)
        super().refresh_from_db(*args, **kwargs)

    def start_blocker(self) -> str | None:
        from ithaca.coaching.selectors import governing_agreement

        if governing_agreement(self) is not None:
            return None
        return gettext("Every party must sign the coaching agreement before it starts.")

    def __str__(self) -> str:
        return gettext("%(coach)s coaching %(coachee)s") % {
            "coach": self.coach,
            "coachee": self.coachee,
        }
