"""API views: one class per operation, objects always fetched through access helpers."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts.access import access_api_token
from ithaca.accounts.http import current_user
from ithaca.accounts.lockout import LockedOut, password_check
from ithaca.accounts.mfa import mfa_status, second_factor_problem
from ithaca.accounts.models import User
from ithaca.accounts.tokens import api_token_issue, api_token_revoke, api_tokens_for
from ithaca.api import serializers as out
from ithaca.api.pagination import FirstPagePagination, Pagination
from ithaca.api.throttling import AnonThrottle, TokenThrottle
from ithaca.coaching.access import access_engagement, engagement_role, engagements_for
from ithaca.core.errors import PermissionDenied
from ithaca.core.prepared import PreparedQuery
from ithaca.mentoring.access import access_relationship, relationships_for
from ithaca.programs.access import access_program, visible_programs
from ithaca.programs.transitions import ACTIONS

ERRORS = {code: out.ErrorSerializer for code in (400, 401, 403, 404)}
ACTION_PARAM = OpenApiParameter(
    "action", OpenApiTypes.STR, OpenApiParameter.PATH, enum=sorted(ACTIONS)
)


class TokenInput(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)
    code = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="The two-factor code, if MFA is on."
    )
    name = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=100,
        help_text="What the token is for, to tell it in your list of tokens.",
    )  # fmt: skip


class TokenOutput(serializers.Serializer):
    token = serializers.CharField(help_text="Shown this once: only its hash is kept.")
    id = serializers.IntegerField()
    expires_at = serializers.DateTimeField()
    mfa_verified = serializers.BooleanField()


class TokenInfoSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    prefix = serializers.CharField(help_text="The key's first characters.")
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    last_used_at = serializers.DateTimeField(allow_null=True)
    revoked_at = serializers.DateTimeField(allow_null=True)
    mfa_verified = serializers.BooleanField()
    status = serializers.ChoiceField(choices=["active", "revoked", "expired", "superseded"])


class TokenView(APIView):
    """Exchange an e-mail address and password for an API token."""

    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    throttle_classes = [TokenThrottle, AnonThrottle]

    @extend_schema(
        request=TokenInput, responses={200: TokenOutput, 429: out.ErrorSerializer, **ERRORS},
        tags=["auth"],
    )  # fmt: skip
    def post(self, request: Request) -> Response:
        data = TokenInput(data=request.data)
        data.is_valid(raise_exception=True)
        # The same lockout as the sign-in page: per account and per address, shared cache.
        try:
            user = password_check(
                request._request,
                email=data.validated_data["email"],
                password=data.validated_data["password"],
            )
            if user is None:
                raise serializers.ValidationError(
                    {"non_field_errors": [gettext("E-mail or password is wrong.")]}
                )
            problem = second_factor_problem(request._request, user, data.validated_data["code"])
        except LockedOut as locked:
            raise exceptions.Throttled(detail=str(locked)) from None
        if problem:
            raise serializers.ValidationError({"code": [problem]})
        # A code was asked for and passed exactly when the person has an authenticator.
        verified = mfa_status(user)[1]
        token, key = api_token_issue(
            user=user, mfa_verified=verified, name=data.validated_data["name"]
        )
        body = {"token": key, "id": token.pk, "expires_at": token.expires_at}
        return Response(TokenOutput({**body, "mfa_verified": verified}).data)


@extend_schema(responses={200: TokenInfoSerializer(many=True), **ERRORS}, tags=["auth"])
class TokenListView(APIView):
    """Your API tokens: live, expired, revoked or superseded by a password or MFA change."""

    pagination_class = None

    def get(self, request: Request) -> Response:
        rows = []
        for token, status in api_tokens_for(current_user(request)):
            setattr(token, "status", status)  # noqa: B010 (not a model field)
            rows.append(TokenInfoSerializer(token).data)
        return Response(rows)


class TokenRevokeView(APIView):
    """Revoke one of your API tokens (it stops working at once)."""

    @extend_schema(request=None, responses={204: None, **ERRORS}, tags=["auth"])
    def delete(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        api_token_revoke(token=access_api_token(user, pk), by=user)
        return Response(status=204)


class MeView(APIView):
    """The signed-in person: account, profile, roles and managed programs."""

    @extend_schema(responses={200: out.MeSerializer, **ERRORS}, tags=["people"])
    def get(self, request: Request) -> Response:
        user = (
            User.objects.select_related("profile__department", "profile__line_manager")
            .prefetch_related("participations__program", "managed_programs")
            .get(pk=current_user(request).pk)
        )
        return Response(out.MeSerializer(user).data)


@extend_schema(responses={200: out.ProgramSerializer(many=True), **ERRORS}, tags=["programs"])
class ProgramListView(generics.ListAPIView):
    """Programs open for enrolment or that the person belongs to or manages."""

    serializer_class = out.ProgramSerializer

    def get_queryset(self) -> Any:
        return visible_programs(current_user(self.request)).order_by("name")


class ProgramDetailView(APIView):
    @extend_schema(responses={200: out.ProgramSerializer, **ERRORS}, tags=["programs"])
    def get(self, request: Request, slug: str) -> Response:
        program = access_program(current_user(request), slug)
        return Response(out.ProgramSerializer(program).data)


@extend_schema(responses={200: out.RelationshipSerializer(many=True), **ERRORS}, tags=["mentoring"])
class RelationshipListView(generics.ListAPIView):
    """The person's mentoring relationships, as mentor or mentee."""

    serializer_class = out.RelationshipSerializer  # describes the rows in the schema
    pagination_class = FirstPagePagination

    def get_queryset(self) -> Any:
        people = relationships_for(current_user(self.request)).order_by("-created_at")
        return people.values(*out.RELATIONSHIP_VALUES)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # The serializer's JSON from plain rows (out.relationship_rows), in two queries
        # at most, one when the first page holds them all. The first page at the
        # default size, what clients ask, is read with SQL prepared once per process.
        paginator: Any = self.paginator
        if paginator.wants_first_page(request):
            found = _FIRST_PAGE.rows(user=int(current_user(request).pk))
            rows = [dict(zip(out.RELATIONSHIP_VALUES, row, strict=True)) for row in found]
            rows = paginator.first_page(rows, self.get_queryset, request)
        else:
            rows = self.paginate_queryset(self.get_queryset()) or []
        return self.get_paginated_response(out.relationship_rows(rows))


