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
from ithaca.matching.models import ProposalExplanation
from ithaca.matching.ranking import Filters, candidates_for, offers_for, proposal_breakdown
from ithaca.matching.selectors import open_requests
from ithaca.matching.services import fit_check_request, offer_create, request_create
from ithaca.programs.models import HelpingRelationship

ERRORS = {code: ErrorSerializer for code in (400, 401, 403, 404)}
TAGS = ["matching"]


def proposal_data(relationship: HelpingRelationship, note: str = "") -> dict[str, Any]:
    return {
        "kind": relationship.program.kind,
        "id": relationship.pk,
        "program": relationship.program.slug,
        "helper": getattr(relationship, relationship.HELPER_FIELD),
        "seeker": getattr(relationship, relationship.SEEKER_FIELD),
        "status": relationship.status,
        "created_at": relationship.created_at,
        "note": note,
    }


def _notes(kind: str, relationships: list[HelpingRelationship]) -> dict[int, str]:
    """The personal notes sent with these proposals, in one query."""
    rows = ProposalExplanation.objects.filter(
        kind=kind, relationship_id__in=[r.pk for r in relationships]
    ).values_list("relationship_id", "note")
    return dict(rows)


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
        page = self.paginate_queryset(rows.order_by("-created_at", "-pk")) or []
        notes = _notes(program.kind, page)  # the seeker's own notes
        data = io.ProposalSerializer(
            [proposal_data(r, notes.get(r.pk, "")) for r in page], many=True
        ).data
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
        note = data.validated_data["note"]
        relationship = request_create(program=program, seeker=user, helper=helper, note=note)
        created = proposal_data(relationship, note.strip())
        return Response(io.ProposalSerializer(created).data, status=201)


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
        note = data.validated_data["note"]
        relationship = offer_create(program=program, helper=user, seeker=seeker, note=note)
        created = proposal_data(relationship, note.strip())
        return Response(io.ProposalSerializer(created).data, status=201)


class ExplanationView(APIView):
    """Why a pair was proposed: for its two people and the program's managers only."""

    @extend_schema(responses={200: io.ExplanationSerializer, **ERRORS}, tags=TAGS)
    def get(self, request: Request, kind: str, pk: int) -> Response:
        user = current_user(request)
        relationship = access_proposal(user, kind, pk)
        stored, breakdown = proposal_breakdown(relationship)
        # The note is for the pair, as on the proposal page; never for the managers.
        is_party = user.pk in (relationship.helper_id_value, relationship.seeker_id_value)
        data = {
            "kind": kind,
            "relationship": relationship.pk,
            "program": relationship.program.slug,
            "helper": getattr(relationship, relationship.HELPER_FIELD),
            "seeker": getattr(relationship, relationship.SEEKER_FIELD),
            "status": relationship.status,
            "source": stored.source if stored else None,
            "computed_now": stored is None,
            "note": stored.note if stored and is_party else "",
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
