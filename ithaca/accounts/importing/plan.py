"""Compare a file's rows with the people who exist, and say what an import would change.

`build_plan` reads every row, records each problem with its row number and
column, and for the rows without problems the change it would make: create,
update (with a field-by-field diff) or unchanged. Empty cells keep what Ithaca
knows (a new person gets the defaults), so re-importing a file changes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ithaca.accounts.importing.headers import HeaderMap, map_header
from ithaca.accounts.importing.problems import english
from ithaca.accounts.importing.values import (
    BadValue,
    check_length,
    clean_text,
    parse_date,
    parse_email,
    parse_grade,
    split_name,
)

DEFAULT_GRADE = 3
PROGRESS_EVERY = 5000
LISTED_PROBLEMS = 1000
LISTED_CHANGES = 500
LOOP_SHOWN = 6
COMPARED = (
    "first_name",
    "last_name",
    "department",
    "job_title",
    "grade",
    "manager_email",
    "started_on",
    "left_on",
)


@dataclass(frozen=True, slots=True)
class Person:
    """What an import knows about one person: the snapshot's and the plan's unit."""

    first_name: str = ""
    last_name: str = ""
    department: str = ""
    job_title: str = ""
    grade: int = DEFAULT_GRADE
    manager_email: str = ""
    started_on: dt.date | None = None
    left_on: dt.date | None = None
    has_profile: bool = True


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: its row and column, its code and values (read in the reader's
    language, see problems.py) and the English sentence they make."""

    row: int
    column: str
    message: str
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    field_name: str = ""

    @classmethod
    def of(cls, row: int, column: str, code: str, field_name: str = "", **params: Any) -> Problem:
        return cls(row, column, english(code, params), code, params, field_name)

    def as_data(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "field": self.field_name,
            "code": self.code,
            "params": self.params,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Change:
    row: int
    email: str
    action: str  # "create", "update" or "unchanged"
    person: Person
    diff: dict[str, tuple[str, str]]


@dataclass
class Plan:
    """Every problem, and for clean rows the change; write only when `ok`."""

    total_rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.total_rows > 0

    def counts(self) -> dict[str, int]:
        counts = {"create": 0, "update": 0, "unchanged": 0}
        for change in self.changes:
            counts[change.action] += 1
        return counts

    def _problem_data(self, problem: Problem) -> dict[str, Any]:
        # "named_by_ithaca": the column is Ithaca's name for a field the file lacks
        # (translated when shown), not a heading the file has (shown as written).
        named = bool(problem.field_name) and problem.field_name not in self.columns
        return {**problem.as_data(), "named_by_ithaca": named}

    def report(self) -> dict[str, Any]:
        """JSON for the import's record: counts, and the first problems and changes."""
        changed = (c for c in self.changes if c.action != "unchanged")
        listed = [
            {"row": c.row, "email": c.email, "action": c.action, "diff": c.diff}
            for _, c in zip(range(LISTED_CHANGES), changed, strict=False)
        ]
        return {
            "total_rows": self.total_rows,
            "counts": self.counts(),
            "problem_count": len(self.problems),
            "problems": [self._problem_data(p) for p in self.problems[:LISTED_PROBLEMS]],
            "changes": listed,
            "columns": self.columns,
            "ignored_columns": self.ignored_columns,
        }


@dataclass(slots=True)
class _Row:
    number: int
    email: str
    values: dict[str, Any]
    full_name: str | None = None


Progress = Callable[[int], None]


def build_plan(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    snapshot: Mapping[str, Person],
    progress: Progress | None = None,
) -> Plan:
    """Check every row against the file and the snapshot (e-mail -> Person)."""
    columns = map_header(list(header))
    plan = Plan(columns=dict(columns.headings), ignored_columns=columns.ignored)
    if not _header_ok(columns, header, plan):
        return plan
    parsed = _parse_rows(rows, columns, plan, progress)
    if plan.total_rows == 0:
        plan.problems.append(Problem.of(1, "", "no_people"))
        return plan
    merged = _check_people(parsed, columns, snapshot, plan)
    _check_loops(parsed, merged, snapshot, columns, plan)
    plan.problems.sort(key=lambda p: p.row)
    bad_rows = {p.row for p in plan.problems}
    plan.changes = [
        _change(row, snapshot.get(row.email), merged[row.email])
        for row in parsed
        if row.number not in bad_rows
    ]
    return plan


def _header_ok(columns: HeaderMap, header: Sequence[str], plan: Plan) -> bool:
    for heading in columns.duplicates:
        plan.problems.append(Problem.of(1, heading, "duplicate_column", heading=heading))
    if "email" not in columns.columns:
        found = ", ".join(h.strip() for h in header if h.strip())
        column = columns.heading("email")
        if found:
            plan.problems.append(Problem.of(1, column, "no_email_column", "email", found=found))
        else:
            plan.problems.append(Problem.of(1, column, "no_email_column_no_headings", "email"))
    return not plan.problems


def _parse_rows(
    rows: Sequence[Sequence[str]], columns: HeaderMap, plan: Plan, progress: Progress | None
) -> list[_Row]:
    parsed: list[_Row] = []
    first_row_of: dict[str, int] = {}
    for number, cells in enumerate(rows, start=2):
        if progress is not None and (number - 1) % PROGRESS_EVERY == 0:
            progress(number - 1)
        if not any(cell.strip() for cell in cells):
            continue
        plan.total_rows += 1
        row = _parse_row(number, cells, columns, plan)
        if row is None:
            continue
        if row.email in first_row_of:
            plan.problems.append(
                Problem.of(
                    number,
                    columns.heading("email"),
                    "duplicate_email",
                    "email",
                    email=row.email,
                    first_row=first_row_of[row.email],
                )
            )
            continue
        first_row_of[row.email] = number
        parsed.append(row)
    if progress is not None:
        progress(len(rows))
    return parsed


def _text(name: str) -> Callable[[str], str]:
    return lambda raw: check_length(name, clean_text(raw))


PARSERS: dict[str, Callable[[str], Any]] = {
    "first_name": _text("first_name"),
    "last_name": _text("last_name"),
    "department": _text("department"),
    "job_title": _text("job_title"),
    "grade": parse_grade,
    "manager_email": parse_email,
    "started_on": parse_date,
    "left_on": parse_date,
}


def _parse_row(number: int, cells: Sequence[str], columns: HeaderMap, plan: Plan) -> _Row | None:
    def cell(name: str) -> str:
        index = columns.columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    def problem(name: str, code: str, params: dict[str, Any] | None = None) -> None:
        plan.problems.append(
            Problem.of(number, columns.heading(name), code, name, **(params or {}))
        )

    if not cell("email").strip():
        problem("email", "email_missing")
        return None
    try:
        row = _Row(number, parse_email(cell("email")), {})
    except BadValue as exc:
        problem("email", exc.code, exc.params)
        return None
    for name, parser in PARSERS.items():
        if cell(name).strip():
            try:
                row.values[name] = parser(cell(name))
            except BadValue as exc:
                problem(name, exc.code, exc.params)
    if cell("name").strip() and not {"first_name", "last_name"} & set(columns.columns):
        _read_full_name(row, cell("name"), problem)
    return row


def _read_full_name(row: _Row, raw: str, problem: Callable[..., None]) -> None:
    first, last = split_name(raw)
    try:
        row.values["first_name"] = check_length("first_name", first)
        row.values["last_name"] = check_length("last_name", last)
    except BadValue as exc:
        problem("name", exc.code, exc.params)
    row.full_name = clean_text(raw)


def _merge(existing: Person | None, row: _Row) -> Person:
    values = dict(row.values)
    if existing is not None:
        # The same person written as one "Name" is not a change, however it splits.
        whole = f"{existing.first_name} {existing.last_name}".strip()
        if row.full_name is not None and row.full_name == whole:
            values.pop("first_name", None)
            values.pop("last_name", None)
        department = values.get("department")
        if department and department.casefold() == existing.department.casefold():
            values.pop("department")
    return dataclasses.replace(existing or Person(), **values)


def _check_people(
    rows: list[_Row], columns: HeaderMap, snapshot: Mapping[str, Person], plan: Plan
) -> dict[str, Person]:
    merged: dict[str, Person] = {}
    for row in rows:
        merged[row.email] = person = _merge(snapshot.get(row.email), row)
        _check_person(row, person, row.email in snapshot, columns, plan)
    for row in rows:
        manager = row.values.get("manager_email")
        if not manager:
            continue
        column = columns.heading("manager_email")
        if manager == row.email:
            problem = Problem.of(row.number, column, "own_manager", "manager_email")
        elif manager not in merged and manager not in snapshot:
            problem = Problem.of(
                row.number, column, "unknown_manager", "manager_email", manager=manager
            )
        else:
            continue
        plan.problems.append(problem)
    return merged


def _check_person(row: _Row, person: Person, exists: bool, columns: HeaderMap, plan: Plan) -> None:
    if not exists and not (person.first_name or person.last_name):
        name = "name" if "name" in columns.columns else "first_name"
        plan.problems.append(Problem.of(row.number, columns.heading(name), "name_missing", name))
    if person.started_on and person.left_on and person.left_on < person.started_on:
        plan.problems.append(
            Problem.of(
                row.number,
                columns.heading("left_on"),
                "left_before_start",
                "left_on",
                left_on=person.left_on.isoformat(),
                started_on=person.started_on.isoformat(),
            )
        )


def _check_loops(
    rows: list[_Row],
    merged: Mapping[str, Person],
    snapshot: Mapping[str, Person],
    columns: HeaderMap,
    plan: Plan,
) -> None:
    """Walk each file row's chain of managers once; a chain that meets itself is a loop.

    Everyone has at most one manager, so each person is visited once in all.
    """

    def manager_of(email: str) -> str:
        person = merged.get(email) or snapshot.get(email)
        return person.manager_email if person and person.manager_email != email else ""

    row_of = {row.email: row.number for row in rows}
    state: dict[str, bool] = {}  # True while on the current walk, False once finished
    for row in rows:
        path: list[str] = []
        node = row.email
        while node and node not in state:
            state[node] = True
            path.append(node)
            node = manager_of(node)
        if node and state.get(node):
            _report_loop(path[path.index(node) :], row_of, columns, plan)
        for visited in path:
            state[visited] = False


def _report_loop(
    cycle: list[str], row_of: Mapping[str, int], columns: HeaderMap, plan: Plan
) -> None:
    shown = [*cycle[:LOOP_SHOWN], "…"] if len(cycle) > LOOP_SHOWN else cycle
    text = " → ".join([*shown, cycle[0]])
    column = columns.heading("manager_email")
    for email in cycle:
        if email in row_of:
            plan.problems.append(
                Problem.of(
                    row_of[email],
                    column,
                    "manager_loop",
                    "manager_email",
                    chain=text,
                    count=len(cycle),
                )
            )


def _display(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _change(row: _Row, existing: Person | None, person: Person) -> Change:
    if existing is None:
        diff = {
            name: ("", _display(getattr(person, name)))
            for name in COMPARED
            if _display(getattr(person, name))
        }
        return Change(row.number, row.email, "create", person, diff)
    diff = {
        name: (_display(getattr(existing, name)), _display(getattr(person, name)))
        for name in COMPARED
        if getattr(existing, name) != getattr(person, name)
    }
    if not existing.has_profile:
        diff["profile"] = ("missing", "created")
    return Change(row.number, row.email, "update" if diff else "unchanged", person, diff)
