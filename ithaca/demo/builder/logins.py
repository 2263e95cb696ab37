"""The well-known demo accounts: who they are and what each one shows."""

from __future__ import annotations

from dataclasses import dataclass

from ithaca.demo.builder.vocabulary import EMAIL_DOMAIN

DEMO_PASSWORD = "ithaca-demo"


@dataclass(frozen=True, slots=True)
class PinnedPerson:
    """A demo account placed by hand, so its story is the same for every seed."""

    role: str
    first_name: str
    last_name: str
    department: str
    grade: int
    job_title: str
    shows: str
    staff: bool = False

    @property
    def email(self) -> str:
        return f"{self.role}@{EMAIL_DOMAIN}"


PINNED: tuple[PinnedPerson, ...] = (
    PinnedPerson(
        "admin", "Sam", "Okoye", "digital", 6, "Platform Administrator",
        "staff and superuser: the admin site and every program", staff=True,
    ),
    PinnedPerson(
        "manager", "Rachel", "Lindqvist", "people", 7, "Head of Learning & Mentoring",
        "program manager of all four programs",
    ),
    PinnedPerson(
        "mentee", "Maya", "Okafor", "cardiology", 3, "Specialty Registrar",
        "a mentee with an active mentor and a peer proposal awaiting her answer",
    ),
    PinnedPerson(
        "mentor", "Daniel", "Reyes", "orthopaedics", 7, "Consultant Orthopaedic Surgeon",
        "a trained mentor with active mentees",
    ),
    PinnedPerson(
        "coach", "Priya", "Nair", "people", 6, "Internal Leadership Coach",
        "an internal coach with active engagements in both coaching programs",
    ),
    PinnedPerson(
        "coachee", "Tom", "Becker", "critical-care", 5, "Ward Manager",
        "a new ward manager in an active, sponsored coaching engagement",
    ),
    PinnedPerson(
        "sponsor", "Helen", "Carter", "people", 6, "Senior HR Business Partner",
        "a sponsor who sees agreed progress, never session content",
    ),
)  # fmt: skip

# Index of each pinned person in DemoOrganization.people: they always come first.
INDEX = {person.role: position for position, person in enumerate(PINNED)}
ADMIN_EMAIL = PINNED[INDEX["admin"]].email
