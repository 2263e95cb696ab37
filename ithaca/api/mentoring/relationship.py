"""Goals, introductions, review, closing, and the program manager's health view."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts.http import current_user
from ithaca.api.mentoring import serializers as io
from ithaca.api.mentoring.workspace import ERRORS, op_param, workspace
from ithaca.mentoring import selectors, services
from ithaca.mentoring.access import (
    access_goal,
    access_health_program,
    access_introduction,
    introductions_for,
)
from ithaca.mentoring.models import Closing, Review

TAG = ["mentoring workspace"]


class GoalListView(generics.ListAPIView):
    """The relationship's goals with their progress notes. POST adds one (the mentee)."""

    serializer_class = io.MentoringGoalSerializer

    def get_queryset(self) -> Any:
        return selectors.goals_of(workspace(self.request, self.kwargs["pk"]))

    @extend_schema(responses={200: io.MentoringGoalSerializer(many=True), **ERRORS}, tags=TAG)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=io.MentoringGoalInput,
        responses={201: io.MentoringGoalSerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request, pk: int) -> Response:
        ws = workspace(request, pk)
        data = io.MentoringGoalInput(data=request.data)
        data.is_valid(raise_exception=True)
        goal = services.goal_add(relationship=ws.relationship, user=ws.user, **data.validated_data)
        return Response(io.MentoringGoalSerializer(goal).data, status=201)


