"""Matching in the demo organization: settings per program, what waiting seekers look for,
and one draft round for the program manager to review and publish.

Called once after the demo organization is loaded; every choice depends on
the seed only, and running it again changes nothing.
"""

from __future__ import annotations

import random

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.matching.kinds import helper_role
from ithaca.matching.models import MatchingConfig, MatchingRound, MatchProfile
from ithaca.matching.services import (
    config_update,
    match_profile_update,
    round_create,
    round_run,
    waiting_counts,
)
from ithaca.programs.models import Participation, Program

# Per program kind and mode: the factors a real manager would likely turn up.
LEVELS = {
    "one_to_one": {"walked_the_path": "high", "need_similarity": "high", "preferences": "medium"},
    "peer": {"experience_gap": "high", "walked_the_path": "off", "shared_interests": "medium"},
    "executive": {"need_similarity": "high", "timezone_overlap": "low"},
    "leadership": {"need_similarity": "high", "timezone_overlap": "medium"},
}
PREFERENCE_SHARE = 0.4  # of seekers who would rather have someone from another department
# For seekers who applied without a note: what people in such programs tend to ask for.
NEEDS = {
    "mentoring": (
        "I want perspective on my next career step and how to get there.",
        "Looking for someone who has led a team through change to talk things over with.",
        "I would like to build my network outside my department and understand the trust.",
        "Thinking about research alongside clinical work; I'd value advice from someone who has.",
    ),
    "coaching": (
        "I want to get better at delegating now that I lead a team.",
        "I need to prepare for difficult conversations about performance.",
        "I want to prioritise better and stop firefighting.",
        "I am stepping into a bigger role and want to work on my leadership presence.",
    ),
}
DRAFT_PROGRAM_MODE = "one_to_one"


def add_demo_matching(*, seed: int) -> dict[str, int]:
    """Create the demo's matching settings, profiles and draft round; returns counts."""
    rng = random.Random(seed)
    counts = {"settings": 0, "profiles": 0, "draft rounds": 0}
    for program in Program.objects.prefetch_related("managers").order_by("slug"):
        manager = program.managers.order_by("pk").first()
        if manager is None:
            continue
        if not MatchingConfig.objects.filter(program=program).exists():
            config_update(
                program=program,
                by=manager,
                levels=LEVELS.get(program.mode, {}),
                top_k=25,
                max_open_requests=3,
            )
            counts["settings"] += 1
        counts["profiles"] += _profiles(rng, program)
        if program.mode == DRAFT_PROGRAM_MODE:
            counts["draft rounds"] += _draft_round(program, manager)
    return counts


def _profiles(rng: random.Random, program: Program) -> int:
    """Seekers say what they want and, in mentoring, a role a more senior helper holds now."""
    titles = _titles_by_grade(program)
    seekers = Participation.objects.filter(
        program=program, role=Participation.Role.SEEKER, state=Participation.State.ACTIVE
    ).select_related("user__profile")
    made = 0
    for part in seekers.order_by("user_id"):
        if MatchProfile.objects.filter(program=program, user=part.user).exists():
            continue
        grade = getattr(getattr(part.user, "profile", None), "grade", 1)
        above = [t for g, ts in sorted(titles.items()) if grade < g <= grade + 3 for t in ts]
        match_profile_update(
            program=program,
            user=part.user,
            need=part.application_note or rng.choice(NEEDS[program.kind]),
            target=rng.choice(above) if above and program.is_mentoring else "",
            preferences=["outside_my_department"] if rng.random() < PREFERENCE_SHARE else [],
        )
        made += 1
    return made


def _titles_by_grade(program: Program) -> dict[int, list[str]]:
    helpers = Participation.objects.filter(
        program=program, role=helper_role(program), state=Participation.State.ACTIVE
    ).values_list("user__profile__grade", "user__profile__job_title")
    titles: dict[int, set[str]] = {}
    for grade, title in helpers:
        if grade and title:
            titles.setdefault(grade, set()).add(title)
    return {grade: sorted(found) for grade, found in titles.items()}


def _draft_round(program: Program, manager: User) -> int:
    if MatchingRound.objects.filter(program=program).exists() or not all(waiting_counts(program)):
        return 0
    try:
        created = round_create(program=program, objective="fit", created_by=manager)
    except DomainError:
        return 0
    round_run(round_id=created.pk)
    return 1
