"""Notification endpoints: your inbox, the unread count, marking read, and your e-mail
preferences per category. Every notification comes through the notifications app's
access helper: nobody reads another person's."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts.http import current_user
from ithaca.api.serializers import ErrorSerializer
from ithaca.notifications import selectors, services
from ithaca.notifications.access import access_notification
from ithaca.notifications.kinds import Category, Mode
from ithaca.notifications.models import Notification

ERRORS = {code: ErrorSerializer for code in (400, 401, 403, 404)}
TAGS = ["notifications"]


class NotificationSerializer(serializers.ModelSerializer):
    text = serializers.CharField(
        source="message", read_only=True, help_text="What happened, in the reader's language."
    )
    url = serializers.SerializerMethodField()
    read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = ["id", "kind", "category", "text", "url", "created_at", "read"]

    def get_url(self, item: Notification) -> str:
        return item.url

    def get_read(self, item: Notification) -> bool:
        return item.read_at is not None


class UnreadCountSerializer(serializers.Serializer):
    unread = serializers.IntegerField()


class ReadAllSerializer(serializers.Serializer):
    marked = serializers.IntegerField()


PreferencesSerializer = type(
    "NotificationPreferencesSerializer",
    (serializers.Serializer,),
    {
        c.value: serializers.ChoiceField(choices=Mode.choices, required=False, help_text=c.label)
        for c in Category
    },
)


class NotificationListView(generics.ListAPIView):
    """Your notifications, newest first."""

    serializer_class = NotificationSerializer

    @extend_schema(tags=TAGS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        return selectors.inbox(current_user(self.request))


class UnreadCountView(APIView):
    @extend_schema(responses={200: UnreadCountSerializer, **ERRORS}, tags=TAGS)
    def get(self, request: Request) -> Response:
        return Response({"unread": selectors.unread_count(current_user(request))})


class ReadView(APIView):
    @extend_schema(request=None, responses={200: NotificationSerializer, **ERRORS}, tags=TAGS)
    def post(self, request: Request, pk: int) -> Response:
        notification = access_notification(current_user(request), pk)
        return Response(
            NotificationSerializer(services.notification_read(notification=notification)).data
        )


class ReadAllView(APIView):
    @extend_schema(request=None, responses={200: ReadAllSerializer, **ERRORS}, tags=TAGS)
    def post(self, request: Request) -> Response:
        return Response({"marked": services.notifications_read_all(user=current_user(request))})


class PreferencesView(APIView):
    """How you are e-mailed, per category. Account notices are always sent at once."""

    @extend_schema(responses={200: PreferencesSerializer, **ERRORS}, tags=TAGS)
    def get(self, request: Request) -> Response:
        return Response(services.preferences_of(current_user(request)))

    @extend_schema(
        request=PreferencesSerializer, responses={200: PreferencesSerializer, **ERRORS}, tags=TAGS
    )
    def put(self, request: Request) -> Response:
        data = PreferencesSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(
            services.preferences_set(user=current_user(request), modes=data.validated_data)
        )


N = "notifications/"
urlpatterns: list[URLPattern] = [
    path(N, NotificationListView.as_view(), name="api-notifications"),
    path(f"{N}unread-count/", UnreadCountView.as_view(), name="api-notifications-unread"),
    path(f"{N}read-all/", ReadAllView.as_view(), name="api-notifications-read-all"),
    path(f"{N}preferences/", PreferencesView.as_view(), name="api-notifications-preferences"),
    path(f"{N}<int:pk>/read/", ReadView.as_view(), name="api-notification-read"),
]
