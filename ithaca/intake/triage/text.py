"""Reading the free text: words, clauses, and the gates that stop the model from guessing.

The gates run before any scoring. A statement that is empty, a couple of words long, not in
English, or not about growth at work gets follow-up questions instead of a recommendation.
"""

from __future__ import annotations

import enum
import re

WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
# Curly quotes become straight ones, one character for one, so offsets stay true.
STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})

# Below three words there is no need to read, only a topic at best ("help", "not sure").
MIN_WORDS = 3

# Letters past Latin Extended-B belong to scripts (Han, Cyrillic, Arabic...) the phrase lists
# cannot read; a third of them is far more than an English need with one foreign name has.
NON_LATIN_LIMIT = 0.3

EN_STOPWORDS = frozenset(
    str.split(
        """i me my myself we our you your he she it its they them their this that these those
    am is are was were be been being have has had do does did doing a an the and but if or
    because as until while of at by for with about against between into through during
    before after to from up down in out on off over under again then once here there when
    where why how all any both each few more most other some such no nor not only own same
    so than too very can will just should would could want need like i'm i've i'd i'll
    don't it's what who which get help work"""
    )
)

# Function words of the languages a seeker here is most likely to write in instead. Words
# that are also common English words ("a", "me", "on", "die", "is") are left out on purpose.
FOREIGN_STOPWORDS = frozenset(
    str.split(
        """el la los las un una unos del al y o pero que en con por para mi mis su sus es son
    estoy quiero como muy más sin sobre también yo no sé mejorar trabajo
    le les une des du et ou mais je tu il nous vous ils est sont suis dans pour avec sur
    ma mes mon ce cette qui pas voudrais aide
    der das und oder aber ich du er sie wir ihr ist sind bin mit für auf nicht ein eine
    einen dem den des zu im möchte mich mir meine mein suche
    o os as um uma e ou mas eu com não minha meu quero na no da em
    il lo gli una di che per con non sono mio mia vorrei nei delle della
    het een en maar ik jij wij zijn niet voor met van"""
    )
)

# Words that show the statement is about work, growth or a helping relationship. Signals
# also count; this list catches on-topic statements that carry no signal yet ("I want to
# get better at my job"), so that they get questions rather than an off-topic reply.
TOPIC = re.compile(
    r"\b(work\w*|jobs?|careers?|roles?|teams?|manag\w+|lead\w*|boss|colleagues?|skills?|"
    r"learn\w*|improv\w+|better|develop\w*|grow\w*|progress\w*|promot\w+|confiden\w+|goals?|"
    r"feedback|mentor\w*|coach\w*|perform\w*|profession\w*|company|organi[sz]ation\w*|"
    r"business|firm|department|clients?|customers?|patients?|students?|research\w*|sales|"
    r"meetings?|present\w*|interview\w*|exams?|training|trainee|advice|support|struggl\w+|"
    r"nurs\w+|doctors?|engineer\w*|academi\w+|lectur\w+|graduate|office|ward|clinic\w*|"
    r"future|decisions?|direction|yourself|myself|change|succeed\w*|success\w*)\b",
    re.IGNORECASE,
)

SEGMENT_BREAK = re.compile(
    r"[.!?;]+(?:\s+|$)|\n+|\s+-\s+|\s+[\u2013\u2014]\s+|"
    r",?\s+(?:and also|but also|as well as|plus)\s+|,\s+(?:and|but|while|whereas)\s+|\s+but\s+|"
    r"\s\d[).]\s"
)


class Gate(enum.Enum):
    """Why a statement cannot be read for a recommendation."""

    EMPTY = "empty"
    TOO_SHORT = "too_short"
    NON_ENGLISH = "non_english"
    OFF_TOPIC = "off_topic"


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(straighten(text))]


def straighten(text: str) -> str:
    return text.translate(STRAIGHTEN)


def gate_for(text: str) -> Gate | None:
    """Return the reason this text cannot be triaged, or ``None`` if it can."""
    if not text.strip():
        return Gate.EMPTY
    tokens = words(text)
    if looks_non_english(text, tokens):
        return Gate.NON_ENGLISH
    if len(tokens) < MIN_WORDS:
        return Gate.TOO_SHORT
    return None


def looks_non_english(text: str, tokens: list[str]) -> bool:
    letters = [c for c in text if c.isalpha()]
    if letters and sum(ord(c) > 0x24F for c in letters) / len(letters) > NON_LATIN_LIMIT:
        return True
    english = sum(t in EN_STOPWORDS for t in tokens)
    foreign = sum(t in FOREIGN_STOPWORDS for t in tokens)
    # One foreign word in an English sentence ("raison d'être") must not tip it: demand
    # at least two, and more of them than English function words.
    return foreign >= 2 and foreign > english


def is_on_topic(text: str) -> bool:
    return TOPIC.search(text) is not None


def segments(text: str) -> list[tuple[int, int]]:
    """Split text into clause spans, so each part of a two-part need can be quoted alone."""
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in SEGMENT_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]
