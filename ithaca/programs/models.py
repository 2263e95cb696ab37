"""Programs, people's roles in them, and the base of every helping relationship."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.core.models import TimeStampedModel
from ithaca.core.nouns import in_sentence
from ithaca.programs import bounds
from ithaca.programs.lifecycle import OPEN_STATUSES, Status
from ithaca.programs.modes import ALL_MODES, COACHING, KINDS, MENTORING, MODES_BY_KIND
from ithaca.programs.reasons import flag_reasons_text, reason_text


def shown_choices(pairs: tuple[tuple[str, str], ...]) -> list[tuple[str, Any]]:
    """Choices whose labels are read in the active language."""
    return [(slug, _(label)) for slug, label in pairs]


def range_validators(field_bounds: bounds.Bounds) -> list[Any]:
    """Validators for a field that holds a bounded setting (forms, serializers, admin)."""
    return [
        MinValueValidator(field_bounds.low, message=field_bounds.message()),
        MaxValueValidator(field_bounds.high, message=field_bounds.message()),
    ]


def range_constraints(prefix: str, table: dict[str, bounds.Bounds]) -> list[Any]:
    """One check constraint per bounded field, named `<prefix>_<field>_in_range`."""
    return [
        models.CheckConstraint(
            condition=Q(**{f"{field}__isnull": True})
            | Q(**{f"{field}__gte": b.low, f"{field}__lte": b.high}),
            name=f"{prefix}_{field}_in_range",
        )
        for field, b in table.items()
    ]


class Program(TimeStampedModel):
    """A mentoring or a coaching program with its mode, rules and managers."""

    name = models.CharField(max_length=160, verbose_name=_("name"))
    slug = models.SlugField(max_length=80, unique=True, verbose_name=_("slug"))
    kind = models.CharField(max_length=16, choices=shown_choices(KINDS), verbose_name=_("kind"))
    mode = models.CharField(max_length=32, choices=shown_choices(ALL_MODES), verbose_name=_("mode"))
    description = models.TextField(_("description"), blank=True)
    enrolment_open = models.BooleanField(default=True, verbose_name=_("enrolment open"))
    enrolment_questions = models.JSONField(
        default=list,
        blank=True,
        help_text=_("Questions every applicant answers (a list of short texts)."),
        verbose_name=_("enrolment questions"),
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="managed_programs",
        verbose_name=_("managers"),
    )
    requires_training = models.BooleanField(
        default=False,
        help_text=_("Mentors must complete mentor training before being matched."),
        verbose_name=_("requires training"),
    )
    requires_mfa = models.BooleanField(
        _("requires MFA"),
        default=False,
        help_text=_("Managers and coaches must use two-factor authentication for its pages."),
    )
    # Mentoring: relationships are reviewed (continue or conclude) after this many days.
    review_period_days = models.PositiveIntegerField(
        default=182,
        validators=range_validators(bounds.PROGRAM["review_period_days"]),
        verbose_name=_("review period days"),
    )
    # Coaching: the default contract offered for a new engagement.
    session_count = models.PositiveSmallIntegerField(
        default=6,
        validators=range_validators(bounds.PROGRAM["session_count"]),
        verbose_name=_("session count"),
    )
    session_cadence_days = models.PositiveSmallIntegerField(
        default=14,
        validators=range_validators(bounds.PROGRAM["session_cadence_days"]),
        verbose_name=_("session cadence days"),
    )
    session_length_minutes = models.PositiveSmallIntegerField(
        default=60,
        validators=range_validators(bounds.PROGRAM["session_length_minutes"]),
        verbose_name=_("session length minutes"),
    )
    nudge_after_days = models.PositiveSmallIntegerField(
        default=30,
        help_text=_("Nudge both people after this many days without contact."),
        validators=range_validators(bounds.PROGRAM["nudge_after_days"]),
        verbose_name=_("nudge after days"),
    )
    request_expiry_days = models.PositiveSmallIntegerField(
        default=14,
        validators=range_validators(bounds.PROGRAM["request_expiry_days"]),
        verbose_name=_("request expiry days"),
    )
    independence_depth = models.PositiveSmallIntegerField(
        default=3,
        help_text=_("How many levels of the seeker's management chain may not mentor them."),
        validators=range_validators(bounds.PROGRAM["independence_depth"]),
        verbose_name=_("independence depth"),
    )
    max_capacity = models.PositiveSmallIntegerField(
        default=10,
        help_text=_("The most people one mentor or coach may take on at once."),
        verbose_name=_("max capacity"),
    )

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=MENTORING, mode__in=sorted(MODES_BY_KIND[MENTORING]))
                | Q(kind=COACHING, mode__in=sorted(MODES_BY_KIND[COACHING])),
                name="program_mode_matches_kind",
            ),
            *range_constraints("program", bounds.PROGRAM),
            models.CheckConstraint(
                condition=Q(max_capacity__gte=1), name="program_max_capacity_positive"
            ),
            # Every page links to a program by its address: never an empty one.
            models.CheckConstraint(condition=~Q(slug=""), name="program_slug_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_mentoring(self) -> bool:
        return self.kind == MENTORING

    @property
    def is_coaching(self) -> bool:
        return self.kind == COACHING


class Participation(TimeStampedModel):
    """A person's role in a program: seeker, mentor, coach or sponsor.

    One person may hold different roles in different programs, and even
    several roles in one (a mentor who is also mentored), but never both sides
    of the same relationship.
    """

    class Role(models.TextChoices):
        SEEKER = "seeker", _("Seeker")
        MENTOR = "mentor", _("Mentor")
        COACH = "coach", _("Coach")
        SPONSOR = "sponsor", _("Sponsor")

    class State(models.TextChoices):
        PENDING = "pending", _("Applied, awaiting approval")
        ACTIVE = "active", _("Active")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left the program")

    class CoachType(models.TextChoices):
        INTERNAL = "internal", _("Internal")
        EXTERNAL = "external", _("External")

    HELPER_ROLES: ClassVar[tuple[str, ...]] = (Role.MENTOR, Role.COACH)

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="participations", verbose_name=_("program")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("user"),
    )
    role = models.CharField(max_length=16, choices=Role.choices, verbose_name=_("role"))
    state = models.CharField(
        max_length=16, choices=State.choices, default=State.ACTIVE, verbose_name=_("state")
    )
    capacity = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_("Mentors and coaches: how many people at once."),
        validators=range_validators(bounds.CAPACITY),
        verbose_name=_("capacity"),
    )
    accepting = models.BooleanField(
        default=True,
        help_text=_("Mentors and coaches: open to new people in this program."),
        verbose_name=_("accepting"),
    )
    paused_until = models.DateField(
        null=True,
        blank=True,
        help_text=_("Mentors and coaches: no new people before this date."),
        verbose_name=_("paused until"),
    )
    training_completed_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("training completed at")
    )
    coach_type = models.CharField(
        max_length=16, choices=CoachType.choices, blank=True, verbose_name=_("coach type")
    )
    modalities = models.JSONField(default=list, blank=True, verbose_name=_("modalities"))
    accreditation = models.CharField(max_length=160, blank=True, verbose_name=_("accreditation"))
    hourly_rate = models.DecimalField(
        max_digits=8, decimal_places=2, null=True, blank=True, verbose_name=_("hourly rate")
    )
    application_note = models.TextField(
        blank=True, max_length=2000, verbose_name=_("application note")
    )
    application_answers = models.JSONField(
        default=list,
        blank=True,
        help_text=_("The program's questions with the applicant's answers."),
        verbose_name=_("application answers"),
    )

    class Meta:
        verbose_name = _("role in a program")
        verbose_name_plural = _("roles in programs")
        ordering = ["program", "role", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "user", "role"], name="participation_one_role_per_program"
            ),
            models.CheckConstraint(
                condition=~Q(role__in=["mentor", "coach"])
                | Q(capacity__isnull=False, capacity__gte=1),
                name="participation_helper_has_capacity",
            ),
            *range_constraints("participation", {"capacity": bounds.CAPACITY}),
            models.CheckConstraint(
                condition=Q(hourly_rate__isnull=True)
                | Q(role="coach", coach_type="external", hourly_rate__gte=0),
                name="participation_rate_only_for_external_coach",
            ),
        ]
        indexes = [
            models.Index(fields=["program", "role", "state"]),
            # The console lists a program's applications oldest first, 10 at a time:
            # with this index PostgreSQL reads those 10 instead of sorting every
            # pending application joined with the whole users table (23 ms -> 1 ms
            # at 100,000 people).
            models.Index(fields=["program", "state", "created_at"], name="participation_state_age"),
            # The console's stage counts read a program's participations in person
            # order from this index alone, to merge them with each person's
            # relationships (with the relationships' "side" indexes: 49 -> 34 ms
            # for 20,000 participations under load).
            models.Index(
                fields=["program", "user"], include=["role", "state"], name="participation_person"
            ),
            # The matching pool cache asks on every candidates or offers request how
            # many participations a program has and when one last changed: read from
            # this index alone (8.8 -> 1.8 ms for 20,000 participations).
            models.Index(fields=["program", "updated_at"], name="participation_changed"),
        ]

    def __str__(self) -> str:
        return gettext("%(person)s as %(role)s in %(program)s") % {
            "person": self.user,
            "role": in_sentence(self.get_role_display()),
            "program": self.program,
        }

    @property
    def application_note_text(self) -> str:
        """The application note, in the active language when Ithaca wrote it."""
        return reason_text(self.application_note)

    def is_taking_new_people(self, today: dt.date) -> bool:
        """A helper who said yes to new people and is not paused on `today`."""
        return self.accepting and (self.paused_until is None or self.paused_until <= today)


# Each status's label (lazy: translated when shown).
_STATUS_LABELS = dict(Status.choices)


class HelpingRelationship(TimeStampedModel):
    """Fields and rules shared by mentoring relationships and coaching engagements.

    Subclasses name their two people (mentor/mentee, coach/coachee) and set
    HELPER_FIELD and SEEKER_FIELD so shared services can treat them alike.
    """

    HELPER_FIELD: ClassVar[str]
    SEEKER_FIELD: ClassVar[str]

    program = models.ForeignKey(
        Program, on_delete=models.PROTECT, related_name="+", verbose_name=_("program")
    )
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PROPOSED, verbose_name=_("status")
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    helper_accepted_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("helper accepted at")
    )
    seeker_accepted_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("seeker accepted at")
    )
    started_at = models.DateTimeField(null=True, blank=True, verbose_name=_("started at"))
    ended_at = models.DateTimeField(null=True, blank=True, verbose_name=_("ended at"))
    status_reason = models.TextField(blank=True, max_length=2000, verbose_name=_("status reason"))

    class Meta:
        abstract = True

    @property
    def status_label(self) -> str:
        """`get_status_display()`, in the active language: Django's rebuilds the choices
        (hashing each lazy label, so translating all six) on every call, 20 µs a card."""
        return str(_STATUS_LABELS.get(self.status, self.status))

    @property
    def status_reason_text(self) -> str:
        """Why it moved, in the active language when Ithaca wrote it; else as written."""
        return reason_text(self.status_reason)

    @property
    def helper_id_value(self) -> int:
        return int(getattr(self, f"{self.HELPER_FIELD}_id"))

    @property
    def seeker_id_value(self) -> int:
        return int(getattr(self, f"{self.SEEKER_FIELD}_id"))

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def start_blocker(self) -> str | None:
        """Why it cannot start although both people accepted (None: it can).

        Coaching overrides this: an engagement also waits for every party to
        sign its agreement.
        """
        return None


def relationship_constraints(prefix: str, helper: str, seeker: str) -> list[models.BaseConstraint]:
    """Database rules every helping relationship table carries."""
    return [
        models.CheckConstraint(condition=~Q(**{helper: F(seeker)}), name=f"{prefix}_two_people"),
        models.UniqueConstraint(
            fields=["program", helper, seeker],
            condition=Q(status__in=[str(s) for s in OPEN_STATUSES]),
            name=f"{prefix}_one_open_per_pair",
        ),
        models.CheckConstraint(
            condition=~Q(status__in=["active", "paused", "concluded"])
            | (Q(helper_accepted_at__isnull=False) & Q(seeker_accepted_at__isnull=False)),
            name=f"{prefix}_started_only_when_both_accepted",
        ),
        models.CheckConstraint(
            condition=Q(ended_at__isnull=True)
            | Q(started_at__isnull=True)
            | Q(ended_at__gte=F("started_at")),
            name=f"{prefix}_dates_in_order",
        ),
    ]


class PersonBlock(TimeStampedModel):
    """Someone a person must never be matched with: an opt-out or a declared conflict.

    Applies in every program and in both directions: neither person is proposed
    to the other as mentor or coach.
    """

    class Kind(models.TextChoices):
        OPT_OUT = "opt_out", _("Opted out")
        CONFLICT = "conflict", _("Conflict of interest")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="blocks_made",
        verbose_name=_("person"),
    )
    other = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="blocks_received",
        verbose_name=_("other"),
    )
    kind = models.CharField(
        max_length=16, choices=Kind.choices, default=Kind.OPT_OUT, verbose_name=_("kind")
    )
    reason = models.CharField(max_length=300, blank=True, verbose_name=_("reason"))

    class Meta:
        verbose_name = _("person never to match")
        verbose_name_plural = _("people never to match")
        constraints = [
            models.UniqueConstraint(fields=["person", "other", "kind"], name="person_block_once"),
            models.CheckConstraint(condition=~Q(person=F("other")), name="person_block_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.person} / {self.other}: {self.get_kind_display()}"


class PairExclusion(TimeStampedModel):
    """A pair that must not be proposed again in a program, e.g. after a fit check."""

    class Reason(models.TextChoices):
        FIT_CHECK = "fit_check", _("A re-match was asked for")
        MANAGER = "manager", _("Excluded by a program manager")

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="exclusions", verbose_name=_("program")
    )
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("helper"),
    )
    seeker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("seeker"),
    )
    reason = models.CharField(max_length=16, choices=Reason.choices, verbose_name=_("reason"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    note = models.TextField(blank=True, max_length=2000, verbose_name=_("note"))

    class Meta:
        verbose_name = _("excluded pair")
        verbose_name_plural = _("excluded pairs")
        constraints = [
            models.UniqueConstraint(
                fields=["program", "helper", "seeker"], name="pair_exclusion_once"
            ),
            models.CheckConstraint(
                condition=~Q(helper=F("seeker")), name="pair_exclusion_two_people"
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(helper)s and %(seeker)s excluded in %(program)s") % {
            "helper": self.helper,
            "seeker": self.seeker,
            "program": self.program,
        }


class IndependenceFlag(TimeStampedModel):
    """A running relationship whose helper is no longer independent of the seeker.

    Raised when a change made after the start (a people import, an edited
    profile) makes the mentor the mentee's line manager, assessor or above them
    in the chain. The program's managers and both people are told; they decide:
    either person may conclude, or a manager records that it continues.
    At most one flag per relationship.
    """

    kind = models.CharField(max_length=16, choices=shown_choices(KINDS), verbose_name=_("kind"))
    relationship_id = models.PositiveIntegerField(verbose_name=_("relationship id"))
    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="+", verbose_name=_("program")
    )
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("helper"),
    )
    seeker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("seeker"),
    )
    reasons = models.TextField(max_length=2000, verbose_name=_("reasons"))
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("decided at"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        verbose_name = _("independence flag")
        verbose_name_plural = _("independence flags")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "relationship_id"], name="independence_flag_once"
            ),
            models.CheckConstraint(
                condition=~Q(helper=F("seeker")), name="independence_flag_two_people"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.helper} / {self.seeker}: {self.reasons_text[:60]}"

    @property
    def reasons_text(self) -> str:
        """Why the pair is no longer independent, in the active language (older: as stored)."""
        return flag_reasons_text(self.reasons)
