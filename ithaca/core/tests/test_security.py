"""Security headers on pages and API responses, and the deploy checks in production."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from rest_framework.test import APIClient

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.security import build_policy

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[3]


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def assert_secure_headers(response) -> None:
    csp = directives(response)
    assert csp["default-src"] == "'self'" and csp["script-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'" and csp["object-src"] == "'none'"
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_a_page_carries_the_strict_policy_and_the_other_headers() -> None:
    client = Client()
    client.force_login(UserFactory())
    response = client.get("/")
    assert response.status_code == 200
    assert_secure_headers(response)


def test_an_api_response_carries_them_too() -> None:
    client = APIClient()
    client.force_authenticate(UserFactory())
    response = client.get("/api/v1/programs/")
    assert response.status_code == 200
    assert_secure_headers(response)


def test_pages_need_no_inline_script_or_style_so_the_policy_can_stay_strict() -> None:
    staff = Client()
    staff.force_login(UserFactory(is_staff=True))
    pages = [(Client(), "/accounts/login/")] + [
        (staff, url) for url in ("/", "/intake/new/", "/programs/", "/audit/", "/privacy/")
    ]
    for client, url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", content), url
        assert "<style" not in content and " style=" not in content, url
        assert 'includeIndicatorStyles": false' in content, url


def test_swagger_ui_gets_its_relaxed_style_policy_and_still_no_inline_script() -> None:
    client = Client()
    client.force_login(UserFactory())
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    csp = directives(page)
    assert csp["style-src"] == "'self' 'unsafe-inline'" and csp["script-src"] == "'self'"
    content = page.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in content
    script = re.search(r'<script src="([^"]+script[^"]*)"', content)
    assert script is not None
    start_up = client.get(script.group(1).replace("&amp;", "&"))
    assert start_up["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in start_up.content.decode()


def test_a_policy_is_built_from_its_directives_with_overrides() -> None:
    policy = build_policy({"default-src": "'self'", "img-src": "'self'"}, {"img-src": "data:"})
    assert policy == "default-src 'self'; img-src data:"


def test_the_security_deploy_checks_pass_with_production_settings() -> None:
    # CI runs every check (`.ci/run`); this one guards the security settings.
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    secret = "x!Q9-production-like-secret-key-" * 2
    env.update(DEBUG="false", HTTPS="true", ALLOWED_HOSTS="ithaca.example.org", SECRET_KEY=secret)
    command = ["manage.py", "check", "--deploy", "--tag", "security", "--fail-level", "WARNING"]
    result = subprocess.run(
        [sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
