from django.urls import path, re_path

from ithaca.mentoring.views import corrections, events, manager, personal, training, workspace

app_name = "mentoring"
urlpatterns = [
    path("<int:pk>/", workspace.relationship_detail, name="detail"),
    re_path(
        r"^(?P<pk>[0-9]+)/(?P<action>accept|decline|withdraw|pause|resume|conclude)/$",
        workspace.relationship_action,
        name="action",
    ),
    # Workspace sections: GET renders the section (htmx) or the page; POST writes.
    path("<int:pk>/s/<slug:name>/", workspace.section, name="section"),
    path("<int:pk>/agenda/", workspace.agenda_add, name="agenda-add"),
    path("<int:pk>/agenda/<int:topic_pk>/<slug:op>/", workspace.topic_op, name="topic"),
    path("<int:pk>/meetings/", workspace.meeting_propose, name="meeting-propose"),
    path("<int:pk>/meetings/log/", workspace.meeting_log, name="meeting-log"),
    path("<int:pk>/meetings/<int:meeting_pk>/", workspace.meeting_detail, name="meeting"),
    path("<int:pk>/meetings/<int:meeting_pk>/notes/", workspace.note_add, name="note-add"),
    path("<int:pk>/meetings/<int:meeting_pk>/<slug:op>/", workspace.meeting_op, name="meeting-op"),
    path("<int:pk>/notes/<int:note_pk>/", workspace.note_edit, name="note-edit"),
    path("<int:pk>/edit/<slug:kind>/<int:obj_pk>/", corrections.record_edit, name="edit"),
    path(
        "<int:pk>/withdraw/<slug:kind>/<int:obj_pk>/",
        corrections.record_withdraw,
        name="withdraw",
    ),
    path("<int:pk>/journal/", personal.journal_write, name="journal-write"),
    path("<int:pk>/journal/<int:entry_pk>/", personal.journal_edit, name="journal-edit"),
    path("<int:pk>/journal/<int:entry_pk>/delete/", personal.journal_delete, name="journal-delete"),
    path("<int:pk>/goals/", personal.goal_add, name="goal-add"),
    path("<int:pk>/goals/<int:goal_pk>/<slug:what>/", personal.goal_update, name="goal"),
    path("<int:pk>/introductions/", personal.introduction_propose, name="introduction-propose"),
    path("<int:pk>/review/", personal.review, name="review"),
    path("<int:pk>/close/", personal.close, name="close"),
    path("introductions/", personal.introductions, name="introductions"),
    path(
        "introductions/<int:pk>/<slug:answer>/",
        personal.introduction_answer,
        name="introduction-answer",
    ),
    path("programs/<slug:slug>/", manager.program_health, name="program"),
    path("events/", events.event_list, name="events"),
    path("events/new/", events.event_new, name="event-new"),
    path("events/<int:pk>/", events.event_detail, name="event"),
    path("events/<int:pk>/edit/", events.event_edit, name="event-edit"),
    path("events/<int:pk>/cancel/", events.event_cancel, name="event-cancel"),
    path("events/<int:pk>/attendance/", events.event_attendance, name="event-attendance"),
    path("events/<int:pk>/<slug:op>/", events.event_op, name="event-op"),
    path("training/", training.training_index, name="training"),
    path("training/reminder/", training.training_reminder, name="training-reminder"),
    path("training/<slug:slug>/", training.training_module, name="training-module"),
]
