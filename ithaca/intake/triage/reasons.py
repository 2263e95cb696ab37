# ruff: noqa: E501  (whole sentences, one per line, as translators read them)
"""Wording: reasons in DOMAIN.md's dimensions, the parts of a two-part need, follow-ups.

Every text reason quotes the person's own words, because a recommendation someone can
check against what they wrote is one they can trust or correct.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

from .phrase import Phrase
from .phrase import Phrase as P
from .questions import QUESTIONS_BY_KEY
from .result import NextStep
from .signals import Signal
from .text import Gate
from .third_party import Kind, ThirdParty

MAX_QUOTES = 3
MAX_PART_CHARS = 160

# (what we noticed, why it matters) per text signal kind.
TEXT_REASONS: Mapping[str, tuple[Phrase, Phrase]] = {
    "deadline": (
        P("You mention a deadline"),
        P("a short, time-bound need suits coaching, which has a defined scope and duration"),
    ),
    "short_horizon": (
        P("You describe a near time frame"),
        P("weeks to months is the span of a coaching engagement"),
    ),
    "long_horizon": (
        P("You describe a long horizon"),
        P("a long-term, often open-ended relationship is what mentoring offers"),
    ),
    "named_skill": (
        P("You name a specific skill"),
        P("a focused skill is what coaching is built for"),
    ),
    "skill_word": (
        P("You talk about skills"),
        P("a specific focus suits coaching"),
    ),
    "current_challenge": (
        P("You describe a challenge you face now"),
        P("an immediate, specific challenge is what coaching works on"),
    ),
    "improve_behaviour": (
        P("You want to change how you do something"),
        P("improving a particular behaviour is a specific focus that suits coaching"),
    ),
    "performance_target": (
        P("You name a performance target"),
        P("measurable improvement in a named area, with accountability, is what coaching delivers"),
    ),
    "transition": (
        P("You describe a transition"),
        P("a coach supports a role transition within a defined scope"),
    ),
    "career": (
        P("Your need touches your career"),
        P("long-term career development is a broad, holistic focus that suits mentoring"),
    ),
    "career_choice": (
        P("You are weighing a direction"),
        P("perspective on the bigger picture from someone further along the path suits mentoring"),
    ),
    "direction_doubt": (
        P("You are unsure which way to go"),
        P(
            "perspective on the bigger picture from someone who has faced the same choice is what mentoring offers"
        ),
    ),
    "belonging": (
        P("You mention belonging"),
        P(
            "belonging is a holistic need, and a mentor who shares the experience helps where coaching does not"
        ),
    ),
    "network": (
        P("You want to widen your network"),
        P("opening doors and making introductions is part of what mentors do"),
    ),
    "organization": (
        P("You want to understand how the organization works"),
        P(
            "navigating the organization is learned from someone who already knows it, which is mentoring"
        ),
    ),
    "work_life": (
        P("You mention work and life outside it"),
        P("balancing them is a broad, holistic focus that suits mentoring"),
    ),
    "resilience": (
        P("You mention resilience or setbacks"),
        P("resilience and keeping perspective are holistic needs that suit mentoring"),
    ),
    "broad_focus": (
        P("You say the focus is broad"),
        P("a broad, holistic focus suits mentoring rather than coaching's specific one"),
    ),
    "experience": (
        P("You want to learn from someone's experience"),
        P('a mentor who has walked the path shares experience and advice (a "push" dynamic)'),
    ),
    "advice": (
        P("You ask for advice or guidance"),
        P('advice from someone further along is mentoring\'s "push" dynamic'),
    ),
    "independent": (
        P("You want someone outside your own line"),
        P(
            "a mentor is independent of your line management and assessment, which is the norm in mentoring"
        ),
    ),
    "peer_exchange": (
        P("You want to learn alongside peers"),
        P("swapping experience with peers is peer mentoring"),
    ),
    "self_discovery": (
        P("You want to find your own answers"),
        P('a coach asks questions so that you find them yourself (a "pull" dynamic)'),
    ),
    "structured": (
        P("You want structure"),
        P("in coaching the agenda is agreed up front and the coach structures scheduled sessions"),
    ),
    "informal": (
        P("You want something informal"),
        P("in mentoring you set the agenda, meeting by meeting, as needed"),
    ),
    "someone_to_talk_to": (
        P("You want someone to talk to"),
        P("an ongoing relationship where you bring the agenda leans towards mentoring"),
    ),
    "measurable": (
        P("You want a measurable outcome"),
        P("coaching works to a baseline, a target and check-ins, with accountability"),
    ),
    "growth_outcome": (
        P("You describe growth rather than a metric"),
        P("perspective and personal growth are mentoring outcomes"),
    ),
    "asks_for_coach": (
        P("You ask for coaching"),
        P("that counts a little, but the recommendation rests on the need you describe"),
    ),
    "asks_for_mentor": (
        P("You ask for a mentor"),
        P("that counts a little, but the recommendation rests on the need you describe"),
    ),
}

ANSWER_REASONS: Mapping[str, Phrase] = {
    "answer.horizon.weeks": P("a short, time-bound need suits coaching"),
    "answer.horizon.months": P("a few months is the span of a coaching engagement"),
    "answer.horizon.years": P("a long horizon suits mentoring's long-term relationship"),
    "answer.horizon.open_ended": P("an open-ended relationship is what mentoring offers"),
    "answer.specific.skill": P("a specific skill is coaching's focus"),
    "answer.specific.performance": P(
        "a performance target with accountability is coaching's focus"
    ),
    "answer.specific.transition": P("a coach supports a transition within a defined scope"),
    "answer.specific.none": P("a broad, holistic focus suits mentoring"),
    "answer.measure.metric": P("a measurable outcome is how coaching is evaluated"),
    "answer.measure.others_notice": P("an observable change leans a little towards coaching"),
    "answer.measure.feel": P("growth you feel rather than measure is a mentoring outcome"),
    "answer.dynamic.advice": P(
        'advice from someone who has walked the path is mentoring\'s "push"'
    ),
    "answer.dynamic.own_answers": P('being helped to find your own answers is coaching\'s "pull"'),
    "answer.dynamic.both": P("either way of working suits you, so this does not tip the balance"),
    "answer.agenda.me": P("in mentoring the mentee sets the agenda, meeting by meeting"),
    "answer.agenda.agreed": P(
        "in coaching the agenda is agreed up front and the coach structures the sessions"
    ),
    "answer.areas.career": P("career development is a holistic area that suits mentoring"),
    "answer.areas.organization": P("navigating the organization suits mentoring"),
    "answer.areas.work_life": P("work-life balance is a holistic area that suits mentoring"),
    "answer.areas.resilience": P("resilience is a holistic area that suits mentoring"),
    "answer.areas.belonging": P("belonging is a holistic area that suits mentoring"),
    "answer.areas.skill": P("a skill is a specific area that suits coaching"),
    "answer.areas.role_change": P("a role change is a transition that suits coaching"),
}

# Short nouns used when describing the two parts of a "both" need.
PART_NOUNS: Mapping[str, Phrase] = {
    "deadline": P("deadline"),
    "short_horizon": P("time frame"),
    "named_skill": P("skill"),
    "skill_word": P("skills"),
    "improve_behaviour": P("behaviour"),
    "current_challenge": P("challenge"),
    "performance_target": P("target"),
    "transition": P("transition"),
    "measurable": P("measure"),
    "structured": P("structure"),
    "self_discovery": P("own answers"),
    "long_horizon": P("horizon"),
    "career": P("career"),
    "career_choice": P("direction"),
    "direction_doubt": P("doubt about direction"),
    "belonging": P("belonging"),
    "network": P("network"),
    "organization": P("organization"),
    "work_life": P("work-life"),
    "resilience": P("resilience"),
    "experience": P("experience"),
    "advice": P("advice"),
    "independent": P("independence"),
    "growth_outcome": P("growth"),
    "broad_focus": P("broad focus"),
    "informal": P("informal"),
    "peer_exchange": P("peers"),
    "someone_to_talk_to": P("someone to talk to"),
    "asks_for_coach": P("request"),
    "asks_for_mentor": P("request"),
}
# The same, for evidence from an answer: the key of the question it answers.
ANSWER_NOUNS: Mapping[str, Phrase] = {
    "horizon": P("horizon"),
    "specific": P("specific"),
    "measure": P("measure"),
    "dynamic": P("dynamic"),
    "agenda": P("agenda"),
    "whose_idea": P("whose_idea"),
    "areas": P("areas"),
}

FOLLOW_UPS: Mapping[str, Phrase] = {
    "horizon": P("Over what time frame do you want to see a change: weeks, months, or years?"),
    "focus": P(
        "Is there a specific skill, performance target or transition you are working on, or is it broader, like your career or where you fit in?"
    ),
    "dynamic": P(
        "Would you rather hear from someone who has walked the path, or be helped to find your own answers?"
    ),
    "agenda": P(
        "Would you like to set the agenda yourself, meeting by meeting, or agree goals up front and have your helper structure the sessions?"
    ),
    "outcome": P(
        "How would you know it had worked: a number or metric, something others would notice, or something you would feel?"
    ),
    "consent": P(
        "Is this something you want for yourself, and what would you like to get out of it?"
    ),
}
FOLLOW_UP_ORDER = ("focus", "horizon", "dynamic", "agenda", "outcome")

THIN_TEXT_REASON = P(
    "What you wrote is very short, so this rests mostly on your answers to the questions."
)

GATE_FOLLOW_UPS: Mapping[Gate, Phrase] = {
    Gate.EMPTY: P(
        "In a sentence or two, what would you like to change or grow in your work or career?"
    ),
    Gate.TOO_SHORT: P(
        "Could you say a little more: what would you like to change or grow in your work or career?"
    ),
    Gate.OTHER_LANGUAGE: P(
        "Could you describe what you would like in English, French, Spanish or German? / Pourriez-vous l'écrire en français ? / ¿Podría escribirlo en español? / Könnten Sie es auf Deutsch schreiben?"
    ),
    Gate.OFF_TOPIC: P("What would you like to change or grow in your work or career?"),
}

OTHER_LANGUAGE_REASON = P(
    "Thank you for writing. The recommendation reads English, French, Spanish and German, and what you wrote seems to be in another language, so it cannot read it yet. You are very welcome to write it again in one of those four languages."
)

# The next step that fits each kind of third-party statement (see third_party.py).
NEXT_STEPS: Mapping[Kind, NextStep] = {
    "on_behalf": "referral",
    "sessions": "confidentiality",
    "sent": "own_wish",
}
OWN_WISH_QUESTION = P(
    "What do you want from this? In a sentence or two, what would you like to change or grow, for yourself?"
)
REFERRAL_STEP = P(
    "To suggest coaching or mentoring to someone else, use the referral form on the Referrals page: they are invited, and nothing starts unless they accept and write what they want from it in their own words."
)
CONFIDENTIALITY_STEP = P(
    "If you sponsor someone's coaching, agree with them and their coach, before it starts, which progress will be shared with you; the content of sessions stays between them."
)


def third_party_wording(referral: ThirdParty) -> tuple[Phrase, Phrase, Phrase]:
    """The reason, the next step and the follow-up question for someone else's wish."""
    quote = f'"{referral.quote}"'
    if referral.kind == "sessions":
        return (
            P(
                "You ask to see what someone else says in their sessions (%(quote)s). Sessions "
                "are confidential: that trust is what lets coaching and mentoring work. A "
                "sponsor, the manager or HR partner who refers or pays, sees only the progress "
                "the agreement says will be shared, never what is said in sessions.",
                quote=quote,
            ),
            CONFIDENTIALITY_STEP,
            P(
                "Is there something you would like for yourself? If so, what would you like to "
                "change or grow?"
            ),
        )
    if referral.kind == "on_behalf":
        return (
            P(
                "This is written on someone else's behalf (%(quote)s). Nobody is coached or "
                "mentored without wanting it: a request from a manager or a colleague is a "
                "referral, not consent, so the person concerned needs to opt in and say what "
                "they want.",
                quote=quote,
            ),
            REFERRAL_STEP,
            P(
                "Is this for you? If so, tell us in your own words what you would like to "
                "change or grow."
            ),
        )
    return (
        P(
            "This seems to be someone else's idea (%(quote)s). A referral is not consent: "
            "coaching or mentoring only helps when you want it yourself, so before anything is "
            "recommended the question is what you want from it.",
            quote=quote,
        ),
        P(
            "Nothing starts unless you choose it. If you tell us what you would like for "
            "yourself, we can recommend what fits."
        ),
        OWN_WISH_QUESTION,
    )


