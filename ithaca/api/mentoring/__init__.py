"""API endpoints for mentoring under /api/v1/mentoring/; `urlpatterns` is included by
ithaca/api/urls.py. One view per operation; objects come from ithaca.mentoring.access."""

from __future__ import annotations

from django.urls import URLPattern, path

from ithaca.api.mentoring import events, relationship, training
from ithaca.api.mentoring import workspace as ws

R = "mentoring/relationships/<int:pk>/"
E = "mentoring/events/<int:pk>/"
T = "mentoring/training/"

urlpatterns: list[URLPattern] = [
    path(f"{R}workspace/", ws.WorkspaceView.as_view(), name="api-mentoring-workspace"),
    path(f"{R}agenda/", ws.AgendaView.as_view(), name="api-mentoring-agenda"),
    path(f"{R}agenda/order/", ws.AgendaOrderView.as_view(), name="api-mentoring-agenda-order"),
    path(
        f"{R}agenda/<int:topic_pk>/<slug:op>/",
        ws.TopicActionView.as_view(),
        name="api-mentoring-topic",
    ),
    path(f"{R}meetings/", ws.MeetingListView.as_view(), name="api-mentoring-meetings"),
    path(f"{R}meetings/log/", ws.MeetingLogView.as_view(), name="api-mentoring-meeting-log"),
    path(
        f"{R}meetings/<int:meeting_pk>/",
        ws.MeetingDetailView.as_view(),
        name="api-mentoring-meeting",
    ),
    path(
        f"{R}meetings/<int:meeting_pk>/notes/",
        ws.NoteListView.as_view(),
        name="api-mentoring-notes",
    ),
    path(
        f"{R}meetings/<int:meeting_pk>/reschedule/",
        ws.MeetingRescheduleView.as_view(),
        name="api-mentoring-meeting-reschedule",
    ),
    path(
        f"{R}meetings/<int:meeting_pk>/<slug:op>/",
        ws.MeetingActionView.as_view(),
        name="api-mentoring-meeting-action",
    ),
    path(f"{R}notes/<int:note_pk>/", ws.NoteEditView.as_view(), name="api-mentoring-note"),
    path(f"{R}journal/", ws.JournalView.as_view(), name="api-mentoring-journal"),
    path(
        f"{R}journal/<int:entry_pk>/",
        ws.JournalEntryView.as_view(),
        name="api-mentoring-journal-entry",
    ),
    path(f"{R}goals/", relationship.GoalListView.as_view(), name="api-mentoring-goals"),
    path(
        f"{R}goals/<int:goal_pk>/status/",
        relationship.GoalStatusView.as_view(),
        name="api-mentoring-goal-status",
    ),
    path(
        f"{R}goals/<int:goal_pk>/notes/",
        relationship.GoalNoteView.as_view(),
        name="api-mentoring-goal-notes",
    ),
    path(
        f"{R}introductions/",
        relationship.RelationshipIntroductionsView.as_view(),
        name="api-mentoring-relationship-introductions",
    ),
    path(f"{R}review/", relationship.ReviewView.as_view(), name="api-mentoring-review"),
    path(f"{R}close/", relationship.CloseView.as_view(), name="api-mentoring-close"),
    path(f"{R}closing/", relationship.ClosingView.as_view(), name="api-mentoring-closing"),
    path(
        "mentoring/introductions/",
        relationship.IntroductionListView.as_view(),
        name="api-mentoring-introductions",
    ),
    path(
        "mentoring/introductions/<int:pk>/<slug:answer>/",
        relationship.IntroductionAnswerView.as_view(),
        name="api-mentoring-introduction-answer",
    ),
    path(
        "mentoring/programs/<slug:slug>/health/",
        relationship.HealthCountsView.as_view(),
        name="api-mentoring-health",
    ),
    path(
        "mentoring/programs/<slug:slug>/relationships/",
        relationship.HealthListView.as_view(),
        name="api-mentoring-health-list",
    ),
    path("mentoring/events/", events.EventListView.as_view(), name="api-mentoring-events"),
    path(E, events.EventDetailView.as_view(), name="api-mentoring-event"),
    path(f"{E}signup/", events.EventSignupView.as_view(), name="api-mentoring-event-signup"),
    path(f"{E}attendees/", events.AttendeeListView.as_view(), name="api-mentoring-event-attendees"),
    path(f"{E}marks/", events.MarkListView.as_view(), name="api-mentoring-event-marks"),
    path(
        f"{E}marks/<int:person_pk>/",
        events.MarkDeleteView.as_view(),
        name="api-mentoring-event-mark",
    ),
    path(f"{E}offers/", events.OfferListView.as_view(), name="api-mentoring-event-offers"),
    path(f"{T}modules/", training.ModuleListView.as_view(), name="api-mentoring-modules"),
    path(
        f"{T}modules/<slug:slug>/", training.ModuleDetailView.as_view(), name="api-mentoring-module"
    ),
    path(
        f"{T}modules/<slug:slug>/attempts/",
        training.AttemptView.as_view(),
        name="api-mentoring-attempts",
    ),
    path(f"{T}progress/", training.ProgressView.as_view(), name="api-mentoring-progress"),
]
