# ruff: noqa: E501  (the table holds whole sentences, one per line, as translators read them)
"""The triage's sentences, in the reader's language.

The triage (`triage/`, no Django) explains its recommendation in English
sentences built from templates with named placeholders (`triage/phrase.py`);
the stored result keeps each template with its values under "phrases". This
module marks every template, and every intake question and answer, for
translation, and renders a stored result again, at display time, in the
active language. The person's own words are put into the sentences as they
wrote them. `tests/test_translations.py` holds the table to the triage.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import get_language, gettext, gettext_noop

from ithaca.intake.triage import TriageResult
from ithaca.intake.triage.phrase import as_data

SENTENCES = (
    gettext_noop(
        "What you wrote is very short, so this rests mostly on your answers to the questions."
    ),
    gettext_noop(
        "Thank you for writing. The recommendation reads English, French, Spanish and German, and what you wrote seems to be in another language, so it cannot read it yet. You are very welcome to write it again in one of those four languages."
    ),
    gettext_noop(
        "What do you want from this? In a sentence or two, what would you like to change or grow, for yourself?"
    ),
    gettext_noop(
        "To suggest coaching or mentoring to someone else, use the referral form on the Referrals page: they are invited, and nothing starts unless they accept and write what they want from it in their own words."
    ),
    gettext_noop(
        "If you sponsor someone's coaching, agree with them and their coach, before it starts, which progress will be shared with you; the content of sessions stays between them."
    ),
    gettext_noop(
        "Read as a whole, what you wrote does not yet say clearly what you would like to change, so here are a few questions instead of a guess."
    ),
    gettext_noop(
        "Your need has two parts: a specific, time-bound part that suits coaching and a broader, longer-term part that suits mentoring. Many needs want both at once."
    ),
    gettext_noop("a short, time-bound need suits coaching"),
    gettext_noop("a few months is the span of a coaching engagement"),
    gettext_noop("a long horizon suits mentoring's long-term relationship"),
    gettext_noop("an open-ended relationship is what mentoring offers"),
    gettext_noop("a specific skill is coaching's focus"),
    gettext_noop("a performance target with accountability is coaching's focus"),
    gettext_noop("a coach supports a transition within a defined scope"),
    gettext_noop("a broad, holistic focus suits mentoring"),
    gettext_noop("a measurable outcome is how coaching is evaluated"),
    gettext_noop("an observable change leans a little towards coaching"),
    gettext_noop("growth you feel rather than measure is a mentoring outcome"),
    gettext_noop('advice from someone who has walked the path is mentoring\'s "push"'),
    gettext_noop('being helped to find your own answers is coaching\'s "pull"'),
    gettext_noop("either way of working suits you, so this does not tip the balance"),
    gettext_noop("in mentoring the mentee sets the agenda, meeting by meeting"),
    gettext_noop("in coaching the agenda is agreed up front and the coach structures the sessions"),
    gettext_noop("career development is a holistic area that suits mentoring"),
    gettext_noop("navigating the organization suits mentoring"),
    gettext_noop("work-life balance is a holistic area that suits mentoring"),
    gettext_noop("resilience is a holistic area that suits mentoring"),
    gettext_noop("belonging is a holistic area that suits mentoring"),
    gettext_noop("a skill is a specific area that suits coaching"),
    gettext_noop("a role change is a transition that suits coaching"),
    gettext_noop("deadline"),
    gettext_noop("time frame"),
    gettext_noop("skill"),
    gettext_noop("skills"),
    gettext_noop("behaviour"),
    gettext_noop("challenge"),
    gettext_noop("target"),
    gettext_noop("transition"),
    gettext_noop("measure"),
    gettext_noop("structure"),
    gettext_noop("own answers"),
    gettext_noop("horizon"),
    gettext_noop("career"),
    gettext_noop("direction"),
    gettext_noop("doubt about direction"),
    gettext_noop("belonging"),
    gettext_noop("network"),
    gettext_noop("organization"),
    gettext_noop("work-life"),
    gettext_noop("resilience"),
    gettext_noop("experience"),
    gettext_noop("advice"),
    gettext_noop("independence"),
    gettext_noop("growth"),
    gettext_noop("broad focus"),
    gettext_noop("informal"),
    gettext_noop("peers"),
    gettext_noop("someone to talk to"),
    gettext_noop("request"),
    gettext_noop("specific"),
    gettext_noop("dynamic"),
    gettext_noop("agenda"),
    gettext_noop("whose_idea"),
    gettext_noop("areas"),
    gettext_noop("Over what time frame do you want to see a change: weeks, months, or years?"),
    gettext_noop(
        "Is there a specific skill, performance target or transition you are working on, or is it broader, like your career or where you fit in?"
    ),
    gettext_noop(
        "Would you rather hear from someone who has walked the path, or be helped to find your own answers?"
    ),
    gettext_noop(
        "Would you like to set the agenda yourself, meeting by meeting, or agree goals up front and have your helper structure the sessions?"
    ),
    gettext_noop(
        "How would you know it had worked: a number or metric, something others would notice, or something you would feel?"
    ),
    gettext_noop(
        "Is this something you want for yourself, and what would you like to get out of it?"
    ),
    gettext_noop(
        "In a sentence or two, what would you like to change or grow in your work or career?"
    ),
    gettext_noop(
        "Could you say a little more: what would you like to change or grow in your work or career?"
    ),
    gettext_noop(
        "Could you describe what you would like in English, French, Spanish or German? / Pourriez-vous l'écrire en français ? / ¿Podría escribirlo en español? / Könnten Sie es auf Deutsch schreiben?"
    ),
    gettext_noop("What would you like to change or grow in your work or career?"),
    gettext_noop(
        'The idea came from someone else ("%(idea)s"), but you say what you want yourself ("%(wish)s"), so this is read as your own request.'
    ),
    gettext_noop("%(lead)s (%(quotes)s): %(why)s."),
    gettext_noop("Some of what you say points to mentoring (%(quotes)s), but less strongly."),
    gettext_noop(
        "This seems to be someone else's idea. A referral is not consent: coaching and mentoring only work when you want them yourself, so you would opt in and talk through the outcomes you want before anything starts."
    ),
    gettext_noop("You mention a deadline"),
    gettext_noop("a short, time-bound need suits coaching, which has a defined scope and duration"),
    gettext_noop("You describe a near time frame"),
    gettext_noop("weeks to months is the span of a coaching engagement"),
    gettext_noop("You describe a long horizon"),
    gettext_noop("a long-term, often open-ended relationship is what mentoring offers"),
    gettext_noop("You name a specific skill"),
    gettext_noop("a focused skill is what coaching is built for"),
    gettext_noop("You talk about skills"),
    gettext_noop("a specific focus suits coaching"),
    gettext_noop("You describe a challenge you face now"),
    gettext_noop("an immediate, specific challenge is what coaching works on"),
    gettext_noop("You want to change how you do something"),
    gettext_noop("improving a particular behaviour is a specific focus that suits coaching"),
    gettext_noop("You name a performance target"),
    gettext_noop(
        "measurable improvement in a named area, with accountability, is what coaching delivers"
    ),
    gettext_noop("You describe a transition"),
    gettext_noop("a coach supports a role transition within a defined scope"),
    gettext_noop("Your need touches your career"),
    gettext_noop("long-term career development is a broad, holistic focus that suits mentoring"),
    gettext_noop("You are weighing a direction"),
    gettext_noop(
        "perspective on the bigger picture from someone further along the path suits mentoring"
    ),
    gettext_noop("You are unsure which way to go"),
    gettext_noop(
        "perspective on the bigger picture from someone who has faced the same choice is what mentoring offers"
    ),
    gettext_noop("You mention belonging"),
    gettext_noop(
        "belonging is a holistic need, and a mentor who shares the experience helps where coaching does not"
    ),
    gettext_noop("You want to widen your network"),
    gettext_noop("opening doors and making introductions is part of what mentors do"),
    gettext_noop("You want to understand how the organization works"),
    gettext_noop(
        "navigating the organization is learned from someone who already knows it, which is mentoring"
    ),
    gettext_noop("You mention work and life outside it"),
    gettext_noop("balancing them is a broad, holistic focus that suits mentoring"),
    gettext_noop("You mention resilience or setbacks"),
    gettext_noop("resilience and keeping perspective are holistic needs that suit mentoring"),
    gettext_noop("You say the focus is broad"),
    gettext_noop("a broad, holistic focus suits mentoring rather than coaching's specific one"),
    gettext_noop("You want to learn from someone's experience"),
    gettext_noop(
        'a mentor who has walked the path shares experience and advice (a "push" dynamic)'
    ),
    gettext_noop("You ask for advice or guidance"),
    gettext_noop('advice from someone further along is mentoring\'s "push" dynamic'),
    gettext_noop("You want someone outside your own line"),
    gettext_noop(
        "a mentor is independent of your line management and assessment, which is the norm in mentoring"
    ),
    gettext_noop("You want to learn alongside peers"),
    gettext_noop("swapping experience with peers is peer mentoring"),
    gettext_noop("You want to find your own answers"),
    gettext_noop('a coach asks questions so that you find them yourself (a "pull" dynamic)'),
    gettext_noop("You want structure"),
    gettext_noop(
        "in coaching the agenda is agreed up front and the coach structures scheduled sessions"
    ),
    gettext_noop("You want something informal"),
    gettext_noop("in mentoring you set the agenda, meeting by meeting, as needed"),
    gettext_noop("You want someone to talk to"),
    gettext_noop("an ongoing relationship where you bring the agenda leans towards mentoring"),
    gettext_noop("You want a measurable outcome"),
    gettext_noop("coaching works to a baseline, a target and check-ins, with accountability"),
    gettext_noop("You describe growth rather than a metric"),
    gettext_noop("perspective and personal growth are mentoring outcomes"),
    gettext_noop("You ask for coaching"),
    gettext_noop("that counts a little, but the recommendation rests on the need you describe"),
    gettext_noop("You ask for a mentor"),
    gettext_noop(
        "This seems to be someone else's idea (%(quote)s). A referral is not consent: coaching or mentoring only helps when you want it yourself, so before anything is recommended the question is what you want from it."
    ),
    gettext_noop(
        "Nothing starts unless you choose it. If you tell us what you would like for yourself, we can recommend what fits."
    ),
    gettext_noop('You answered "%(answer)s" to "%(question)s": %(why)s.'),
    gettext_noop("Some of what you say points to coaching (%(quotes)s), but less strongly."),
    gettext_noop(
        "This seems to be someone else's idea (%(quotes)s). A referral is not consent: coaching and mentoring only work when you want them yourself, so you would opt in and talk through the outcomes you want before anything starts."
    ),
    gettext_noop(
        "You ask to see what someone else says in their sessions (%(quote)s). Sessions are confidential: that trust is what lets coaching and mentoring work. A sponsor, the manager or HR partner who refers or pays, sees only the progress the agreement says will be shared, never what is said in sessions."
    ),
    gettext_noop(
        "Is there something you would like for yourself? If so, what would you like to change or grow?"
    ),
    gettext_noop(
        "This is written on someone else's behalf (%(quote)s). Nobody is coached or mentored without wanting it: a request from a manager or a colleague is a referral, not consent, so the person concerned needs to opt in and say what they want."
    ),
    gettext_noop(
        "Is this for you? If so, tell us in your own words what you would like to change or grow."
    ),
    gettext_noop(""),
    gettext_noop('%(noun)s "%(quote)s"'),
    gettext_noop('"%(quote)s"'),
    gettext_noop(
        "Read as a whole, what you describe is a specific, near-term need (%(quote)s): coaching works on a named skill, target or challenge, within a defined scope and duration, with a coach who helps you find your own answers."
    ),
    gettext_noop(
        "Read as a whole, what you describe is a broad, longer-term question (%(quote)s): mentoring offers perspective from someone who has walked the path, in an open-ended relationship where you set the agenda."
    ),
    gettext_noop('Coaching for the specific, time-bound part: "%(text)s" (%(evidence)s).'),
    gettext_noop('Coaching for the specific, time-bound part: "%(text)s".'),
    gettext_noop("Coaching for the specific, time-bound part you describe (%(evidence)s)."),
    gettext_noop("Coaching for the specific, time-bound part you describe."),
    gettext_noop('Mentoring for the broader, longer-term part: "%(text)s" (%(evidence)s).'),
    gettext_noop('Mentoring for the broader, longer-term part: "%(text)s".'),
    gettext_noop("Mentoring for the broader, longer-term part you describe (%(evidence)s)."),
    gettext_noop("Mentoring for the broader, longer-term part you describe."),
    gettext_noop(
        'What you wrote ("%(snippet)s") does not read as a wish to grow or change at work, so it cannot point to coaching or mentoring.'
    ),
    gettext_noop("Nothing has been written yet, so there is no need to read."),
    gettext_noop("Unknown intake question %(key)s."),
    gettext_noop("Question %(key)s takes a single answer, got %(values)s."),
    gettext_noop("Unknown answer %(value)s for question %(key)s."),
    gettext_noop(
        "There is not yet enough in what you wrote to tell whether coaching or mentoring would fit, so here are a few questions instead of a guess."
    ),
    gettext_noop(
        "What you describe points both ways without separating into a coaching part and a mentoring part, so here are a few questions instead of a guess."
    ),
    gettext_noop('What you wrote ("%(snippet)s") is too short to tell what you need.'),
)

# The intake questions and their answers (triage/questions.py), as the form shows them.
QUESTIONS = (
    gettext_noop("Over what time frame do you want to see a change?"),
    gettext_noop("Weeks"),
    gettext_noop("A few months"),
    gettext_noop("Years"),
    gettext_noop("Open-ended, no end date in mind"),
    gettext_noop("Is there a specific skill, performance target or transition behind this?"),
    gettext_noop("A specific skill"),
    gettext_noop("A performance target"),
    gettext_noop("A transition, such as a new role"),
    gettext_noop("Nothing specific: it is broader than that"),
    gettext_noop("How would you know it had worked?"),
    gettext_noop("A number or a metric would change"),
    gettext_noop("Other people would notice"),
    gettext_noop("I would feel it"),
    gettext_noop("Not sure"),
    gettext_noop(
        "Would you rather hear from someone who has walked the path, or be helped to find your own answers?"
    ),
    gettext_noop("Advice from someone who has walked the path"),
    gettext_noop("Help finding my own answers"),
    gettext_noop("Both"),
    gettext_noop("Who should set the agenda?"),
    gettext_noop("Me, meeting by meeting"),
    gettext_noop("Agreed up front, with the helper structuring the sessions"),
    gettext_noop("Not sure"),
    gettext_noop("Whose idea was it to look for help?"),
    gettext_noop("Mine"),
    gettext_noop("My manager's"),
    gettext_noop("HR's"),
    gettext_noop("Which areas does it touch? Choose any that apply."),
    gettext_noop("My career"),
    gettext_noop("The organization and its politics"),
    gettext_noop("Work and life outside it"),
    gettext_noop("Resilience, coping with pressure or setbacks"),
    gettext_noop("A skill"),
    gettext_noop("A role change"),
    gettext_noop("Belonging, fitting in"),
)

# The human parts of a result; everything else in it is for machines and stays as it is.
HUMAN_FIELDS = ("reasons", "follow_up_questions", "coaching_part", "mentoring_part")


def in_english() -> bool:
    return (get_language() or "en").split("-")[0] == "en"


def render(data: Mapping[str, Any]) -> str:
    """A stored phrase (`Phrase.as_data()`) as a sentence in the active language."""
    template = str(data.get("template", ""))
    values = {key: _value(value) for key, value in dict(data.get("params") or {}).items()}
    try:
        return gettext(template) % values
    except (KeyError, TypeError, ValueError):
        return template % values


def _value(value: Any) -> Any:
    if isinstance(value, dict):
        return render(value)
    if isinstance(value, list):
        return ", ".join(str(_value(v)) for v in value)
    return value


def said(text: object) -> str:
    """A triage sentence in the active language; other text as it is."""
    data = as_data(text) if isinstance(text, str) else None
    if data is None or in_english():
        return str(text)
    return render(data)


def phrases_of(result: TriageResult) -> dict[str, Any]:
    """What is stored beside a result so that its sentences can be read in any language."""
    return {
        "reasons": [as_data(r) for r in result.reasons],
        "follow_up_questions": [as_data(q) for q in result.follow_up_questions],
        "coaching_part": as_data(result.coaching_part),
        "mentoring_part": as_data(result.mentoring_part),
    }


def localized(
    result: Mapping[str, Any], phrases: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """A result (as `to_dict()` gives it or as stored) with its human text in the reader's language.

    `phrases` defaults to the stored result's own "phrases"; the machine fields
    ("recommendation", "modes", "next_step"…) are returned unchanged.
    """
    out = dict(result)
    stored = phrases if phrases is not None else out.get("phrases")
    if not stored or in_english():
        return out
    for field in ("reasons", "follow_up_questions"):
        english = list(out.get(field) or [])
        data = list(stored.get(field) or [])
        if len(data) == len(english):
            out[field] = [render(d) if d else e for d, e in zip(data, english, strict=True)]
    for field in ("coaching_part", "mentoring_part"):
        if stored.get(field) and out.get(field):
            out[field] = render(stored[field])
    return out