UNCLEAR_BY_VOTE = P(
    "Read as a whole, what you wrote does not yet say clearly what you would like to change, so here are a few questions instead of a guess."
)
BOTH_SUMMARY = P(
    "Your need has two parts: a specific, time-bound part that suits coaching and a broader, longer-term part that suits mentoring. Many needs want both at once."
)
_MEANING: Mapping[str, str] = {
    "coaching": "Read as a whole, what you describe is a specific, near-term need (%(quote)s): "
    "coaching works on a named skill, target or challenge, within a defined scope and duration, "
    "with a coach who helps you find your own answers.",
    "mentoring": "Read as a whole, what you describe is a broad, longer-term question "
    "(%(quote)s): mentoring offers perspective from someone who has walked the path, in an "
    "open-ended relationship where you set the agenda.",
}


def meaning_reason(side: str, quote: str) -> Phrase:
    """Why the whole statement reads as one side, quoting the clause that reads most so."""
    return P(_MEANING[side], quote=f'"{quote}"')


def own_wish_reason(referral: ThirdParty) -> Phrase:
    return P(
        'The idea came from someone else ("%(idea)s"), but you say what you want yourself '
        '("%(wish)s"), so this is read as your own request.',
        idea=referral.quote,
        wish=referral.own_wish,
    )


