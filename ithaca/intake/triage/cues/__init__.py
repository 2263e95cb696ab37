"""The phrases the model looks for, per signal kind, compiled.

Each kind is one idea from DOMAIN.md (a deadline, a named skill, wanting someone who has
walked the path...). Its weight, side and dimension live in ``weights.py``; its wording for
the seeker in ``reasons.py``. Adding a phrase is how the model learns a new wording; a new
idea needs a new kind, a weight and a reason. Patterns match whole words, ignoring case, in
text whose curly apostrophes have been straightened.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .coaching import COACHING
from .mentoring import MENTORING

# Someone else's idea: evidence about consent, not about either side.
CONSENT: Mapping[str, tuple[str, ...]] = {
    "third_party": (
        (
            r"my (?:line )?(?:manager|boss|supervisor|director|head of \w+|team lead\w*|hr(?: "
            r"partner| business partner)?|practice manager|sponsor)(?: has| had)? (?:wants|"
            r"wanted|would like|asked|told|suggested|signed|sent|referred|thinks|put|nominated|"
            r"recommended|insists|insisted|feels|believes)"
        ),
        (
            r"my (?:line )?(?:manager|boss|supervisor|director)(?: has)? (?:said|says) (?:i|that "
            r"i) (?:should|need|must)"
        ),
        (
            r"(?:hr|human resources)(?: has| have)? (?:wants? me|asked me|told me|suggested|"
            r"signed me|sent me|referred me|recommended)"
        ),
        (
            r"(?:i've|i have|i was|i've been|i have been|i'm being|i am being) (?:been )?(?:told|"
            r"asked|referred|sent|nominated|made|required) to (?:get|have|do|find|see|attend|sign|"
            r"take|go|try|work with|look)"
        ),
        r"(?:someone|they|a colleague|people) (?:told|suggested to|said to) me (?:i should|to)",
        r"signed me up",
        r"was referred",
        r"referred me",
        r"put me forward",
    ),
}

LEXICON: Mapping[str, tuple[str, ...]] = {**COACHING, **MENTORING, **CONSENT}

CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)", re.IGNORECASE))
    for name, phrases in LEXICON.items()
)

# Three words back catches "no deadline", "don't want a mentor", "not looking for advice"
# without reaching into the previous thought.
NEGATION_WINDOW = 3
NEGATORS = frozenset(
    (
        "not",
        "no",
        "never",
        "without",
        "don't",
        "dont",
        "doesn't",
        "didn't",
        "won't",
        "isn't",
        "aren't",
        "nor",
    )
)
