"""The structured intake questions, as plain constants a Django form can be built from.

Every question is skippable: a missing key, ``None``, ``""`` or ``[]`` all mean "skipped".
Values are short slugs so that stored answers survive a change of wording in the labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .phrase import Phrase


@dataclass(frozen=True, slots=True)
class Question:
    """One intake question: its key in the answers mapping, the prompt and its choices."""

    key: str
    prompt: str
    choices: tuple[tuple[str, str], ...]
    multiple: bool = False
    help_text: str = ""

    @property
    def values(self) -> frozenset[str]:
        return frozenset(value for value, _ in self.choices)

    def label_for(self, value: str) -> str:
        return dict(self.choices)[value]


HORIZON = Question(
    key="horizon",
    prompt="Over what time frame do you want to see a change?",
    choices=(
        ("weeks", "Weeks"),
        ("months", "A few months"),
        ("years", "Years"),
        ("open_ended", "Open-ended, no end date in mind"),
    ),
)
SPECIFIC = Question(
    key="specific",
    prompt="Is there a specific skill, performance target or transition behind this?",
    choices=(
        ("skill", "A specific skill"),
        ("performance", "A performance target"),
        ("transition", "A transition, such as a new role"),
        ("none", "Nothing specific: it is broader than that"),
    ),
)
MEASURE = Question(
    key="measure",
    prompt="How would you know it had worked?",
    choices=(
        ("metric", "A number or a metric would change"),
        ("others_notice", "Other people would notice"),
        ("feel", "I would feel it"),
        ("not_sure", "Not sure"),
    ),
)
DYNAMIC = Question(
    key="dynamic",
    prompt=(
        "Would you rather hear from someone who has walked the path, "
        "or be helped to find your own answers?"
    ),
    choices=(
        ("advice", "Advice from someone who has walked the path"),
        ("own_answers", "Help finding my own answers"),
        ("both", "Both"),
    ),
)
AGENDA = Question(
    key="agenda",
    prompt="Who should set the agenda?",
    choices=(
        ("me", "Me, meeting by meeting"),
        ("agreed", "Agreed up front, with the helper structuring the sessions"),
        ("not_sure", "Not sure"),
    ),
)
WHOSE_IDEA = Question(
    key="whose_idea",
    prompt="Whose idea was it to look for help?",
    choices=(
        ("mine", "Mine"),
        ("manager", "My manager's"),
        ("hr", "HR's"),
    ),
)
AREAS = Question(
    key="areas",
    prompt="Which areas does it touch? Choose any that apply.",
    choices=(
        ("career", "My career"),
        ("organization", "The organization and its politics"),
        ("work_life", "Work and life outside it"),
        ("resilience", "Resilience, coping with pressure or setbacks"),
        ("skill", "A skill"),
        ("role_change", "A role change"),
        ("belonging", "Belonging, fitting in"),
    ),
    multiple=True,
)

QUESTIONS: tuple[Question, ...] = (HORIZON, SPECIFIC, MEASURE, DYNAMIC, AGENDA, WHOSE_IDEA, AREAS)
QUESTIONS_BY_KEY: Mapping[str, Question] = {q.key: q for q in QUESTIONS}

Answers = Mapping[str, str | Sequence[str] | None]


def normalize_answers(answers: Answers | None) -> dict[str, tuple[str, ...]]:
    """Return the given answers as tuples of values, dropping skipped questions.

    Raises ``ValueError`` for an unknown question or choice: answers come from a form built
    from these constants, so a bad value is a caller's bug and must not be silently dropped.
    """
    clean: dict[str, tuple[str, ...]] = {}
    for key, raw in (answers or {}).items():
        question = QUESTIONS_BY_KEY.get(key)
        if question is None:
            raise ValueError(Phrase("Unknown intake question %(key)s.", key=repr(key)))
        values = _as_values(raw)
        if len(values) > 1 and not question.multiple:
            raise ValueError(
                Phrase(
                    "Question %(key)s takes a single answer, got %(values)s.",
                    key=repr(key),
                    values=repr(list(values)),
                )
            )
        unknown = [v for v in values if v not in question.values]
        if unknown:
            raise ValueError(
                Phrase(
                    "Unknown answer %(value)s for question %(key)s.",
                    value=repr(unknown[0]),
                    key=repr(key),
                )
            )
        if values:
            clean[key] = values
    return clean


def _as_values(raw: str | Sequence[str] | None) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw,) if raw.strip() else ()
    return tuple(dict.fromkeys(v for v in raw if v))
