"""Every page each demo person can reach, at 1280 px and 390 px.

Loads the demo organization, signs in as each demo person and crawls from
home (bounded; see `crawl.py`). Fails on a page wider than the screen, a
serious or critical axe violation, a console error or a server error, and
leaves a screenshot of every page in `test-results/screenshots/`
(`make screenshots` runs just this).
"""

from __future__ import annotations

import os
import shutil
from typing import Any

import pytest
from django.core.management import call_command

from tests.browser.conftest import ARTIFACTS, axe_violations
from tests.browser.crawl import crawl

pytestmark = pytest.mark.django_db(transaction=True)

DEMO_PASSWORD = "ithaca-demo"
ROLES = ("mentee", "mentor", "coachee", "coach", "sponsor", "manager", "admin")
LIMIT = int(os.environ.get("CRAWL_LIMIT", "40"))


def test_every_page_each_demo_person_reaches_fits_the_screen_and_passes_axe(
    browser: Any, live_server: Any
) -> None:
    call_command("seed_demo", verbosity=0)
    screenshots = ARTIFACTS / "screenshots"
    shutil.rmtree(screenshots, ignore_errors=True)
    findings = []
    pages = 0
    for role in ROLES:

        def new_context(width: int) -> Any:
            return browser.new_context(
                base_url=live_server.url, viewport={"width": width, "height": 900}
            )

        def sign_in(page: Any, role: str = role) -> None:
            page.goto("/accounts/login/")
            page.fill("input[name=login]", f"{role}@demo.ithaca.example")
            page.fill("input[name=password]", DEMO_PASSWORD)
            page.click("form button[type=submit]")
            page.wait_for_url("**/")

        result = crawl(
            new_context,
            role=role,
            sign_in=sign_in,
            origin=live_server.url,
            axe=axe_violations,
            limit=LIMIT,
            screenshots=screenshots,
        )
        pages += sum(len(v) for v in result.visited.values())
        assert all(len(v) > 3 for v in result.visited.values()), (role, result.visited)
        findings.extend(result.findings)
    report = "\n".join(f"{f.role} @{f.width}px {f.url}: {f.problem}" for f in findings)
    assert not findings, f"{len(findings)} problems on {pages} page visits:\n{report}"
