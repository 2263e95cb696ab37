"""API endpoints for intakes, triage and referrals."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts.http import current_user
from ithaca.accounts.models import User
from ithaca.api.serializers import ErrorSerializer, PersonSerializer
from ithaca.intake import services
from ithaca.intake.access import access_intake, access_referral
from ithaca.intake.models import MAX_TEXT, Intake, Referral
from ithaca.intake.phrases import localized
from ithaca.intake.selectors import intakes_of, triage_payload
from ithaca.intake.triage import QUESTIONS

ERRORS = {code: ErrorSerializer for code in (400, 401, 403, 404)}


def _answer_field(question: Any) -> serializers.Field:
    choices = [value for value, _ in question.choices]
    if question.multiple:
        return serializers.ListField(
            child=serializers.ChoiceField(choices=choices),
            required=False,
            help_text=question.prompt,
        )
    return serializers.ChoiceField(
        choices=choices, required=False, allow_blank=True, help_text=question.prompt
    )


class AnswersSerializer(serializers.Serializer):
    """The optional structured answers; every question may be skipped."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return {q.key: _answer_field(q) for q in QUESTIONS}


class TriageInput(serializers.Serializer):
    """Built in get_fields because a "save" attribute would shadow Serializer.save."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return {
            "text": serializers.CharField(max_length=MAX_TEXT, trim_whitespace=True),
            "answers": AnswersSerializer(required=False),
            "save": serializers.BooleanField(
                default=False, help_text="Save it as one of your intakes (visible to you only)."
            ),
        }


class ProgramBrief(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
    mode = serializers.CharField()


class TriageOutput(serializers.Serializer):
    recommendation = serializers.ChoiceField(choices=["mentoring", "coaching", "both", "unclear"])
    language = serializers.ChoiceField(
        choices=["en", "fr", "es", "de", "other"],
        help_text='The language the statement was read in; "other" is not read (unclear).',
    )
    confidence = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())
    coaching_part = serializers.CharField(allow_null=True)
    mentoring_part = serializers.CharField(allow_null=True)
    modes = serializers.ListField(child=serializers.CharField())
    follow_up_questions = serializers.ListField(child=serializers.CharField())
    third_party = serializers.BooleanField()
    next_step = serializers.ChoiceField(
        choices=["referral", "own_wish", "confidentiality"],
        allow_null=True,
        help_text="For someone else's wish, what to do instead of a recommendation: use the "
        "referral flow, say what you want yourself, or (a request to read someone's sessions) "
        "agree up front what a sponsor sees.",
    )
    scores = serializers.DictField(child=serializers.FloatField())
    semantic = serializers.DictField(
        child=serializers.FloatField(),
        help_text="The reader of meaning's probability per label; empty when it did not vote.",
    )
    programs = ProgramBrief(many=True)
    intake = serializers.IntegerField(allow_null=True, required=False)


class IntakeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Intake
        fields = ["id", "text", "answers", "recommendation", "confidence", "result", "created_at"]

    def to_representation(self, instance: Intake) -> dict[str, Any]:
        data = super().to_representation(instance)
        # The stored result's sentences in the reader's language, as on the intake's page;
        # its machine fields and the person's own words stay as they are.
        if isinstance(data.get("result"), dict):
            data["result"] = localized(data["result"])
        return data


class ReferralSerializer(serializers.ModelSerializer):
    referrer = PersonSerializer(read_only=True)
    person = PersonSerializer(read_only=True)

    class Meta:
        model = Referral
        fields = [
            "id",
            "referrer",
            "person",
            "kind",
            "reason",
            "status",
            "created_at",
            "responded_at",
        ]


class ReferralInput(serializers.Serializer):
    person = serializers.EmailField(help_text="The e-mail address of the person you refer.")
    kind = serializers.ChoiceField(choices=["coaching", "mentoring"])
    reason = serializers.CharField(max_length=2000)

    def validate_person(self, value: str) -> User:
        # The same answer whether the address has an account or not.
        person = services.referable_person(referrer=self.context["referrer"], email=value)
        if person is None:
            raise serializers.ValidationError(services.REFER_REFUSED)
        return person


class TriageView(APIView):
    """Recommend mentoring, coaching, both, or ask follow-up questions ("unclear")."""

    @extend_schema(request=TriageInput, responses={200: TriageOutput, **ERRORS}, tags=["intake"])
    def post(self, request: Request) -> Response:
        data = TriageInput(data=request.data)
        data.is_valid(raise_exception=True)
        text, answers = data.validated_data["text"], data.validated_data.get("answers") or {}
        result = services.intake_evaluate(text=text, answers=answers)
        payload = triage_payload(result)
        payload["intake"] = None
        if data.validated_data["save"]:
            intake = services.intake_submit(
                author=current_user(request), text=text, answers=answers
            )
            payload["intake"] = intake.pk
        return Response(payload)


@extend_schema(responses={200: IntakeSerializer(many=True), **ERRORS}, tags=["intake"])
class IntakeListView(generics.ListAPIView):
    """Your own saved intakes."""

    serializer_class = IntakeSerializer

    def get_queryset(self) -> Any:
        return intakes_of(current_user(self.request))


class IntakeDetailView(APIView):
    @extend_schema(responses={200: IntakeSerializer, **ERRORS}, tags=["intake"])
    def get(self, request: Request, pk: int) -> Response:
        return Response(IntakeSerializer(access_intake(current_user(request), pk)).data)


class ReferralListView(generics.ListAPIView):
    """Referrals you received or made. A referrer sees the status, never the person's intake."""

    serializer_class = ReferralSerializer

    @extend_schema(responses={200: ReferralSerializer(many=True), **ERRORS}, tags=["referrals"])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        user = current_user(self.request)
        return (
            Referral.objects.filter(Q(person=user) | Q(referrer=user))
            .select_related("referrer", "person")
            .order_by("-created_at")
        )

    @extend_schema(
        request=ReferralInput, responses={201: ReferralSerializer, **ERRORS}, tags=["referrals"]
    )
    def post(self, request: Request) -> Response:
        user = current_user(request)
        data = ReferralInput(data=request.data, context={"referrer": user})
        data.is_valid(raise_exception=True)
        referral = services.referral_create(referrer=user, **data.validated_data)
        return Response(ReferralSerializer(referral).data, status=201)


class ReferralAnswerView(APIView):
    """The referred person accepts or declines."""

    @extend_schema(
        request=None,
        responses={200: ReferralSerializer, **ERRORS},
        operation_id="referrals_answer",
        parameters=[
            OpenApiParameter(
                "answer", OpenApiTypes.STR, OpenApiParameter.PATH, enum=["accept", "decline"]
            )
        ],
        tags=["referrals"],
    )
    def post(self, request: Request, pk: int, answer: str) -> Response:
        if answer not in {"accept", "decline"}:
            raise serializers.ValidationError({"answer": [gettext("Use accept or decline.")]})
        user = current_user(request)
        referral = access_referral(user, pk)
        referral = services.referral_respond(
            referral=referral, user=user, accept=answer == "accept"
        )
        return Response(ReferralSerializer(referral).data)
