"""Program rounds: start, compute in the background with progress, cancel.

A round matches everyone still waiting in a program at once. The task reads
the pool, asks the engine for the exact optimum of the chosen objective, and
stores the answer as a draft: pairs with their scores and factors (their hard
rules are checked when shown, see round_pairs.py), and everyone left out with
the reason. Nothing is proposed until a manager publishes the draft
(drafts.py).
"""

from __future__ import annotations

import gc
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ithaca.accounts.models import User
from ithaca.core.bulk import insert_rows
from ithaca.core.errors import DomainError
from ithaca.core.tasks import enqueue_on_commit
from ithaca.matching import engine
from ithaca.matching.explain import has_warning, stored_pairs
from ithaca.matching.kinds import helper_role, model_for
from ithaca.matching.models import MatchingRound, RoundPair, RoundUnmatched
from ithaca.matching.pool import Pool, build_pool
from ithaca.matching.services.settings import require_manager
from ithaca.matching.tasks import run_round
from ithaca.programs.lifecycle import OPEN_STATUSES
from ithaca.programs.models import Participation, Program

if TYPE_CHECKING:
    from ithaca.matching.engine.stored import PoolTables

logger = logging.getLogger(__name__)
Status = MatchingRound.Status
# Draft rows written per batch (on PostgreSQL they stream through one COPY).
SAVE_BATCH = 2_000

# Where each engine phase sits on the round's progress bar (start, end).
PHASES: dict[str, tuple[float, float]] = {
    "loading": (0.0, 0.1),
    "rules": (0.1, 0.15),
    "features": (0.15, 0.25),
    "scoring": (0.25, 0.8),
    "candidates": (0.8, 0.85),
    "solving": (0.85, 0.95),
    "done": (0.95, 0.95),
    "saving": (0.95, 1.0),
}
PHASE_WORDS = {
    "loading": gettext_lazy("Reading the pool"),
    "rules": gettext_lazy("Checking the hard rules"),
    "features": gettext_lazy("Reading profiles"),
    "scoring": gettext_lazy("Scoring candidate pairs"),
    "candidates": gettext_lazy("Keeping the best candidates"),
    "solving": gettext_lazy("Finding the best matching"),
    "done": gettext_lazy("Explaining each pair"),
    "saving": gettext_lazy("Saving the draft"),
}


@dataclass(frozen=True)
class RoundOutcome:
    """An engine answer for a program, not yet explained or saved."""

    pool: Pool
    result: engine.MatchResult
    tables: PoolTables | None = None  # the pool's factor tables, when built while solving

    def breakdowns(self) -> Iterator[dict[str, Any]]:
        """Each match's stored breakdown, in the order of `result.matches`.

        A round stores each pair's numbers (`explain.stored_pairs`), worked out
        for all pairs at once: the pair is put in words, and its hard rules
        checked, when it is shown (`round_pairs.complete_breakdowns`), exactly as
        `explain` would have put it on the round's pool.
        """
        pool = self.pool
        pairs = [
            (pool.seeker_by_id[m.seeker_id], pool.helper_by_id[m.helper_id])
            for m in self.result.matches
        ]
        yield from stored_pairs(pairs, pool.rules, pool.text, self.tables)

    @property
    def summary(self) -> dict[str, Any]:
        result, pool = self.result, self.pool
        matched = len(result.matches)
        return {
            "objective": result.objective,
            "seekers": len(pool.seekers),
            "helpers": len(pool.helpers),
            "places": sum(max(h.capacity, 0) for h in pool.helpers),
            "pairs": matched,
            "matched": matched,
            "total_score": round(result.total_points, 2),
            "mean_score": round(result.total_points / matched, 2) if matched else 0.0,
            "unmatched": dict(Counter(u.reason for u in result.unmatched)),
        }


def waiting_counts(program: Program) -> tuple[int, int]:
    """(seekers without an open relationship, active helpers) in the program."""
    model = model_for(program)
    active = Participation.objects.filter(program=program, state=Participation.State.ACTIVE)
    busy = model.objects.filter(program=program, status__in=OPEN_STATUSES).values(
        f"{model.SEEKER_FIELD}_id"
    )
    seekers = active.filter(role=Participation.Role.SEEKER).exclude(user_id__in=busy).count()
    return seekers, active.filter(role=helper_role(program)).count()


def check_poolable(program: Program, objective: str) -> None:
    """Refuse, with a message, a round that could not match anyone."""
    if objective not in MatchingRound.Objective.values:
        raise DomainError(
            _("Choose best total fit, most people matched or stable."), field="objective"
        )
    seekers, helpers = waiting_counts(program)
    names = {"program": program}
    if not seekers:
        message = (
            _("Nobody in %(program)s is waiting for a mentor: there is no one to match.")
            if program.is_mentoring
            else _("Nobody in %(program)s is waiting for a coach: there is no one to match.")
        )
        raise DomainError(message % names)
    if not helpers:
        message = (
            _("%(program)s has no active mentors yet: there is nobody to match with.")
            if program.is_mentoring
            else _("%(program)s has no active coaches yet: there is nobody to match with.")
        )
        raise DomainError(message % names)


