"""Message endpoints: your conversations with unread counts, and one conversation's
messages (read and write). Only its members get anything but a 404."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts.http import current_user
from ithaca.api.serializers import ErrorSerializer
from ithaca.messaging import services
from ithaca.messaging.access import access_conversation, conversations_for
from ithaca.messaging.models import MAX_LENGTH, Message

ERRORS = {code: ErrorSerializer for code in (400, 401, 403, 404)}
TAGS = ["messages"]


class ConversationSerializer(serializers.Serializer):
    kind = serializers.CharField()
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    writable = serializers.BooleanField()
    unread = serializers.IntegerField()


class MessageSerializer(serializers.ModelSerializer):
    author = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()

    class Meta:
        model = Message
        fields = ["id", "author", "body", "created_at"]

    def get_author(self, message: Message) -> str:
        if message.author is None or message.erased_at:
            return "A former participant"
        return message.author.display_name

    def get_body(self, message: Message) -> str:
        return "" if message.erased_at else message.body


class MessageInSerializer(serializers.Serializer):
    body = serializers.CharField(
        max_length=MAX_LENGTH + 1000, allow_blank=True, trim_whitespace=False
    )


class ConversationListView(APIView):
    @extend_schema(responses={200: ConversationSerializer(many=True), **ERRORS}, tags=TAGS)
    def get(self, request: Request) -> Response:
        user = current_user(request)
        found = conversations_for(user)
        unread = services.unread_counts(user, found)
        rows = [
            {"kind": c.kind, "pk": c.pk, "title": c.title, "writable": c.writable,
             "unread": unread.get((c.kind, c.pk), 0)}
            for c in found
        ]  # fmt: skip
        return Response(ConversationSerializer(rows, many=True).data)


class ConversationMessagesView(generics.ListAPIView):
    """The conversation's messages, oldest first; reading them marks them read."""

    serializer_class = MessageSerializer

    @extend_schema(tags=TAGS, operation_id="messages_thread_list")
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        user = current_user(self.request)
        conversation = access_conversation(user, self.kwargs["kind"], self.kwargs["pk"])
        services.conversation_read(conversation=conversation, user=user)
        return Message.objects.filter(
            thread=conversation.kind, thread_id=conversation.pk
        ).select_related("author")

    @extend_schema(
        request=MessageInSerializer, responses={201: MessageSerializer, **ERRORS}, tags=TAGS
    )
    def post(self, request: Request, kind: str, pk: int) -> Response:
        user = current_user(request)
        conversation = access_conversation(user, kind, pk)
        data = MessageInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        message = services.message_send(
            conversation=conversation, author=user, body=data.validated_data["body"]
        )
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)


urlpatterns: list[URLPattern] = [
    path("messages/", ConversationListView.as_view(), name="api-conversations"),
    path(
        "messages/<slug:kind>/<int:pk>/",
        ConversationMessagesView.as_view(),
        name="api-conversation-messages",
    ),
]
