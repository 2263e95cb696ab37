"""Mentor training: modules, their checks, and your progress."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts.http import current_user
from ithaca.api.mentoring import serializers as io
from ithaca.api.mentoring.workspace import ERRORS
from ithaca.mentoring import services
from ithaca.mentoring.access import access_module
from ithaca.mentoring.models import TrainingCompletion, TrainingModule
from ithaca.mentoring.selectors import training_progress

TAG = ["mentor training"]


@extend_schema(responses={200: io.MentoringModuleSerializer(many=True), **ERRORS}, tags=TAG)
class ModuleListView(generics.ListAPIView):
    """The modules in order, with whether you have passed each."""

    serializer_class = io.MentoringModuleSerializer

    def get_queryset(self) -> Any:
        done = TrainingCompletion.objects.filter(
            user=current_user(self.request), module=OuterRef("pk")
        )
        return TrainingModule.objects.annotate(passed=Exists(done)).order_by("position")


class ModuleDetailView(APIView):
    """A module's reading and its questions (without the answers)."""

    @extend_schema(responses={200: io.MentoringModuleDetailSerializer, **ERRORS}, tags=TAG)
    def get(self, request: Request, slug: str) -> Response:
        module = access_module(current_user(request), slug)
        # In the reader's language, as on the module's page (the order of the questions
        # and of their choices is the module's own, so answers keep their indexes).
        shown = module.shown
        data = {
            "slug": module.slug,
            "title": shown.title,
            "body": "\n\n".join(shown.paragraphs),
            "pass_mark": module.pass_mark,
            "questions": [
                {"prompt": q["prompt"], "choices": q["choices"]} for q in shown.questions
            ],
        }
        return Response(io.MentoringModuleDetailSerializer(data).data)


class AttemptView(APIView):
    """Answer a module's check; passing records the module as completed."""

    @extend_schema(
        request=io.MentoringAttemptInput,
        responses={201: io.MentoringAttemptSerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request, slug: str) -> Response:
        user = current_user(request)
        module = access_module(user, slug)
        data = io.MentoringAttemptInput(data=request.data)
        data.is_valid(raise_exception=True)
        attempt = services.training_submit(
            user=user, module=module, answers=data.validated_data["answers"]
        )
        return Response(io.MentoringAttemptSerializer(attempt).data, status=201)


class ProgressView(APIView):
    """Modules completed and remaining, and programs waiting for your training."""

    @extend_schema(responses={200: io.MentoringTrainingProgressSerializer, **ERRORS}, tags=TAG)
    def get(self, request: Request) -> Response:
        progress = training_progress(current_user(request))
        data = {
            "completed": [m.slug for m in progress.modules if m.pk in progress.passed],
            "remaining": [m.slug for m in progress.remaining],
            "complete": progress.complete,
            "waiting_programs": [p.slug for p in progress.waiting_programs],
        }
        return Response(io.MentoringTrainingProgressSerializer(data).data)
