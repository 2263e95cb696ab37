"""Bugs the API fuzzing found, each pinned by a plain test (runs with `make test`)."""

from __future__ import annotations

import json

import pytest

from ithaca.accounts.tokens import api_token_issue
from ithaca.coaching.tests.factories import proposed_engagement

pytestmark = pytest.mark.django_db


def test_an_engagement_without_a_sponsor_is_listed_with_a_null_sponsor_the_schema_allows(client):
    engagement = proposed_engagement(sponsor=False)
    _, key = api_token_issue(user=engagement.coach, mfa_verified=False)
    listed = client.get("/api/v1/engagements/", HTTP_AUTHORIZATION=f"Token {key}")
    assert listed.status_code == 200
    assert listed.json()["results"][0]["sponsor"] is None
    schema = json.loads(client.get("/api/v1/schema/?format=json").content)
    sponsor = schema["components"]["schemas"]["Engagement"]["properties"]["sponsor"]
    assert sponsor.get("nullable") is True or {"type": "null"} in sponsor.get("oneOf", [])


def test_an_organization_wide_report_has_a_null_program_the_schema_allows(client, settings):
    from ithaca.accounts.tests.factories import UserFactory

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    _, key = api_token_issue(user=UserFactory(is_staff=True), mfa_verified=False)
    created = client.post(
        "/api/v1/analytics/reports/",
        {"start": "2025-01-01", "end": "2025-03-31"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert created.status_code == 202, created.content
    assert created.json()["program"] is None
    schema = json.loads(client.get("/api/v1/schema/?format=json").content)
    program = schema["components"]["schemas"]["AnalyticsReport"]["properties"]["program"]
    assert program.get("nullable") is True
