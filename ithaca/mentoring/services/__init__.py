"""Every write to mentoring rows goes through these services.

Keyword-only, typed and atomic; each raises DomainError (PermissionDenied,
TransitionError) with a message for the person when a rule is broken, and
then nothing is saved.
"""

from ithaca.mentoring.services.agenda import (
    agenda_reorder,
    topic_accept,
    topic_add,
    topic_close,
    topic_decline,
    topic_move,
    topic_reopen,
)
from ithaca.mentoring.services.care import (
    Survey,
    closing_record,
    relationship_close,
    review_answer,
)
from ithaca.mentoring.services.events import (
    attendance_record,
    event_cancel,
    event_create,
    event_leave,
    event_signup,
    event_update,
    mark_add,
    mark_remove,
)
from ithaca.mentoring.services.goals import goal_add, goal_note_add, goal_set_status
from ithaca.mentoring.services.introductions import (
    introduction_answer,
    introduction_propose,
    introduction_withdraw,
)
from ithaca.mentoring.services.journal import journal_delete, journal_edit, journal_write
from ithaca.mentoring.services.meetings import (
    meeting_accept,
    meeting_cancel,
    meeting_decline,
    meeting_log,
    meeting_propose,
    meeting_reschedule,
    note_add,
    note_edit,
)
from ithaca.mentoring.services.proposals import mentoring_propose
from ithaca.mentoring.services.schedule import nudges_create, reviews_create
from ithaca.mentoring.services.training import training_record, training_submit, training_sync

__all__ = [
    "Survey",
    "agenda_reorder",
    "attendance_record",
    "closing_record",
    "event_cancel",
    "event_create",
    "event_leave",
    "event_signup",
    "event_update",
    "goal_add",
    "goal_note_add",
    "goal_set_status",
    "introduction_answer",
    "introduction_propose",
    "introduction_withdraw",
    "journal_delete",
    "journal_edit",
    "journal_write",
    "mark_add",
    "mark_remove",
    "meeting_accept",
    "meeting_cancel",
    "meeting_decline",
    "meeting_log",
    "meeting_propose",
    "meeting_reschedule",
    "mentoring_propose",
    "note_add",
    "note_edit",
    "nudges_create",
    "relationship_close",
    "review_answer",
    "reviews_create",
    "topic_accept",
    "topic_add",
    "topic_close",
    "topic_decline",
    "topic_move",
    "topic_reopen",
    "training_record",
    "training_submit",
    "training_sync",
]
