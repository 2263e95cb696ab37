"""The kinds of help Ithaca runs and the modes a program may declare.

Plain data with no Django import, so the intake model and the matching engine
can use it as well as the database.
"""

from __future__ import annotations

MENTORING = "mentoring"
COACHING = "coaching"
KINDS: tuple[tuple[str, str], ...] = ((MENTORING, "Mentoring"), (COACHING, "Coaching"))

MENTORING_MODES: tuple[tuple[str, str], ...] = (
    ("one_to_one", "Traditional one-to-one mentoring"),
    ("peer", "Peer mentoring"),
    ("co_mentoring", "Co-mentoring"),
    ("group", "Group mentoring"),
    ("reverse", "Reverse mentoring"),
    ("diversity", "Diversity mentoring"),
    ("e_mentoring", "E-mentoring"),
    ("education", "Mentoring in education"),
    ("voluntary", "Voluntary-sector mentoring"),
    ("executive_mentoring", "Executive mentoring"),
)

COACHING_MODES: tuple[tuple[str, str], ...] = (
    ("executive", "Executive coaching"),
    ("leadership", "Leadership coaching"),
    ("team", "Team coaching"),
    ("life", "Life coaching"),
    ("brief", "Brief / solution-focused coaching"),
    ("evidence_based", "Evidence-based coaching"),
    ("expert", "Expert coaching"),
    ("sports", "Sports coaching"),
    ("co_active", "Co-active coaching"),
    ("existential", "Existential coaching"),
    ("ontological", "Ontological coaching"),
    ("cognitive_behavioural", "Cognitive-behavioural coaching"),
    ("nlp", "Neuro-linguistic programming coaching"),
    ("transpersonal", "Transpersonal coaching"),
    ("intercultural", "Intercultural coaching"),
    ("integral", "Integral coaching"),
)

ALL_MODES = MENTORING_MODES + COACHING_MODES
MODE_LABELS = dict(ALL_MODES)
MODES_BY_KIND = {
    MENTORING: frozenset(slug for slug, _ in MENTORING_MODES),
    COACHING: frozenset(slug for slug, _ in COACHING_MODES),
}
