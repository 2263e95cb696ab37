# ruff: noqa: E501  (one kind per line reads as a table)
"""Every kind of notification Ithaca sends, the category a person's preference is set
for, and the sentence it reads as.

Pure data (no ORM). A sentence is a template over the notification's context, the
actor and the subject's display text; it says what happened, never what was
written: no journal text, no private note, no report content.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models


class Category(models.TextChoices):
    ACCOUNT = "account", "Your account and security"
    REQUESTS = "requests", "Requests, offers and proposals"
    MEETINGS = "meetings", "Meetings, sessions and reminders"
    MENTORING = "mentoring", "Your mentoring"
    COACHING = "coaching", "Your coaching"
    MESSAGES = "messages", "Messages"
    PROGRAMS = "programs", "Programs and events"
    SURVEYS = "surveys", "Surveys and ratings"


# Categories a person cannot turn off or delay: they are told at once, always.
LOCKED = frozenset({Category.ACCOUNT})


class Mode(models.TextChoices):
    IMMEDIATE = "immediate", "An e-mail each time"
    DAILY = "daily", "A daily digest"
    WEEKLY = "weekly", "The weekly digest"
    NEVER = "never", "No e-mail (only here in Ithaca)"


@dataclass(frozen=True)
class Kind:
    category: str
    sentence: str


KINDS: dict[str, Kind] = {
    # Requests, offers and proposals.
    "request.received": Kind(Category.REQUESTS, "{{ actor }} asked you to be their {{ helper_word }} in {{ program }}.{% if note %} Their note: “{{ note|truncatechars:160 }}”{% endif %}"),
    "request.accepted": Kind(Category.REQUESTS, "{{ actor }} accepted your request in {{ program }}.{% if started %} You have started working together.{% endif %}"),
    "request.declined": Kind(Category.REQUESTS, "{{ actor }} declined your request in {{ program }}.{% if reason %} Their reason: {{ reason }}{% endif %}"),
    "request.expired": Kind(Category.REQUESTS, "Your request to {{ other }} in {{ program }} expired without an answer."),
    "offer.received": Kind(Category.REQUESTS, "{{ actor }} offered to be your {{ helper_word }} in {{ program }}.{% if note %} Their note: “{{ note|truncatechars:160 }}”{% endif %}"),
    "offer.accepted": Kind(Category.REQUESTS, "{{ actor }} accepted your offer in {{ program }}.{% if started %} You have started working together.{% endif %}"),
    "offer.declined": Kind(Category.REQUESTS, "{{ actor }} declined your offer in {{ program }}.{% if reason %} Their reason: {{ reason }}{% endif %}"),
    "offer.expired": Kind(Category.REQUESTS, "Your offer to {{ other }} in {{ program }} expired without an answer."),
    "proposal.received": Kind(Category.REQUESTS, "{{ program }} proposes that you work with {{ other }}. Your answer is needed."),
    "proposal.accepted": Kind(Category.REQUESTS, "{{ actor }} accepted the proposal to work with you in {{ program }}. Your answer is still needed."),
    "proposal.declined": Kind(Category.REQUESTS, "{{ actor }} declined the proposal to work with you in {{ program }}.{% if reason %} Their reason: {{ reason }}{% endif %}"),
    "proposal.waiting": Kind(Category.REQUESTS, "A proposal to work with {{ other }} in {{ program }} is waiting for your answer."),
    "referral.received": Kind(Category.REQUESTS, "{{ actor }} suggests {{ kind }} for you. It is your choice."),
    "referral.answered": Kind(Category.REQUESTS, "Your suggestion of {{ kind }} for {{ other }}: {{ status }}."),
    "relationship.started": Kind(Category.REQUESTS, "{% if actor %}{{ actor }} accepted: y{% else %}Y{% endif %}ou and {{ other }} have started working together in {{ program }}."),
    # Meetings and sessions.
    "meeting.proposed": Kind(Category.MEETINGS, "{{ actor }} proposed a meeting on {{ when }}."),
    "meeting.accepted": Kind(Category.MEETINGS, "{{ actor }} accepted the meeting on {{ when }}."),
    "meeting.declined": Kind(Category.MEETINGS, "{{ actor }} declined the meeting on {{ when }}."),
    "meeting.changed": Kind(Category.MEETINGS, "{{ actor }} moved the meeting to {{ when }}."),
    "meeting.cancelled": Kind(Category.MEETINGS, "{{ actor }} cancelled the meeting on {{ when }}."),
    "meeting.reminder": Kind(Category.MEETINGS, "Reminder: your meeting with {{ other }} is on {{ when }}."),
    "session.scheduled": Kind(Category.MEETINGS, "{{ actor }} scheduled a coaching session on {{ when }}."),
    "session.rescheduled": Kind(Category.MEETINGS, "{{ actor }} moved the coaching session to {{ when }}."),
    "session.cancelled": Kind(Category.MEETINGS, "{{ actor }} cancelled the coaching session on {{ when }}."),
    "session.reminder": Kind(Category.MEETINGS, "Reminder: your coaching session is on {{ when }}."),
    # Mentoring.
    "topic.suggested": Kind(Category.MENTORING, "{{ actor }} suggested a topic for your agenda."),
    "topic.taken_up": Kind(Category.MENTORING, "{{ actor }} took up your suggested topic."),
    "topic.left_aside": Kind(Category.MENTORING, "{{ actor }} left your suggested topic aside for now."),
    "introduction.offered": Kind(Category.MENTORING, "{{ actor }} would like to introduce you to {{ contact }}. Nobody else is asked unless you agree."),
    "introduction.not_wanted": Kind(Category.MENTORING, "{{ person }} would rather not be introduced to {{ contact }}, who was not asked. Nothing was shared."),
    "introduction.withdrawn": Kind(Category.MENTORING, "{{ actor }} withdrew the offer to introduce {{ person }} to {{ contact }}. Nothing was shared."),
    "introduction.asked": Kind(Category.MENTORING, "{{ actor }} would like to introduce {{ other }} to you. Do you agree?"),
    "introduction.agreed": Kind(Category.MENTORING, "{{ contact }} agreed to be introduced to {{ person }}."),
    "review.due": Kind(Category.MENTORING, "Time to review your mentoring with {{ other }}: continue or conclude?"),
    "relationship.concluded": Kind(Category.MENTORING, "{{ actor }} concluded your {{ kind }} in {{ program }}."),
    "relationship.silent": Kind(Category.MENTORING, "It has been {{ days }} days since you and {{ other }} last met. Time to catch up?"),
    "event.mutual": Kind(Category.PROGRAMS, "You and {{ other }} both want to continue after {{ event }}."),
    # Coaching.
    "agreement.to_sign": Kind(Category.COACHING, "The coaching agreement with {{ other }} needs your signature."),
    "agreement.amended": Kind(Category.COACHING, "{{ actor }} amended the coaching agreement; it needs your signature again."),
    "engagement.started": Kind(Category.COACHING, "Everyone has signed: the coaching with {{ coachee }} has started."),
    "engagement.stalled": Kind(Category.COACHING, "The coaching with {{ coachee }} has stalled: no session for a while."),
    "action.due": Kind(Category.COACHING, "Your coaching action is due on {{ due }}."),
    "action.overdue": Kind(Category.COACHING, "You have {{ count }} overdue coaching action{{ count|pluralize }}."),
    "report.to_approve": Kind(Category.COACHING, "{{ actor }} wrote a sponsor report that awaits your approval."),
    "report.changes_requested": Kind(Category.COACHING, "{{ actor }} asked for changes to the sponsor report."),
    "report.approved": Kind(Category.COACHING, "A coaching report on {{ coachee }} was approved for you."),
    "evaluation.due": Kind(Category.COACHING, "{% if actor %}{{ actor }} closed out your coaching{% else %}Your coaching has closed{% endif %}: your evaluation is due."),
    "follow_up.due": Kind(Category.COACHING, "Three months on: how is it going since your coaching?"),
    "parties.changed": Kind(Category.COACHING, "The {{ party }} of the coaching with {{ coachee }} changed{% if version %}: please sign version {{ version }} of the agreement{% endif %}."),
    "parties.left": Kind(Category.COACHING, "You are no longer the {{ party }} of the coaching with {{ coachee }}."),
    "sponsor.asked": Kind(Category.COACHING, "You are asked to sponsor the coaching of {{ coachee }} with {{ coach }}."),
    "sponsor.proposed": Kind(Category.COACHING, "Your program manager proposes {{ sponsor }} as sponsor of your coaching with {{ coach }}. Nobody is asked until you agree."),
    "sponsor.declined": Kind(Category.COACHING, "The invitation to sponsor the coaching of {{ coachee }} was declined."),
    "sponsor.withdrawn": Kind(Category.COACHING, "The invitation to sponsor the coaching of {{ coachee }} was withdrawn."),
    # Programs and events.
    "application.decided": Kind(Category.PROGRAMS, "Your application to {{ program }} was {% if approved %}approved{% else %}declined{% endif %}."),
    "program.invited": Kind(Category.PROGRAMS, "{% if actor %}{{ actor }} added you{% else %}You were added{% endif %} to {{ program }}."),
    "proposal.withdrawn": Kind(Category.REQUESTS, "The proposal that {{ pair }} work together in {{ program }} was withdrawn: {{ reasons }}."),
    "independence.flagged": Kind(Category.PROGRAMS, "Your {{ kind }} with {{ other }} in {{ program }} is no longer independent ({{ reasons }}); you and the program's managers decide whether it continues."),
    "independence.to_decide": Kind(Category.PROGRAMS, "In {{ program }}, {{ helper }} and {{ seeker }} are no longer independent ({{ reasons }}): please decide with them."),
    "person.left": Kind(Category.PROGRAMS, "{{ person }} has left the organization: please close or re-match {{ relationships }}."),
    "fit_check.raised": Kind(Category.PROGRAMS, "A re-match was asked for in {{ program }}."),
    "event.signed_up": Kind(Category.PROGRAMS, "You are signed up for {{ event }} on {{ when }}; the invitation is attached."),
    "event.changed": Kind(Category.PROGRAMS, "{{ event }} changed: it is now on {{ when }}{% if where %}, at {{ where }}{% endif %}."),
    "event.cancelled": Kind(Category.PROGRAMS, "{{ event }} on {{ when }} was cancelled.{% if reason %} Reason: {{ reason }}{% endif %}"),
    # Messages.
    "message.received": Kind(Category.MESSAGES, "{% if count > 1 %}{{ count }} new messages{% else %}A new message{% endif %} from {{ actor }}."),
    # Surveys.
    "survey.pulse": Kind(Category.SURVEYS, "Two minutes on your {{ kind }}? A short pulse survey is open."),
    "rating.prompt": Kind(Category.SURVEYS, "How did it go? You have {{ count }} meeting{{ count|pluralize }} to rate."),
    # Account and security: always sent at once.
    "account.calendar_feed_reset": Kind(Category.ACCOUNT, "Your calendar feed address was changed; the old one no longer works."),
    "account.notice": Kind(Category.ACCOUNT, "{{ text }}"),
    # Notices held for a weekly digest before this app existed.
    "legacy.notice": Kind(Category.PROGRAMS, "{{ text }}"),
}  # fmt: skip


def category_of(kind: str) -> str:
    return str(KINDS[kind].category)
