"""API endpoints for profiles, paths walked, photos, availability, cards and directories.

`urlpatterns` is included by ithaca/api/urls.py. Writes go through the same
services as the pages (accounts.profiles, people.services); reads through the
same access helpers, so a card the page would hide is a 404 here too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts import profiles
from ithaca.accounts.http import current_user
from ithaca.accounts.interface_language import remember_language
from ithaca.accounts.languages import language_code, shown_names
from ithaca.accounts.models import CareerEntry, Profile, User
from ithaca.api.pagination import Pagination
from ithaca.api.serializers import ErrorSerializer
from ithaca.people import services
from ithaca.people.access import access_directory, access_own_helper_role, access_person
from ithaca.people.selectors import PER_PAGE, Filters, directory_of, with_career
from ithaca.programs.models import Participation

ERRORS = {code: ErrorSerializer for code in (400, 401, 403, 404)}
TAGS = ["people"]


class CareerEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = CareerEntry
        fields = ["id", "role", "organization", "started_on", "ended_on", "position"]
        read_only_fields = ["id", "position"]


class CareerInput(serializers.Serializer):
    role = serializers.CharField(max_length=160)
    organization = serializers.CharField(
        max_length=160, required=False, allow_blank=True, default=""
    )
    started_on = serializers.DateField()
    ended_on = serializers.DateField(required=False, allow_null=True, default=None)
    position = serializers.IntegerField(
        required=False, min_value=1, help_text="Move the entry to this place (1 is first)."
    )


class LanguageSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


def _languages(codes: list[str]) -> list[dict[str, str]]:
    return [{"code": c, "name": n} for c, n in zip(codes, shown_names(codes), strict=True)]


class CardSerializer(serializers.Serializer):
    """What anyone allowed to see the person's card sees: nothing private."""

    id = serializers.IntegerField(source="pk")
    name = serializers.SerializerMethodField()
    pronouns = serializers.CharField(source="profile.pronouns")
    job_title = serializers.CharField(source="profile.job_title")
    department = serializers.CharField(
        source="profile.department.name", allow_null=True, default=None
    )
    bio = serializers.CharField(source="profile.bio")
    expertise = serializers.ListField(child=serializers.CharField(), source="profile.expertise")
    languages = serializers.SerializerMethodField()
    photo = serializers.SerializerMethodField(
        help_text="Address of the photo, or null: show initials."
    )
    career = CareerEntrySerializer(many=True, source="career.all")

    def get_name(self, obj: User) -> str:
        profile = getattr(obj, "profile", None)
        return (profile.preferred_name if profile else "") or obj.display_name

    def get_languages(self, obj: User) -> list[dict[str, str]]:
        return _languages(list(obj.profile.languages or []))

    def get_photo(self, obj: User) -> str | None:
        return f"/people/{obj.pk}/photo/" if obj.profile.photo else None


class MyProfileSerializer(serializers.Serializer):
    """Your own profile: what you edit, and what HR's records say (read-only)."""

    preferred_name = serializers.CharField(max_length=80, required=False, allow_blank=True)
    pronouns = serializers.CharField(max_length=40, required=False, allow_blank=True)
    job_title = serializers.CharField(max_length=160, required=False, allow_blank=True)
    bio = serializers.CharField(
        required=False, allow_blank=True, help_text="Up to 2,000 characters."
    )
    time_zone = serializers.CharField(required=False, help_text="An IANA zone, e.g. Europe/Dublin.")
    languages = serializers.ListField(
        child=serializers.CharField(), required=False,
        help_text="Languages by name (Irish) or code (ga); stored as codes.",
    )  # fmt: skip
    expertise = serializers.ListField(child=serializers.CharField(), required=False)
    interests = serializers.ListField(child=serializers.CharField(), required=False)
    interface_language = serializers.ChoiceField(
        choices=[("", "browser"), *settings.LANGUAGES], required=False, allow_blank=True,
        help_text="The language of pages, API messages and e-mails; empty: the browser's.",
    )  # fmt: skip


class MyProfileOutput(serializers.Serializer):
    preferred_name = serializers.CharField()
    pronouns = serializers.CharField()
    job_title = serializers.CharField()
    bio = serializers.CharField()
    time_zone = serializers.CharField()
    languages = LanguageSerializer(many=True)
    expertise = serializers.ListField(child=serializers.CharField())
    interests = serializers.ListField(child=serializers.CharField())
    interface_language = serializers.CharField()
    photo = serializers.CharField(allow_null=True)
    hr = serializers.DictField(help_text="Kept by HR through the people import; read-only.")


