"""Matching endpoints for seekers and helpers: candidates, requests, offers, explanations
and fit checks. A seeker can only ever ask for their own candidates; a helper sees only
proposals that involve them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts.http import current_user
from ithaca.accounts.models import User
from ithaca.api.matching import serializers as io
from ithaca.api.serializers import ErrorSerializer
from ithaca.matching.access import (
    access_helper_program,
    access_proposal,
    access_seeker_program,
)
from ithaca.matching.kinds import model_for
from ithaca.matching.ranking import Filters, candidates_for, offers_for, proposal_breakdown
from ithaca.matching.selectors import open_requests
from ithaca.matching.services import fit_check_request, offer_create, request_create
from ithaca.programs.models import HelpingRelationship

ERRORS = {code: ErrorSerializer for code in (400, 401, 403, 404)}
TAGS = ["matching"]


def proposal_data(relationship: HelpingRelationship) -> dict[str, Any]:
    return {
        "kind": relationship.program.kind,
        "id": relationship.pk,
        "program": relationship.program.slug,
        "helper": getattr(relationship, relationship.HELPER_FIELD),
        "seeker": getattr(relationship, relationship.SEEKER_FIELD),
        "status": relationship.status,
        "created_at": relationship.created_at,
    }


def _person(value: int, field: str) -> User:
    person = User.objects.filter(pk=value, is_active=True).first()
    if person is None:
        raise serializers.ValidationError({field: [gettext("Nobody with that id uses Ithaca.")]})
    return person


class CandidatesView(generics.GenericAPIView):
    """Your best candidates in a program (you must be one of its seekers), with reasons."""

    serializer_class = io.RankedSerializer

    @extend_schema(
        parameters=[io.CandidateFilters],
        responses={200: io.RankedSerializer(many=True), **ERRORS},
        tags=TAGS,
    )
    def get(self, request: Request, slug: str) -> Response:
        user = current_user(request)
        program = access_seeker_program(user, slug)
        query = io.CandidateFilters(data=request.query_params)
        query.is_valid(raise_exception=True)
        filters = Filters(
            outside_department=query.validated_data["outside_department"],
            language=query.validated_data.get("language", "").strip().lower(),
            min_score=query.validated_data["min_score"],
        )
        ranked = candidates_for(program, user, filters).ranked
        page = self.paginate_queryset(ranked)
        return self.get_paginated_response(io.RankedSerializer(page, many=True).data)


class RequestsView(generics.GenericAPIView):
    """Your requests in a program that await an answer; ask a mentor or coach."""

    serializer_class = io.ProposalSerializer

    @extend_schema(responses={200: io.ProposalSerializer(many=True), **ERRORS}, tags=TAGS)
    def get(self, request: Request, slug: str) -> Response:
        user = current_user(request)
        program = access_seeker_program(user, slug)
        model = model_for(program)
        rows = open_requests(model, program, user).select_related(
            "program", model.HELPER_FIELD, model.SEEKER_FIELD
        )
        page = self.paginate_queryset(rows.order_by("-created_at", "-pk"))
        data = io.ProposalSerializer([proposal_data(r) for r in page or []], many=True).data
        return self.get_paginated_response(data)

    @extend_schema(
        request=io.RequestInput, responses={201: io.ProposalSerializer, **ERRORS}, tags=TAGS
    )
    def post(self, request: Request, slug: str) -> Response:
        user = current_user(request)
        program = access_seeker_program(user, slug)
        data = io.RequestInput(data=request.data)
        data.is_valid(raise_exception=True)
        helper = _person(data.validated_data["helper"], "helper")
        relationship = request_create(program=program, seeker=user, helper=helper)
        return Response(io.ProposalSerializer(proposal_data(relationship)).data, status=201)


class OffersView(generics.GenericAPIView):
    """Seekers still waiting whom you could help (you must be a mentor or coach here); offer."""

    serializer_class = io.RankedSerializer

    @extend_schema(responses={200: io.RankedSerializer(many=True), **ERRORS}, tags=TAGS)
    def get(self, request: Request, slug: str) -> Response:
        user = current_user(request)
        program = access_helper_program(user, slug)
        page = self.paginate_queryset(offers_for(program, user).ranked)
        return self.get_paginated_response(io.RankedSerializer(page, many=True).data)

    @extend_schema(
        request=io.OfferInput, responses={201: io.ProposalSerializer, **ERRORS}, tags=TAGS
    )
    def post(self, request: Request, slug: str) -> Response:
        user = current_user(request)
        program = access_helper_program(user, slug)
        data = io.OfferInput(data=request.data)
        data.is_valid(raise_exception=True)
        seeker = _person(data.validated_data["seeker"], "seeker")
        relationship = offer_create(program=program, helper=user, seeker=seeker)
        return Response(io.ProposalSerializer(proposal_data(relationship)).data, status=201)


class ExplanationView(APIView):
    """Why a pair was proposed: for its two people and the program's managers only."""

    @extend_schema(responses={200: io.ExplanationSerializer, **ERRORS}, tags=TAGS)
    def get(self, request: Request, kind: str, pk: int) -> Response:
        relationship = access_proposal(current_user(request), kind, pk)
        stored, breakdown = proposal_breakdown(relationship)
        data = {
            "kind": kind,
            "relationship": relationship.pk,
            "program": relationship.program.slug,
            "helper": getattr(relationship, relationship.HELPER_FIELD),
            "seeker": getattr(relationship, relationship.SEEKER_FIELD),
            "status": relationship.status,
            "source": stored.source if stored else None,
            "computed_now": stored is None,
            "breakdown": breakdown,
        }
        return Response(io.ExplanationSerializer(data).data)


class FitCheckView(APIView):
    """After the first meeting, ask for a re-match; the pair is not proposed again here."""

    @extend_schema(
        request=io.FitCheckInput, responses={201: io.FitCheckSerializer, **ERRORS}, tags=TAGS
    )
    def post(self, request: Request, kind: str, pk: int) -> Response:
        user = current_user(request)
        relationship = access_proposal(user, kind, pk)
        data = io.FitCheckInput(data=request.data)
        data.is_valid(raise_exception=True)
        fit_check = fit_check_request(
            relationship=relationship, user=user, reason=data.validated_data["reason"]
        )
        return Response(io.FitCheckSerializer(fit_check).data, status=201)
