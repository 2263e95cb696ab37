"""Coaching and mentoring modes, and the cues that suggest one for a given need.

The suggestion cues are deliberately few and loose; a mode is a hint for browsing programs,
never a decision, so a wrong hint costs little.
"""

from __future__ import annotations

import re

from ithaca.programs.modes import COACHING_MODES, MENTORING_MODES

# The slugs and labels live with programs (plain data, no Django), so a suggested
# mode always names a mode a program can declare.
__all__ = ["COACHING_MODES", "MENTORING_MODES", "suggest_modes"]

DEFAULT_COACHING_MODE = "evidence_based"
DEFAULT_MENTORING_MODE = "one_to_one"
MAX_MODES_PER_SIDE = 3

_SENIOR = r"exec(?:utive)?s?|c-suite|ceo|cfo|cto|coo|vp|vice[- ]president|director|board|partner"

# Ordered: when more than MAX_MODES_PER_SIDE fire, the earlier, more telling cue wins.
COACHING_MODE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (slug, re.compile(pattern, re.IGNORECASE))
    for slug, pattern in (
        ("sports", r"\b(athlete|sports?|matches|tournament|competition|race day|season)\b"),
        ("executive", rf"\b({_SENIOR}|senior leaders?)\b"),
        (
            "team",
            r"\b(our team|team'?s (?:performance|scores?|culture|dynamics)|we keep|as a team)",
        ),
        (
            "leadership",
            r"\b(manag(?:er|ing|ement)|team lead(?:er)?|lead(?:ing)? (?:a|the|my) team|"
            r"leadership|head of|supervis\w+)",
        ),
        (
            "cognitive_behavioural",
            r"\b(anxi\w+|nerves|panic|freeze|go to pieces|stress\w*|"
            r"procrastinat\w+|self-doubt|confidence|terrified)",
        ),
        (
            "intercultural",
            r"\b(cross-cultural|intercultural|relocat\w+|abroad|time zones|"
            r"international)\b",
        ),
        ("life", r"\b(work[- ]life|personal life|life goals|life coach\w*)"),
    )
)

MENTORING_MODE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (slug, re.compile(pattern, re.IGNORECASE))
    for slug, pattern in (
        (
            "reverse",
            r"\b(younger|junior) (?:staff|colleagues|people|generation)|digital natives|"
            r"gen ?z\b",
        ),
        (
            "diversity",
            r"\b(belong\w*|fit in|only (?:woman|women|black|person|one)|women in|"
            r"minority|lgbt\w*|queer|black|first (?:person )?in my family|"
            r"my background|disab\w+|neurodivergent|barriers)",
        ),
        ("peer", r"\b(peers?|same boat|fellow|others at my level|people like me)\b"),
        ("co_mentoring", r"\b(each other|one another|mutual\w*|swap)"),
        ("group", r"\b(group mentoring|circles?|cohort)\b"),
        (
            "e_mentoring",
            r"\b(remote|online|virtual\w*|cut off|another (?:site|city|country)|"
            r"different site)",
        ),
        ("executive_mentoring", rf"\b({_SENIOR}|senior leadership)\b"),
        (
            "education",
            r"\b(students?|phd|teach\w*|lecturer|schools?|universit\w+|academ\w+|"
            r"trainee|graduate|registrar|junior doctor|postdoc)",
        ),
        ("voluntary", r"\b(charity|charities|volunteer\w*|non-?profit|voluntary|third sector)\b"),
    )
)


def suggest_modes(text: str, *, coaching: bool, mentoring: bool, short: bool) -> list[str]:
    """Suggest mode slugs for the sides recommended, coaching modes first.

    ``short`` marks a time-bound, single-issue need, which is what brief coaching is for.
    """
    modes: list[str] = []
    if coaching:
        found = [slug for slug, cue in COACHING_MODE_CUES if cue.search(text)]
        if short:
            found.append("brief")
        modes += found[:MAX_MODES_PER_SIDE] or [DEFAULT_COACHING_MODE]
    if mentoring:
        found = [slug for slug, cue in MENTORING_MODE_CUES if cue.search(text)]
        modes += found[:MAX_MODES_PER_SIDE] or [DEFAULT_MENTORING_MODE]
    return modes
