"""Which language a statement is written in: English, French, Spanish, German, or another.

A small, dependency-free detector: it counts each language's function words (articles,
pronouns, prepositions, common verbs) and a few spellings only that language uses. Need
statements are short, personal and full of "I", "my", "want", so function words settle them
well; a statement in a script other than Latin, or whose function words belong to a language
not read here (Italian, Portuguese, Dutch...), is "other".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

Language = Literal["en", "fr", "es", "de", "other"]
SUPPORTED: tuple[Language, ...] = ("en", "fr", "es", "de")
NAMES: Mapping[str, str] = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "de": "German",
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Letters past Latin Extended-B belong to scripts (Han, Cyrillic, Arabic...) not read here.
NON_LATIN_LIMIT = 0.3


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words per language. A word shared by two languages ("de", "a", "en", "me") is
# left out of both, so that a hit speaks for one language only.
FUNCTION_WORDS: Mapping[str, frozenset[str]] = {
    "en": _words(
        """i i'm i've i'd i'll im ive my myself the and to of is it in with for on at be
        have has had want wanna need would like just this that what how get but about
        from or so been am was were will can could should really don't dont can't not
        who which when where why they their them we our you your he she his her it's
        some any more than also very into over next year years weeks months help work
        job team manager feel think know someone somebody better"""
    ),
    "fr": _words(
        """je j' j'ai j'aimerais j'arrive moi mon ma mes le les une des du et est suis
        pour avec dans sur pas ne n' qui que qu' ce cette ces mais ou au aux être avoir
        voudrais veux aimerais dois besoin quelqu'un comment mieux depuis mois semaines
        ans prochain prochaine équipe travail métier carrière chef cheffe responsable
        aussi très plus sans faire fait c'est ça nous vous il elle ils elles leur
        parce je'"""
    ),
    "es": _words(
        """yo mi mis el los las una unos unas del al y es soy estoy para con por pero
        que qué como cómo muy más sin sobre también quiero quisiera necesito gustaría
        tengo equipo trabajo carrera jefe jefa alguien desde meses semanas años próximo
        próxima hacer hago ser estar lo nos hay ya cuando porque ahora aquí eso esto
        esta este sé puedo"""
    ),
    "de": _words(
        """ich mich mir mein meine meinen meinem meiner der das dem den und oder aber ist
        bin sind mit für auf nicht ein eine einen einem zu im möchte will würde brauche
        muss habe hat wie jemand jemanden jemandem seit monaten wochen jahren nächsten
        team arbeit beruf karriere chef chefin auch sehr mehr ohne gern gerne weiß
        lernen besser sich wir sie er wenn weil noch schon"""
    ),
    # Languages not read here, so that an Italian or Portuguese statement is not taken for
    # Spanish or French on the strength of shared words.
    "other": _words(
        """il lo gli di che non sono mio mia vorrei della delle nel nella per molto
        anche ho voglio eu minha meu quero gostaria não com uma muito também estou
        trabalho carreira ik het een niet wil graag mijn ben jij wij voor naar lavoro
        questo questa essere fare sto io dei degli alla alle nei cosa perché anni mesi
        settimane appena diventata diventato migliorare carriera responsabile reparto uma
        você alguém ainda então minhas meus weet moet hier há preciso equipe tarefas
        devo gestione entro"""
    ),
}

# Spellings that belong to one language alone.
MARKS: Mapping[str, re.Pattern[str]] = {
    "fr": re.compile(r"[èêëçœà]|(?<!\w)(?:j|l|d|qu|n|c|s|m)'\w", re.IGNORECASE),
    "es": re.compile(r"[ñ¿¡]|ción\b|\b\w+mente\b(?=.*[áéíóú])", re.IGNORECASE),
    "de": re.compile(r"[ßäöü]|\b\w+(?:ung|heit|keit|schaft)\b", re.IGNORECASE),
    # Polish, Turkish, Scandinavian, Portuguese and Welsh letters and spellings.
    # (Matched without IGNORECASE: the Turkish dotless i would otherwise match every "i".)
    "other": re.compile("[ąęłńśźżşğıøåãõŵŷ]|i\u0307|ções?\\b|\\b(?:fy|yn|gyda|eich)\\b"),
}


def detect_language(text: str) -> Language:
    """Return the language of ``text``: "en", "fr", "es", "de", or "other".

    Text too short or too plain to tell (a word or two, no function word) is taken as
    English, the language of the form, so that "help" is asked about rather than refused.
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "en"
    if sum(ord(c) > 0x24F for c in letters) / len(letters) > NON_LATIN_LIMIT:
        return "other"
    scores = _scores(text)
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] == 0:
        # No function word of any language read here: English only if it is plain ASCII
        # ("negotiation, pricing, Q3 targets"); letters like "ę" or "ş" say otherwise.
        return "en" if all(c.isascii() for c in letters) else "other"
    if best == "other":
        return "other"
    return best  # type: ignore[return-value]


def _scores(text: str) -> dict[str, float]:
    lowered = text.lower().replace("\u2019", "'")
    tokens = _WORD.findall(lowered)
    with_apostrophes = re.findall(r"[^\W\d_]+(?:'[^\W\d_]*)?", lowered)
    scores: dict[str, float] = {}
    for lang, vocabulary in FUNCTION_WORDS.items():
        hits = float(sum(t in vocabulary for t in tokens))
        hits += sum(t in vocabulary for t in with_apostrophes if "'" in t)
        mark = MARKS.get(lang)
        if mark is not None:
            hits += (2.0 if lang == "other" else 0.5) * min(4, len(mark.findall(lowered)))
        scores[lang] = hits
    return scores
