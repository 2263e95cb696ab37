"""Outbound webhooks: registered for kinds, signed, retried, ids and kinds only."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import DomainError
from ithaca.notifications import services, webhooks
from ithaca.notifications.models import WebhookDelivery, WebhookEndpoint
from ithaca.notifications.periodic import retry_webhooks
from ithaca.programs.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db
PUBLIC = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 443))]


def _resolve(address):
    return mock.patch.object(
        webhooks.socket, "getaddrinfo",
        return_value=[(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, 443))],
    )  # fmt: skip


def _endpoint(kinds=("application.decided",)) -> WebhookEndpoint:
    with _resolve("93.184.216.34"):
        return webhooks.endpoint_register(
            name="HR", url="https://hooks.example.org/ithaca", kinds=list(kinds)
        )


@pytest.mark.parametrize(
    ("url", "address", "error"),
    [
        ("http://hooks.example.org/x", "93.184.216.34", "https://"),
        ("https://intranet.example/x", "10.0.0.5", "private"),
        ("https://localhost/x", "127.0.0.1", "private"),
        ("https://metadata/x", "169.254.169.254", "private"),
    ],
)
def test_an_endpoint_must_be_public_https(url, address, error):
    with _resolve(address), pytest.raises(DomainError, match=error):
        webhooks.endpoint_register(name="x", url=url, kinds=["application.decided"])
    assert not WebhookEndpoint.objects.exists()


def test_unknown_kinds_are_refused():
    with _resolve("93.184.216.34"), pytest.raises(DomainError, match="Unknown event kinds"):
        webhooks.endpoint_register(name="x", url="https://h.example.org/", kinds=["made.up"])


def test_an_event_is_delivered_once_signed_with_ids_and_kinds_only(
    django_capture_on_commit_callbacks,
):
    endpoint = _endpoint()
    calls = []

    def post(url, body, headers):
        calls.append((url, body, headers))
        return 204

    program = ProgramFactory(name="Secret program")
    with (
        mock.patch.object(webhooks, "_post", post),
        django_capture_on_commit_callbacks(execute=True),
    ):
        for person in UserFactory.create_batch(2):
            services.notify(
                recipient=person, kind="application.decided", subject=program,
                context={"program": program.name, "approved": True},
            )  # fmt: skip
        services.notify(
            recipient=UserFactory(), kind="meeting.proposed", subject=program, context={}
        )
    (url, body, headers) = calls[0]
    assert len(calls) == 1 and url == endpoint.url
    payload = json.loads(body)
    assert payload["event"] == "application.decided"
    assert payload["subject"] == {"type": "programs.program", "id": program.pk}
    assert "Secret program" not in body.decode()
    stamp = headers["X-Ithaca-Timestamp"]
    expected = hmac.new(endpoint.secret.encode(), f"{stamp}.".encode() + body, hashlib.sha256)
    assert headers["X-Ithaca-Signature"] == "sha256=" + expected.hexdigest()
    delivery = WebhookDelivery.objects.get()
    assert delivery.delivered_at is not None and delivery.last_status == 204


def test_a_failing_endpoint_is_retried_with_backoff_and_logged(django_capture_on_commit_callbacks):
    _endpoint()
    program = ProgramFactory()
    with (
        mock.patch.object(webhooks, "_post", return_value=503),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.notify(
            recipient=UserFactory(), kind="application.decided", subject=program,
            context={"program": "x", "approved": True},
        )  # fmt: skip
    delivery = WebhookDelivery.objects.get()
    assert (delivery.attempts, delivery.last_status, delivery.last_error) == (1, 503, "HTTP 503")
    assert delivery.next_attempt_at > timezone.now()
    assert retry_webhooks(now=timezone.now()) == {"retried": 0}
    WebhookDelivery.objects.update(next_attempt_at=timezone.now())
    with (
        mock.patch.object(webhooks, "_post", return_value=200),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert retry_webhooks(now=timezone.now()) == {"retried": 1}
    delivery.refresh_from_db()
    assert delivery.delivered_at is not None and delivery.attempts == 2


def test_the_admin_refuses_a_private_address_with_a_clear_message():
    staff = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(staff)
    with _resolve("192.168.1.10"):
        response = client.post(
            "/admin/notifications/webhookendpoint/add/",
            {"name": "x", "url": "https://router.example/", "kinds": ["application.decided"],
             "active": "on"},
        )  # fmt: skip
    assert response.status_code == 200 and "private or local network" in response.content.decode()
    assert not WebhookEndpoint.objects.exists()
