"""Reading the free text: words, clauses, and the gates that stop the model from guessing.

The gates run before any scoring. A statement that is empty, a couple of words long, in a
language not read here (see ``language.py``), or not about growth at work gets follow-up
questions instead of a recommendation.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .cues.other_languages import TOPIC as OTHER_TOPIC_WORDS

WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
# Curly quotes become straight ones, one character for one, so offsets stay true.
STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})

# Below three words there is no need to read, only a topic at best ("help", "not sure").
MIN_WORDS = 3

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
    r"future|decisions?|direction|yourself|myself|change|succeed\w*|success\w*|"
    # Places and stages of a working life, so that a need which names only its setting
    # ("a pharmacist thinking about hospital or industry") is still read.
    r"industr\w*|hospitals?|academi[ac]\w*|universit\w*|pharmac\w*|sectors?|fields?|"
    r"retir\w+|phd|postdoc\w*|lab|charit\w+|founder|startup|ceo|director|staff|shifts?|"
    r"rota|ward|teach\w*|school|thesis|viva|options|explor\w*|path|route)\b|"
    # A wish to change how one works, whatever the trade ("want to stay level-headed on site").
    r"\b(?:want|need|trying|hope|hoping|like|love) to (?:stay|be|get|become|learn|stop|start|"
    r"handle|deal|fix|build|feel|sort|change|find|understand)\b",
    re.IGNORECASE,
)

OTHER_TOPICS: Mapping[str, re.Pattern[str]] = {
    lang: re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)
    for lang, pattern in OTHER_TOPIC_WORDS.items()
}

# A request for an errand ("please can you book me a room for the team meeting on
# Tuesday", "please update the tracker before Friday") mentions meetings and dates without
# any wish to grow; unless the person also says what they want or asks for a helper, it is
# not a need, so it is answered like off-topic text.
ERRAND = re.compile(
    r"(?<!\w)(?:please|pls|kindly|can you|could you|would you)(?:\s+[\w']+){0,2}?\s+(?:book|"
    r"update|send|submit|reset|forward|cancel|reschedule|move|sign|approve|print|file|attach|"
    r"add|remove|confirm|review|check|share|circulate|let me know|tell me (?:where|when|what "
    r"time|how to))\b",
    re.IGNORECASE,
)
WISH = re.compile(
    r"(?<!\w)(?:i|i'd|i'm|i've|we|we'd)(?:\s+[\w']+){0,2}?\s+(?:want|wants|need|needs|like|"
    r"love|hope|hoping|looking|struggl\w*|trying|keen)\b|(?<!\w)help (?:me|us)\b|"
    r"(?<!\w)(?:coach|mentor)\w*",
    re.IGNORECASE,
)
# Arrangements around sessions in the four languages (cancel or move a session, an invoice, a
# receipt, a room), or a job application ("any openings for a plumber?"): not a need when
# nothing else in the statement speaks of growth.
ADMIN = re.compile(
    r"(?<!\w)(?:(?:cancel|move|reschedule) (?:my|the|our|this) (?:session|appointment|"
    r"meeting)|invoice|receipts?|parking|projector|"
    r"(?:annuler|déplacer|reporter|décaler) (?:ma|mon|la|le|notre) (?:séance|rendez-vous|"
    r"session|réunion)|factures?|reçus?|"
    r"(?:cancelar|cambiar|aplazar|mover) (?:mi|la|el) (?:sesión|cita|reunión)|facturas?|"
    r"recibos?|"
    r"(?:termin|sitzung)\w*[^.!?]{0,30}(?:absagen|verschieben|stornieren)|rechnung|"
    r"quittung|beleg|"
    r"(?:any|job) (?:openings|vacancies)|are you hiring|offres? d'emploi|postes? vacants?|"
    r"vacantes|ofertas? de (?:trabajo|empleo)|stellenangebote?|offene stellen)(?!\w)",
    re.IGNORECASE,
)
# Not a development need whatever else it says: a complaint or grievance to be filed.
GRIEVANCE = re.compile(
    r"(?<!\w)(?:(?:file|make|lodge|raise|submit|put in) (?:a |an )?(?:formal |official )?"
    r"(?:complaint|grievance)|(?:porter|déposer|faire) (?:une )?(?:plainte|réclamation)|"
    r"(?:poner|presentar) (?:una )?(?:queja|reclamación|denuncia)|(?:eine )?beschwerde "
    r"(?:einreichen|einlegen|erheben)|i (?:want|would like|'d like) to complain|"
    r"je (?:veux|voudrais|souhaite) (?:me plaindre|réclamer)|quiero (?:quejarme|reclamar)|"
    r"(?:ich )?(?:möchte|will|werde) mich (?:\w+ ){0,2}beschweren|(?:formally|officially) "
    r"complain|me plaindre (?:officiellement|formellement|auprès)|quejarme (?:formalmente|"
    r"oficialmente|ante))(?!\w)",
    re.IGNORECASE,
)

# Casual spellings: apostrophes left out ("im", "dont") and short forms ("wks", "mgr").
# Matching runs on a copy with these written out; quotes are cut from the person's own text
# through an offset map, so "dont know anyone" is read as "don't know" but quoted as typed.
# Only forms that are not also English words are listed ("ill", "id", "its", "were" are not).
CASUAL: Mapping[str, str] = {
    "im": "i'm",
    "ive": "i've",
    "dont": "don't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "cant": "can't",
    "wont": "won't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "arent": "aren't",
    "havent": "haven't",
    "wouldnt": "wouldn't",
    "couldnt": "couldn't",
    "shouldnt": "shouldn't",
    "youre": "you're",
    "theyre": "they're",
    "whats": "what's",
    "thats": "that's",
    "theres": "there's",
    "u": "you",
    "ur": "your",
    "wk": "week",
    "wks": "weeks",
    "mth": "month",
    "mths": "months",
    "mnths": "months",
    "yr": "year",
    "yrs": "years",
    "hrs": "hours",
    "mgr": "manager",
    "mgmt": "management",
    "comms": "communications",
    "convo": "conversation",
    "convos": "conversations",
    "abt": "about",
    "bc": "because",
    "cuz": "because",
    "w/": "with",
    "&": "and",
    "wether": "whether",
    "carrer": "career",
    "carreer": "career",
    "managment": "management",
    "confidance": "confidence",
    "mentorship": "mentoring",
}
_CASUAL_TOKEN = re.compile(r"(?<![\w'])(?:[a-z]+|w/|&)(?![\w'])", re.IGNORECASE)

# Words that open the second part of a two-part need: "Also...", "Beyond that...",
# "Longer term...", "...and I'd also like...". Where one follows a comma or an "and", the
# clause is cut there; a clause that opens with one is marked as a separate need.
SECOND_NEED = (
    r"(?:also|beyond (?:that|this)|after (?:that|this)|longer[- ]term|long[- ]term|"
    r"more generally|bigger picture|"
    r"in the long(?:er)? (?:run|term)|separately|on top of (?:that|this)|more broadly|"
    r"apart from (?:that|this)|aside from (?:that|this)|alongside (?:that|this)|"
    r"at the same time|outside of (?:that|this)|then there's|the other thing|"
    r"underneath (?:it|that|all that)|deeper down|broader|more fundamentally|"
    # French, Spanish and German announce a second need in their own words.
    r"au-delà de (?:ça|cela)|à côté de (?:ça|cela)|par ailleurs|en parallèle|"
    r"à plus long terme|sur le long terme|plus largement|d'autre part|après (?:ça|cela)|"
    r"en dehors de (?:ça|cela)|aparte de (?:eso|esto)|aparte|más allá de (?:eso|esto)|"
    r"a (?:más )?largo plazo|por otro lado|en paralelo|además|darüber hinaus|"
    r"(?:ganz )?unabhängig davon|langfristig|auf lange sicht|abgesehen davon|außerdem|zudem|"
    # "...und grundsätzlich: ...", "...et plus fondamentalement...", "...y en el fondo..."
    r"grundsätzlich|überhaupt|im grunde|plus fondamentalement|sur le fond|en el fondo|"
    r"más en general|lo de fondo)"
)
_SUBJECT = r"(?:i'?m\s+|i\s+am\s+|i'?d\s+|i'?ve\s+|i\s+|would\s+|i\s+would\s+)?"
SEGMENT_BREAK = re.compile(
    r"[.!?;]+(?:\s+|$)|\n+|\s+-\s+|\s+[\u2013\u2014]\s+|"
    r",?\s+(?:and also|but also|as well as)\s+|,\s+(?:and|but|while|whereas)\s+|\s+but\s+|"
    # English "plus" joins two needs; French "plus" ("je ne sais plus") never does.
    r",\s+plus\s+(?=i\b|i'|my\b|want|need|would|also)|"
    r"\s\d[).]\s|"
    # "...80 and im also thinking about...", "...and I'd also like..."
    rf"\s+and\s+(?:(?:honestly|frankly|really|personally|actually),?\s+)?"
    rf"(?={_SUBJECT}(?:also|too)\b)|"
    # "..., y también pensar con calma...", "..., et aussi...", "..., und auch..."
    r",?\s+(?:y|et|und)\s+(?=(?:también|tambien|aussi|auch)\b)|"
    # "..., beyond that I'm...", "..., longer term I want..."
    rf",\s+(?={SECOND_NEED}\b)|"
    # "...need confidence with X and want someone who..."
    r"\s+and\s+(?=(?:i\s+)?(?:would|i'd|want|need|i\s+want|i\s+need|would\s+like|"
    r"love|hope)\b)",
    re.IGNORECASE,
)
_OPENS_SECOND_NEED = re.compile(
    rf"^\W*(?:(?:and|but|so|et|mais|y|pero|und|aber)\s+)?(?:{SECOND_NEED}\b|"
    r"(?:[\w']+\s+){0,2}(?:also|también|tambien|aussi|auch)\b)",
    re.IGNORECASE,
)


class Gate(enum.Enum):
    """Why a statement cannot be read for a recommendation."""

    EMPTY = "empty"
    TOO_SHORT = "too_short"
    OTHER_LANGUAGE = "other_language"
    OFF_TOPIC = "off_topic"


@dataclass(frozen=True, slots=True)
class Normalized:
    """Text prepared for matching, with a map back to the person's own characters.

    ``starts[i]`` and ``ends[i]`` are the span in the original text that character ``i`` of
    ``text`` came from; a written-out casual form maps every character to the whole token.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[end - 1]