def quoted(items: Iterable[str]) -> str:
    unique = list(dict.fromkeys(i for i in items if i))
    return ", ".join(f'"{q}"' for q in unique[:MAX_QUOTES])


def signal_reasons(signals: Sequence[Signal]) -> list[str]:
    """One reason per signal kind, quoting every distinct span that fired it."""
    by_name: dict[str, list[Signal]] = {}
    for sig in signals:
        if sig.weight > 0 or sig.name == "answer.dynamic.both":
            by_name.setdefault(sig.name, []).append(sig)
    ordered = sorted(by_name.items(), key=lambda kv: -max(s.weight for s in kv[1]))
    return [_reason(name, sigs) for name, sigs in ordered]


def _reason(name: str, sigs: list[Signal]) -> Phrase:
    if sigs[0].source == "answer":
        key = name.split(".")[1]
        return P(
            'You answered "%(answer)s" to "%(question)s": %(why)s.',
            answer=P(sigs[0].quote),
            question=P(QUESTIONS_BY_KEY[key].prompt),
            why=ANSWER_REASONS[name],
        )
    lead, why = TEXT_REASONS[name]
    return P(
        "%(lead)s (%(quotes)s): %(why)s.", lead=lead, quotes=quoted(s.quote for s in sigs), why=why
    )