def _first_page(user: int) -> Any:
    # relationships_for() filters on the person; a stand-in with only their id will do.
    person = User.from_db(None, ["id"], [user])
    first = relationships_for(person).order_by("-created_at")[: Pagination.page_size]
    return first.values_list(*out.RELATIONSHIP_VALUES)


_FIRST_PAGE = PreparedQuery(_first_page, user=int)


class RelationshipDetailView(APIView):
    @extend_schema(responses={200: out.RelationshipSerializer, **ERRORS}, tags=["mentoring"])
    def get(self, request: Request, pk: int) -> Response:
        relationship = access_relationship(current_user(request), pk)
        return Response(out.RelationshipSerializer(relationship).data)


class RelationshipActionView(APIView):
    """Accept, decline, withdraw, pause, resume or conclude a mentoring relationship."""

    @extend_schema(
        request=out.ReasonSerializer,
        responses={200: out.RelationshipSerializer, **ERRORS},
        parameters=[ACTION_PARAM],
        tags=["mentoring"],
    )
    def post(self, request: Request, pk: int, action: str) -> Response:
        relationship = access_relationship(current_user(request), pk)
        result = _run_action(request, relationship, action)
        return Response(out.RelationshipSerializer(result).data)


@extend_schema(responses={200: out.EngagementSerializer(many=True), **ERRORS}, tags=["coaching"])
class EngagementListView(generics.ListAPIView):
    """The person's coaching engagements, as coach, coachee or sponsor."""

    serializer_class = out.EngagementSerializer

    def get_queryset(self) -> Any:
        return engagements_for(current_user(self.request)).order_by("-created_at")


class EngagementDetailView(APIView):
    @extend_schema(responses={200: out.EngagementSerializer, **ERRORS}, tags=["coaching"])
    def get(self, request: Request, pk: int) -> Response:
        engagement = access_engagement(current_user(request), pk)
        return Response(out.EngagementSerializer(engagement).data)


class EngagementActionView(APIView):
    """Accept, decline, withdraw, pause, resume or conclude a coaching engagement."""

    @extend_schema(
        request=out.ReasonSerializer,
        responses={200: out.EngagementSerializer, **ERRORS},
        parameters=[ACTION_PARAM],
        tags=["coaching"],
    )
    def post(self, request: Request, pk: int, action: str) -> Response:
        engagement = access_engagement(current_user(request), pk)
        if engagement_role(current_user(request), engagement) in ("sponsor", "pending"):
            raise PermissionDenied(
                gettext(
                    "Only the coach and the coachee who signed the agreement change its status."
                )
            )
        result = _run_action(request, engagement, action)
        return Response(out.EngagementSerializer(result).data)


def _run_action(request: Request, relationship: Any, action: str) -> Any:
    if action not in ACTIONS:
        raise serializers.ValidationError(
            {
                "action": [
                    gettext("Use one of: %(values)s.") % {"values": ", ".join(sorted(ACTIONS))}
                ]
            }
        )
    data = out.ReasonSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    service, _, takes_reason = ACTIONS[action]
    kwargs: dict[str, Any] = {"user": request.user}
    if takes_reason:
        kwargs["reason"] = data.validated_data.get("reason", "")
    return service(relationship, **kwargs)
