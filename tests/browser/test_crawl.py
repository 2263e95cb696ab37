"""Every page each demo person can reach, at 1280 px and 390 px.

Loads the demo organization, signs in as each demo person and crawls from
home (bounded; see `crawl.py`). Fails on a page wider than the screen, a
serious or critical axe violation, a console error or a server error, and
leaves a screenshot of every page in `test-results/screenshots/`
(`make screenshots` runs just this).

CRAWL_LANGUAGE=de (or fr, es) crawls in that language: every demo person's
profile asks for it and the browser sends it as Accept-Language, so no layout
may assume English word lengths (`make screenshots-de`; a leg of `.ci/run`).
Screenshots then go to `test-results/screenshots-<language>/`.
"""

from __future__ import annotations

import os
import shutil
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.browser.conftest import ARTIFACTS, axe_violations
from tests.browser.crawl import crawl

pytestmark = pytest.mark.django_db(transaction=True)

DEMO_PASSWORD = "ithaca-demo"
ROLES = ("mentee", "mentor", "coachee", "coach", "sponsor", "manager", "admin")
LIMIT = int(os.environ.get("CRAWL_LIMIT", "40"))
LANGUAGE = os.environ.get("CRAWL_LANGUAGE", "")


def test_every_page_each_demo_person_reaches_fits_the_screen_and_passes_axe(
    browser: Any, live_server: Any
) -> None:
    call_command("seed_demo", verbosity=0)
    if LANGUAGE:
        from ithaca.accounts.models import Profile

        assert LANGUAGE in dict(settings.LANGUAGES), f"CRAWL_LANGUAGE={LANGUAGE}: not offered"
        Profile.objects.update(interface_language=LANGUAGE)
    screenshots = ARTIFACTS / (f"screenshots-{LANGUAGE}" if LANGUAGE else "screenshots")
    shutil.rmtree(screenshots, ignore_errors=True)
    findings = []
    pages = 0
    for role in ROLES:

        def new_context(width: int) -> Any:
            return browser.new_context(
                base_url=live_server.url,
                viewport={"width": width, "height": 900},
                locale=LANGUAGE or "en-GB",
            )

        def sign_in(page: Any, role: str = role) -> None:
            page.goto("/accounts/login/")
            page.fill("input[name=login]", f"{role}@demo.ithaca.example")
            page.fill("input[name=password]", DEMO_PASSWORD)
            page.click("form button[type=submit]")
            page.wait_for_url("**/")
            if LANGUAGE:  # the crawl reads the pages in the language asked for
                assert page.evaluate("document.documentElement.lang") == LANGUAGE

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
