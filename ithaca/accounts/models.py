"""People: accounts, profiles, career histories and the organization's departments."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from ithaca.core.models import TimeStampedModel


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password) if password else user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


# The address of an erased person is erased-<id>@invalid (a domain that never exists).
ERASED_DOMAIN = "invalid"


class User(AbstractUser):
    """An account. People sign in with their e-mail address; there is no username."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["first_name", "last_name", "email"]
        indexes = [
            # People lists sort by name and show one page: at 100,000 people the index
            # finds a program's first 25 participants (console, directory) without
            # sorting every member (50 ms -> 9 ms on PostgreSQL).
            models.Index(fields=["first_name", "last_name", "email"], name="user_name_order"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.email

    @staticmethod
    def display_name_of(pk: Any, first_name: str, last_name: str, email: str) -> str:
        """`display_name` from the four columns it reads, for lists built from `.values()`."""
        if email == f"erased-{pk}@{ERASED_DOMAIN}":
            return gettext("Erased person")
        return f"{first_name} {last_name}".strip() or email

    @property
    def is_erased(self) -> bool:
        """Erased (ithaca.privacy.erasure): their address is the erasure marker."""
        return self.email == f"erased-{self.pk}@{ERASED_DOMAIN}"

    def get_full_name(self) -> str:
        # The name stored at erasure is English; it is shown in the reader's language.
        if self.is_erased:
            return gettext("Erased person")
        return super().get_full_name()

    def get_short_name(self) -> str:
        if self.is_erased:
            return pgettext("short name of an erased person", "Erased")
        return super().get_short_name()


class Department(models.Model):
    """A unit of the organization; departments form a tree through `parent`."""

    name = models.CharField(max_length=120, verbose_name=_("name"))
    slug = models.SlugField(max_length=120, unique=True, verbose_name=_("slug"))
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("id")), name="department_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name


class Profile(TimeStampedModel):
    """What the organization knows about a person, used for matching and reports.

    `line_manager` and `assessors` encode who has power over the person's work
    and assessment: the matching rules keep them from being the person's mentor.
    """

    class Welcome(models.TextChoices):
        """Where the person is in the welcome wizard (empty: it was never offered)."""

        NOT_OFFERED = "", _("Not offered")
        PENDING = "pending", _("Not finished")
        SKIPPED = "skipped", _("Skipped")
        DONE = "done", _("Done")

    user = models.OneToOneField(
        User, primary_key=True, on_delete=models.CASCADE, verbose_name=_("user")
    )
    preferred_name = models.CharField(
        max_length=80,
        blank=True,
        help_text=_("The name people call you by."),
        verbose_name=_("preferred name"),
    )
    pronouns = models.CharField(max_length=40, blank=True, verbose_name=_("pronouns"))
    photo = models.FileField(
        upload_to="photos/",
        blank=True,
        help_text=_("A square JPEG made by Ithaca from the upload; read through the photo view."),
        verbose_name=_("photo"),
    )
    welcome = models.CharField(
        max_length=16,
        choices=Welcome.choices,
        default=Welcome.NOT_OFFERED,
        blank=True,
        verbose_name=_("welcome"),
    )
    welcome_step = models.CharField(
        max_length=16,
        blank=True,
        help_text=_("The wizard step to resume at."),
        verbose_name=_("welcome step"),
    )
    job_title = models.CharField(max_length=160, blank=True, verbose_name=_("job title"))
    department = models.ForeignKey(
        Department,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        verbose_name=_("department"),
    )
    grade = models.PositiveSmallIntegerField(
        default=3,
        help_text=_("Seniority from 1 (entry level) to 10 (executive)."),
        verbose_name=_("grade"),
    )
    years_experience = models.PositiveSmallIntegerField(
        default=0, verbose_name=_("years experience")
    )
    location = models.CharField(max_length=120, blank=True, verbose_name=_("location"))
    time_zone = models.CharField(max_length=64, default="UTC", verbose_name=_("time zone"))
    languages = models.JSONField(
        default=list,
        blank=True,
        help_text=_("Language codes, e.g. en, fr."),
        verbose_name=_("languages"),
    )
    interface_language = models.CharField(
        max_length=8,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("The language Ithaca speaks to the person; empty: their browser's."),
        verbose_name=_("interface language"),
    )
    bio = models.TextField(blank=True, max_length=2000, verbose_name=_("bio"))
    expertise = models.JSONField(default=list, blank=True, verbose_name=_("expertise"))
    interests = models.JSONField(default=list, blank=True, verbose_name=_("interests"))
    disclosed_identities = models.JSONField(
        default=list,
        blank=True,
        help_text=_("Identities the person chose to share, for diversity mentoring only."),
        verbose_name=_("disclosed identities"),
    )
    line_manager = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="direct_reports",
        verbose_name=_("line manager"),
    )
    assessors = models.ManyToManyField(
        User,
        blank=True,
        related_name="assessees",
        help_text=_("Supervisors and examiners who assess this person's work."),
        verbose_name=_("assessors"),
    )
    started_on = models.DateField(null=True, blank=True, verbose_name=_("started on"))
    left_on = models.DateField(null=True, blank=True, verbose_name=_("left on"))

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        indexes = [
            # The matching pool cache asks for the latest profile change on every
            # candidate page.
            models.Index(fields=["updated_at"], name="profile_updated_at"),
            # Few people have a leaving date, and the dashboards ask whether anyone has
            # one: without this index that question read all 100,000 profiles when no
            # one had (34 ms). It also finds the people who left during a period.
            models.Index(
                fields=["left_on"], condition=Q(left_on__isnull=False), name="profile_left_on"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(line_manager=F("user")), name="profile_not_own_manager"
            ),
            models.CheckConstraint(
                condition=Q(grade__gte=1, grade__lte=10), name="profile_grade_1_to_10"
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(left_on__gte=F("started_on")),
                name="profile_left_after_start",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Profile of %(person)s") % {"person": self.user}

    @property
    def name(self) -> str:
        """What others call the person: their preferred name, else their full name."""
        return self.preferred_name or self.user.display_name


class CareerEntry(models.Model):
    """A role the person has held: the paths they have walked."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="career", verbose_name=_("user")
    )
    role = models.CharField(max_length=160, verbose_name=_("role"))
    organization = models.CharField(max_length=160, blank=True, verbose_name=_("organization"))
    started_on = models.DateField(verbose_name=_("started on"))
    ended_on = models.DateField(
        null=True, blank=True, help_text=_("Empty while current."), verbose_name=_("ended on")
    )
    position = models.PositiveSmallIntegerField(
        default=0,
        help_text=_("Order the person chose; 0 first. Ties: the latest first."),
        verbose_name=_("position"),
    )

    class Meta:
        verbose_name = _("career entry")
        verbose_name_plural = _("career entries")
        ordering = ["position", "-started_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="career_entry_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        if not self.organization:
            return self.role
        return gettext("%(role)s at %(organization)s") % {
            "role": self.role,
            "organization": self.organization,
        }


class PeopleImport(TimeStampedModel):
    """One upload of people from an HR export: its text, its dry run and its real run.

    The uploaded text is kept in the row so a background worker can check and
    apply it, and so the real run checks exactly what the dry run showed.
    `report` holds the counts and the first problems and changes (see
    ithaca/accounts/importing/plan.py); progress fields feed the progress bar.
    """

    class Kind(models.TextChoices):
        CSV = "csv", _("CSV")
        XLSX = "xlsx", _("XLSX")

    class Step(models.TextChoices):
        CHECK = "check", _("Dry run")
        APPLY = "apply", _("Import")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        VALIDATED = "validated", _("Checked")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    created_by = models.ForeignKey(
        User,
        null=True,
        on_delete=models.SET_NULL,
        related_name="people_imports",
        verbose_name=_("created by"),
    )
    filename = models.CharField(max_length=255, verbose_name=_("filename"))
    kind = models.CharField(
        max_length=8, choices=Kind.choices, default=Kind.CSV, verbose_name=_("kind")
    )
    content = models.TextField(
        help_text=_("The uploaded file as text (XLSX converted to CSV)."), verbose_name=_("content")
    )
    step = models.CharField(
        max_length=8, choices=Step.choices, default=Step.CHECK, verbose_name=_("step")
    )
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.QUEUED, verbose_name=_("status")
    )
    total_rows = models.PositiveIntegerField(default=0, verbose_name=_("total rows"))
    processed_rows = models.PositiveIntegerField(default=0, verbose_name=_("processed rows"))
    phase = models.CharField(max_length=120, blank=True, verbose_name=_("phase"))
    report = models.JSONField(default=dict, blank=True, verbose_name=_("report"))
    started_at = models.DateTimeField(null=True, blank=True, verbose_name=_("started at"))
    finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("finished at"))

    class Meta:
        verbose_name = _("people import")
        verbose_name_plural = _("people imports")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(processed_rows__lte=F("total_rows")),
                name="people_import_progress_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display().lower()})"

    @property
    def is_busy(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 0
        return min(100, round(self.processed_rows * 100 / self.total_rows))

    @property
    def can_run(self) -> bool:
        """Checked, without a problem, and not yet imported."""
        report = self.report or {}
        return (
            self.status == self.Status.VALIDATED
            and report.get("problem_count", 1) == 0
            and report.get("total_rows", 0) > 0
        )


class ApiToken(models.Model):
    """A key to the API, issued to one person. Only a hash of the key is stored.

    The key is shown once, when it is issued. A token stops working when it is
    revoked, when it expires (API_TOKEN_DAYS), or when its owner's password or
    two-factor authenticators change: `credential_stamp` records them as they
    were at issue (see accounts/tokens.py). `mfa_verified` says whether a second
    factor was given when it was issued; a program that requires MFA accepts
    only such tokens.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(max_length=100, blank=True, verbose_name=_("name"))
    key_hash = models.CharField(max_length=64, unique=True, verbose_name=_("key hash"))
    prefix = models.CharField(
        max_length=12,
        help_text=_("The key's first characters, to tell it."),
        verbose_name=_("prefix"),
    )
    credential_stamp = models.CharField(max_length=64, verbose_name=_("credential stamp"))
    mfa_verified = models.BooleanField(default=False, verbose_name=_("mfa verified"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("created at"))
    expires_at = models.DateTimeField(verbose_name=_("expires at"))
    last_used_at = models.DateTimeField(null=True, blank=True, verbose_name=_("last used at"))
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("revoked at"))

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")),
                name="api_token_expires_after_creation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"