def normalize(text: str, *, casual: bool = True) -> Normalized:
    """Straighten quotes and write out casual spellings, keeping an offset map.

    ``casual=False`` skips the English short forms ("im" is a German word).
    """
    plain = straighten(text)
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for token in _CASUAL_TOKEN.finditer(plain) if casual else ():
        full = CASUAL.get(token.group().lower())
        if full is None:
            continue
        a, b = token.span()
        parts.append(plain[last:a])
        starts.extend(range(last, a))
        ends.extend(range(last + 1, a + 1))
        parts.append(full)
        starts.extend([a] * len(full))
        ends.extend([b] * len(full))
        last = b
    if not parts:
        span = range(len(plain))
        return Normalized(plain, tuple(span), tuple(i + 1 for i in span))
    parts.append(plain[last:])
    starts.extend(range(last, len(plain)))
    ends.extend(range(last + 1, len(plain) + 1))
    return Normalized("".join(parts), tuple(starts), tuple(ends))


def opens_second_need(clause: str) -> bool:
    """Whether a clause announces a separate need ("Also...", "Longer term...")."""
    return _OPENS_SECOND_NEED.match(straighten(clause)) is not None


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(straighten(text))]


def straighten(text: str) -> str:
    return text.translate(STRAIGHTEN)


def gate_for(text: str, language: str = "en") -> Gate | None:
    """Return the reason this text cannot be triaged, or ``None`` if it can."""
    if not text.strip():
        return Gate.EMPTY
    if language == "other":
        return Gate.OTHER_LANGUAGE
    if len(words(text)) < MIN_WORDS:
        return Gate.TOO_SHORT
    return None


def is_on_topic(text: str, language: str = "en") -> bool:
    if language != "en":
        pattern = OTHER_TOPICS.get(language)
        return pattern is not None and pattern.search(text) is not None
    return TOPIC.search(text) is not None


def is_errand(text: str) -> bool:
    """Whether the text asks for an errand and states no wish of the person's own, or files
    a complaint (never a development need)."""
    plain = normalize(text).text
    if GRIEVANCE.search(plain) is not None:
        return True
    return ERRAND.search(plain) is not None and WISH.search(plain) is None


def is_admin(text: str) -> bool:
    """Whether the text is about arranging sessions or paying for them (``ADMIN``)."""
    return ADMIN.search(normalize(text).text) is not None


def segments(text: str) -> list[tuple[int, int]]:
    """Split text into clause spans, so each part of a two-part need can be quoted alone."""
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in SEGMENT_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]
