"""Turning text and answers into signals: named, weighted, quoted pieces of evidence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from .cues import (
    CUES_BY_LANGUAGE,
    DISMISSAL,
    NEGATION_WINDOW,
    NEGATORS,
    PAST_START,
    PIVOT,
    REJECTION,
)
from .questions import QUESTIONS_BY_KEY
from .text import normalize, segments, words
from .weights import KINDS, WEIGHTS, Dimension, Side

# Which side and dimension each answered question speaks to, per chosen value.
_ANSWER_SIDES: Mapping[str, Mapping[str, Side]] = {
    "horizon": {
        "weeks": "coaching",
        "months": "coaching",
        "years": "mentoring",
        "open_ended": "mentoring",
    },
    "specific": {
        "skill": "coaching",
        "performance": "coaching",
        "transition": "coaching",
        "none": "mentoring",
    },
    "measure": {"metric": "coaching", "others_notice": "coaching", "feel": "mentoring"},
    "dynamic": {"advice": "mentoring", "own_answers": "coaching"},
    "agenda": {"me": "mentoring", "agreed": "coaching"},
    "areas": {
        "career": "mentoring",
        "organization": "mentoring",
        "work_life": "mentoring",
        "resilience": "mentoring",
        "belonging": "mentoring",
        "skill": "coaching",
        "role_change": "coaching",
    },
}
_ANSWER_DIMENSIONS: Mapping[str, Dimension] = {
    "horizon": "horizon",
    "specific": "focus",
    "measure": "outcome",
    "dynamic": "dynamic",
    "agenda": "agenda",
    "whose_idea": "consent",
    "areas": "focus",
}
# Answers about the substance of the need can carry one side of a "both" on their own.
_ANSWER_ANCHORS = frozenset({"horizon", "specific", "areas"})


@dataclass(frozen=True, slots=True)
class Signal:
    """One piece of evidence: where it came from, what it supports and the words behind it.

    ``quote`` is the person's own words for text signals and the chosen answer's label for
    answer signals; ``start`` is the offset of the quote in the text (-1 for answers).
    """

    name: str
    side: Side
    dimension: Dimension
    weight: float
    quote: str
    source: Literal["text", "answer"]
    anchor: bool
    start: int = -1

    def to_dict(self) -> dict[str, str | float | bool | int]:
        return {
            "name": self.name,
            "side": self.side,
            "dimension": self.dimension,
            "weight": self.weight,
            "quote": self.quote,
            "source": self.source,
            "anchor": self.anchor,
            "start": self.start,
        }


def text_signals(text: str, language: str = "en") -> list[Signal]:
    """Every cue that matches the text and is not negated, in order of appearance.

    Cues of the statement's language are matched on a normalized copy (straight quotes and,
    in English, casual spellings written out); each quote and offset is mapped back to the
    person's own words.
    """
    found: list[Signal] = []
    norm = normalize(text, casual=language == "en")
    plain = norm.text
    clauses = segments(plain)
    set_aside = [m.span() for m in REJECTION.finditer(plain)] + _dismissed(plain, clauses)
    set_aside += _narrowed(plain, clauses)
    history = _past_starts(plain, clauses)
    pivot = PIVOT.search(plain)
    if pivot is not None:
        history.append((0, pivot.start()))
    # A date by which a choice must be made ("my answer is due Monday", "applications open
    # in November") tells when to decide, not a skill to build by then: DOMAIN.md reads a
    # near deadline with a holistic question behind it as mentoring.
    history += [(a, b) for a, b in clauses if DECISION_DATE.search(plain, a, b)]
    for name, pattern in CUES_BY_LANGUAGE.get(language, CUES_BY_LANGUAGE["en"]):
        kind = KINDS[name]
        for match in pattern.finditer(plain):
            at = match.start()
            if kind.negatable and _negated(plain, at):
                continue
            if kind.side != "neither" and any(a <= at < b for a, b in set_aside):
                continue
            if name in _DATED and any(a <= at < b for a, b in history):
                continue
            start, end = norm.original_span(at, match.end())
            quote = text[start:end]
            found.append(
                Signal(
                    name=name,
                    side=kind.side,
                    dimension=kind.dimension,
                    weight=WEIGHTS[name],
                    quote=quote.strip(" ,"),
                    source="text",
                    anchor=kind.anchor,
                    start=start + len(quote) - len(quote.lstrip(" ,")),
                )
            )
    found.sort(key=lambda s: s.start)
    return _drop_nested(found)


DECISION_DATE = re.compile(
    r"(?<!\w)(?:(?:my |an? |the )?answer (?:is )?due|"
    r"(?:(?:need|have|has|got) to|must|should) "
    r"(?:answer|respond|reply|decide|choose|accept|commit|sign)|"
    r"(?:decide|decision|choose)\b[^.!?]{0,30}"
    r"(?:by|before)|applications?(?: for [\w -]{1,40}?)? (?:open|close|are due|deadline)|"
    r"offer (?:expires|ends)|"
    # Telling someone by a date which way one goes ("I have to tell the deanery by 31
    # January whether I'm applying...", "dire à l'école d'ici mars si je reste").
    r"(?:to|must|should) (?:say yes or no|give (?:them |him |her )?(?:an|my) answer)|"
    r"(?:tell|let [\w ]{1,25} know|inform|notify|confirm)\b[^.!?]{0,50}\b(?:whether|if) "
    r"(?:i|i'm|i'll|to)\b|"
    r"(?:dire|annoncer|faire savoir|confirmer|indiquer)[^.!?]{0,50}\bsi (?:je|j')|"
    r"(?:decir|comunicar|confirmar|avisar)[^.!?]{0,50}\bsi (?:voy|me|acepto|sigo|quiero|"
    r"pido|opto)\b|"
    r"(?:sagen|mitteilen|melden|bescheid geben|bescheid sagen)[^.!?]{0,50}\bob ich\b|"
    r"zusagen|absagen|zusage|entscheiden|entscheidung|bewerbungs(?:frist|schluss)|"
    r"répondre|réponse|décider|décision|candidatures? (?:ouvrent|ferment|closes?)|"
    r"responder|respuesta|decidir|decisión|convocatoria)(?!\w)",
    re.IGNORECASE,
)

# Time frames that a past start turns into history ("started in March").
_DATED = frozenset({"deadline", "short_horizon"})


def _dismissed(text: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans the person sets aside ("..., which is fine", "but that's not what this is about")."""
    spans: list[tuple[int, int]] = []
    for match in DISMISSAL.finditer(text):
        # The phrase itself may name what is set aside ("not worried about the interview").
        spans.append(match.span())
        spans += _frame_before(text, clauses, match.start())
    return spans


