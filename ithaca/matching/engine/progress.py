"""Progress reports and cancellation for long runs.

A Django task passes a callback that records (phase, fraction) and a check that
reads a "cancel requested" flag; the engine calls both between phases and
between blocks of work, never in the middle of a solver call.
"""

from __future__ import annotations

from .types import CancelFn, MatchingCancelled, ProgressFn


class Tracker:
    def __init__(self, progress: ProgressFn | None, should_cancel: CancelFn | None) -> None:
        self._progress = progress
        self._should_cancel = should_cancel

    def report(self, phase: str, fraction: float) -> None:
        if self._progress is not None:
            self._progress(phase, min(max(fraction, 0.0), 1.0))

    def cancelled(self) -> bool:
        return self._should_cancel is not None and bool(self._should_cancel())

    def checkpoint(self, phase: str) -> None:
        """Report `phase` as finished, then stop if the caller asked to cancel."""
        self.report(phase, 1.0)
        if self.cancelled():
            raise MatchingCancelled(f"matching was cancelled after {phase}")
