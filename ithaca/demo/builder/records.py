"""Plain rows the builder produces and the loader writes.

People are referred to by their index in `DemoOrganization.people`, programs
and departments by slug, so the whole organization can be built, compared and
tested without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

# Roles and statuses as plain strings: they match Participation.Role and
# lifecycle.Status, which the loader tests against so the two cannot drift.
SEEKER, MENTOR, COACH, SPONSOR = "seeker", "mentor", "coach", "sponsor"
PENDING, ACTIVE, DECLINED, LEFT = "pending", "active", "declined", "left"
PROPOSED, PAUSED, CONCLUDED, WITHDRAWN = "proposed", "paused", "concluded", "withdrawn"
OPEN = frozenset({PROPOSED, ACTIVE, PAUSED})
STATUSES = (PROPOSED, ACTIVE, PAUSED, CONCLUDED, DECLINED, WITHDRAWN)


@dataclass(slots=True)
class DepartmentRow:
    """A department; `parent` is the slug of the department above it."""

    slug: str
    name: str
    parent: str | None
    family: str
    depth: int


@dataclass(slots=True)
class CareerRow:
    """One role in a person's career history, oldest first."""

    role: str
    organization: str
    started_on: date
    ended_on: date | None


@dataclass(slots=True)
class PersonRow:
    """A user with their profile, career and place in the organization.

    External coaches have no department and no line manager: they are
    contracted, not employed.
    """

    email: str
    first_name: str
    last_name: str
    job_title: str
    department: str | None
    grade: int
    years_experience: int
    joined_at: datetime  # when the account was created
    location: str = ""
    time_zone: str = "UTC"
    languages: list[str] = field(default_factory=list)
    bio: str = ""
    expertise: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    disclosed_identities: list[str] = field(default_factory=list)
    line_manager: int | None = None
    assessors: list[int] = field(default_factory=list)
    started_on: date | None = None
    career: list[CareerRow] = field(default_factory=list)
    is_staff: bool = False
    is_superuser: bool = False


@dataclass(slots=True)
class ProgramRow:
    """A program and its contract defaults."""

    slug: str
    name: str
    kind: str
    mode: str
    description: str
    opened_at: datetime
    requires_training: bool = False
    session_count: int = 6
    session_cadence_days: int = 14
    managers: list[int] = field(default_factory=list)


@dataclass(slots=True)
class ParticipationRow:
    """A person's role in a program."""

    program: str
    person: int
    role: str
    state: str
    joined_at: datetime
    capacity: int | None = None
    training_completed_at: datetime | None = None
    coach_type: str = ""
    modalities: list[str] = field(default_factory=list)
    accreditation: str = ""
    hourly_rate: Decimal | None = None
    application_note: str = ""


@dataclass(slots=True)
class RelationshipRow:
    """A mentoring relationship or a coaching engagement, with its history.

    `helper` is the mentor or coach, `seeker` the mentee or coachee; the
    contract fields (sponsor, sessions, dates) are used by coaching only.
    """

    program: str
    helper: int
    seeker: int
    status: str
    created_at: datetime
    updated_at: datetime
    proposed_by: int | None = None
    helper_accepted_at: datetime | None = None
    seeker_accepted_at: datetime | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    status_reason: str = ""
    sponsor: int | None = None
    session_count: int = 6
    session_cadence_days: int = 14
    starts_on: date | None = None
    ends_on: date | None = None


@dataclass(slots=True)
class Login:
    """A well-known demo account and what it shows."""

    email: str
    person: int
    shows: str


@dataclass(slots=True)
class DemoOrganization:
    """Everything the loader writes, in the order it writes it."""

    name: str
    seed: int
    departments: list[DepartmentRow]
    people: list[PersonRow]
    programs: list[ProgramRow]
    participations: list[ParticipationRow]
    mentoring: list[RelationshipRow]
    coaching: list[RelationshipRow]
    logins: list[Login]

    @property
    def employees(self) -> int:
        return sum(1 for person in self.people if person.department is not None)
