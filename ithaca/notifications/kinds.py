# ruff: noqa: E501  (one kind per line reads as a table)
"""Every kind of notification Ithaca sends, the category a person's preference is set
for, and the sentence it reads as.

Pure data (no ORM). A sentence is a template over the notification's context, the
actor and the subject's display text; it says what happened, never what was
written: no journal text, no private note, no report content.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext, gettext_noop, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    ACCOUNT = "account", _("Your account and security")
    REQUESTS = "requests", _("Requests, offers and proposals")
    MEETINGS = "meetings", _("Meetings, sessions and reminders")
    MENTORING = "mentoring", _("Your mentoring")
    COACHING = "coaching", _("Your coaching")
    MESSAGES = "messages", _("Messages")
    PROGRAMS = "programs", _("Programs and events")
    SURVEYS = "surveys", _("Surveys and ratings")


# Categories a person cannot turn off or delay: they are told at once, always.
LOCKED = frozenset({Category.ACCOUNT})


class Mode(models.TextChoices):
    IMMEDIATE = "immediate", _("An e-mail each time")
    DAILY = "daily", _("A daily digest")
    WEEKLY = "weekly", _("The weekly digest")
    NEVER = "never", _("No e-mail (only here in Ithaca)")


@dataclass(frozen=True)
class Kind:
    category: str
    sentence: Any  # a lazy translation: rendered in the reader's language, when read


KINDS: dict[str, Kind] = {
    # Requests, offers and proposals.
    "request.received": Kind(Category.REQUESTS, _("{{ actor }} asked you to be their {{ helper_word }} in {{ program }}.{% if note %} Their note: “{{ note|truncatechars:160 }}”{% endif %}")),
    "request.accepted": Kind(Category.REQUESTS, _("{{ actor }} accepted your request in {{ program }}.{% if started %} You have started working together.{% endif %}")),
    "request.declined": Kind(Category.REQUESTS, _("{{ actor }} declined your request in {{ program }}.{% if reason %} Their reason: {{ reason }}{% endif %}")),
    "request.expired": Kind(Category.REQUESTS, _("Your request to {{ other }} in {{ program }} expired without an answer.")),
    "offer.received": Kind(Category.REQUESTS, _("{{ actor }} offered to be your {{ helper_word }} in {{ program }}.{% if note %} Their note: “{{ note|truncatechars:160 }}”{% endif %}")),
    "offer.accepted": Kind(Category.REQUESTS, _("{{ actor }} accepted your offer in {{ program }}.{% if started %} You have started working together.{% endif %}")),
    "offer.declined": Kind(Category.REQUESTS, _("{{ actor }} declined your offer in {{ program }}.{% if reason %} Their reason: {{ reason }}{% endif %}")),
    "offer.expired": Kind(Category.REQUESTS, _("Your offer to {{ other }} in {{ program }} expired without an answer.")),
    "proposal.received": Kind(Category.REQUESTS, _("{{ program }} proposes that you work with {{ other }}. Your answer is needed.")),
    "proposal.accepted": Kind(Category.REQUESTS, _("{{ actor }} accepted the proposal to work with you in {{ program }}. Your answer is still needed.")),
    "proposal.declined": Kind(Category.REQUESTS, _("{{ actor }} declined the proposal to work with you in {{ program }}.{% if reason %} Their reason: {{ reason }}{% endif %}")),
    "proposal.waiting": Kind(Category.REQUESTS, _("A proposal to work with {{ other }} in {{ program }} is waiting for your answer.")),
    "referral.received": Kind(Category.REQUESTS, _("{{ actor }} suggests {{ kind }} for you. It is your choice.")),
    "referral.answered": Kind(Category.REQUESTS, _("Your suggestion of {{ kind }} for {{ other }}: {{ status }}.")),
    "relationship.started": Kind(Category.REQUESTS, _("{% if actor %}{{ actor }} accepted: y{% else %}Y{% endif %}ou and {{ other }} have started working together in {{ program }}.")),
    # Meetings and sessions.
    "meeting.proposed": Kind(Category.MEETINGS, _("{{ actor }} proposed a meeting on {{ when }}.")),
    "meeting.accepted": Kind(Category.MEETINGS, _("{{ actor }} accepted the meeting on {{ when }}.")),
    "meeting.declined": Kind(Category.MEETINGS, _("{{ actor }} declined the meeting on {{ when }}.")),
    "meeting.changed": Kind(Category.MEETINGS, _("{{ actor }} moved the meeting to {{ when }}.")),
    "meeting.cancelled": Kind(Category.MEETINGS, _("{{ actor }} cancelled the meeting on {{ when }}.")),
    "meeting.reminder": Kind(Category.MEETINGS, _("Reminder: your meeting with {{ other }} is on {{ when }}.")),
    "session.scheduled": Kind(Category.MEETINGS, _("{{ actor }} scheduled a coaching session on {{ when }}.")),
    "session.rescheduled": Kind(Category.MEETINGS, _("{{ actor }} moved the coaching session to {{ when }}.")),
    "session.cancelled": Kind(Category.MEETINGS, _("{{ actor }} cancelled the coaching session on {{ when }}.")),
    "session.reminder": Kind(Category.MEETINGS, _("Reminder: your coaching session is on {{ when }}.")),
    # Mentoring.
    "topic.suggested": Kind(Category.MENTORING, _("{{ actor }} suggested a topic for your agenda.")),
    "topic.taken_up": Kind(Category.MENTORING, _("{{ actor }} took up your suggested topic.")),
    "topic.left_aside": Kind(Category.MENTORING, _("{{ actor }} left your suggested topic aside for now.")),
    "introduction.offered": Kind(Category.MENTORING, _("{{ actor }} would like to introduce you to {{ contact }}. Nobody else is asked unless you agree.")),
    "introduction.not_wanted": Kind(Category.MENTORING, _("{{ person }} would rather not be introduced to {{ contact }}, who was not asked. Nothing was shared.")),
    "introduction.withdrawn": Kind(Category.MENTORING, _("{{ actor }} withdrew the offer to introduce {{ person }} to {{ contact }}. Nothing was shared.")),
    "introduction.asked": Kind(Category.MENTORING, _("{{ actor }} would like to introduce {{ other }} to you. Do you agree?")),
    "introduction.agreed": Kind(Category.MENTORING, _("{{ contact }} agreed to be introduced to {{ person }}.")),
    "review.due": Kind(Category.MENTORING, _("Time to review your mentoring with {{ other }}: continue or conclude?")),
    "relationship.concluded": Kind(Category.MENTORING, _("{{ actor }} concluded your {{ kind }} in {{ program }}.")),
    "relationship.silent": Kind(Category.MENTORING, _("It has been {{ days }} days since you and {{ other }} last met. Time to catch up?")),
    "event.mutual": Kind(Category.PROGRAMS, _("You and {{ other }} both want to continue after {{ event }}.")),
    # Coaching.
    "agreement.to_sign": Kind(Category.COACHING, _("The coaching agreement with {{ other }} needs your signature.")),
    "agreement.amended": Kind(Category.COACHING, _("{{ actor }} amended the coaching agreement; it needs your signature again.")),
    "engagement.started": Kind(Category.COACHING, _("Everyone has signed: the coaching with {{ coachee }} has started.")),
    "engagement.stalled": Kind(Category.COACHING, _("The coaching with {{ coachee }} has stalled: no session for a while.")),
    "action.due": Kind(Category.COACHING, _("Your coaching action is due on {{ due }}.")),
    "action.overdue": Kind(Category.COACHING, _("You have {{ count }} overdue coaching action{{ count|pluralize }}.")),
    "report.to_approve": Kind(Category.COACHING, _("{{ actor }} wrote a sponsor report that awaits your approval.")),
    "report.changes_requested": Kind(Category.COACHING, _("{{ actor }} asked for changes to the sponsor report.")),
    "report.approved": Kind(Category.COACHING, _("A coaching report on {{ coachee }} was approved for you.")),
    "evaluation.due": Kind(Category.COACHING, _("{% if actor %}{{ actor }} closed out your coaching{% else %}Your coaching has closed{% endif %}: your evaluation is due.")),
    "follow_up.due": Kind(Category.COACHING, _("Three months on: how is it going since your coaching?")),
    "parties.changed": Kind(Category.COACHING, _("The {{ party }} of the coaching with {{ coachee }} changed{% if version %}: please sign version {{ version }} of the agreement{% endif %}.")),
    "parties.left": Kind(Category.COACHING, _("You are no longer the {{ party }} of the coaching with {{ coachee }}.")),
    "sponsor.asked": Kind(Category.COACHING, _("You are asked to sponsor the coaching of {{ coachee }} with {{ coach }}.")),
    "sponsor.proposed": Kind(Category.COACHING, _("Your program manager proposes {{ sponsor }} as sponsor of your coaching with {{ coach }}. Nobody is asked until you agree.")),
    "sponsor.declined": Kind(Category.COACHING, _("The invitation to sponsor the coaching of {{ coachee }} was declined.")),
    "sponsor.withdrawn": Kind(Category.COACHING, _("The invitation to sponsor the coaching of {{ coachee }} was withdrawn.")),
    # Programs and events.
    "application.decided": Kind(Category.PROGRAMS, _("Your application to {{ program }} was {% if approved %}approved{% else %}declined{% endif %}.")),
    "program.invited": Kind(Category.PROGRAMS, _("{% if actor %}{{ actor }} added you{% else %}You were added{% endif %} to {{ program }}.")),
    "proposal.withdrawn": Kind(Category.REQUESTS, _("The proposal that {{ helper }} and {{ seeker }} work together in {{ program }} was withdrawn: {{ reasons }}.")),
    "independence.flagged": Kind(Category.PROGRAMS, _("Your {{ kind }} with {{ other }} in {{ program }} is no longer independent ({{ reasons }}); you and the program's managers decide whether it continues.")),
    "independence.to_decide": Kind(Category.PROGRAMS, _("In {{ program }}, {{ helper }} and {{ seeker }} are no longer independent ({{ reasons }}): please decide with them.")),
    "person.left": Kind(Category.PROGRAMS, _("{{ person }} has left the organization: please close or re-match {{ relationships }}.")),
    "fit_check.raised": Kind(Category.PROGRAMS, _("A re-match was asked for in {{ program }}.")),
    "event.signed_up": Kind(Category.PROGRAMS, _("You are signed up for {{ event }} on {{ when }}; the invitation is attached.")),
    "event.changed": Kind(Category.PROGRAMS, _("{{ event }} changed: it is now on {{ when }}{% if where %}, at {{ where }}{% endif %}.")),
    "event.cancelled": Kind(Category.PROGRAMS, _("{{ event }} on {{ when }} was cancelled.{% if reason %} Reason: {{ reason }}{% endif %}")),
    # Messages.
    "message.received": Kind(Category.MESSAGES, _("{% if count > 1 %}{{ count }} new messages{% else %}A new message{% endif %} from {{ actor }}.")),
    # Surveys.
    "survey.pulse": Kind(Category.SURVEYS, _("Two minutes on your {{ kind }}? A short pulse survey is open.")),
    "rating.prompt": Kind(Category.SURVEYS, _("How did it go? You have {{ count }} meeting{{ count|pluralize }} to rate.")),
    # Account and security: always sent at once.
    "account.calendar_feed_reset": Kind(Category.ACCOUNT, _("Your calendar feed address was changed; the old one no longer works.")),
    "account.notice": Kind(Category.ACCOUNT, _("{{ text }}")),
    # Notices held for a weekly digest before this app existed.
    "legacy.notice": Kind(Category.PROGRAMS, _("{{ text }}")),
}  # fmt: skip


# Context values that are words of the domain ("mentor", "coaching"), passed in English
# by the apps that notify; the sentence shows them in the reader's language.
WORDS = frozenset({"helper_word", "kind", "party", "status"})
_WORD_LABELS = (
    pgettext_lazy("notification word", "mentor"),
    pgettext_lazy("notification word", "mentee"),
    pgettext_lazy("notification word", "coach"),
    pgettext_lazy("notification word", "coachee"),
    pgettext_lazy("notification word", "sponsor"),
    pgettext_lazy("notification word", "mentoring"),
    pgettext_lazy("notification word", "coaching"),
    pgettext_lazy("notification word", "accepted"),
    pgettext_lazy("notification word", "declined"),
    pgettext_lazy("notification word", "pending"),
    pgettext_lazy("notification word", "withdrawn"),
)


# What an erased person becomes in others' notifications (ithaca.privacy.erasure).
FORMER = gettext_noop("A former participant")

# Why a pair is no longer independent, by the engine's rule code: `reasons` in a
# notification's context is a list of these codes (older notifications hold English
# sentences, shown as they are). `ithaca.programs.reasons` words stored reasons with them.
INDEPENDENCE_REASONS = {
    "not_line_manager": gettext_noop("the mentor is the mentee's line manager"),
    "not_above_in_chain": gettext_noop("the mentor is above the mentee in their management chain"),
    "not_assessor": gettext_noop("the mentor assesses the mentee's work"),
}


def independence_reasons(codes: list[str] | tuple[str, ...]) -> str:
    """The rules a pair breaks, in the reader's language, as one clause."""
    return "; ".join(
        gettext(INDEPENDENCE_REASONS[code]) if code in INDEPENDENCE_REASONS else code
        for code in codes
    )


def word(key: str, value: Any) -> Any:
    """A context value as the reader reads it: domain words translated, the rest as is."""
    if value == FORMER:
        return gettext(FORMER)
    if key == "reasons" and isinstance(value, list):
        return independence_reasons(value)
    if key in WORDS and isinstance(value, str) and value:
        return pgettext("notification word", value)
    return value


def category_of(kind: str) -> str:
    return str(KINDS[kind].category)
