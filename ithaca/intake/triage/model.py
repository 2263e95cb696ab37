"""The decision: weigh the evidence on each side and recommend, or ask instead of guessing."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from . import reasons as wording
from . import semantic
from .language import detect_language
from .modes import suggest_modes
from .phrase import Phrase
from .questions import Answers, normalize_answers
from .result import Recommendation, TriageResult
from .signals import Signal, answer_signals, text_signals
from .text import Gate, gate_for, is_admin, is_errand, is_on_topic, opens_second_need, segments
from .third_party import ThirdParty, heard_third_party, read_third_party, states_own_wish
from .vote import vote

# The thresholds live on the weight scale of weights.WEIGHTS (2.0 = one clear signal).
# One clear signal with nothing against it is enough to lean on (with low confidence and
# follow-up questions); hints alone are not.
MIN_EVIDENCE = 2.0
# Each side of a "both" must stand on its own: a clear signal and a hint at least.
BOTH_SIDE_MIN = 3.0
# ...and the weaker side must carry a real share of the evidence, not an aside.
BOTH_BALANCE = 0.45
# When the text itself falls into a coaching clause and a mentoring clause ("I need X by
# June, and I'd also like a mentor for Y"), that structure is evidence of "both" in its own
# right, so each side needs less: one clear signal and a hint, and a smaller share.
SPLIT_SIDE_MIN = 2.5
SPLIT_BALANCE = 0.3
# Revision (blind-set review): "both" needs were read as one-sided when one side was said
# in a single clear clause next to a richer other side ("I present badly and my review is in
# November. Also I'm the youngest on the leadership team and don't feel I fit in": 4 to 2).
# A clause of its own carrying a clear signal (CLEAR_CLAUSE) on each side is two needs
# side by side, however lopsided the totals, so the balance tests above do not apply to it.
# A clause that announces itself as a separate need ("Also...", "Beyond that...", "Longer
# term...") may carry a little less (MARKED_CLAUSE): strong evidence plus the announcement.
CLEAR_CLAUSE = 2.0
MARKED_CLAUSE = 1.5
# A referral by someone else is a warning sign (DOMAIN.md): the person must opt in and talk
# the outcomes through first, so it takes more than one signal (often the referral's own
# words, "my performance plan") before we recommend rather than ask.
THIRD_PARTY_MIN = 3.0
# With no two-part structure, sides this close are a tie: ask rather than pick.
TIE_BALANCE = 0.75
# When the text is only a word or two, answers must carry the decision on their own.
THIN_TEXT_MIN = 4.0
# Below this confidence a decided result still offers questions that would firm it up.
LOW_CONFIDENCE = 0.55
# Evidence totals are mapped to 0..1 with 1 - exp(-total / SATURATION): four points of
# evidence (two clear signals) give 0.63, eight give 0.86.
SATURATION = 4.0
GATE_CONFIDENCE = 0.9
# A need is a paragraph or two; reading at most this much keeps a pasted essay from
# costing more than a few milliseconds in a web request.
MAX_TEXT_CHARS = 4000
# A second and third wording of the same kind of evidence add a quarter each, at most half.
EXTRA_OCCURRENCE = 0.25
KIND_CAP = 1.5


@dataclass(frozen=True, slots=True)
class _Clauses:
    """The clauses that lean to each side, and whether each side has a clause of its own
    strong enough to stand as one part of a two-part need."""

    coaching: list[str]
    mentoring: list[str]
    coaching_clear: bool
    mentoring_clear: bool
    # Whether a clause on either side opens as a separate need ("Also...", "Longer term...").
    announced: bool

    @property
    def two_part(self) -> bool:
        return bool(self.coaching) and bool(self.mentoring)

    @property
    def two_clear_parts(self) -> bool:
        return self.coaching_clear and self.mentoring_clear


@dataclass(frozen=True, slots=True)
class _Tally:
    coaching: float
    mentoring: float
    coaching_anchored: bool
    mentoring_anchored: bool

    @property
    def high(self) -> float:
        return max(self.coaching, self.mentoring)

    @property
    def low(self) -> float:
        return min(self.coaching, self.mentoring)

    @property
    def balance(self) -> float:
        return self.low / self.high if self.high else 0.0


def triage(text: str, answers: Answers | None = None) -> TriageResult:
    """Recommend coaching, mentoring, both, or ask follow-up questions ("unclear").

    ``text`` is the seeker's need in their own words (English, French, Spanish or German)
    and is required; ``answers`` maps question keys from ``QUESTIONS`` to a value (a list
    for multi-select) and adds evidence. Only the first ``MAX_TEXT_CHARS`` characters are
    read. A statement written on someone else's behalf, or in another language, gets
    ``unclear`` with the next step instead of a recommendation. Raises ``ValueError`` for an
    unknown question or answer value.
    """
    text = text[:MAX_TEXT_CHARS]
    clean = normalize_answers(answers)
    from_answers = answer_signals(clean)
    language = detect_language(text)
    gate = gate_for(text, language)
    if gate is Gate.EMPTY or gate is Gate.OTHER_LANGUAGE:
        return _gated(gate, text, from_answers, language)
    referral = read_third_party(text, language)
    # The person who answers that looking for help was their own idea is not second-guessed
    # by the reader of meaning: that answer is how a misreading is corrected (the patterns,
    # which quote who else is meant, still stand).
    mine = any(s.name == "answer.whose_idea.mine" for s in from_answers)
    heard = None
    if referral is None and not mine:
        heard = semantic.third_party_probability(text)
        # Where the writer says nothing of what they themselves want, a weaker hearing
        # counts too (the guard still needs someone else named).
        if heard is not None and (
            heard >= semantic.third_party_threshold()
            or (heard >= semantic.third_party_without_own_wish() and not states_own_wish(text))
        ):
            referral = heard_third_party(text)
    if referral is not None and referral.blocks:
        return _someone_elses(referral, from_answers, language)
    found = text_signals(text, language)
    signals = found + from_answers
    if gate is Gate.TOO_SHORT:
        # A word or two cannot be judged off-topic, only too short; answers may carry it.
        if _tally(from_answers).high < THIN_TEXT_MIN:
            return _gated(Gate.TOO_SHORT, text, signals, language)
    elif (
        is_errand(text)
        or (is_admin(text) and _tally(found).high < MIN_EVIDENCE)
        or (
            not is_on_topic(text, language)
            and not _has_evidence(found)
            and not semantic.reads_a_need(text)
        )
    ):
        return _gated(Gate.OFF_TOPIC, text, signals, language)
    if referral is None and heard is not None and heard >= semantic.third_party_confident():
        # The reader is confident that this is someone else's wish although no word of the
        # guard's list names the other person ("our dev team", "unser Assistenzarzt Dr.
        # Yilmaz"): out of fold, nothing but someone else's wish is heard this surely. A
        # group or a role must still be named (a statement about the writer alone stays
        # theirs), and it runs after the gates, so a question about a room stays off-topic.
        surely = heard_third_party(text, confident=True)
        if surely is not None:
            return _someone_elses(surely, from_answers, language)
    thin = gate is Gate.TOO_SHORT
    clauses = _clause_sides(text, signals)
    result = _decided(text, signals, _tally(signals), clauses, thin=thin, language=language)
    if referral is not None:
        result.reasons.append(wording.own_wish_reason(referral))
    # The reader of meaning reads only the text: where the answers weigh as much as the
    # text does (or the text is a word or two), the decision rests on them and it abstains.
    # Where neither the text's cues nor any answer say anything, it reads the text alone
    # (a French or German need worded without the listed phrases).
    if thin or (from_answers and _weight(from_answers) >= _weight(found)):
        return result
    # Two needs side by side, each in a clause of its own with a clear signal and one of
    # them announced as a second need ("Also, ...", "Longer term, ..."), is structure the
    # reader of meaning (which reads the statement as a whole) does not see: it may not
    # reduce them to one. (Without the announcement, a mentoring need that names a date in
    # a clause of its own is often read as two: on the tune split, keeping every such
    # "both" cost mentoring 5 points; keeping announced ones gained "both" 0.9 and cost
    # nothing.)
    two_parts = result.recommendation == "both" and clauses.two_clear_parts and clauses.announced
    return vote(result, text, keep_both=two_parts)


def _weight(signals: Sequence[Signal]) -> float:
    return sum(s.weight for s in signals if s.side != "neither")


def _has_evidence(signals: Sequence[Signal]) -> bool:
    # Time words alone ("this summer", "before Thursday") turn up in any text, so they do
    # not make a statement about growth.
    return any(s.weight > 0 and s.dimension != "horizon" for s in signals)


def _tally(signals: Sequence[Signal]) -> _Tally:
    totals = {"coaching": 0.0, "mentoring": 0.0, "neither": 0.0}
    by_name: dict[str, list[Signal]] = {}
    for sig in signals:
        by_name.setdefault(sig.name, []).append(sig)
    for sigs in by_name.values():
        totals[sigs[0].side] += _kind_total(sigs)
    return _Tally(
        coaching=totals["coaching"],
        mentoring=totals["mentoring"],
        coaching_anchored=any(s.anchor and s.side == "coaching" for s in signals),
        mentoring_anchored=any(s.anchor and s.side == "mentoring" for s in signals),
    )


def _kind_total(sigs: Sequence[Signal]) -> float:
    """The weight of one kind of evidence, however often it fired.

    Repeating a word adds nothing; saying the same kind of thing in other words adds a
    little (EXTRA_OCCURRENCE of the weight each), up to KIND_CAP times the weight, so that
    one theme cannot outvote the other dimensions.
    """
    weight = max(s.weight for s in sigs)
    distinct = len({s.quote.lower() for s in sigs})
    return min(weight * KIND_CAP, weight * (1 + EXTRA_OCCURRENCE * (distinct - 1)))


def _decide(
    tally: _Tally, clauses: _Clauses, *, third_party: bool = False
) -> tuple[Recommendation, str | None]:
    """Return the recommendation and, for "unclear", why."""
    if tally.high < (THIRD_PARTY_MIN if third_party else MIN_EVIDENCE):
        return "unclear", "weak"
    two_sided = tally.coaching_anchored and tally.mentoring_anchored
    if two_sided and tally.low >= BOTH_SIDE_MIN and tally.balance >= BOTH_BALANCE:
        return "both", None
    two_part = clauses.two_part
    if two_part and tally.low >= SPLIT_SIDE_MIN and tally.balance >= SPLIT_BALANCE:
        return "both", None
    if clauses.two_clear_parts:
        return "both", None
    if tally.balance >= TIE_BALANCE:
        return "unclear", "balanced"
    return ("coaching" if tally.coaching > tally.mentoring else "mentoring"), None


def _confidence(recommendation: Recommendation, tally: _Tally) -> float:
    if recommendation == "unclear":
        shortfall = max(0.0, MIN_EVIDENCE - tally.high) / MIN_EVIDENCE
        value = 0.5 + 0.4 * shortfall
    elif recommendation == "both":
        value = _strength(tally.low) * (0.6 + 0.4 * tally.balance)
    else:
        value = _strength(tally.high) * (0.6 + 0.4 * (1.0 - tally.balance))
    return round(value, 3)


def _strength(total: float) -> float:
    return 1.0 - math.exp(-total / SATURATION)


def _scores(tally: _Tally) -> dict[str, float]:
    two_sided = tally.coaching_anchored and tally.mentoring_anchored
    return {
        "coaching": round(tally.coaching, 2),
        "mentoring": round(tally.mentoring, 2),
        "both": round(tally.low, 2) if two_sided else 0.0,
        "unclear": round(max(0.0, MIN_EVIDENCE - tally.high), 2),
    }


def _decided(
    text: str,
    signals: list[Signal],
    tally: _Tally,
    clauses: _Clauses,
    *,
    thin: bool,
    language: str,
) -> TriageResult:
    third_party = _is_third_party(signals)
    recommendation, why_unclear = _decide(tally, clauses, third_party=third_party)
    confidence = _confidence(recommendation, tally)
    reasons = _reasons(recommendation, why_unclear, signals)
    if thin:
        reasons.insert(0, wording.THIN_TEXT_REASON)
    if third_party:
        reasons.append(wording.third_party_reason(_third_party_signals(signals)))
    coaching_part, mentoring_part = (
        _parts(clauses, signals) if recommendation == "both" else (None, None)
    )
    return TriageResult(
        recommendation=recommendation,
        confidence=confidence,
        reasons=reasons,
        coaching_part=coaching_part,
        mentoring_part=mentoring_part,
        modes=_modes(recommendation, text, signals),
        follow_up_questions=_questions(recommendation, confidence, signals, third_party),
        third_party=third_party,
        scores=_scores(tally),
        signals=signals,
        language=language,
        next_step="own_wish" if third_party else None,
    )


def _reasons(
    recommendation: Recommendation, why_unclear: str | None, signals: Sequence[Signal]
) -> list[str]:
    if recommendation == "unclear":
        summary = (
            Phrase(
                "There is not yet enough in what you wrote to tell whether coaching or "
                "mentoring would fit, so here are a few questions instead of a guess."
            )
            if why_unclear == "weak"
            else Phrase(
                "What you describe points both ways without separating into a coaching part "
                "and a mentoring part, so here are a few questions instead of a guess."
            )
        )
        return [summary, *wording.signal_reasons(signals)]
    if recommendation == "both":
        return [wording.BOTH_SUMMARY, *wording.signal_reasons(signals)]
    losing = "mentoring" if recommendation == "coaching" else "coaching"
    own = wording.signal_reasons([s for s in signals if s.side == recommendation])
    counter = wording.counter_reason(losing, signals)
    return own + ([counter] if counter else [])


def _clause_sides(text: str, signals: Sequence[Signal]) -> _Clauses:
    """The clauses of the text whose own evidence leans to each side, on substance.

    A side's clause is "clear" when its own evidence for that side reaches CLEAR_CLAUSE, or
    MARKED_CLAUSE when the clause opens as a separate need ("Also...", "Longer term...").
    """
    sides: dict[str, list[str]] = {"coaching": [], "mentoring": []}
    clear = {"coaching": False, "mentoring": False}
    announced = False
    for start, end in segments(text):
        inside = [s for s in signals if s.source == "text" and start <= s.start < end]
        lean = _tally(inside)
        clause = text[start:end]
        if lean.coaching > lean.mentoring and lean.coaching_anchored:
            side, own = "coaching", lean.coaching
        elif lean.mentoring > lean.coaching and lean.mentoring_anchored:
            side, own = "mentoring", lean.mentoring
        else:
            continue
        sides[side].append(clause)
        opens = opens_second_need(clause)
        announced = announced or opens
        clear[side] = clear[side] or own >= (MARKED_CLAUSE if opens else CLEAR_CLAUSE)
    return _Clauses(
        coaching=sides["coaching"],
        mentoring=sides["mentoring"],
        coaching_clear=clear["coaching"],
        mentoring_clear=clear["mentoring"],
        announced=announced,
    )


def _parts(clauses: _Clauses, signals: Sequence[Signal]) -> tuple[str, str]:
    """Say which part of the need suits each side, quoting the clauses behind it."""
    coaching = [s for s in signals if s.side == "coaching" and s.weight > 0]
    mentoring = [s for s in signals if s.side == "mentoring" and s.weight > 0]
    return (
        wording.part_description("coaching", clauses.coaching, coaching),
        wording.part_description("mentoring", clauses.mentoring, mentoring),
    )


def _modes(recommendation: Recommendation, text: str, signals: Sequence[Signal]) -> list[str]:
    if recommendation == "unclear":
        return []
    short = any(s.name in ("deadline", "short_horizon", "answer.horizon.weeks") for s in signals)
    return suggest_modes(
        text,
        coaching=recommendation in ("coaching", "both"),
        mentoring=recommendation in ("mentoring", "both"),
        short=short,
    )


def _questions(
    recommendation: Recommendation,
    confidence: float,
    signals: Sequence[Signal],
    third_party: bool,
) -> list[str]:
    covered = {s.dimension for s in signals if s.weight > 0}
    asked: list[str] = []
    if recommendation == "unclear":
        asked = wording.follow_ups(covered, limit=3)
    elif confidence < LOW_CONFIDENCE:
        asked = wording.follow_ups(covered, limit=2)
    if third_party:
        asked.append(wording.FOLLOW_UPS["consent"])
    return asked


def _third_party_signals(signals: Sequence[Signal]) -> list[Signal]:
    # A referral in the text is read by ``third_party.read_third_party`` (which also hears
    # the person's own wish beside it); here only the answer "whose idea" counts.
    return [s for s in signals if s.name in ("answer.whose_idea.manager", "answer.whose_idea.hr")]


def _is_third_party(signals: Sequence[Signal]) -> bool:
    return bool(_third_party_signals(signals))


def _someone_elses(referral: ThirdParty, answers: list[Signal], language: str) -> TriageResult:
    """Someone else's wish: no recommendation, but the reason and the next step that fits."""
    reason, step, question = wording.third_party_wording(referral)
    return TriageResult(
        recommendation="unclear",
        confidence=GATE_CONFIDENCE,
        reasons=[reason, step],
        coaching_part=None,
        mentoring_part=None,
        modes=[],
        follow_up_questions=[question],
        third_party=True,
        scores=_scores(_tally(answers)),
        signals=answers,
        language=language,
        next_step=wording.NEXT_STEPS[referral.kind],
    )


