"""Column headings: HR systems name the same column many ways."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The fields an import understands, in the order reports show them.
FIELDS: tuple[str, ...] = (
    "email",
    "name",
    "first_name",
    "last_name",
    "department",
    "job_title",
    "grade",
    "manager_email",
    "started_on",
    "left_on",
)

LABELS: dict[str, str] = {
    "email": "E-mail",
    "name": "Name",
    "first_name": "First name",
    "last_name": "Last name",
    "department": "Department",
    "job_title": "Job title",
    "grade": "Grade",
    "manager_email": "Line manager's e-mail",
    "started_on": "Start date",
    "left_on": "Leaving date",
}

_ALIASES: dict[str, tuple[str, ...]] = {
    "email": (
        "email", "e-mail", "email address", "e-mail address", "work email", "work e-mail",
        "employee email", "mail",
    ),
    "name": ("name", "full name", "employee name", "display name", "employee"),
    "first_name": ("first name", "firstname", "given name", "forename", "first"),
    "last_name": ("last name", "lastname", "surname", "family name", "last"),
    "department": ("department", "dept", "department name", "team", "unit", "org unit"),
    "job_title": ("job title", "title", "position", "job", "role", "job role"),
    "grade": ("grade", "level", "band", "pay grade", "job grade"),
    "manager_email": (
        "manager email", "manager e-mail", "line manager", "line manager email",
        "line manager e-mail", "manager", "reports to", "supervisor email", "supervisor",
    ),
    "started_on": (
        "start date", "started on", "started", "start", "hire date", "date of hire",
        "joined", "joining date", "date joined",
    ),
    "left_on": (
        "leaving date", "left on", "left", "leave date", "end date", "termination date",
        "exit date", "date left",
    ),
}  # fmt: skip


def normalise(heading: str) -> str:
    """'E-mail Address ' -> 'emailaddress': case, spaces and punctuation never matter."""
    return re.sub(r"[^0-9a-z]", "", heading.strip().lower())


ALIASES: dict[str, str] = {
    normalise(alias): name for name, aliases in _ALIASES.items() for alias in aliases
}


@dataclass
class HeaderMap:
    """Which column holds which field; what was ignored or found twice."""

    columns: dict[str, int] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)

    def heading(self, name: str) -> str:
        """The file's own heading for a field, so problems name the column people see."""
        return self.headings.get(name, LABELS[name])


def map_header(header: list[str]) -> HeaderMap:
    result = HeaderMap()
    for index, heading in enumerate(header):
        name = ALIASES.get(normalise(heading))
        if name is None:
            if heading.strip():
                result.ignored.append(heading.strip())
        elif name in result.columns:
            result.duplicates.append(heading.strip())
        else:
            result.columns[name] = index
            result.headings[name] = heading.strip()
    return result
