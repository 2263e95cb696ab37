"""Signed-in clients for page and API tests."""

from __future__ import annotations

from django.test import Client
from rest_framework.test import APIClient


def web(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def htmx(user) -> Client:
    client = Client(headers={"HX-Request": "true"})
    client.force_login(user)
    return client
