"""The close-out and follow-up questions, each tagged with its Kirkpatrick level.

Kirkpatrick's levels: reaction (how the coaching felt), learning (what the
coachee now knows or can do), behaviour (what they do differently at work).
Behaviour shows only with time, so its strongest questions wait for the
follow-up survey three months after close-out. A small fixed set keeps answers
comparable across engagements. Pure data; the wording is marked for translation
(lazily, so each reader sees it in their own language).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

REACTION, LEARNING, BEHAVIOUR = "reaction", "learning", "behaviour"
LEVELS = ((REACTION, _("Reaction")), (LEARNING, _("Learning")), (BEHAVIOUR, _("Behaviour")))
# How a question is tagged after its prompt, in brackets.
LEVEL_TAGS = {REACTION: _("reaction"), LEARNING: _("learning"), BEHAVIOUR: _("behaviour")}
CLOSE_OUT, FOLLOW_UP = "close_out", "follow_up"
SURVEYS = ((CLOSE_OUT, _("Close-out evaluation")), (FOLLOW_UP, _("Three-month follow-up")))
FOLLOW_UP_AFTER_DAYS = 90


@dataclass(frozen=True)
class Question:
    key: str
    survey: str
    level: str
    prompt: str | Promise
    rating: bool  # a 1-5 rating when true, free text otherwise


QUESTIONS: tuple[Question, ...] = (
    Question("useful", CLOSE_OUT, REACTION, _("How useful were the sessions to you? (1-5)"), True),
    Question(
        "recommend",
        CLOSE_OUT,
        REACTION,
        _("Would you recommend coaching to a colleague? (1-5)"),
        True,
    ),
    Question(
        "learned", CLOSE_OUT, LEARNING, _("What did you learn about yourself or your work?"), False
    ),
    Question(
        "confidence", CLOSE_OUT, LEARNING, _("How confident are you in the skill now? (1-5)"), True
    ),
    Question("doing", CLOSE_OUT, BEHAVIOUR, _("What do you already do differently?"), False),
    Question(
        "lasting", FOLLOW_UP, BEHAVIOUR, _("Three months on, which changes have lasted?"), False
    ),
    Question(
        "frequency", FOLLOW_UP, BEHAVIOUR, _("How often do you use what you learned? (1-5)"), True
    ),
    Question(
        "noticed", FOLLOW_UP, BEHAVIOUR, _("Has anyone around you noticed a difference?"), False
    ),
)
BY_KEY = {question.key: question for question in QUESTIONS}


def questions_for(survey: str) -> tuple[Question, ...]:
    return tuple(question for question in QUESTIONS if question.survey == survey)


def level_label(level: str) -> str:
    """The bracketed tag shown after a question's prompt, in the active language."""
    return str(LEVEL_TAGS.get(level, level))