def _frame_before(text: str, clauses: list[tuple[int, int]], at: int) -> list[tuple[int, int]]:
    """What a phrase at `at` refers back to: its clause up to the phrase when that holds
    three words or more, else the clause before (the phrase opens its clause: "...,
    but honestly the one thing in the way is delegating"); none outside every clause."""
    index = next((i for i, (a, b) in enumerate(clauses) if a <= at < b), None)
    if index is None:
        return []
    start = clauses[index][0]
    if len(words(text[start:at])) >= 3:
        return [(start, at)]
    return [clauses[index - 1]] if index > 0 else []


# "For my career, what I need now is one thing: to learn to negotiate": the frame named
# before the narrowing, in its clause, is the occasion, not the need. Not after a negation
# ("it's not one thing", "no es una sola cosa": that says the focus is broad).
NARROWING = re.compile(
    r"(?<!\w)(?<!not )(?<!n't )(?<!no )(?<!pas )(?<!nicht )(?:(?:just|only) one thing|one thing "
    r"only|the (?:one|only) thing (?:in (?:the|my) way|holding me back|i (?:really )?need)|"
    r"une seule chose|rien qu'une chose|una sola cosa|solo una cosa|solamente una cosa|"
    r"nur eine (?:einzige )?sache|eine einzige sache)(?!\w)",
    re.IGNORECASE,
)


def _narrowed(text: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans before a narrowing to one thing, within its clause."""
    spans: list[tuple[int, int]] = []
    for match in NARROWING.finditer(text):
        spans += _frame_before(text, clauses, match.start())
    return spans


def _past_starts(text: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans that follow a start already made ("started my first job in March"), within
    its clause, up to the first word that looks ahead."""
    spans: list[tuple[int, int]] = []
    for match in PAST_START.finditer(text):
        end = next((b for a, b in clauses if a <= match.start() < b), match.end())
        spans.append((match.start(), min(match.end(), end)))
    return spans


def _negated(text: str, start: int) -> bool:
    before = words(text[max(0, start - 40) : start])[-NEGATION_WINDOW:]
    return any(w in NEGATORS for w in before)


def _drop_nested(signals: list[Signal]) -> list[Signal]:
    """Where cues of one side and one dimension overlap, keep only the heavier.

    "In the next quarter" is one time frame, not a deadline plus a near horizon. Overlaps
    across dimensions are kept: "before my exam" is both a deadline and a target, and
    "a mentor who has done it" both asks for a mentor and for experience.
    """
    kept: list[Signal] = []
    for sig in sorted(signals, key=lambda s: (-s.weight, s.start)):
        end = sig.start + len(sig.quote)
        if not any(
            k.side == sig.side
            and k.dimension == sig.dimension
            and k.start < end
            and sig.start < k.start + len(k.quote)
            for k in kept
        ):
            kept.append(sig)
    return sorted(kept, key=lambda s: s.start)


def answer_signals(answers: Mapping[str, Iterable[str]]) -> list[Signal]:
    """One signal per chosen answer (each tick of a multi-select counts)."""
    found: list[Signal] = []
    for key, values in answers.items():
        question = QUESTIONS_BY_KEY[key]
        for value in values:
            name = f"answer.{key}.{value}"
            side: Side = _ANSWER_SIDES.get(key, {}).get(value, "neither")
            found.append(
                Signal(
                    name=name,
                    side=side,
                    dimension=_ANSWER_DIMENSIONS[key],
                    weight=WEIGHTS[name],
                    quote=question.label_for(value),
                    source="answer",
                    anchor=key in _ANSWER_ANCHORS and side != "neither",
                )
            )
    return found
