"""Events and their sign-up, "I'd like to continue with ..." marks, and mutual offers."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts.http import current_user
from ithaca.accounts.models import User
from ithaca.api.mentoring import serializers as io
from ithaca.api.mentoring.workspace import ERRORS
from ithaca.api.serializers import PersonSerializer
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring import services
from ithaca.mentoring.access import access_event, visible_events
from ithaca.mentoring.models import ContinueMark, EventSignup, MutualInterest
from ithaca.mentoring.selectors import events_with_counts
from ithaca.programs.access import access_program, is_program_manager

TAG = ["mentoring events"]


class EventListView(generics.ListAPIView):
    """Events of the mentoring programs you take part in or manage, soonest first.
    POST (program managers) creates one."""

    serializer_class = io.MentoringEventSerializer

    def get_queryset(self) -> Any:
        events = events_with_counts(visible_events(current_user(self.request)))
        if self.request.query_params.get("when") == "past":
            return events.filter(ends_at__lt=timezone.now()).order_by("-starts_at", "-pk")
        return events.filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")

    @extend_schema(responses={200: io.MentoringEventSerializer(many=True), **ERRORS}, tags=TAG)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=io.MentoringEventInput,
        responses={201: io.MentoringEventSerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request) -> Response:
        user = current_user(request)
        data = io.MentoringEventInput(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        program = access_program(user, fields.pop("program"))
        event = services.event_create(program=program, user=user, **fields)
        event.signup_count = 0  # type: ignore[attr-defined]
        return Response(io.MentoringEventSerializer(event).data, status=201)


class EventDetailView(APIView):
    @extend_schema(responses={200: io.MentoringEventSerializer, **ERRORS}, tags=TAG)
    def get(self, request: Request, pk: int) -> Response:
        access_event(current_user(request), pk)
        event = events_with_counts(visible_events(current_user(request))).get(pk=pk)
        return Response(io.MentoringEventSerializer(event).data)


class EventSignupView(APIView):
    """Take a place (POST) or give it up (DELETE) before the event starts."""

    @extend_schema(request=None, responses={204: None, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        services.event_signup(event=access_event(user, pk), user=user)
        return Response(status=204)

    @extend_schema(request=None, responses={204: None, **ERRORS}, tags=TAG)
    def delete(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        services.event_leave(event=access_event(user, pk), user=user)
        return Response(status=204)


@extend_schema(responses={200: PersonSerializer(many=True), **ERRORS}, tags=TAG)
class AttendeeListView(generics.ListAPIView):
    """Who signed up: visible to attendees and the program's managers."""

    serializer_class = PersonSerializer

    def get_queryset(self) -> Any:
        user = current_user(self.request)
        event = access_event(user, self.kwargs["pk"])
        attending = EventSignup.objects.filter(event=event, person=user).exists()
        if not attending and not is_program_manager(user, event.program):
            raise PermissionDenied(gettext("Sign up to see who is coming."))
        people = EventSignup.objects.filter(event=event).values("person_id")
        return User.objects.filter(pk__in=people).order_by("first_name", "last_name", "pk")


def _attendee(person_id: int) -> User:
    person = User.objects.filter(pk=person_id).first()
    if person is None:
        raise DomainError(gettext("Choose someone who was at the event."), field="person")
    return person


class MarkListView(generics.ListAPIView):
    """The people you marked at this event: yours alone. POST marks one more."""

    serializer_class = PersonSerializer

    def get_queryset(self) -> Any:
        user = current_user(self.request)
        event = access_event(user, self.kwargs["pk"])
        marked = ContinueMark.objects.filter(event=event, marker=user).values("marked_id")
        return User.objects.filter(pk__in=marked).order_by("first_name", "last_name", "pk")

    @extend_schema(responses={200: PersonSerializer(many=True), **ERRORS}, tags=TAG)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(request=io.MentoringMarkInput, responses={204: None, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        event = access_event(user, pk)
        data = io.MentoringMarkInput(data=request.data)
        data.is_valid(raise_exception=True)
        services.mark_add(event=event, user=user, marked=_attendee(data.validated_data["person"]))
        return Response(status=204)


class MarkDeleteView(APIView):
    @extend_schema(request=None, responses={204: None, **ERRORS}, tags=TAG)
    def delete(self, request: Request, pk: int, person_pk: int) -> Response:
        user = current_user(request)
        event = access_event(user, pk)
        services.mark_remove(event=event, user=user, marked=_attendee(person_pk))
        return Response(status=204)


@extend_schema(responses={200: io.MentoringOfferSerializer(many=True), **ERRORS}, tags=TAG)
class OfferListView(generics.ListAPIView):
    """People you and who marked each other at this event: the offer, or why there is none."""

    serializer_class = io.MentoringOfferSerializer

    def get_queryset(self) -> Any:
        user = current_user(self.request)
        event = access_event(user, self.kwargs["pk"])
        return (
            MutualInterest.objects.filter(event=event)
            .filter(Q(first=user) | Q(second=user))
            .select_related("first", "second")
            .order_by("pk")
        )
