"""Coaching pages: the engagement workspace (one tab per part) and the manager's page."""

from ithaca.coaching.views.goals import (
    action_done,
    actions,
    checkin_correct,
    goal_chart,
    goal_detail,
    goals,
)
from ithaca.coaching.views.reports import evaluation, report_action, report_detail, reports
from ithaca.coaching.views.sessions import (
    session_agenda,
    session_cancel,
    session_detail,
    session_held,
    session_ics,
    session_note,
    session_reschedule,
    sessions,
)
from ithaca.coaching.views.sponsors import (
    engagement_change_coach,
    engagement_sponsor,
    sponsor_invitation,
    sponsor_invitation_action,
)
from ithaca.coaching.views.workspace import (
    agreement,
    agreement_new,
    agreement_sign,
    agreement_version,
    engagement_action,
    engagement_detail,
    engagement_messages,
    program_engagements,
)

__all__ = [
    "action_done",
    "actions",
    "agreement",
    "agreement_new",
    "agreement_sign",
    "agreement_version",
    "checkin_correct",
    "engagement_action",
    "engagement_change_coach",
    "engagement_detail",
    "engagement_messages",
    "engagement_sponsor",
    "evaluation",
    "goal_chart",
    "goal_detail",
    "goals",
    "program_engagements",
    "report_action",
    "report_detail",
    "reports",
    "session_agenda",
    "session_cancel",
    "session_detail",
    "session_held",
    "session_ics",
    "session_note",
    "session_reschedule",
    "sessions",
    "sponsor_invitation",
    "sponsor_invitation_action",
]
