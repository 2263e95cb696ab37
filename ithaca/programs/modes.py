"""The kinds of help Ithaca runs and the modes a program may declare.

Plain data (labels are lazy translations, nothing else from Django), so the intake
model and the matching engine can use it as well as the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MENTORING = "mentoring"
COACHING = "coaching"
KINDS: tuple[tuple[str, StrOrPromise], ...] = (
    (MENTORING, gettext_lazy("Mentoring")),
    (COACHING, gettext_lazy("Coaching")),
)

MENTORING_MODES: tuple[tuple[str, StrOrPromise], ...] = (
    ("one_to_one", gettext_lazy("Traditional one-to-one mentoring")),
    ("peer", gettext_lazy("Peer mentoring")),
    ("co_mentoring", gettext_lazy("Co-mentoring")),
    ("group", gettext_lazy("Group mentoring")),
    ("reverse", gettext_lazy("Reverse mentoring")),
    ("diversity", gettext_lazy("Diversity mentoring")),
    ("e_mentoring", gettext_lazy("E-mentoring")),
    ("education", gettext_lazy("Mentoring in education")),
    ("voluntary", gettext_lazy("Voluntary-sector mentoring")),
    ("executive_mentoring", gettext_lazy("Executive mentoring")),
)

COACHING_MODES: tuple[tuple[str, StrOrPromise], ...] = (
    ("executive", gettext_lazy("Executive coaching")),
    ("leadership", gettext_lazy("Leadership coaching")),
    ("team", gettext_lazy("Team coaching")),
    ("life", gettext_lazy("Life coaching")),
    ("brief", gettext_lazy("Brief / solution-focused coaching")),
    ("evidence_based", gettext_lazy("Evidence-based coaching")),
    ("expert", gettext_lazy("Expert coaching")),
    ("sports", gettext_lazy("Sports coaching")),
    ("co_active", gettext_lazy("Co-active coaching")),
    ("existential", gettext_lazy("Existential coaching")),
    ("ontological", gettext_lazy("Ontological coaching")),
    ("cognitive_behavioural", gettext_lazy("Cognitive-behavioural coaching")),
    ("nlp", gettext_lazy("Neuro-linguistic programming coaching")),
    ("transpersonal", gettext_lazy("Transpersonal coaching")),
    ("intercultural", gettext_lazy("Intercultural coaching")),
    ("integral", gettext_lazy("Integral coaching")),
)

ALL_MODES = MENTORING_MODES + COACHING_MODES
MODE_LABELS = dict(ALL_MODES)
MODES_BY_KIND = {
    MENTORING: frozenset(slug for slug, _ in MENTORING_MODES),
    COACHING: frozenset(slug for slug, _ in COACHING_MODES),
}
