"""How much each piece of evidence weighs, and what it means.

Each signal kind belongs to one side (coaching or mentoring) and one of the dimensions on
which DOMAIN.md says the two differ. Weights are written down, not learned, so that every
recommendation can be traced to a line here. Scale: 2.0 is evidence that on its own
points clearly to one side; 1.5 is strong but sometimes found on the other side too; 1.0 is
a hint. The decision thresholds in ``model.py`` are expressed on the same scale.

Revision notes (blind-set review). A set written by someone who never saw the phrase lists
showed that the weights were sound but the cues too literal: needs were missed because they
were worded differently, not because they weighed wrongly. Existing weights are unchanged;
the fixes are general mechanisms, each commented where it lives:
- cue *families* in ``cues/`` instead of single phrasings: doubt about direction ("not sure /
  wondering / no idea ... whether to / if I ..."), aiming at a role ("going for ops
  manager"), leaving or staying in a field; the many shapes of "someone who has walked the
  path" ("someone in the firm who's navigated that", "someone with lived experience");
  isolation ("the only IMG on the rotation", "feel very alone"); politics ("who actually
  decides"); targets and dates in other words ("before next ARCP", "from 72 to 80");
- reading casual text: missing apostrophes and short forms ("im", "dont", "wks") are written
  out before matching, and quotes still come from the person's own words (``text.py``);
- what the person sets aside is not evidence: a refused thing ("I don't need a course or a
  target"), a dismissed part ("...next month, but I'm fine with that"), a date that is
  already history ("started in March") (``cues/__init__.py``, ``signals.py``);
- an errand ("please book me a room for Tuesday's meeting") is not a need (``text.py``);
- clause splitting at "Also", "Beyond that", "Longer term", "and I'd also" (``text.py``)
  and a "both" rule for one clear clause per side, plus a higher bar for referrals
  (``model.py``).
Two kinds are new, ``direction_doubt`` and ``independent``, with their reasons below.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Side = Literal["coaching", "mentoring", "neither"]
Dimension = Literal["horizon", "focus", "agenda", "dynamic", "outcome", "request", "consent"]


@dataclass(frozen=True, slots=True)
class SignalKind:
    """What a signal means: the side it supports and the dimension it speaks to.

    ``anchor`` marks evidence about the substance of the need (what and over what time),
    which is what a two-part "both" recommendation must rest on for each side.
    ``negatable`` marks cues whose meaning flips when negated ("no deadline", "I don't
    want advice"); a negated skill ("I can't delegate") is still the topic, so skills are not.
    """

    side: Side
    dimension: Dimension
    anchor: bool = False
    negatable: bool = False


WEIGHTS: Mapping[str, float] = {
    # --- horizon ---------------------------------------------------------------------
    # A dated event ("in six weeks", "before my review") is the clearest mark of a
    # coaching contract: defined scope, defined duration.
    "deadline": 2.0,
    # A near time frame without a date ("this quarter", "right now") is weaker: people
    # also say "right now" about a long-standing wish.
    "short_horizon": 1.5,
    # Years, "long term", "over time": the relationship DOMAIN.md calls open-ended.
    "long_horizon": 2.0,
    # --- focus: specific (coaching) --------------------------------------------------
    # A named skill is the textbook coaching need.
    "named_skill": 2.0,
    # The bare word "skills" says specific but not which; half a named skill.
    "skill_word": 1.0,
    # A habit that gets in the way now ("I keep running late", "I get defensive") is the
    # "immediate challenge" DOMAIN.md sends to coaching; strong but not a named skill.
    "current_challenge": 1.5,
    # "Get better at", "improve how I...": aimed at a behaviour, but the object may be as
    # vague as "my job", so only a hint until something names what.
    "improve_behaviour": 1.0,
    # Quotas, scores, exams, reviews: performance improvement with accountability.
    "performance_target": 2.0,
    # Role transitions are coaching territory, but returners and new starters often also
    # want someone to find their feet with, so a little below a named skill.
    "transition": 1.5,
    # --- focus: holistic (mentoring) -------------------------------------------------
    # "Career" alone is said in coaching needs too ("for my career"), so it is strong
    # only together with a choice or a horizon, which are separate signals.
    "career": 1.5,
    "career_choice": 1.5,
    # Doubt about direction in so many words ("not sure whether to stay in nursing", "no idea
    # what to do next") is a whole mentoring need on its own: the person asks for perspective
    # on the bigger picture, not for a skill. A named option alone stays at career_choice.
    "direction_doubt": 2.0,
    # Belonging is where mentoring, and diversity mentoring above all, does what coaching
    # does not: someone who shares the experience.
    "belonging": 2.0,
    "network": 1.5,
    "organization": 1.5,
    "work_life": 1.5,
    "resilience": 1.5,
    # "Not one thing", "general guidance": the person says outright the focus is broad.
    "broad_focus": 1.5,
    # --- dynamic ---------------------------------------------------------------------
    # Wanting someone who has walked the path is the defining "push" of mentoring.
    "experience": 2.0,
    # Asking for advice or guidance is the "push" too, but without saying from whom, and
    # people also say "guidance" of a coach: strong, short of walking the path.
    "advice": 1.5,
    # Wanting a helper outside one's own line ("someone outside my department, not my line
    # manager") is DOMAIN.md's independence rule for mentors; it says who should help, not
    # what about, so strong but not an anchor of the need.
    "independent": 1.5,
    # Peers swapping experience is mentoring too (peer and co-mentoring), a little weaker
    # because it names no senior helper.
    "peer_exchange": 1.5,
    # "Find my own answers", "ask me good questions": the "pull" of coaching.
    "self_discovery": 2.0,
    # --- agenda and structure --------------------------------------------------------
    # Sessions, a plan, a set number: the coaching contract.
    "structured": 1.5,
    # "Every so often", "whenever something comes up": the mentee-owned agenda.
    "informal": 1.5,
    # "Someone to talk to" leans to a relationship rather than a service, but is said of
    # coaches as well; a hint only.
    "someone_to_talk_to": 1.0,
    # --- outcome ---------------------------------------------------------------------
    # Numbers, goals, accountability: the measurable outcome coaching is evaluated on.
    "measurable": 1.5,
    # Perspective, growth as a person, finding one's feet: mentoring outcomes.
    "growth_outcome": 1.5,
    # --- request ---------------------------------------------------------------------
    # People use "coach" and "mentor" loosely, and DOMAIN.md asks us to explain the
    # difference rather than echo the word, so the word alone is only a hint.
    "asks_for_coach": 1.0,
    "asks_for_mentor": 1.0,
    # --- consent ---------------------------------------------------------------------
    # Someone else's idea is a warning sign, not evidence for either side.
    "third_party": 0.0,
    # --- structured answers ----------------------------------------------------------
    # A chosen answer is deliberate, so it weighs as much as the matching text cue.
    "answer.horizon.weeks": 2.0,
    # A few months fits coaching engagements, but also the start of a mentoring one.
    "answer.horizon.months": 1.0,
    "answer.horizon.years": 2.0,
    "answer.horizon.open_ended": 1.5,
    "answer.specific.skill": 2.0,
    "answer.specific.performance": 2.0,
    "answer.specific.transition": 1.5,
    "answer.specific.none": 1.5,
    "answer.measure.metric": 1.5,
    # Behaviour others notice is observable, so coaching-ish, but not a metric.
    "answer.measure.others_notice": 0.5,
    "answer.measure.feel": 1.0,
    "answer.measure.not_sure": 0.0,
    "answer.dynamic.advice": 2.0,
    "answer.dynamic.own_answers": 2.0,
    "answer.dynamic.both": 0.0,
    "answer.agenda.me": 1.5,
    "answer.agenda.agreed": 1.5,
    "answer.agenda.not_sure": 0.0,
    "answer.whose_idea.mine": 0.0,
    "answer.whose_idea.manager": 0.0,
    "answer.whose_idea.hr": 0.0,
    # Areas are ticked freely, several at once, so each tick is a hint (1.0).
    "answer.areas.career": 1.0,
    "answer.areas.organization": 1.0,
    "answer.areas.work_life": 1.0,
    "answer.areas.resilience": 1.0,
    "answer.areas.belonging": 1.0,
    "answer.areas.skill": 1.0,
    "answer.areas.role_change": 1.0,
}

_C: Side = "coaching"
_M: Side = "mentoring"

KINDS: Mapping[str, SignalKind] = {
    "deadline": SignalKind(_C, "horizon", anchor=True, negatable=True),
    "short_horizon": SignalKind(_C, "horizon", anchor=True, negatable=True),
    "long_horizon": SignalKind(_M, "horizon", anchor=True, negatable=True),
    "named_skill": SignalKind(_C, "focus", anchor=True),
    "skill_word": SignalKind(_C, "focus", anchor=True, negatable=True),
    "improve_behaviour": SignalKind(_C, "focus", anchor=True),
    "current_challenge": SignalKind(_C, "focus", anchor=True),
    "performance_target": SignalKind(_C, "focus", anchor=True),
    "transition": SignalKind(_C, "focus", anchor=True),
    "career": SignalKind(_M, "focus", anchor=True),
    "career_choice": SignalKind(_M, "focus", anchor=True),
    "direction_doubt": SignalKind(_M, "focus", anchor=True),
    "belonging": SignalKind(_M, "focus", anchor=True),
    "network": SignalKind(_M, "focus", anchor=True),
    "organization": SignalKind(_M, "focus", anchor=True),
    "work_life": SignalKind(_M, "focus", anchor=True),
    "resilience": SignalKind(_M, "focus", anchor=True),
    "broad_focus": SignalKind(_M, "focus", anchor=True),
    "experience": SignalKind(_M, "dynamic", anchor=True, negatable=True),
    "peer_exchange": SignalKind(_M, "dynamic", anchor=True),
    "advice": SignalKind(_M, "dynamic", anchor=True, negatable=True),
    "independent": SignalKind(_M, "dynamic"),
    "self_discovery": SignalKind(_C, "dynamic"),
    "structured": SignalKind(_C, "agenda", negatable=True),
    "informal": SignalKind(_M, "agenda", negatable=True),
    "someone_to_talk_to": SignalKind(_M, "agenda", negatable=True),
    "measurable": SignalKind(_C, "outcome"),
    "growth_outcome": SignalKind(_M, "outcome", anchor=True),
    "asks_for_coach": SignalKind(_C, "request", negatable=True),
    "asks_for_mentor": SignalKind(_M, "request", negatable=True),
    "third_party": SignalKind("neither", "consent"),
}
