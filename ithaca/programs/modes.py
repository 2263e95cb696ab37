"""The kinds of help Ithaca runs and the modes a program may declare.

Plain data with no Django at all, so the intake model and the matching engine can use it
as well as the database. Labels are English, marked with ``_`` for the catalogue; whoever
shows one translates it then (``gettext(label)``; the model's choices do it lazily).
"""

from __future__ import annotations


def _(label: str) -> str:
    """Marks a label for makemessages; it is translated where it is shown."""
    return label


MENTORING = "mentoring"
COACHING = "coaching"
KINDS: tuple[tuple[str, str], ...] = (
    (MENTORING, _("Mentoring")),
    (COACHING, _("Coaching")),
)

MENTORING_MODES: tuple[tuple[str, str], ...] = (
    ("one_to_one", _("Traditional one-to-one mentoring")),
    ("peer", _("Peer mentoring")),
    ("co_mentoring", _("Co-mentoring")),
    ("group", _("Group mentoring")),
    ("reverse", _("Reverse mentoring")),
    ("diversity", _("Diversity mentoring")),
    ("e_mentoring", _("E-mentoring")),
    ("education", _("Mentoring in education")),
    ("voluntary", _("Voluntary-sector mentoring")),
    ("executive_mentoring", _("Executive mentoring")),
)

COACHING_MODES: tuple[tuple[str, str], ...] = (
    ("executive", _("Executive coaching")),
    ("leadership", _("Leadership coaching")),
    ("team", _("Team coaching")),
    ("life", _("Life coaching")),
    ("brief", _("Brief / solution-focused coaching")),
    ("evidence_based", _("Evidence-based coaching")),
    ("expert", _("Expert coaching")),
    ("sports", _("Sports coaching")),
    ("co_active", _("Co-active coaching")),
    ("existential", _("Existential coaching")),
    ("ontological", _("Ontological coaching")),
    ("cognitive_behavioural", _("Cognitive-behavioural coaching")),
    ("nlp", _("Neuro-linguistic programming coaching")),
    ("transpersonal", _("Transpersonal coaching")),
    ("intercultural", _("Intercultural coaching")),
    ("integral", _("Integral coaching")),
)

ALL_MODES = MENTORING_MODES + COACHING_MODES
MODE_LABELS = dict(ALL_MODES)
MODES_BY_KIND = {
    MENTORING: frozenset(slug for slug, _ in MENTORING_MODES),
    COACHING: frozenset(slug for slug, _ in COACHING_MODES),
}
