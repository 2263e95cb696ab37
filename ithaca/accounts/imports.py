"""People import services: upload, dry run and real run of an HR export.

The checking is pure (ithaca/accounts/importing/); this module reads the
snapshot it checks against and writes a clean plan. A file with any problem
writes nothing, and the real run checks again inside its transaction, so what
is written always matches what the database holds at that moment.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.importing import (
    FileProblem,
    Person,
    Problem,
    build_plan,
    read_rows,
    read_upload,
)
from ithaca.accounts.importing.plan import Plan
from ithaca.accounts.importwrite import write_plan
from ithaca.accounts.models import PeopleImport, User
from ithaca.core.errors import DomainError
from ithaca.core.tasks import enqueue_on_commit

logger = logging.getLogger(__name__)

# Files up to this many rows are checked and imported during the request; larger
# ones go to the task queue and the page shows a progress bar.
INLINE_ROWS = 2000
Status = PeopleImport.Status


def people_snapshot() -> tuple[dict[str, Person], dict[str, int]]:
    """Everyone as the import sees them, by lower-case e-mail, and their ids."""
    snapshot: dict[str, Person] = {}
    ids: dict[str, int] = {}
    rows = User.objects.values_list(
        "id", "email", "first_name", "last_name", "profile__department__name",
        "profile__job_title", "profile__grade", "profile__line_manager__email",
        "profile__started_on", "profile__left_on",
    ).order_by()  # fmt: skip
    for pk, email, first, last, dept, title, grade, manager, start, left in rows.iterator(
        chunk_size=5000
    ):
        key = email.lower()
        ids[key] = pk
        snapshot[key] = Person(
            first_name=first,
            last_name=last,
            department=dept or "",
            job_title=title or "",
            grade=grade if grade is not None else 3,
            manager_email=(manager or "").lower(),
            started_on=start,
            left_on=left,
            has_profile=grade is not None,
        )
    return snapshot, ids


def people_import_start(*, created_by: User, filename: str, data: bytes) -> PeopleImport:
    """Store an upload and run its dry run (now if small, else in the background)."""
    try:
        kind, text = read_upload(data, filename)
        _, rows = read_rows(text)
    except FileProblem as exc:
        raise DomainError(exc.message, field="file") from None
    total = sum(1 for row in rows if any(cell.strip() for cell in row))
    record = PeopleImport.objects.create(
        created_by=created_by, filename=filename[:255], kind=kind, content=text, total_rows=total
    )
    _process_now_or_later(record)
    record.refresh_from_db()
    return record


def people_import_run(*, people_import: PeopleImport) -> PeopleImport:
    """Import a checked file that has no problems; a file is imported at most once."""
    with transaction.atomic():
        record = PeopleImport.objects.select_for_update().get(pk=people_import.pk)
        if record.status == Status.DONE:
            raise DomainError(_("This file has been imported already."))
        if not record.can_run:
            raise DomainError(_("Only a checked file without problems can be imported."))
        record.step, record.status = PeopleImport.Step.APPLY, Status.QUEUED
        record.processed_rows, record.phase = 0, "Waiting to start"
        record.save(update_fields=["step", "status", "processed_rows", "phase", "updated_at"])
    _process_now_or_later(record)
    record.refresh_from_db()
    return record


def _process_now_or_later(record: PeopleImport) -> None:
    if record.total_rows <= INLINE_ROWS:
        people_import_process(import_id=record.pk)
        return
    from ithaca.accounts.tasks import process_people_import  # the task module imports this one

    enqueue_on_commit(process_people_import, record.pk)


def people_import_process(*, import_id: int) -> bool:
    """Claim a queued import and do its step. False when there was nothing to do.

    The claim is one conditional UPDATE, so a task delivered twice, or a done
    import, is never applied twice.
    """
    claimed = PeopleImport.objects.filter(pk=import_id, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=timezone.now(), processed_rows=0, phase="Starting"
    )
    if not claimed:
        return False
    record = PeopleImport.objects.get(pk=import_id)
    track = record.total_rows > INLINE_ROWS
    try:
        if record.step == PeopleImport.Step.CHECK:
            _check(record, track=track)
        else:
            _apply(record, track=track)
    except Exception:
        logger.exception("People import %s failed", import_id)
        _finish(record, Status.FAILED, "Something went wrong; nothing was written.")
        return False
    return True


def _tracker(record: PeopleImport) -> Callable[[int], None]:
    """Progress as separate small commits, outside any transaction, so pages see it."""

    def report(done: int) -> None:
        PeopleImport.objects.filter(pk=record.pk).update(
            processed_rows=min(done, record.total_rows), updated_at=timezone.now()
        )

    return report


def _set_phase(record: PeopleImport, phase: str) -> None:
    record.phase = phase
    PeopleImport.objects.filter(pk=record.pk).update(phase=phase, updated_at=timezone.now())


def _finish(record: PeopleImport, status: str, phase: str, report: dict | None = None) -> None:
    record.status, record.phase, record.finished_at = status, phase, timezone.now()
    fields = ["status", "phase", "finished_at", "updated_at"]
    if report is not None:
        record.report = report
        fields.append("report")
    if status != Status.FAILED:
        record.processed_rows = record.total_rows
        fields.append("processed_rows")
    record.save(update_fields=fields)


def _plan(record: PeopleImport, track: bool) -> tuple[Plan, dict[str, int]]:
    header, rows = read_rows(record.content)
    snapshot, ids = people_snapshot()
    plan = build_plan(header, rows, snapshot, _tracker(record) if track else None)
    _limit_to_importers_programs(record, plan)
    return plan, ids


def _limit_to_importers_programs(record: PeopleImport, plan: Plan) -> None:
    """Staff import for the whole organization; a program manager only into their programs.

    A program manager's file may add new people and update people who take part
    in a program they manage; a row changing anyone else is a problem, so the
    file cannot run (changing a stranger's line manager would change who may
    mentor whom across the organization).
    """
    creator = record.created_by
    if creator is None or creator.is_staff:
        return
    mine = {
        email.lower()
        for email in User.objects.filter(participations__program__managers=creator)
        .values_list("email", flat=True)
        .distinct()
    }
    for change in plan.changes:
        if change.action != "create" and change.email.lower() not in mine:
            column = plan.columns.get("email", "email")
            plan.problems.append(Problem.of(change.row, column, "outside_programs", "email"))


def _check(record: PeopleImport, *, track: bool) -> None:
    _set_phase(record, f"Checking {record.total_rows} rows")
    plan, _ = _plan(record, track)
    phase = "Ready to import" if plan.ok else f"{len(plan.problems)} problems to fix"
    _finish(record, Status.VALIDATED, phase, plan.report())


def _apply(record: PeopleImport, *, track: bool) -> None:
    if track:
        _set_phase(record, f"Checking {record.total_rows} rows")
        plan, _ = _plan(record, track)
        if not plan.ok:
            message = "The file has problems now; nothing was written."
            _finish(record, Status.FAILED, message, plan.report())
            return
    # One phase for the write: on SQLite nobody can read progress committed from
    # inside the big transaction (and on PostgreSQL nobody sees it either), so
    # the bar shows "writing N rows" until the transaction commits.
    _set_phase(record, f"Writing {record.total_rows} rows")
    try:
        with transaction.atomic():
            plan, ids = _plan(record, track=False)
            if not plan.ok:
                raise _ProblemsNow(plan)
            applied = write_plan(plan, ids)
    except _ProblemsNow as exc:
        _finish(record, Status.FAILED, "The file has problems now; nothing was written.",
                exc.plan.report())  # fmt: skip
        return
    except IntegrityError:
        logger.warning("People import %s met a concurrent change", record.pk, exc_info=True)
        message = "People changed while the import ran; nothing was written. Run it again."
        _finish(record, Status.FAILED, message)
        return
    _finish(record, Status.DONE, "Imported", {**plan.report(), "applied": applied})


class _ProblemsNow(Exception):
    """The file was clean at the dry run but is not against today's people."""

    def __init__(self, plan: Plan) -> None:
        super().__init__("problems")
        self.plan = plan
