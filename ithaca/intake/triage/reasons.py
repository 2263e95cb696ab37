"""Wording: reasons in DOMAIN.md's dimensions, the parts of a two-part need, follow-ups.

Every text reason quotes the person's own words, because a recommendation someone can
check against what they wrote is one they can trust or correct.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

from .questions import QUESTIONS_BY_KEY
from .result import NextStep
from .signals import Signal
from .text import Gate
from .third_party import Kind, ThirdParty

MAX_QUOTES = 3
MAX_PART_CHARS = 160

# (what we noticed, why it matters) per text signal kind.
TEXT_REASONS: Mapping[str, tuple[str, str]] = {
    "deadline": (
        "You mention a deadline",
        "a short, time-bound need suits coaching, which has a defined scope and duration",
    ),
    "short_horizon": (
        "You describe a near time frame",
        "weeks to months is the span of a coaching engagement",
    ),
    "long_horizon": (
        "You describe a long horizon",
        "a long-term, often open-ended relationship is what mentoring offers",
    ),
    "named_skill": ("You name a specific skill", "a focused skill is what coaching is built for"),
    "skill_word": ("You talk about skills", "a specific focus suits coaching"),
    "current_challenge": (
        "You describe a challenge you face now",
        "an immediate, specific challenge is what coaching works on",
    ),
    "improve_behaviour": (
        "You want to change how you do something",
        "improving a particular behaviour is a specific focus that suits coaching",
    ),
    "performance_target": (
        "You name a performance target",
        "measurable improvement in a named area, with accountability, is what coaching delivers",
    ),
    "transition": (
        "You describe a transition",
        "a coach supports a role transition within a defined scope",
    ),
    "career": (
        "Your need touches your career",
        "long-term career development is a broad, holistic focus that suits mentoring",
    ),
    "career_choice": (
        "You are weighing a direction",
        "perspective on the bigger picture from someone further along the path suits mentoring",
    ),
    "direction_doubt": (
        "You are unsure which way to go",
        "perspective on the bigger picture from someone who has faced the same choice is "
        "what mentoring offers",
    ),
    "belonging": (
        "You mention belonging",
        "belonging is a holistic need, and a mentor who shares the experience helps "
        "where coaching does not",
    ),
    "network": (
        "You want to widen your network",
        "opening doors and making introductions is part of what mentors do",
    ),
    "organization": (
        "You want to understand how the organization works",
        "navigating the organization is learned from someone who already knows "
        "it, which is mentoring",
    ),
    "work_life": (
        "You mention work and life outside it",
        "balancing them is a broad, holistic focus that suits mentoring",
    ),
    "resilience": (
        "You mention resilience or setbacks",
        "resilience and keeping perspective are holistic needs that suit mentoring",
    ),
    "broad_focus": (
        "You say the focus is broad",
        "a broad, holistic focus suits mentoring rather than coaching's specific one",
    ),
    "experience": (
        "You want to learn from someone's experience",
        'a mentor who has walked the path shares experience and advice (a "push" dynamic)',
    ),
    "advice": (
        "You ask for advice or guidance",
        'advice from someone further along is mentoring\'s "push" dynamic',
    ),
    "independent": (
        "You want someone outside your own line",
        "a mentor is independent of your line management and assessment, which is the norm "
        "in mentoring",
    ),
    "peer_exchange": (
        "You want to learn alongside peers",
        "swapping experience with peers is peer mentoring",
    ),
    "self_discovery": (
        "You want to find your own answers",
        'a coach asks questions so that you find them yourself (a "pull" dynamic)',
    ),
    "structured": (
        "You want structure",
        "in coaching the agenda is agreed up front and the coach structures scheduled sessions",
    ),
    "informal": (
        "You want something informal",
        "in mentoring you set the agenda, meeting by meeting, as needed",
    ),
    "someone_to_talk_to": (
        "You want someone to talk to",
        "an ongoing relationship where you bring the agenda leans towards mentoring",
    ),
    "measurable": (
        "You want a measurable outcome",
        "coaching works to a baseline, a target and check-ins, with accountability",
    ),
    "growth_outcome": (
        "You describe growth rather than a metric",
        "perspective and personal growth are mentoring outcomes",
    ),
    "asks_for_coach": (
        "You ask for coaching",
        "that counts a little, but the recommendation rests on the need you describe",
    ),
    "asks_for_mentor": (
        "You ask for a mentor",
        "that counts a little, but the recommendation rests on the need you describe",
    ),
}

ANSWER_REASONS: Mapping[str, str] = {
    "answer.horizon.weeks": "a short, time-bound need suits coaching",
    "answer.horizon.months": "a few months is the span of a coaching engagement",
    "answer.horizon.years": "a long horizon suits mentoring's long-term relationship",
    "answer.horizon.open_ended": "an open-ended relationship is what mentoring offers",
    "answer.specific.skill": "a specific skill is coaching's focus",
    "answer.specific.performance": "a performance target with accountability is coaching's focus",
    "answer.specific.transition": "a coach supports a transition within a defined scope",
    "answer.specific.none": "a broad, holistic focus suits mentoring",
    "answer.measure.metric": "a measurable outcome is how coaching is evaluated",
    "answer.measure.others_notice": "an observable change leans a little towards coaching",
    "answer.measure.feel": "growth you feel rather than measure is a mentoring outcome",
    "answer.dynamic.advice": 'advice from someone who has walked the path is mentoring\'s "push"',
    "answer.dynamic.own_answers": 'being helped to find your own answers is coaching\'s "pull"',
    "answer.dynamic.both": "either way of working suits you, so this does not tip the balance",
    "answer.agenda.me": "in mentoring the mentee sets the agenda, meeting by meeting",
    "answer.agenda.agreed": "in coaching the agenda is agreed up front and the coach structures "
    "the sessions",
    "answer.areas.career": "career development is a holistic area that suits mentoring",
    "answer.areas.organization": "navigating the organization suits mentoring",
    "answer.areas.work_life": "work-life balance is a holistic area that suits mentoring",
    "answer.areas.resilience": "resilience is a holistic area that suits mentoring",
    "answer.areas.belonging": "belonging is a holistic area that suits mentoring",
    "answer.areas.skill": "a skill is a specific area that suits coaching",
    "answer.areas.role_change": "a role change is a transition that suits coaching",
}

# Short nouns used when describing the two parts of a "both" need.
PART_NOUNS: Mapping[str, str] = {
    "deadline": "deadline",
    "short_horizon": "time frame",
    "named_skill": "skill",
    "skill_word": "skills",
    "improve_behaviour": "behaviour",
    "current_challenge": "challenge",
    "performance_target": "target",
    "transition": "transition",
    "measurable": "measure",
    "structured": "structure",
    "self_discovery": "own answers",
    "long_horizon": "horizon",
    "career": "career",
    "career_choice": "direction",
    "direction_doubt": "doubt about direction",
    "belonging": "belonging",
    "network": "network",
    "organization": "organization",
    "work_life": "work-life",
    "resilience": "resilience",
    "experience": "experience",
    "advice": "advice",
    "independent": "independence",
    "growth_outcome": "growth",
    "broad_focus": "broad focus",
    "informal": "informal",
    "peer_exchange": "peers",
    "someone_to_talk_to": "someone to talk to",
    "asks_for_coach": "request",
    "asks_for_mentor": "request",
}

FOLLOW_UPS: Mapping[str, str] = {
    "horizon": "Over what time frame do you want to see a change: weeks, months, or years?",
    "focus": "Is there a specific skill, performance target or transition you are working on, "
    "or is it broader, like your career or where you fit in?",
    "dynamic": "Would you rather hear from someone who has walked the path, or be helped to "
    "find your own answers?",
    "agenda": "Would you like to set the agenda yourself, meeting by meeting, or agree goals "
    "up front and have your helper structure the sessions?",
    "outcome": "How would you know it had worked: a number or metric, something others would "
    "notice, or something you would feel?",
    "consent": "Is this something you want for yourself, and what would you like to get out of it?",
}
FOLLOW_UP_ORDER = ("focus", "horizon", "dynamic", "agenda", "outcome")

THIN_TEXT_REASON = (
    "What you wrote is very short, so this rests mostly on your answers to the questions."
)

GATE_FOLLOW_UPS: Mapping[Gate, str] = {
    Gate.EMPTY: "In a sentence or two, what would you like to change or grow in your work "
    "or career?",
    Gate.TOO_SHORT: "Could you say a little more: what would you like to change or grow in "
    "your work or career?",
    Gate.OTHER_LANGUAGE: "Could you describe what you would like in English, French, Spanish "
    "or German? / Pourriez-vous l'écrire en français ? / ¿Podría escribirlo en español? / "
    "Könnten Sie es auf Deutsch schreiben?",
    Gate.OFF_TOPIC: "What would you like to change or grow in your work or career?",
}


OTHER_LANGUAGE_REASON = (
    "Thank you for writing. The recommendation reads English, French, Spanish and German, and "
    "what you wrote seems to be in another language, so it cannot read it yet. You are very "
    "welcome to write it again in one of those four languages."
)

# The next step that fits each kind of third-party statement (see third_party.py).
NEXT_STEPS: Mapping[Kind, NextStep] = {
    "on_behalf": "referral",
    "sessions": "confidentiality",
    "sent": "own_wish",
}
OWN_WISH_QUESTION = (
    "What do you want from this? In a sentence or two, what would you like to change or grow, "
    "for yourself?"
)
REFERRAL_STEP = (
    "To suggest coaching or mentoring to someone else, use the referral form on the Referrals "
    "page: they are invited, and nothing starts unless they accept and write what they want "
    "from it in their own words."
)
CONFIDENTIALITY_STEP = (
    "If you sponsor someone's coaching, agree with them and their coach, before it starts, "
    "which progress will be shared with you; the content of sessions stays between them."
)


def third_party_wording(referral: ThirdParty) -> tuple[str, str, str]:
    """The reason, the next step and the follow-up question for someone else's wish."""
    quote = f'"{referral.quote}"'
    if referral.kind == "sessions":
        return (
            f"You ask to see what someone else says in their sessions ({quote}). Sessions are "
            "confidential: that trust is what lets coaching and mentoring work. A sponsor, the "
            "manager or HR partner who refers or pays, sees only the progress the agreement "
            "says will be shared, never what is said in sessions.",
            CONFIDENTIALITY_STEP,
            "Is there something you would like for yourself? If so, what would you like to "
            "change or grow?",
        )
    if referral.kind == "on_behalf":
        return (
            f"This is written on someone else's behalf ({quote}). Nobody is coached or mentored "
            "without wanting it: a request from a manager or a colleague is a referral, not "
            "consent, so the person concerned needs to opt in and say what they want.",
            REFERRAL_STEP,
            "Is this for you? If so, tell us in your own words what you would like to change "
            "or grow.",
        )
    return (
        f"This seems to be someone else's idea ({quote}). A referral is not consent: coaching "
        "or mentoring only helps when you want it yourself, so before anything is recommended "
        "the question is what you want from it.",
        "Nothing starts unless you choose it. If you tell us what you would like for yourself, "
        "we can recommend what fits.",
        OWN_WISH_QUESTION,
    )


