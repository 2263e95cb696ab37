"""Write a built demo organization to the database: one transaction, bulk inserts.

The demo is seed data, not a user's action, so it bypasses the per-row
services (which would take hours at 100,000 people) and writes rows in
batches. The builder has already enforced the rules the services check; the
database constraints catch anything it missed, and then nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any, TypeVar

from allauth.account.models import EmailAddress
from django.db import models, transaction

from ithaca.accounts.models import CareerEntry, Department, Profile, User
from ithaca.coaching.models import CoachingEngagement
from ithaca.demo.builder.records import DemoOrganization, PersonRow, RelationshipRow
from ithaca.demo.builder.vocabulary import EMAIL_DOMAIN
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.models import Participation, Program

BATCH_SIZE = 2000
Progress = Callable[[str, int, int], None]
M = TypeVar("M", bound=models.Model)
TIMESTAMPED: tuple[type[models.Model], ...] = (
    Profile,
    Program,
    Participation,
    MentoringRelationship,
    CoachingEngagement,
)


def load_organization(
    org: DemoOrganization, *, password_hash: str, progress: Progress | None = None
) -> None:
    """Insert everything in `org`, all or nothing.

    Every account gets `password_hash`, hashed once by the caller: hashing
    100,000 passwords with argon2 would take longer than the whole load.
    """
    writer = _Writer(org, progress or (lambda label, done, total: None))
    with transaction.atomic(), explicit_timestamps(*TIMESTAMPED):
        writer.departments()
        writer.users(password_hash)
        writer.email_addresses()
        writer.profiles()
        writer.careers()
        writer.programs()
        writer.participations()
        writer.relationships()


@contextmanager
def explicit_timestamps(*model_classes: type[models.Model]) -> Iterator[None]:
    """Let bulk_create keep the created_at/updated_at values we set.

    auto_now and auto_now_add overwrite them with the current time, which
    would make eighteen months of history look as if it all happened today
    (and every "time to match" report zero). The flags are restored on exit.
    """
    fields = [
        field
        for model in model_classes
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    try:
        for field in fields:
            field.auto_now = field.auto_now_add = False
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


class _Writer:
    """Turns builder rows into model instances, batch by batch, keeping new ids."""

    def __init__(self, org: DemoOrganization, progress: Progress) -> None:
        self.org, self.progress = org, progress
        self.department_ids: dict[str, int] = {}
        self.user_ids: list[int] = []
        self.program_ids: dict[str, int] = {}

    def insert(self, model: type[M], rows: Iterable[M], total: int, label: str) -> list[Any]:
        """bulk_create in batches, building each batch only when it is due.

        Returns the new primary keys (None where the database cannot return them).
        """
        ids: list[Any] = []
        iterator = iter(rows)
        while batch := list(islice(iterator, BATCH_SIZE)):
            saved = model._default_manager.bulk_create(batch, batch_size=BATCH_SIZE)
            ids.extend(obj.pk for obj in saved)
            self.progress(label, len(ids), total)
        return ids

    def departments(self) -> None:
        # Parents come before children, so each parent's id is known in time.
        for row in self.org.departments:
            parent = self.department_ids.get(row.parent) if row.parent else None
            department = Department.objects.create(name=row.name, slug=row.slug, parent_id=parent)
            self.department_ids[row.slug] = department.pk

    def users(self, password_hash: str) -> None:
        people = self.org.people
        users = (_user(person, password_hash) for person in people)
        self.user_ids = self.insert(User, users, len(people), "people")
        if None in self.user_ids:
            # PostgreSQL and SQLite 3.35+ return ids from a bulk insert; for
            # anything older, look them up by e-mail address.
            demo = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
            found = dict(demo.values_list("email", "id"))
            self.user_ids = [found[person.email] for person in people]

    def email_addresses(self) -> None:
        # Demo addresses count as verified, or mandatory verification would
        # stop every demo login at a confirmation page.
        people, ids = self.org.people, self.user_ids
        rows = (
            EmailAddress(user_id=ids[i], email=person.email, verified=True, primary=True)
            for i, person in enumerate(people)
        )
        self.insert(EmailAddress, rows, len(people), "e-mail addresses")

    def profiles(self) -> None:
        people, ids = self.org.people, self.user_ids
        profiles = (self._profile(ids[i], person) for i, person in enumerate(people))
        self.insert(Profile, profiles, len(people), "profiles")
        through: Any = Profile.assessors.through
        links = [
            through(profile_id=ids[i], user_id=ids[a])
            for i, person in enumerate(people)
            for a in person.assessors
        ]
        self.insert(through, links, len(links), "assessors")

    def _profile(self, user_id: int, person: PersonRow) -> Profile:
        manager = person.line_manager
        return Profile(
            user_id=user_id,
            job_title=person.job_title,
            department_id=self.department_ids.get(person.department or ""),
            grade=person.grade,
            years_experience=person.years_experience,
            location=person.location,
            time_zone=person.time_zone,
            languages=person.languages,
            bio=person.bio,
            expertise=person.expertise,
            interests=person.interests,
            disclosed_identities=person.disclosed_identities,
            line_manager_id=None if manager is None else self.user_ids[manager],
            started_on=person.started_on,
            created_at=person.joined_at,
            updated_at=person.joined_at,
        )

    def careers(self) -> None:
        entries = (
            CareerEntry(
                user_id=self.user_ids[i],
                role=entry.role,
                organization=entry.organization,
                started_on=entry.started_on,
                ended_on=entry.ended_on,
            )
            for i, person in enumerate(self.org.people)
            for entry in person.career
        )
        total = sum(len(person.career) for person in self.org.people)
        self.insert(CareerEntry, entries, total, "career entries")

    def programs(self) -> None:
        for row in self.org.programs:
            program = Program.objects.create(
                name=row.name,
                slug=row.slug,
                kind=row.kind,
                mode=row.mode,
                description=row.description,
                requires_training=row.requires_training,
                session_count=row.session_count,
                session_cadence_days=row.session_cadence_days,
                created_at=row.opened_at,
                updated_at=row.opened_at,
            )
            program.managers.set([self.user_ids[m] for m in row.managers])
            self.program_ids[row.slug] = program.pk

    def participations(self) -> None:
        rows = self.org.participations
        objects = (
            Participation(
                program_id=self.program_ids[row.program],
                user_id=self.user_ids[row.person],
                role=row.role,
                state=row.state,
                capacity=row.capacity,
                training_completed_at=row.training_completed_at,
                coach_type=row.coach_type,
                modalities=row.modalities,
                accreditation=row.accreditation,
                hourly_rate=row.hourly_rate,
                application_note=row.application_note,
                created_at=row.joined_at,
                updated_at=row.training_completed_at or row.joined_at,
            )
            for row in rows
        )
        self.insert(Participation, objects, len(rows), "participations")

    def relationships(self) -> None:
        mentoring, coaching = self.org.mentoring, self.org.coaching
        self.insert(
            MentoringRelationship,
            (MentoringRelationship(**self._shared(r), mentor_id=self.user_ids[r.helper],
                                   mentee_id=self.user_ids[r.seeker]) for r in mentoring),
            len(mentoring),
            "mentoring relationships",
        )  # fmt: skip
        self.insert(
            CoachingEngagement,
            (CoachingEngagement(**self._shared(r), **self._contract(r)) for r in coaching),
            len(coaching),
            "coaching engagements",
        )

    def _shared(self, row: RelationshipRow) -> dict[str, Any]:
        ids = self.user_ids
        return {
            "program_id": self.program_ids[row.program],
            "status": row.status,
            "proposed_by_id": None if row.proposed_by is None else ids[row.proposed_by],
            "helper_accepted_at": row.helper_accepted_at,
            "seeker_accepted_at": row.seeker_accepted_at,
            "started_at": row.started_at,
            "ended_at": row.ended_at,
            "status_reason": row.status_reason,
            "created_at": row.created_at,
            "updated_at": row.updated_at,
        }

    def _contract(self, row: RelationshipRow) -> dict[str, Any]:
        ids = self.user_ids
        return {
            "coach_id": ids[row.helper],
            "coachee_id": ids[row.seeker],
            "sponsor_id": None if row.sponsor is None else ids[row.sponsor],
            "session_count": row.session_count,
            "session_cadence_days": row.session_cadence_days,
            "starts_on": row.starts_on,
            "ends_on": row.ends_on,
        }


def _user(person: PersonRow, password_hash: str) -> User:
    return User(
        email=person.email,
        first_name=person.first_name,
        last_name=person.last_name,
        password=password_hash,
        is_staff=person.is_staff,
        is_superuser=person.is_superuser,
        date_joined=person.joined_at,
    )
