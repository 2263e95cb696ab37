"""Odd input answers 400 with the error shape: NUL and lone surrogates in any string."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from ithaca.accounts.tests.factories import UserFactory
from ithaca.api.parsers import first_unstorable
from ithaca.intake.models import Referral

pytestmark = pytest.mark.django_db


def signed_in() -> APIClient:
    client = APIClient()
    client.force_authenticate(UserFactory())
    return client


def post_raw(client: APIClient, url: str, text: str):
    # Written by hand: \\ud800 and \\u0000 are valid JSON escapes, not valid text.
    return client.post(url, data=text, content_type="application/json")


@pytest.mark.parametrize(
    "body",
    [
        '{"person": "a@example.org", "kind": "\\ud800", "reason": "x"}',
        '{"person": "a@example.org", "kind": "coaching", "reason": "x\\u0000y"}',
        '{"person": "a@example.org", "kind": "\\u0000", "reason": "x"}',
        '{"person": "a@example.org", "kind": "coaching", "reason": "\\udfff"}',
    ],
)
def test_a_nul_or_lone_surrogate_in_a_body_string_is_a_400(body) -> None:
    response = post_raw(signed_in(), "/api/v1/referrals/", body)
    assert response.status_code == 400
    error = json.loads(response.content)["error"]
    assert error["status"] == 400 and error["code"] == "parse_error"
    assert "lone surrogate" in error["message"]
    assert not Referral.objects.exists()


def test_a_nested_key_or_value_is_checked_too() -> None:
    body = '{"text": "I want to grow", "answers": {"goal\\ud83d": "x"}}'
    response = post_raw(signed_in(), "/api/v1/intake/triage/", body)
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["code"] == "parse_error"


def test_a_nul_in_a_query_parameter_is_a_400() -> None:
    response = signed_in().get("/api/v1/programs/?search=a%00b")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


def test_ordinary_text_in_any_script_passes() -> None:
    assert first_unstorable({"Καθοδήγηση": ["リーダー", "🚀", {"x": "برنامج"}]}) is None
    assert first_unstorable({"a": ["ok", "bad\x00"]}) == "a[1]"
