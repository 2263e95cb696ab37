from django.urls import path

from ithaca.coaching import views
from ithaca.coaching.views import corrections

app_name = "coaching"
urlpatterns = [
    path("programs/<slug:slug>/", views.program_engagements, name="program"),
    path("<int:pk>/", views.engagement_detail, name="detail"),
    path("<int:pk>/agreement/", views.agreement, name="agreement"),
    path("<int:pk>/agreement/new/", views.agreement_new, name="agreement_new"),
    path("<int:pk>/sessions/", views.sessions, name="sessions"),
    path("<int:pk>/goals/", views.goals, name="goals"),
    path("<int:pk>/actions/", views.actions, name="actions"),
    path("<int:pk>/reports/", views.reports, name="reports"),
    path("<int:pk>/evaluation/", views.evaluation, name="evaluation"),
    path("<int:pk>/messages/", views.engagement_messages, name="messages"),
    path("<int:pk>/sponsor/<slug:action>/", views.engagement_sponsor, name="sponsor"),
    path("<int:pk>/coach/", views.engagement_change_coach, name="change_coach"),
    path("sponsor-invitations/<int:pk>/", views.sponsor_invitation, name="sponsor_invitation"),
    path(
        "sponsor-invitations/<int:pk>/<slug:action>/",
        views.sponsor_invitation_action,
        name="sponsor_invitation_action",
    ),
    # Lifecycle buttons; after the named tabs so "sessions" etc. are never taken for an action.
    path("<int:pk>/<slug:action>/", views.engagement_action, name="action"),
    path("agreements/<int:pk>/", views.agreement_version, name="version"),
    path("agreements/<int:pk>/sign/", views.agreement_sign, name="sign"),
    path("sessions/<int:pk>/", views.session_detail, name="session"),
    path("sessions/<int:pk>/notes/", views.session_note, name="session_note"),
    path("sessions/<int:pk>/agenda/", views.session_agenda, name="session_agenda"),
    path("sessions/<int:pk>/reschedule/", views.session_reschedule, name="session_reschedule"),
    path("sessions/<int:pk>/cancel/", views.session_cancel, name="session_cancel"),
    path("sessions/<int:pk>/held/", views.session_held, name="session_held"),
    path("sessions/<int:pk>/invite.ics", views.session_ics, name="session_ics"),
    path("goals/<int:pk>/", views.goal_detail, name="goal"),
    path("goals/<int:pk>/chart.svg", views.goal_chart, name="goal_chart"),
    path("checkins/<int:pk>/correct/", views.checkin_correct, name="checkin_correct"),
    path("actions/<int:pk>/done/", views.action_done, name="action_done"),
    path("actions/<int:pk>/edit/", corrections.action_edit, name="action_edit"),
    path("actions/<int:pk>/withdraw/", corrections.action_withdraw, name="action_withdraw"),
    path("notes/<int:pk>/edit/", corrections.note_edit, name="note_edit"),
    path("notes/<int:pk>/withdraw/", corrections.note_withdraw, name="note_withdraw"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/<slug:action>/", views.report_action, name="report_action"),
]
