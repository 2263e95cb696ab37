"""Fuzz every /api/v1/ operation against its OpenAPI schema, once per kind of person.

Schemathesis reads the schema the app serves, generates requests for every
operation (valid and slightly off) and calls the WSGI application in-process,
authenticated with the token of a seeker, a mentor, a coach, a sponsor, a
program manager or a staff member from a small seeded demo. Each answer must
not be a server error, must match the schema, and any error must have the one
error shape of ithaca/api/errors.py.

Run with `make test-api-fuzz` (its own CI leg): bounded to a few examples per
operation so it takes minutes on two cores. FUZZ_EXAMPLES raises the bound.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from django.core.management import call_command
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

pytestmark = [pytest.mark.schemathesis, pytest.mark.django_db]

ROLES = ("seeker", "mentor", "coach", "sponsor", "manager", "staff")
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "5"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-results"
ERROR_KEYS = {"status", "code", "message", "fields"}


@pytest.fixture(scope="module")
def connection_kept() -> Iterator[None]:
    """Keep the test's database connection across the in-process requests.

    Schemathesis calls the WSGI application itself, not Django's test client,
    so each request's end would close the connection where CONN_MAX_AGE is 0
    (PostgreSQL's default here) and every later query would fail. The test
    client avoids this the same way: by disconnecting close_old_connections.
    """
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def tokens(
    django_db_setup: Any, django_db_blocker: Any, connection_kept: None
) -> Iterator[dict[str, str]]:
    """A token for one person of each kind, from a 60-person demo organization."""
    from ithaca.accounts.models import User
    from ithaca.accounts.tokens import api_token_issue
    from ithaca.programs.models import Participation

    with django_db_blocker.unblock():
        call_command("seed_demo", "--people", "60", verbosity=0)
        active = Participation.objects.filter(state=Participation.State.ACTIVE)
        people = {
            role: User.objects.filter(participations__in=active.filter(role=role))
            .order_by("pk")
            .first()
            for role in ("seeker", "mentor", "coach", "sponsor")
        }
        people["manager"] = User.objects.filter(managed_programs__isnull=False).first()
        people["staff"] = User.objects.filter(is_staff=True).order_by("pk").first()
        missing = [role for role, user in people.items() if user is None]
        assert not missing, f"the demo has nobody for {missing}"
        found = {
            # As if each had signed in with a second factor: MFA has its own tests.
            role: api_token_issue(user=user, mfa_verified=True)[1]
            for role, user in people.items()
        }
        yield found
        # The demo lives outside the tests' transactions: leave the database empty again.
        call_command("flush", "--noinput", verbosity=0)


@pytest.fixture(scope="module")
def api_schema(django_db_setup: Any, django_db_blocker: Any, connection_kept: None) -> Any:
    from config.wsgi import application

    with django_db_blocker.unblock():
        return schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)


def routed(path: str) -> bool:
    from django.urls import Resolver404, resolve

    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def assert_error_shape(case: Any, response: Any) -> None:
    """4xx answers carry {"error": {"status", "code", "message"[, "fields"]}}.

    A generated path parameter that no URL pattern accepts (a slug with a colon)
    never reaches the API: Django's own 404 page answers it, and is left alone.
    """
    if response.status_code < 400:
        return
    if response.status_code == 404 and not routed(case.formatted_path):
        return
    body = json.loads(response.content or b"null")
    assert isinstance(body, dict) and set(body) == {"error"}, f"not the error shape: {body!r}"
    error = body["error"]
    assert {"status", "code", "message"} <= set(error) <= ERROR_KEYS, error
    assert error["status"] == response.status_code, error


def fuzz(operation: Any, token: str) -> None:
    """A few generated requests for one operation, each answer checked."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # report the first failure; no shrinking
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any) -> None:
        response = case.call_and_validate(
            headers={"Authorization": f"Token {token}"},
            checks=[not_a_server_error, response_schema_conformance],
        )
        assert_error_shape(case, response)

    run()


@pytest.mark.parametrize("role", ROLES)
def test_every_operation_answers_within_its_schema(
    role: str, tokens: dict[str, str], api_schema: Any
) -> None:
    failures = []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        try:
            fuzz(operation, tokens[role])
        except (Exception, BaseExceptionGroup) as exc:  # report every failing operation
            failures.append(f"{operation.label}: {exc}"[:3000])
    if failures:
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"api-fuzz-{role}.txt").write_text("\n\n".join(failures))
    assert not failures, f"{len(failures)} operations failed as {role}:\n\n" + "\n\n".join(failures)
