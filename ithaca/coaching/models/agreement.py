"""The coaching agreement: versioned terms and the parties' signatures."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.coaching import rules
from ithaca.coaching.models.engagement import CoachingEngagement
from ithaca.programs import bounds
from ithaca.programs.models import range_constraints, range_validators

SIGNING_PARTIES = (
    (rules.COACH, _("Coach")),
    (rules.COACHEE, _("Coachee")),
    (rules.SPONSOR, _("Sponsor")),
)


class AgreementVersion(models.Model):
    """One version of an engagement's contract. Versions are never edited: a change is
    a new version (number + 1) that every party signs again.

    `signed_at` is set when the last required signature lands. The governing
    version is the highest-numbered signed one; a newer unsigned version governs
    nothing until it is signed, and earlier versions stay readable.
    """

    engagement = models.ForeignKey(
        CoachingEngagement,
        on_delete=models.CASCADE,
        related_name="agreement_versions",
        verbose_name=_("engagement"),
    )
    number = models.PositiveSmallIntegerField(verbose_name=_("number"))
    scope = models.TextField(max_length=4000, verbose_name=_("scope"))
    objectives = models.TextField(max_length=4000, verbose_name=_("objectives"))
    session_count = models.PositiveSmallIntegerField(
        validators=range_validators(bounds.AGREEMENT["session_count"]),
        verbose_name=_("session count"),
    )
    session_cadence_days = models.PositiveSmallIntegerField(
        validators=range_validators(bounds.AGREEMENT["session_cadence_days"]),
        verbose_name=_("session cadence days"),
    )
    session_length_minutes = models.PositiveSmallIntegerField(
        validators=range_validators(bounds.AGREEMENT["session_length_minutes"]),
        verbose_name=_("session length minutes"),
    )
    starts_on = models.DateField(verbose_name=_("starts on"))
    ends_on = models.DateField(verbose_name=_("ends on"))
    sponsor_sees = models.CharField(
        max_length=32,
        choices=rules.SPONSOR_TERMS,
        default=rules.SHARE_ATTENDANCE,
        verbose_name=_("sponsor sees"),
    )
    cancellation_notice_hours = models.PositiveSmallIntegerField(
        default=24,
        validators=range_validators(bounds.AGREEMENT["cancellation_notice_hours"]),
        help_text=_("A session cancelled with less notice than this counts as used."),
        verbose_name=_("cancellation notice hours"),
    )
    cancellation_terms = models.TextField(
        blank=True, max_length=2000, verbose_name=_("cancellation terms")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("created at"))
    signed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("signed at"))

    class Meta:
        verbose_name = _("coaching agreement version")
        verbose_name_plural = _("coaching agreement versions")
        ordering = ["engagement", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "number"], name="coaching_agreement_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="coaching_agreement_number_positive"
            ),
            *range_constraints("coaching_agreement", bounds.AGREEMENT),
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")), name="coaching_agreement_dates_in_order"
            ),
            models.CheckConstraint(
                condition=Q(sponsor_sees__in=[value for value, _ in rules.SPONSOR_TERMS]),
                name="coaching_agreement_sponsor_terms_known",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Agreement v%(number)s for %(engagement)s") % {
            "number": self.number,
            "engagement": self.engagement,
        }

    @property
    def minutes_agreed(self) -> int:
        return self.session_count * self.session_length_minutes


class AgreementSignature(models.Model):
    """One party's recorded acceptance of one agreement version, with its time."""

    version = models.ForeignKey(
        AgreementVersion,
        on_delete=models.CASCADE,
        related_name="signatures",
        verbose_name=_("version"),
    )
    party = models.CharField(max_length=16, choices=SIGNING_PARTIES, verbose_name=_("party"))
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signer"),
    )
    signed_at = models.DateTimeField(default=timezone.now, verbose_name=_("signed at"))

    class Meta:
        verbose_name = _("agreement signature")
        verbose_name_plural = _("agreement signatures")
        ordering = ["signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "party"], name="coaching_one_signature_per_party"
            ),
            models.UniqueConstraint(
                fields=["version", "signer"], name="coaching_one_signature_per_person"
            ),
            models.CheckConstraint(
                condition=Q(party__in=[value for value, _ in SIGNING_PARTIES]),
                name="coaching_signature_party_known",
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(party)s signed version %(number)s") % {
            "party": self.get_party_display(),
            "number": self.version.number,
        }
