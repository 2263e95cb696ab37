"""The names of factors, levels, rules and preferences in plain words.

The engine explains each pair in sentences; these labels title them on pages,
in e-mails and in the API, and say what each factor means to the program
manager who sets its level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ithaca.matching.engine.types import PREF_OUTSIDE_DEPARTMENT, PREF_SHARED_IDENTITY

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

FACTOR_LABELS: dict[str, StrPromise] = {
    "walked_the_path": _("Walked the path"),
    "experience_gap": _("Experience"),
    "need_similarity": _("Fits the need"),
    "shared_interests": _("Shared interests"),
    "timezone_overlap": _("Working hours overlap"),
    "preferences": _("Stated preferences"),
}

FACTOR_HELP: dict[str, StrPromise] = {
    "walked_the_path": _(
        "The helper has held the role, or made the move, that the seeker is aiming for."
    ),
    "experience_gap": _(
        "How much further along the helper is. Reverse mentoring looks for someone earlier "
        "in their career; peer mentoring for someone at a similar stage."
    ),
    "need_similarity": _(
        "How closely the helper's expertise and bio match what the seeker wrote they want."
    ),
    "shared_interests": _("Interests both people listed on their profiles."),
    "timezone_overlap": _("How many working hours the two share, from their time zones."),
    "preferences": _(
        "What the seeker asked for: someone outside their department, or (in diversity "
        "mentoring) someone who shares an identity they chose to disclose."
    ),
}

LEVEL_LABELS: dict[str, StrPromise] = {
    "must": _("Must: pairs without it are never proposed"),
    "high": _("High"),
    "medium": _("Medium"),
    "low": _("Low"),
    "off": _("Off: not counted"),
}

# A factor's level in one word, as the breakdown and the program page show it.
LEVEL_WORDS: dict[str, StrPromise] = {
    "must": pgettext_lazy("factor level", "must"),
    "high": pgettext_lazy("factor level", "high"),
    "medium": pgettext_lazy("factor level", "medium"),
    "low": pgettext_lazy("factor level", "low"),
    "off": pgettext_lazy("factor level", "off"),
}

RULE_LABELS: dict[str, StrPromise] = {
    "capacity": _("Room for another person"),
    "not_self": _("Two different people"),
    "seeker_eligible": _("Seeker eligible"),
    "helper_eligible": _("Helper eligible"),
    "not_line_manager": _("Not the line manager"),
    "not_above_in_chain": _("Not above in the management chain"),
    "not_assessor": _("Not an assessor"),
    "no_conflict": _("No conflict of interest"),
    "not_blocked": _("Nobody opted out"),
    "not_declined": _("Not declined before"),
    "training": _("Training"),
    "shared_language": _("A shared language"),
    "modality": _("Coaching mode"),
}

PREFERENCE_LABELS: dict[str, StrPromise] = {
    PREF_OUTSIDE_DEPARTMENT: _("Someone from outside my department"),
    PREF_SHARED_IDENTITY: _("Someone who shares an identity I chose to disclose"),
}

OBJECTIVE_LABELS: dict[str, StrPromise] = {
    "fit": _("Best total fit: the largest sum of scores"),
    "coverage": _("Most people matched, then the best total fit"),
    "stable": _("Stable: nobody would both rather be with each other than with their match"),
}

UNMATCHED_LABELS: dict[str, StrPromise] = {
    "seeker_not_eligible": _("Not eligible"),
    "no_helper_after_rules": _("No helper passes the hard rules"),
    "no_helper_meets_musts": _("No helper meets the must-haves"),
    "helpers_at_capacity": _("Every suitable helper is full"),
    "not_chosen": _("Left out by the objective"),
    "removed_by_manager": _("Removed by a program manager"),
}


def preference_choices(mode: str) -> list[tuple[str, StrPromise]]:
    """Preferences a seeker may state in a program of this mode.

    Identities are used only in diversity mentoring, so the identity
    preference is offered only there.
    """
    choices = [(PREF_OUTSIDE_DEPARTMENT, PREFERENCE_LABELS[PREF_OUTSIDE_DEPARTMENT])]
    if mode == "diversity":
        choices.append((PREF_SHARED_IDENTITY, PREFERENCE_LABELS[PREF_SHARED_IDENTITY]))
    return choices
