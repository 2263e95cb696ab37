"""Every write the matching app makes goes through these services.

Keyword-only, typed and atomic; each raises DomainError (PermissionDenied)
with a message for the person when a rule is broken, and then nothing changes.
"""

from ithaca.matching.services.drafts import round_pair_add, round_pair_remove, round_publish
from ithaca.matching.services.fitchecks import fit_check_request, has_met
from ithaca.matching.services.proposals import offer_create, request_create, requests_expire
from ithaca.matching.services.rounds import (
    RoundOutcome,
    check_poolable,
    compute_round,
    round_cancel,
    round_create,
    round_run,
    round_start,
    waiting_counts,
)
from ithaca.matching.services.settings import config_update, match_profile_update

__all__ = [
    "RoundOutcome",
    "check_poolable",
    "compute_round",
    "config_update",
    "fit_check_request",
    "has_met",
    "match_profile_update",
    "offer_create",
    "request_create",
    "requests_expire",
    "round_cancel",
    "round_create",
    "round_pair_add",
    "round_pair_remove",
    "round_publish",
    "round_run",
    "round_start",
    "waiting_counts",
]