def _my_profile(user: User) -> dict[str, Any]:
    profile = Profile.objects.select_related("department", "line_manager").get_or_create(user=user)[
        0
    ]
    return {
        "preferred_name": profile.preferred_name,
        "pronouns": profile.pronouns,
        "job_title": profile.job_title,
        "bio": profile.bio,
        "time_zone": profile.time_zone,
        "languages": _languages(list(profile.languages or [])),
        "expertise": profile.expertise or [],
        "interests": profile.interests or [],
        "interface_language": profile.interface_language,
        "photo": f"/people/{user.pk}/photo/" if profile.photo else None,
        "hr": {
            "source": "people import",
            "department": profile.department.name if profile.department else None,
            "line_manager": profile.line_manager.display_name if profile.line_manager else None,
            "grade": profile.grade,
            "started_on": profile.started_on,
        },
    }


class MyProfileView(APIView):
    @extend_schema(responses={200: MyProfileOutput, **ERRORS}, tags=TAGS)
    def get(self, request: Request) -> Response:
        return Response(MyProfileOutput(_my_profile(current_user(request))).data)

    @extend_schema(
        request=MyProfileSerializer, responses={200: MyProfileOutput, **ERRORS}, tags=TAGS
    )
    def patch(self, request: Request) -> Response:
        data = MyProfileSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        user = current_user(request)
        profile = profiles.profile_update(user=user, **data.validated_data)
        if "interface_language" in data.validated_data and request.auth is None:
            remember_language(request._request, profile.interface_language)  # signed-in session
        return Response(MyProfileOutput(_my_profile(user)).data)


