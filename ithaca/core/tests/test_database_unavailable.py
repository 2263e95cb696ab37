"""While the database is unreachable, people are told to retry (503), never a 500."""

from __future__ import annotations

from django.db import OperationalError
from django.test import RequestFactory

from ithaca.core.middleware import DatabaseUnavailableMiddleware


def _middleware() -> DatabaseUnavailableMiddleware:
    return DatabaseUnavailableMiddleware(lambda request: None)  # type: ignore[arg-type,return-value]


def test_a_lost_database_connection_is_a_503_with_retry_after() -> None:
    request = RequestFactory().get("/")
    response = _middleware().process_exception(request, OperationalError("server closed"))
    assert response is not None and response.status_code == 503
    assert response["Retry-After"] == "5"


def test_the_api_gets_the_one_error_shape() -> None:
    request = RequestFactory().get("/api/v1/me/")
    response = _middleware().process_exception(request, OperationalError("connection refused"))
    assert response is not None and response.status_code == 503
    assert b'"code": "database_unavailable"' in response.content


def test_other_errors_are_left_to_django() -> None:
    request = RequestFactory().get("/")
    assert _middleware().process_exception(request, ValueError("bug")) is None