UNCLEAR_BY_VOTE = (
    "Read as a whole, what you wrote does not yet say clearly what you would like to change, "
    "so here are a few questions instead of a guess."
)
BOTH_SUMMARY = (
    "Your need has two parts: a specific, time-bound part that suits coaching and a broader, "
    "longer-term part that suits mentoring. Many needs want both at once."
)
_MEANING: Mapping[str, str] = {
    "coaching": "Read as a whole, what you describe is a specific, near-term need ({quote}): "
    "coaching works on a named skill, target or challenge, within a defined scope and duration, "
    "with a coach who helps you find your own answers.",
    "mentoring": "Read as a whole, what you describe is a broad, longer-term question ({quote}): "
    "mentoring offers perspective from someone who has walked the path, in an open-ended "
    "relationship where you set the agenda.",
}


def meaning_reason(side: str, quote: str) -> str:
    """Why the whole statement reads as one side, quoting the clause that reads most so."""
    return _MEANING[side].format(quote=f'"{quote}"')


def own_wish_reason(referral: ThirdParty) -> str:
    return (
        f'The idea came from someone else ("{referral.quote}"), but you say what you want '
        f'yourself ("{referral.own_wish}"), so this is read as your own request.'
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


def _reason(name: str, sigs: list[Signal]) -> str:
    if sigs[0].source == "answer":
        key = name.split(".")[1]
        prompt = QUESTIONS_BY_KEY[key].prompt
        return f'You answered "{sigs[0].quote}" to "{prompt}": {ANSWER_REASONS[name]}.'
    lead, why = TEXT_REASONS[name]
    return f"{lead} ({quoted(s.quote for s in sigs)}): {why}."


def counter_reason(losing: str, signals: Sequence[Signal]) -> str | None:
    """Name, briefly, the evidence that pointed the other way."""
    quotes = [s.quote for s in signals if s.side == losing and s.weight > 0]
    if not quotes:
        return None
    return f"Some of what you say points to {losing} ({quoted(quotes)}), but less strongly."


def third_party_reason(signals: Sequence[Signal]) -> str:
    quotes = quoted(s.quote for s in signals if s.source == "text")
    source = f" ({quotes})" if quotes else ""
    return (
        f"This seems to be someone else's idea{source}. A referral is not consent: coaching "
        "and mentoring only work when you want them yourself, so you would opt in and talk "
        "through the outcomes you want before anything starts."
    )


def part_description(side: str, clauses: Sequence[str], signals: Sequence[Signal]) -> str:
    """Say which part of the need suits ``side``, quoting the clauses it rests on."""
    nouns = quoted_evidence(signals)
    what = "specific, time-bound" if side == "coaching" else "broader, longer-term"
    helper = "Coaching" if side == "coaching" else "Mentoring"
    evidence = f" ({nouns})" if nouns else ""
    if clauses:
        text = " … ".join(_trim(c) for c in clauses)
        return f'{helper} for the {what} part: "{text}"{evidence}.'
    return f"{helper} for the {what} part you describe{evidence}."


def quoted_evidence(signals: Sequence[Signal]) -> str:
    seen: dict[str, str] = {}
    for sig in sorted(signals, key=lambda s: -s.weight):
        noun = PART_NOUNS.get(sig.name, sig.name.split(".")[1] if sig.source == "answer" else "")
        seen.setdefault(sig.quote, f'{noun} "{sig.quote}"')
    return ", ".join(list(seen.values())[:MAX_QUOTES])


def _trim(clause: str) -> str:
    clause = clause.strip()
    return clause if len(clause) <= MAX_PART_CHARS else clause[: MAX_PART_CHARS - 1] + "…"


def follow_ups(covered: AbstractSet[str], limit: int) -> list[str]:
    """Questions for the dimensions nothing has spoken to yet, most decisive first."""
    missing = [d for d in FOLLOW_UP_ORDER if d not in covered]
    return [FOLLOW_UPS[d] for d in (missing or list(FOLLOW_UP_ORDER))[:limit]]