def counter_reason(losing: str, signals: Sequence[Signal]) -> Phrase | None:
    """Name, briefly, the evidence that pointed the other way."""
    quotes = [s.quote for s in signals if s.side == losing and s.weight > 0]
    if not quotes:
        return None
    if losing == "coaching":
        return P(
            "Some of what you say points to coaching (%(quotes)s), but less strongly.",
            quotes=quoted(quotes),
        )
    return P(
        "Some of what you say points to mentoring (%(quotes)s), but less strongly.",
        quotes=quoted(quotes),
    )


def third_party_reason(signals: Sequence[Signal]) -> Phrase:
    quotes = quoted(s.quote for s in signals if s.source == "text")
    if quotes:
        return P(
            "This seems to be someone else's idea (%(quotes)s). A referral is not consent: "
            "coaching and mentoring only work when you want them yourself, so you would opt in "
            "and talk through the outcomes you want before anything starts.",
            quotes=quotes,
        )
    return P(
        "This seems to be someone else's idea. A referral is not consent: coaching and "
        "mentoring only work when you want them yourself, so you would opt in and talk through "
        "the outcomes you want before anything starts."
    )


# (with the clauses quoted, without) x (with evidence, without), per side.
_PARTS: Mapping[str, tuple[str, str, str, str]] = {
    "coaching": (
        'Coaching for the specific, time-bound part: "%(text)s" (%(evidence)s).',
        'Coaching for the specific, time-bound part: "%(text)s".',
        "Coaching for the specific, time-bound part you describe (%(evidence)s).",
        "Coaching for the specific, time-bound part you describe.",
    ),
    "mentoring": (
        'Mentoring for the broader, longer-term part: "%(text)s" (%(evidence)s).',
        'Mentoring for the broader, longer-term part: "%(text)s".',
        "Mentoring for the broader, longer-term part you describe (%(evidence)s).",
        "Mentoring for the broader, longer-term part you describe.",
    ),
}


def part_description(side: str, clauses: Sequence[str], signals: Sequence[Signal]) -> Phrase:
    """Say which part of the need suits ``side``, quoting the clauses it rests on."""
    evidence = quoted_evidence(signals)
    both, text_only, evidence_only, neither = _PARTS[
        "coaching" if side == "coaching" else "mentoring"
    ]
    if clauses:
        text = " … ".join(_trim(c) for c in clauses)
        if evidence:
            return P(both, text=text, evidence=evidence)
        return P(text_only, text=text)
    if evidence:
        return P(evidence_only, evidence=evidence)
    return P(neither)


def quoted_evidence(signals: Sequence[Signal]) -> tuple[Phrase, ...]:
    seen: dict[str, Phrase] = {}
    for sig in sorted(signals, key=lambda s: -s.weight):
        if sig.source == "answer":
            noun = ANSWER_NOUNS.get(sig.name.split(".")[1], P(""))
        else:
            noun = PART_NOUNS.get(sig.name, P(""))
        if noun:
            seen.setdefault(sig.quote, P('%(noun)s "%(quote)s"', noun=noun, quote=sig.quote))
        else:
            seen.setdefault(sig.quote, P('"%(quote)s"', quote=sig.quote))
    return tuple(list(seen.values())[:MAX_QUOTES])


def _trim(clause: str) -> str:
    clause = clause.strip()
    return clause if len(clause) <= MAX_PART_CHARS else clause[: MAX_PART_CHARS - 1] + "…"


def follow_ups(covered: AbstractSet[str], limit: int) -> list[str]:
    """Questions for the dimensions nothing has spoken to yet, most decisive first."""
    missing = [d for d in FOLLOW_UP_ORDER if d not in covered]
    return [FOLLOW_UPS[d] for d in (missing or list(FOLLOW_UP_ORDER))[:limit]]