@transaction.atomic
def round_create(*, program: Program, objective: str, created_by: User | None) -> MatchingRound:
    """A queued round, not yet computed (round_run computes it)."""
    check_poolable(program, objective)
    if MatchingRound.objects.filter(program=program, status__in=MatchingRound.BUSY).exists():
        raise DomainError(
            _("A round is already running for this program; wait for it or cancel it.")
        )
    try:
        with transaction.atomic():
            matching_round = MatchingRound.objects.create(
                program=program, objective=objective, created_by=created_by, phase="queued"
            )
    except IntegrityError:
        raise DomainError(_("A round is already running for this program.")) from None
    return matching_round


@transaction.atomic
def round_start(*, program: Program, objective: str, created_by: User) -> MatchingRound:
    """Queue a round for the background worker; refused when there is nobody to match."""
    require_manager(created_by, program)
    matching_round = round_create(program=program, objective=objective, created_by=created_by)
    enqueue_on_commit(run_round, matching_round.pk)
    return matching_round


def compute_round(
    program: Program,
    objective: str,
    *,
    progress: Callable[[str, float], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> RoundOutcome:
    """Match the program's waiting pool; writes nothing (the command's dry run uses this)."""
    report = progress or (lambda phase, fraction: None)
    report("loading", 0.0)
    pool = build_pool(program)
    report("loading", 1.0)
    with heap_frozen():
        graph = engine.candidate_graph(
            pool.seekers,
            pool.helpers,
            pool.rules,
            k=pool.config.top_k,
            text=pool.text,
            progress=progress,
            should_cancel=should_cancel,
        )
        outcome = solve_pool(pool, graph, objective, progress=progress, should_cancel=should_cancel)
    report("done", 0.0)
    return outcome


def solve_pool(
    pool: Pool,
    graph: engine.CandidateGraph,
    objective: str,
    *,
    progress: Callable[[str, float], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> RoundOutcome:
    """Solve the pool's candidate graph; meanwhile, build the pool's factor tables that
    the stored pairs are read from (`explain.stored_pairs`).

    OR-Tools releases the GIL while it solves (seconds on one core at 100,000
    seekers), so the tables, most of what storing the pairs costs, are built
    on the other core for no wall time. A pair's numbers are the same from
    tables over the whole pool as over the pairs' people only.
    """
    from ithaca.matching.engine.stored import PoolTables

    with ThreadPoolExecutor(max_workers=1) as beside:
        tables = beside.submit(PoolTables, pool.seekers, pool.helpers, pool.rules, pool.text)
        result = engine.solve(
            graph,
            objective,  # type: ignore[arg-type]
            progress=progress,
            should_cancel=should_cancel,
        )
        return RoundOutcome(pool=pool, result=result, tables=tables.result())


class _Watch:
    """Writes the round's phase and progress, and reads its cancel flag, without flooding
    the database: a write when the bar moves a percent or the phase changes."""

    def __init__(self, round_id: int) -> None:
        self.round_id = round_id
        self.shown: tuple[str, float] = ("", -1.0)
        self.checked_at = 0.0

    def progress(self, phase: str, fraction: float) -> None:
        start, end = PHASES.get(phase, (0.0, 1.0))
        overall = round(start + (end - start) * fraction, 2)
        if (phase, overall) == self.shown or (phase == self.shown[0] and overall < self.shown[1]):
            return
        self.shown = (phase, overall)
        MatchingRound.objects.filter(pk=self.round_id, status=Status.RUNNING).update(
            phase=phase, progress=overall, updated_at=timezone.now()
        )

    def should_cancel(self) -> bool:
        now = time.monotonic()
        if now - self.checked_at < 0.25:
            return False
        self.checked_at = now
        flag = MatchingRound.objects.filter(pk=self.round_id).values_list(
            "cancel_requested", flat=True
        )
        return bool(flag.first())


def _claim(round_id: int) -> MatchingRound | None:
    """Move a queued round to running; None when it was cancelled or already taken."""
    with transaction.atomic():
        matching_round = (
            MatchingRound.objects.select_for_update().select_related("program").filter(pk=round_id)
        ).first()
        if matching_round is None or matching_round.status != Status.QUEUED:
            return None
        if matching_round.cancel_requested:
            _finish(matching_round, Status.CANCELLED, "Cancelled before it started.")
            return None
        matching_round.status, matching_round.started_at = Status.RUNNING, timezone.now()
        matching_round.phase = "loading"
        matching_round.save(update_fields=["status", "started_at", "phase", "updated_at"])
        return matching_round


def round_run(*, round_id: int) -> str:
    """Compute a queued round (the task's body). Safe to run twice: only a queued round runs."""
    matching_round = _claim(round_id)
    if matching_round is None:
        return "skipped"
    watch = _Watch(round_id)
    try:
        outcome = compute_round(
            matching_round.program,
            matching_round.objective,
            progress=watch.progress,
            should_cancel=watch.should_cancel,
        )
    except engine.MatchingCancelled:
        _finish(matching_round, Status.CANCELLED, "Cancelled by a program manager.")
        return Status.CANCELLED
    except Exception as exc:  # a failed round must say so on its page, not spin for ever
        logger.exception("matching round %s failed", round_id)
        _finish(matching_round, Status.FAILED, "The round failed.", error=str(exc)[:2000])
        return Status.FAILED
    watch.progress("saving", 0.0)
    return _save_outcome(round_id, outcome)


def _finish(matching_round: MatchingRound, status: str, phase: str, error: str = "") -> None:
    matching_round.status, matching_round.phase, matching_round.error = status, phase, error
    matching_round.finished_at = timezone.now()
    matching_round.save(update_fields=["status", "phase", "error", "finished_at", "updated_at"])


@transaction.atomic
def _save_outcome(round_id: int, outcome: RoundOutcome) -> str:
    matching_round = MatchingRound.objects.select_for_update().get(pk=round_id)
    if matching_round.cancel_requested:
        _finish(matching_round, Status.CANCELLED, "Cancelled by a program manager.")
        return Status.CANCELLED
    warnings = save_outcome_rows(matching_round, outcome)
    matching_round.summary = {
        **outcome.summary,
        "warnings": warnings,
    }
    matching_round.progress = 1.0
    _finish(matching_round, Status.DRAFT, "Draft ready")
    matching_round.save(update_fields=["summary", "progress"])
    return Status.DRAFT


@contextmanager
def heap_frozen() -> Iterator[None]:
    """Keep the garbage collector off the objects that exist now (the pool) for a while.

    Matching and explaining a draft make millions of short-lived objects; each
    time they trigger a full collection, Python walks every person of the pool
    too (a quarter of the output's time at 100,000 seekers). Collections also run a
    hundred times less often meanwhile: almost everything made is freed as
    soon as it is written (no cycles), so they found next to nothing. Both
    settings are put back afterwards.
    """
    gc.freeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0] * 100, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def save_outcome_rows(matching_round: MatchingRound, outcome: RoundOutcome) -> int:
    """Explain and write the draft's pairs and left-out seekers as they are explained.

    Returns how many pairs carry a warning for the manager. The caller holds
    the transaction; no list of every breakdown is kept, however large the
    round (on PostgreSQL the rows stream through one COPY).
    """
    with heap_frozen():
        return _save_rows(matching_round, outcome)


def _save_rows(matching_round: MatchingRound, outcome: RoundOutcome) -> int:
    warnings = 0
    engine_source = RoundPair.Source.ENGINE.value

    def pairs() -> Iterator[dict[str, Any]]:
        nonlocal warnings
        matches = outcome.result.matches
        for match, breakdown in zip(matches, outcome.breakdowns(), strict=True):
            warnings += has_warning(breakdown)
            yield {
                "round_id": matching_round.pk,
                "seeker_id": match.seeker_id,
                "helper_id": match.helper_id,
                "score": match.score,
                "breakdown": breakdown,
                "source": engine_source,
            }

    insert_rows(RoundPair, pairs(), batch_size=SAVE_BATCH)
    insert_rows(
        RoundUnmatched,
        (
            {
                "round_id": matching_round.pk,
                "seeker_id": u.seeker_id,
                "reason": u.reason,
                "explanation": u.explanation[:300],
            }
            for u in outcome.result.unmatched
        ),
        batch_size=SAVE_BATCH,
    )
    return warnings


@transaction.atomic
def round_cancel(*, matching_round: MatchingRound, by: User) -> MatchingRound:
    """Stop a queued or running round, or discard a draft; a published round stays."""
    matching_round = MatchingRound.objects.select_for_update().get(pk=matching_round.pk)
    require_manager(by, matching_round.program)
    if matching_round.status == Status.RUNNING:
        # The worker stops at its next checkpoint and marks the round cancelled.
        matching_round.cancel_requested = True
        matching_round.save(update_fields=["cancel_requested", "updated_at"])
    elif matching_round.status in (Status.QUEUED, Status.DRAFT):
        matching_round.cancel_requested = True
        matching_round.save(update_fields=["cancel_requested"])
        _finish(matching_round, Status.CANCELLED, "Cancelled by a program manager.")
    else:
        state = matching_round.get_status_display().lower()
        raise DomainError(
            _("This round is %(state)s and can no longer be cancelled.") % {"state": state}
        )
    return matching_round
