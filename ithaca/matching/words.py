"""The names of factors, levels, rules and preferences in plain words.

The engine explains each pair in sentences; these labels title them on pages,
in e-mails and in the API, and say what each factor means to the program
manager who sets its level.
"""

from __future__ import annotations

from ithaca.matching.engine.types import PREF_OUTSIDE_DEPARTMENT, PREF_SHARED_IDENTITY

FACTOR_LABELS: dict[str, str] = {
    "walked_the_path": "Walked the path",
    "experience_gap": "Experience",
    "need_similarity": "Fits the need",
    "shared_interests": "Shared interests",
    "timezone_overlap": "Working hours overlap",
    "preferences": "Stated preferences",
}

FACTOR_HELP: dict[str, str] = {
    "walked_the_path": (
        "The helper has held the role, or made the move, that the seeker is aiming for."
    ),
    "experience_gap": (
        "How much further along the helper is. Reverse mentoring looks for someone earlier "
        "in their career; peer mentoring for someone at a similar stage."
    ),
    "need_similarity": (
        "How closely the helper's expertise and bio match what the seeker wrote they want."
    ),
    "shared_interests": "Interests both people listed on their profiles.",
    "timezone_overlap": "How many working hours the two share, from their time zones.",
    "preferences": (
        "What the seeker asked for: someone outside their department, or (in diversity "
        "mentoring) someone who shares an identity they chose to disclose."
    ),
}

LEVEL_LABELS: dict[str, str] = {
    "must": "Must: pairs without it are never proposed",
    "high": "High",
    "medium": "Medium",
    "low": "Low",
    "off": "Off: not counted",
}

RULE_LABELS: dict[str, str] = {
    "capacity": "Room for another person",
    "not_self": "Two different people",
    "seeker_eligible": "Seeker eligible",
    "helper_eligible": "Helper eligible",
    "not_line_manager": "Not the line manager",
    "not_above_in_chain": "Not above in the management chain",
    "not_assessor": "Not an assessor",
    "no_conflict": "No conflict of interest",
    "not_blocked": "Nobody opted out",
    "not_declined": "Not declined before",
    "training": "Training",
    "shared_language": "A shared language",
    "modality": "Coaching mode",
}

PREFERENCE_LABELS: dict[str, str] = {
    PREF_OUTSIDE_DEPARTMENT: "Someone from outside my department",
    PREF_SHARED_IDENTITY: "Someone who shares an identity I chose to disclose",
}

OBJECTIVE_LABELS: dict[str, str] = {
    "fit": "Best total fit: the largest sum of scores",
    "coverage": "Most people matched, then the best total fit",
    "stable": "Stable: nobody would both rather be with each other than with their match",
}

UNMATCHED_LABELS: dict[str, str] = {
    "seeker_not_eligible": "Not eligible",
    "no_helper_after_rules": "No helper passes the hard rules",
    "no_helper_meets_musts": "No helper meets the must-haves",
    "helpers_at_capacity": "Every suitable helper is full",
    "not_chosen": "Left out by the objective",
    "removed_by_manager": "Removed by a program manager",
}


def preference_choices(mode: str) -> list[tuple[str, str]]:
    """Preferences a seeker may state in a program of this mode.

    Identities are used only in diversity mentoring, so the identity
    preference is offered only there.
    """
    choices = [(PREF_OUTSIDE_DEPARTMENT, PREFERENCE_LABELS[PREF_OUTSIDE_DEPARTMENT])]
    if mode == "diversity":
        choices.append((PREF_SHARED_IDENTITY, PREFERENCE_LABELS[PREF_SHARED_IDENTITY]))
    return choices
