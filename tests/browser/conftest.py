"""Real-browser journeys: Playwright driving Debian's Chromium against the live server.

Run with `make test-browser` (CI does). Each page a journey visits is checked
with axe-core from npm; a failing test leaves a screenshot in test-results/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-results"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Flags this machine's closed network and root user need (see docs/development.md).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BLOCKING_IMPACTS = {"serious", "critical"}

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make to set up data are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}; `apt-get install chromium` first.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
        (ARTIFACTS / f"{request.node.name}.html").write_text(page.content())
    context.close()


def axe_violations(page: Any) -> list[str]:
    """Serious and critical axe-core violations on the current page, one line each."""
    # Evaluated through the DevTools protocol rather than added as an inline <script>,
    # which the site's Content-Security-Policy (script-src 'self') rightly refuses.
    page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document)")
    blocking = [v for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in blocking
    ]


def check_accessibility(page: Any) -> None:
    """Run axe-core on the current page; fail on serious or critical violations."""
    details = axe_violations(page)
    assert not details, f"axe on {page.url}:\n" + "\n".join(details)


def sign_in(page: Any, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    check_accessibility(page)
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    page.wait_for_url("**/")


PASSWORD = "pass-word-123"  # what UserFactory gives everyone


def person(email: str, **fields: Any) -> Any:
    """A user with a verified e-mail address, so they can sign in in the browser."""
    from allauth.account.models import EmailAddress

    from ithaca.accounts.tests.factories import UserFactory

    user = UserFactory(email=email, **fields)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_in_as(page: Any, email: str, password: str = PASSWORD) -> None:
    """Forget whoever was signed in on this page, then sign in as `email`."""
    page.context.clear_cookies()
    sign_in(page, email, password)


def visit(page: Any, path: str) -> None:
    """Open a page, insist it answered 2xx, and run axe on it."""
    response = page.goto(path)
    assert response is not None and response.ok, f"{path}: {response and response.status}"
    check_accessibility(page)


def fetch(page: Any, path: str, data: dict[str, str] | None = None) -> tuple[int, str]:
    """Status and body a signed-in person gets for `path`: GET, or a POST of `data`.

    Goes through the page's cookies (and CSRF token) without navigating, so an
    empty error answer such as a 405 is still a status rather than a browser error.
    """
    if data is None:
        response = page.request.get(path, max_redirects=0)
    else:
        token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
        response = page.request.post(
            path,
            form=data,
            headers={"X-CSRFToken": token, "Referer": page.url},
            max_redirects=0,
        )
    return response.status, response.text()