class GoalStatusView(APIView):
    @extend_schema(
        request=io.MentoringGoalStatusInput,
        responses={200: io.MentoringGoalSerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request, pk: int, goal_pk: int) -> Response:
        ws = workspace(request, pk)
        goal = access_goal(ws, goal_pk)
        data = io.MentoringGoalStatusInput(data=request.data)
        data.is_valid(raise_exception=True)
        goal = services.goal_set_status(
            relationship=ws.relationship, user=ws.user, goal=goal, **data.validated_data
        )
        return Response(io.MentoringGoalSerializer(goal).data)


class GoalNoteView(APIView):
    """Either side tells how a goal is going, in words."""

    @extend_schema(
        request=io.MentoringNoteInput,
        responses={201: io.MentoringGoalNoteSerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request, pk: int, goal_pk: int) -> Response:
        ws = workspace(request, pk)
        goal = access_goal(ws, goal_pk)
        data = io.MentoringNoteInput(data=request.data)
        data.is_valid(raise_exception=True)
        note = services.goal_note_add(
            relationship=ws.relationship, user=ws.user, goal=goal, body=data.validated_data["body"]
        )
        return Response(io.MentoringGoalNoteSerializer(note).data, status=201)


class RelationshipIntroductionsView(generics.ListAPIView):
    """Introductions made in this relationship. POST: the mentor opens a door."""

    serializer_class = io.MentoringIntroductionSerializer

    def get_queryset(self) -> Any:
        return selectors.introductions_of(workspace(self.request, self.kwargs["pk"]))

    @extend_schema(
        responses={200: io.MentoringIntroductionSerializer(many=True), **ERRORS}, tags=TAG
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=io.MentoringIntroductionInput,
        responses={201: io.MentoringIntroductionSerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request, pk: int) -> Response:
        ws = workspace(request, pk)
        data = io.MentoringIntroductionInput(data=request.data)
        data.is_valid(raise_exception=True)
        intro = services.introduction_propose(
            relationship=ws.relationship, user=ws.user, **data.validated_data
        )
        return Response(io.MentoringIntroductionSerializer(intro).data, status=201)


@extend_schema(
    responses={200: io.MentoringIntroductionSerializer(many=True), **ERRORS},
    tags=["mentoring introductions"],
)
class IntroductionListView(generics.ListAPIView):
    """Introductions you made, that were made for you, or that you are asked to agree to."""

    serializer_class = io.MentoringIntroductionSerializer

    def get_queryset(self) -> Any:
        return introductions_for(current_user(self.request)).order_by("-created_at", "-pk")


class IntroductionAnswerView(APIView):
    """The person introduced, then the third person, agree or decline; the one who
    offered it may withdraw it while it is open."""

    @extend_schema(
        request=None,
        responses={200: io.MentoringIntroductionSerializer, **ERRORS},
        parameters=[op_param("answer", ["accept", "decline", "withdraw"])],
        tags=["mentoring introductions"],
    )
    def post(self, request: Request, pk: int, answer: str) -> Response:
        user = current_user(request)
        intro = access_introduction(user, pk)
        if answer not in ("accept", "decline", "withdraw"):
            raise serializers.ValidationError(
                {"answer": [gettext("Use accept, decline or withdraw.")]}
            )
        if answer == "withdraw":
            intro = services.introduction_withdraw(introduction=intro, user=user)
        else:
            intro = services.introduction_answer(
                introduction=intro, user=user, accept=answer == "accept"
            )
        return Response(io.MentoringIntroductionSerializer(intro).data)


class ReviewView(APIView):
    """The latest review: your answer and whether the other person has answered. POST
    answers the open one (continue or conclude)."""

    @extend_schema(responses={200: io.MentoringReviewSerializer, **ERRORS}, tags=TAG)
    def get(self, request: Request, pk: int) -> Response:
        ws = workspace(request, pk)
        review = Review.objects.filter(relationship=ws.relationship).order_by("-period").first()
        if review is None:
            raise serializers.ValidationError(
                {"non_field_errors": [gettext("No review has been asked.")]}
            )
        return Response(
            io.MentoringReviewSerializer(io.MentoringReviewSerializer.of(review, ws.side)).data
        )

    @extend_schema(
        request=io.MentoringReviewInput,
        responses={200: io.MentoringReviewSerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request, pk: int) -> Response:
        ws = workspace(request, pk)
        data = io.MentoringReviewInput(data=request.data)
        data.is_valid(raise_exception=True)
        review = services.review_answer(
            relationship=ws.relationship, user=ws.user, decision=data.validated_data["decision"]
        )
        return Response(
            io.MentoringReviewSerializer(io.MentoringReviewSerializer.of(review, ws.side)).data
        )


def _survey(data: dict[str, Any]) -> services.Survey:
    names = ("growth", "career_clarity", "belonging", "would_recommend")
    return services.Survey(**{name: data.pop(name) for name in names})


class CloseView(APIView):
    """Conclude the relationship with your reflection and survey, in one step."""

    @extend_schema(
        request=io.MentoringCloseInput,
        responses={201: io.MentoringClosingSerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request, pk: int) -> Response:
        ws = workspace(request, pk)
        data = io.MentoringCloseInput(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        closing = services.relationship_close(
            relationship=ws.relationship, user=ws.user, survey=_survey(fields), **fields
        )
        return Response(io.MentoringClosingSerializer(closing).data, status=201)


class ClosingView(APIView):
    """Your closing, and the other person's if they shared it. POST writes yours after
    the relationship has concluded."""

    @extend_schema(responses={200: io.MentoringClosingSerializer(many=True), **ERRORS}, tags=TAG)
    def get(self, request: Request, pk: int) -> Response:
        ws = workspace(request, pk)
        ending = selectors.ending_of(ws)
        visible = [c for c in (ending.mine, ending.theirs_shared) if c is not None]
        return Response(io.MentoringClosingSerializer(visible, many=True).data)

    @extend_schema(
        request=io.MentoringClosingInput,
        responses={201: io.MentoringClosingSerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request, pk: int) -> Response:
        ws = workspace(request, pk)
        data = io.MentoringClosingInput(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        closing: Closing = services.closing_record(
            relationship=ws.relationship, user=ws.user, survey=_survey(fields), **fields
        )
        return Response(io.MentoringClosingSerializer(closing).data, status=201)


class HealthCountsView(APIView):
    """For the program's managers: relationships per state and per health colour."""

    @extend_schema(
        responses={200: io.MentoringHealthCountsSerializer, **ERRORS}, tags=["mentoring programs"]
    )
    def get(self, request: Request, slug: str) -> Response:
        program = access_health_program(current_user(request), slug)
        counts = selectors.program_counts(program, timezone.now())
        data = {
            "states": counts["states"],
            "health": counts["health"],
            "green_below_days": program.nudge_after_days,
            "red_from_days": 2 * program.nudge_after_days,
        }
        return Response(io.MentoringHealthCountsSerializer(data).data)


@extend_schema(
    responses={200: io.MentoringHealthRowSerializer(many=True), **ERRORS},
    tags=["mentoring programs"],
)
class HealthListView(generics.ListAPIView):
    """For the program's managers: running relationships with health, never content."""

    serializer_class = io.MentoringHealthRowSerializer

    def get_queryset(self) -> Any:
        program = access_health_program(current_user(self.request), self.kwargs["slug"])
        return selectors.program_relationships(program, timezone.now())
