"""Background work for matching. Tasks take ids and are safe to run twice."""

from __future__ import annotations

from django_tasks import task


@task()
def run_round(round_id: int) -> str:
    """Compute a queued matching round into a draft (see services/rounds.py)."""
    # Imported here: the round service enqueues this task, so it imports this module.
    from ithaca.matching.services.rounds import round_run

    return round_run(round_id=round_id)