def _gated(gate: Gate, text: str, signals: list[Signal], language: str) -> TriageResult:
    """An "unclear" result for text that cannot be read; answers are kept for the record."""
    third_party = _is_third_party(signals)
    reasons = [_gate_reason(gate, text)]
    questions: list[str] = [wording.GATE_FOLLOW_UPS[gate]]
    if gate is not Gate.OTHER_LANGUAGE:
        covered = {s.dimension for s in signals if s.source == "answer" and s.weight > 0}
        questions += wording.follow_ups(covered, limit=2)
    if third_party:
        reasons.append(wording.third_party_reason(_third_party_signals(signals)))
        questions.append(wording.FOLLOW_UPS["consent"])
    tally = _tally(signals)
    return TriageResult(
        recommendation="unclear",
        confidence=GATE_CONFIDENCE,
        reasons=reasons,
        coaching_part=None,
        mentoring_part=None,
        modes=[],
        follow_up_questions=questions,
        third_party=third_party,
        scores=_scores(tally),
        signals=signals,
        language=language,
        next_step="own_wish" if third_party else None,
    )


def _gate_reason(gate: Gate, text: str) -> str:
    snippet = " ".join(text.split())[:80]
    if gate is Gate.EMPTY:
        return Phrase("Nothing has been written yet, so there is no need to read.")
    if gate is Gate.OTHER_LANGUAGE:
        return wording.OTHER_LANGUAGE_REASON
    if gate is Gate.TOO_SHORT:
        return Phrase(
            'What you wrote ("%(snippet)s") is too short to tell what you need.', snippet=snippet
        )
    return Phrase(
        'What you wrote ("%(snippet)s") does not read as a wish to grow or change at work, so '
        "it cannot point to coaching or mentoring.",
        snippet=snippet,
    )
