"""API endpoints for agreements, sessions, notes, goals, check-ins and action items.

Everything lives under /api/v1/coaching/. Each view fetches its objects through
ithaca.coaching.access and writes through ithaca.coaching.services, so the API
and the pages obey the same visibility rules and the same contract.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts.http import current_user
from ithaca.api.coaching import serializers as io
from ithaca.api.coaching._common import ERRORS, TAG, engagement_of, party_of, validated, work_of
from ithaca.api.serializers import EngagementSerializer
from ithaca.coaching import access, rules, selectors, services
from ithaca.coaching.models import ActionItem, AgreementVersion, Goal
from ithaca.core.errors import PermissionDenied

# --- Engagement and agreement -------------------------------------------------


class EngagementAcceptView(APIView):
    """The coach's or coachee's yes; it starts once every party has signed the agreement."""

    @extend_schema(request=None, responses={200: EngagementSerializer, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user, engagement, _ = engagement_of(request, pk)
        engagement = services.engagement_accept(engagement=engagement, user=user)
        return Response(EngagementSerializer(engagement).data)


class AgreementListView(generics.ListAPIView):
    """Every version of the agreement, newest first (signatories only)."""

    serializer_class = io.AgreementOut

    @extend_schema(responses={200: io.AgreementOut(many=True), **ERRORS}, tags=TAG)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[AgreementVersion]:
        _, engagement, role = engagement_of(self.request, self.kwargs["pk"])
        if not rules.can_see_agreement(role):
            raise PermissionDenied(gettext("The agreement is read by its signatories only."))
        return (
            AgreementVersion.objects.filter(engagement=engagement)
            .prefetch_related("signatures__signer")
            .order_by("-number")
        )

    @extend_schema(request=io.TermsInput, responses={201: io.AgreementOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        """Draft the first version or an amendment: a new version every party signs."""
        user, engagement, _ = engagement_of(request, pk)
        data = validated(io.TermsInput, request)
        terms = services.Terms(**data.validated_data)
        version = services.agreement_draft(engagement=engagement, user=user, terms=terms)
        return Response(io.AgreementOut(version).data, status=201)


class AgreementDetailView(APIView):
    @extend_schema(responses={200: io.AgreementOut, **ERRORS}, tags=TAG)
    def get(self, request: Request, pk: int) -> Response:
        return Response(
            io.AgreementOut(access.access_agreement_version(current_user(request), pk)).data
        )


class AgreementSignView(APIView):
    """Sign the current version; signing a superseded version is refused."""

    @extend_schema(request=None, responses={200: io.AgreementOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        version = access.access_agreement_version(user, pk)
        version = services.agreement_sign(version=version, user=user)
        return Response(io.AgreementOut(version).data)


# --- Sessions and notes -------------------------------------------------------


class SessionListView(generics.ListAPIView):
    """Sessions newest first: all for the pair, the three-way ones for the sponsor."""

    serializer_class = io.SessionOut

    @extend_schema(responses={200: io.SessionOut(many=True), **ERRORS}, tags=TAG)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        _, engagement, role = engagement_of(self.request, self.kwargs["pk"])
        if not rules.can_see_session(role, three_way=True):
            raise PermissionDenied(gettext("Sessions are seen by the coach and the coachee only."))
        return access.visible_sessions(engagement, role).order_by("-starts_at", "-pk")

    @extend_schema(request=io.SessionInput, responses={201: io.SessionOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        """Book a future session (attendees get an invite), or record a held one."""
        user, engagement, _ = engagement_of(request, pk)
        data = validated(io.SessionInput, request).validated_data
        session = services.session_schedule(engagement=engagement, user=user, **data)
        return Response(io.SessionOut(session).data, status=201)


class SessionDetailView(APIView):
    @extend_schema(responses={200: io.SessionOut, **ERRORS}, tags=TAG)
    def get(self, request: Request, pk: int) -> Response:
        return Response(io.SessionOut(access.access_session(current_user(request), pk)).data)


class SessionRescheduleView(APIView):
    @extend_schema(request=io.RescheduleInput, responses={200: io.SessionOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        session = access.access_session(user, pk)
        data = validated(io.RescheduleInput, request).validated_data
        session = services.session_reschedule(session=session, user=user, **data)
        return Response(io.SessionOut(session).data)


class SessionCancelView(APIView):
    """Cancel with a reason; inside the agreed notice it counts as a used session."""

    @extend_schema(request=io.ReasonInput, responses={200: io.SessionOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        session = access.access_session(user, pk)
        reason = validated(io.ReasonInput, request).validated_data["reason"]
        session = services.session_cancel(session=session, user=user, reason=reason)
        return Response(io.SessionOut(session).data)


class SessionHeldView(APIView):
    @extend_schema(request=None, responses={200: io.SessionOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        session = services.session_mark_held(session=access.access_session(user, pk), user=user)
        return Response(io.SessionOut(session).data)


class SessionAgendaView(APIView):
    @extend_schema(request=io.AgendaInput, responses={200: io.SessionOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        session = access.access_session(user, pk)
        agenda = validated(io.AgendaInput, request).validated_data["agenda"]
        session = services.session_set_agenda(session=session, user=user, agenda=agenda)
        return Response(io.SessionOut(session).data)


VISIBILITY = OpenApiParameter(
    "visibility",
    str,
    enum=[name for name, _ in rules.NOTE_VISIBILITIES],
    description="Only notes of this visibility (among those you may read).",
)


class NoteListView(generics.ListAPIView):
    """The session's notes you may read: private (coach), shared (pair), three-way (all)."""

    serializer_class = io.NoteOut

    @extend_schema(
        parameters=[VISIBILITY], responses={200: io.NoteOut(many=True), **ERRORS}, tags=TAG
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        user = current_user(self.request)
        session = access.access_session(user, self.kwargs["pk"])
        role = access.engagement_role(user, session.engagement)
        notes = access.visible_notes(session, role, user)
        wanted = self.request.query_params.get("visibility")
        return (notes.filter(visibility=wanted) if wanted else notes).order_by("created_at", "pk")

    def paginate_queryset(self, queryset: Any) -> list[Any] | None:
        # The page is what is read: each note on it goes into the audit log.
        page = super().paginate_queryset(queryset)
        return None if page is None else access.notes_read_by(current_user(self.request), page)

    @extend_schema(request=io.NoteInput, responses={201: io.NoteOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        session = access.access_session(user, pk)
        data = validated(io.NoteInput, request)
        note = services.note_add(
            session=session,
            user=user,
            visibility=data.validated_data["visibility"],
            text=data.validated_data["text"],
            grow=data.grow(),
        )
        return Response(io.NoteOut(note).data, status=201)


def _my_note(request: Request, pk: int) -> Any:
    user = current_user(request)
    return user, access.access_own_note(user, pk)


class NoteDetailView(APIView):
    """A note you may read; its author changes (PATCH) or withdraws (DELETE) it."""

    @extend_schema(responses={200: io.NoteOut, **ERRORS}, tags=TAG)
    def get(self, request: Request, pk: int) -> Response:
        return Response(io.NoteOut(access.access_note(current_user(request), pk)).data)

    @extend_schema(request=io.NoteEditInput, responses={200: io.NoteOut, **ERRORS}, tags=TAG)
    def patch(self, request: Request, pk: int) -> Response:
        user, note = _my_note(request, pk)
        data = validated(io.NoteEditInput, request)
        note = services.session_note_edit(
            note=note, user=user, text=data.validated_data["text"], grow=data.grow()
        )
        return Response(io.NoteOut(note).data)

    @extend_schema(request=None, responses={204: None, **ERRORS}, tags=TAG)
    def delete(self, request: Request, pk: int) -> Response:
        user, note = _my_note(request, pk)
        services.session_note_withdraw(note=note, user=user)
        return Response(status=204)


# --- Goals, check-ins, actions ------------------------------------------------


def _with_progress(goals: list[Goal]) -> list[Goal]:
    """Attach each goal's check-ins, latest value and attainment for GoalOut."""
    for item in selectors.goal_progress(goals):
        goal = item.goal
        goal.checkin_list, goal.latest, goal.attainment = (  # type: ignore[attr-defined]
            item.checkins,
            item.latest,
            item.attainment,
        )
    return goals


class GoalListView(generics.ListAPIView):
    """The engagement's SMART goals with their check-ins and attainment (the pair only)."""

    serializer_class = io.GoalOut

    @extend_schema(responses={200: io.GoalOut(many=True), **ERRORS}, tags=TAG)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Goal]:
        _, engagement, _ = work_of(self.request, self.kwargs["pk"], "goals")
        return selectors.goals_with_checkins(engagement)

    def paginate_queryset(self, queryset: Any) -> Any:
        page = super().paginate_queryset(queryset)
        return None if page is None else _with_progress(list(page))

    @extend_schema(request=io.GoalInput, responses={201: io.GoalOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        """A SMART goal; a goal missing parts is refused naming every one of them."""
        user, engagement, _ = engagement_of(request, pk)
        data = dict(validated(io.GoalInput, request).validated_data)
        data["owner"] = party_of(engagement, data.get("owner"), "owner")
        for name in ("statement", "metric", "unit", "baseline", "target", "due_on"):
            data.setdefault(name, None)
        goal = services.goal_create(engagement=engagement, user=user, **data)
        return Response(io.GoalOut(_with_progress([goal])[0]).data, status=201)


class GoalDetailView(APIView):
    @extend_schema(responses={200: io.GoalOut, **ERRORS}, tags=TAG)
    def get(self, request: Request, pk: int) -> Response:
        goal = access.access_goal(current_user(request), pk)
        goal = selectors.with_checkins(Goal.objects.filter(pk=goal.pk)).get()
        return Response(io.GoalOut(_with_progress([goal])[0]).data)


class CheckInListView(generics.ListAPIView):
    """A goal's check-ins, oldest first."""

    serializer_class = io.CheckInOut

    @extend_schema(responses={200: io.CheckInOut(many=True), **ERRORS}, tags=TAG)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        goal = access.access_goal(current_user(self.request), self.kwargs["pk"])
        return goal.checkins.order_by("recorded_on", "pk")

    @extend_schema(request=io.CheckInInput, responses={201: io.CheckInOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        goal = access.access_goal(user, pk)
        data = validated(io.CheckInInput, request).validated_data
        checkin = services.checkin_record(goal=goal, user=user, **data)
        return Response(io.CheckInOut(checkin).data, status=201)


class CheckInCorrectView(APIView):
    """Correct a check-in you recorded; the old value stays, marked as superseded."""

    @extend_schema(
        request=io.CheckInCorrectionInput, responses={201: io.CheckInOut, **ERRORS}, tags=TAG
    )
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        checkin = access.access_checkin(user, pk)
        data = validated(io.CheckInCorrectionInput, request).validated_data
        correction = services.checkin_correct(checkin=checkin, user=user, **data)
        return Response(io.CheckInOut(correction).data, status=201)


class ActionListView(generics.ListAPIView):
    """Action items, open first then done (the pair only)."""

    serializer_class = io.ActionOut

    @extend_schema(responses={200: io.ActionOut(many=True), **ERRORS}, tags=TAG)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        _, engagement, _ = work_of(self.request, self.kwargs["pk"], "actions")
        return (
            ActionItem.objects.filter(engagement=engagement)
            .select_related("owner")
            .order_by("done_at", "due_on", "pk")
        )

    @extend_schema(request=io.ActionInput, responses={201: io.ActionOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user, engagement, _ = engagement_of(request, pk)
        data = validated(io.ActionInput, request).validated_data
        goal = None
        if data["goal"] is not None:
            goal = Goal.objects.filter(pk=data["goal"], engagement=engagement).first()
            if goal is None:
                raise serializers.ValidationError(
                    {"goal": [gettext("No such goal in this engagement.")]}
                )
        owner = party_of(engagement, data["owner"], "owner")
        assert owner is not None  # the input requires an owner
        action = services.action_create(
            engagement=engagement,
            user=user,
            title=data["title"],
            due_on=data["due_on"],
            owner=owner,
            goal=goal,
        )
        return Response(io.ActionOut(action).data, status=201)


class ActionDetailView(APIView):
    """The author of an action changes (PATCH) or withdraws (DELETE) it."""

    def _mine(self, request: Request, pk: int) -> Any:
        user = current_user(request)
        return user, access.access_own_action(user, pk)

    @extend_schema(request=io.ActionEditInput, responses={200: io.ActionOut, **ERRORS}, tags=TAG)
    def patch(self, request: Request, pk: int) -> Response:
        user, action = self._mine(request, pk)
        data = validated(io.ActionEditInput, request).validated_data
        action = services.action_edit(action=action, user=user, **data)
        return Response(io.ActionOut(action).data)

    @extend_schema(request=None, responses={204: None, **ERRORS}, tags=TAG)
    def delete(self, request: Request, pk: int) -> Response:
        user, action = self._mine(request, pk)
        services.action_withdraw(action=action, user=user)
        return Response(status=204)


class ActionDoneView(APIView):
    @extend_schema(request=io.DoneInput, responses={200: io.ActionOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        action = access.access_action(user, pk)
        done = validated(io.DoneInput, request).validated_data["done"]
        return Response(
            io.ActionOut(services.action_set_done(action=action, user=user, done=done)).data
        )
