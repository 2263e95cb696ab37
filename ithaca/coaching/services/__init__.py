"""Every write to coaching rows goes through these services."""

from ithaca.coaching.services.agreements import (
    Terms,
    agreement_draft,
    agreement_sign,
    default_terms,
)
from ithaca.coaching.services.closeout import (
    engagement_close_out,
    evaluation_respond,
    follow_up_respond,
)
from ithaca.coaching.services.corrections import (
    action_edit,
    action_withdraw,
    session_note_edit,
    session_note_withdraw,
)
from ithaca.coaching.services.engagements import engagement_accept, engagement_propose
from ithaca.coaching.services.goals import (
    IncompleteGoal,
    action_create,
    action_set_done,
    checkin_correct,
    checkin_record,
    goal_create,
)
from ithaca.coaching.services.parties import (
    engagement_change_party,
    sponsor_invitation_respond,
    sponsor_invitation_withdraw,
    sponsor_invite,
    sponsor_remove,
)
from ithaca.coaching.services.reports import (
    report_approve,
    report_generate,
    report_refresh,
    report_request_changes,
    report_submit,
)
from ithaca.coaching.services.sessions import (
    note_add,
    session_cancel,
    session_mark_held,
    session_reschedule,
    session_schedule,
    session_set_agenda,
)

__all__ = [
    "IncompleteGoal",
    "Terms",
    "action_create",
    "action_edit",
    "action_set_done",
    "action_withdraw",
    "agreement_draft",
    "agreement_sign",
    "checkin_correct",
    "checkin_record",
    "default_terms",
    "engagement_accept",
    "engagement_change_party",
    "engagement_close_out",
    "engagement_propose",
    "evaluation_respond",
    "follow_up_respond",
    "goal_create",
    "note_add",
    "report_approve",
    "report_generate",
    "report_refresh",
    "report_request_changes",
    "report_submit",
    "session_cancel",
    "session_mark_held",
    "session_note_edit",
    "session_note_withdraw",
    "session_reschedule",
    "session_schedule",
    "session_set_agenda",
    "sponsor_invitation_respond",
    "sponsor_invitation_withdraw",
    "sponsor_invite",
    "sponsor_remove",
]