class CareerListView(APIView):
    @extend_schema(responses={200: CareerEntrySerializer(many=True), **ERRORS}, tags=TAGS)
    def get(self, request: Request) -> Response:
        rows = CareerEntry.objects.filter(user=current_user(request))
        return Response(CareerEntrySerializer(rows, many=True).data)

    @extend_schema(request=CareerInput, responses={201: CareerEntrySerializer, **ERRORS}, tags=TAGS)
    def post(self, request: Request) -> Response:
        data = CareerInput(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        fields.pop("position", None)
        entry = profiles.career_entry_create(user=current_user(request), **fields)
        return Response(CareerEntrySerializer(entry).data, status=201)


class CareerDetailView(APIView):
    def _entry(self, request: Request, pk: int) -> CareerEntry:
        return get_object_or_404(CareerEntry, pk=pk, user=current_user(request))

    @extend_schema(request=CareerInput, responses={200: CareerEntrySerializer, **ERRORS}, tags=TAGS)
    def patch(self, request: Request, pk: int) -> Response:
        entry = self._entry(request, pk)
        current = {
            "role": entry.role, "organization": entry.organization,
            "started_on": entry.started_on, "ended_on": entry.ended_on,
        }  # fmt: skip
        if not isinstance(request.data, Mapping):
            raise serializers.ValidationError({"non_field_errors": [gettext("Send an object.")]})
        given = request.data.dict() if hasattr(request.data, "dict") else dict(request.data)
        data = CareerInput(data={**current, **given})
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        position = fields.pop("position", None)
        entry = profiles.career_entry_update(entry=entry, **fields)
        if position is not None:
            _move_to(entry, position)
            entry.refresh_from_db()
        return Response(CareerEntrySerializer(entry).data)

    @extend_schema(responses={204: None, **ERRORS}, tags=TAGS)
    def delete(self, request: Request, pk: int) -> Response:
        profiles.career_entry_delete(entry=self._entry(request, pk))
        return Response(status=204)


def _move_to(entry: CareerEntry, position: int) -> None:
    ids = list(CareerEntry.objects.filter(user_id=entry.user_id).values_list("pk", flat=True))
    target = min(position, len(ids)) - 1
    while ids.index(entry.pk) != target:
        up = ids.index(entry.pk) > target
        ids = [e.pk for e in profiles.career_entry_move(entry=entry, up=up)]


class PhotoInput(serializers.Serializer):
    photo = serializers.FileField(help_text="JPEG, PNG or WebP, up to 5 MB.")


class PhotoView(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(request=PhotoInput, responses={200: MyProfileOutput, **ERRORS}, tags=TAGS)
    def put(self, request: Request) -> Response:
        data = PhotoInput(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["photo"]
        user = current_user(request)
        profiles.profile_photo_set(user=user, upload=upload, size=upload.size)
        return Response(MyProfileOutput(_my_profile(user)).data)

    @extend_schema(request=None, responses={204: None, **ERRORS}, tags=TAGS)
    def delete(self, request: Request) -> Response:
        profiles.profile_photo_remove(user=current_user(request))
        return Response(status=204)


class AvailabilitySerializer(serializers.Serializer):
    program = serializers.CharField(source="program.slug", read_only=True)
    role = serializers.CharField(read_only=True)
    accepting = serializers.BooleanField()
    paused_until = serializers.DateField(allow_null=True, required=False, default=None)
    capacity = serializers.IntegerField(min_value=0, max_value=500)
    max_capacity = serializers.IntegerField(source="program.max_capacity", read_only=True)


class AvailabilityListView(APIView):
    @extend_schema(responses={200: AvailabilitySerializer(many=True), **ERRORS}, tags=TAGS)
    def get(self, request: Request) -> Response:
        rows = (
            Participation.objects.filter(
                user=current_user(request), role__in=Participation.HELPER_ROLES
            )
            .exclude(state__in=[Participation.State.DECLINED, Participation.State.LEFT])
            .select_related("program")
        )
        return Response(AvailabilitySerializer(rows, many=True).data)


class AvailabilityView(APIView):
    @extend_schema(
        request=AvailabilitySerializer, responses={200: AvailabilitySerializer, **ERRORS}, tags=TAGS
    )
    def put(self, request: Request, slug: str) -> Response:
        part = access_own_helper_role(current_user(request), slug)
        data = AvailabilitySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        part = services.availability_set(participation=part, **data.validated_data)
        return Response(AvailabilitySerializer(part).data)


class DirectoryEntrySerializer(serializers.Serializer):
    card = CardSerializer(source="person")
    free_places = serializers.IntegerField()
    taking_new = serializers.BooleanField()
    can_request = serializers.BooleanField(help_text="False also when you are not a seeker here.")
    already_asked = serializers.BooleanField()
    reasons = serializers.ListField(
        child=serializers.CharField(), help_text="Why you cannot ask them, in your words."
    )


class DirectoryPage(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.IntegerField(allow_null=True)
    previous = serializers.IntegerField(allow_null=True)
    results = DirectoryEntrySerializer(many=True)


class DirectoryView(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="Name, expertise, language or paths walked."),
            OpenApiParameter("language", str, description="A language by name or code."),
            OpenApiParameter("available", bool, description="Only those taking new people."),
            OpenApiParameter("page", int),
        ],
        responses={200: DirectoryPage, **ERRORS},
        tags=TAGS,
    )
    def get(self, request: Request, slug: str) -> Response:
        user = current_user(request)
        program = access_directory(user, slug)
        raw_language = request.query_params.get("language", "")
        language = language_code(raw_language) if raw_language else ""
        if language is None:
            raise serializers.ValidationError(
                {
                    "language": [
                        gettext("%(language)s is not a language we know.")
                        % {"language": repr(raw_language[:40])}
                    ]
                }
            )
        available = request.query_params.get("available", "").lower() in {"1", "true", "yes", "on"}
        filters = Filters(
            q=request.query_params.get("q", "")[:200], language=language, available=available
        )
        found = directory_of(program, user, filters, request.query_params.get("page"))
        page = found.page
        return Response(
            DirectoryPage(
                {
                    "count": page.paginator.count,
                    "next": page.next_page_number() if page.has_next() else None,
                    "previous": page.previous_page_number() if page.has_previous() else None,
                    "results": found.entries,
                }
            ).data
        )


class PersonCardView(APIView):
    @extend_schema(responses={200: CardSerializer, **ERRORS}, tags=TAGS)
    def get(self, request: Request, pk: int) -> Response:
        person = access_person(current_user(request), pk)
        with_career([person])
        return Response(CardSerializer(person).data)


urlpatterns: list[URLPattern] = [
    path("me/profile/", MyProfileView.as_view(), name="api-my-profile"),
    path("me/profile/career/", CareerListView.as_view(), name="api-my-career"),
    path("me/profile/career/<int:pk>/", CareerDetailView.as_view(), name="api-my-career-entry"),
    path("me/profile/photo/", PhotoView.as_view(), name="api-my-photo"),
    path("me/availability/", AvailabilityListView.as_view(), name="api-my-availability"),
    path(
        "me/availability/<slug:slug>/",
        AvailabilityView.as_view(),
        name="api-my-availability-program",
    ),
    path("programs/<slug:slug>/people/", DirectoryView.as_view(), name="api-program-people"),
    path("people/<int:pk>/", PersonCardView.as_view(), name="api-person"),
]

__all__ = ["PER_PAGE", "Pagination", "urlpatterns"]
