"""Matching rounds for program managers: start, follow, read the draft, edit it pair by
pair, cancel and publish. Rounds come only through ithaca.matching.access."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts.http import current_user
from ithaca.api.matching import serializers as io
from ithaca.api.matching.people import ERRORS, TAGS
from ithaca.matching.access import access_managed_program, access_round
from ithaca.matching.round_pairs import complete_breakdowns
from ithaca.matching.selectors import rounds_of
from ithaca.matching.services import (
    round_cancel,
    round_pair_add,
    round_pair_remove,
    round_publish,
    round_start,
)


class RoundsView(generics.ListAPIView):
    """A program's rounds, newest first; start one (it runs in the background)."""

    serializer_class = io.RoundSerializer

    def get_queryset(self) -> Any:
        program = access_managed_program(current_user(self.request), self.kwargs["slug"])
        return rounds_of(program).select_related("program").order_by("-created_at", "-pk")

    @extend_schema(responses={200: io.RoundSerializer(many=True), **ERRORS}, tags=TAGS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(request=io.RoundInput, responses={201: io.RoundSerializer, **ERRORS}, tags=TAGS)
    def post(self, request: Request, slug: str) -> Response:
        user = current_user(request)
        program = access_managed_program(user, slug)
        data = io.RoundInput(data=request.data)
        data.is_valid(raise_exception=True)
        started = round_start(
            program=program, objective=data.validated_data["objective"], created_by=user
        )
        started.refresh_from_db()  # the immediate task backend may have run it already
        return Response(io.RoundSerializer(started).data, status=201)


class RoundView(APIView):
    """A round's status, phase and progress (0 to 1) and, once computed, its summary."""

    @extend_schema(responses={200: io.RoundSerializer, **ERRORS}, tags=TAGS)
    def get(self, request: Request, pk: int) -> Response:
        return Response(io.RoundSerializer(access_round(current_user(request), pk)).data)


class RoundPairsView(generics.ListAPIView):
    """The round's pairs (the result), best first, removed ones included; add a pair."""

    serializer_class = io.RoundPairSerializer

    def get_queryset(self) -> Any:
        matching_round = access_round(current_user(self.request), self.kwargs["pk"])
        self.program = matching_round.program
        return matching_round.pairs.select_related("seeker", "helper").order_by("-score", "pk")

    def paginate_queryset(self, queryset: Any) -> Any:
        # The page's pairs are explained and their hard rules checked now (see round_pairs.py).
        page = super().paginate_queryset(queryset)
        if page is not None:
            page = list(page)
            complete_breakdowns(self.program, page)
        return page

    @extend_schema(responses={200: io.RoundPairSerializer(many=True), **ERRORS}, tags=TAGS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=io.PairInput, responses={201: io.RoundPairSerializer, **ERRORS}, tags=TAGS
    )
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        matching_round = access_round(user, pk)
        data = io.PairInput(data=request.data)
        data.is_valid(raise_exception=True)
        pair = round_pair_add(
            matching_round=matching_round,
            seeker_id=data.validated_data["seeker"],
            helper_id=data.validated_data["helper"],
            by=user,
        )
        return Response(io.RoundPairSerializer(pair).data, status=201)


class RoundPairView(APIView):
    """Take a pair out of a draft; its seeker is listed as unmatched."""

    @extend_schema(responses={204: None, **ERRORS}, tags=TAGS)
    def delete(self, request: Request, pk: int, pair_pk: int) -> Response:
        user = current_user(request)
        round_pair_remove(matching_round=access_round(user, pk), pair_id=pair_pk, by=user)
        return Response(status=204)


class RoundUnmatchedView(generics.ListAPIView):
    """Everyone the round left without a pair, and why."""

    serializer_class = io.UnmatchedSerializer

    def get_queryset(self) -> Any:
        matching_round = access_round(current_user(self.request), self.kwargs["pk"])
        return matching_round.unmatched.select_related("seeker").order_by("reason", "pk")

    @extend_schema(responses={200: io.UnmatchedSerializer(many=True), **ERRORS}, tags=TAGS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class RoundCancelView(APIView):
    """Stop a queued or running round, or discard a draft."""

    @extend_schema(request=None, responses={200: io.RoundSerializer, **ERRORS}, tags=TAGS)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        done = round_cancel(matching_round=access_round(user, pk), by=user)
        return Response(io.RoundSerializer(done).data)


class RoundPublishView(APIView):
    """Propose every kept pair of a draft; both people of each pair must then accept
    (through /relationships/{id}/accept/ or /engagements/{id}/accept/)."""

    @extend_schema(request=None, responses={200: io.RoundSerializer, **ERRORS}, tags=TAGS)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        done = round_publish(matching_round=access_round(user, pk), by=user)
        return Response(io.RoundSerializer(done).data)
