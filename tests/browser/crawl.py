"""A bounded crawl of every page a person can reach, as a quality gate.

From home, follow same-site links breadth first (at most a few pages per URL
shape, so forty workspaces count as two), and on each page check, at the
desktop and the phone width:

- the server answered below 500;
- nothing is wider than the viewport (the page scrolls only downwards);
- axe-core finds no serious or critical violation;
- the browser's console logged no error.

Each page's screenshot lands in `test-results/screenshots/<role>/<width>/` so
that a reviewer can look at the whole product at once. Used by
`tests/browser/test_crawl.py` (CI's browser leg) and `make screenshots`.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

WIDTHS = (1280, 390)
# Never followed: leaving, downloads, machine formats (a goal's chart as an SVG
# file: a bare SVG document cannot be captured as a page), and the admin's own
# pages (Django's admin is its own product; its index is still visited).
SKIP = re.compile(
    r"/accounts/logout|/api/|\.(csv|pdf|ics|json|xlsx|svg)$|/export|/download|/feed|"
    r"/admin/.+|/static/|/media/|/schema|/healthz|\?format="
)
PER_SHAPE = 2


@dataclass
class Finding:
    role: str
    width: int
    url: str
    problem: str


@dataclass
class CrawlResult:
    visited: dict[int, list[str]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def shape(path: str) -> str:
    """A URL's shape: numbers and long tokens folded, so similar pages count once."""
    path = re.sub(r"/\d+(?=/|$)", "/N", path)
    return re.sub(r"/[0-9a-f-]{16,}(?=/|$)", "/T", path)


def slug_for(path: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-")
    return cleaned[:120] or "home"


def links_on(page: Any, origin: str) -> list[str]:
    hrefs: list[str] = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    found = []
    for href in hrefs:
        href, _ = urldefrag(href)
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != origin:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not SKIP.search(path):
            found.append(path)
    return found


OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const total = document.documentElement.scrollWidth;
  if (total <= width + 1) return null;
  const scrolls = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
    }
    return false;
  };
  const culprits = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    const fixed = getComputedStyle(el).position === 'fixed';
    if (r.right > width + 1 && r.width > 0 && !fixed && !scrolls(el)) {
      const classes = el.className ? '.' + String(el.className).split(' ').join('.') : '';
      culprits.push(el.tagName.toLowerCase() + classes);
    }
    if (culprits.length >= 5) break;
  }
  return `page is ${total}px wide in ${width}px: ` + culprits.join(', ');
}"""


def overflow(page: Any) -> str | None:
    """Describe what makes the page wider than the viewport, or None."""
    result: str | None = page.evaluate(OVERFLOW_JS)
    return result


def crawl(
    context_factory: Any,
    *,
    role: str,
    sign_in: Any,
    origin: str,
    axe: Any,
    limit: int = 40,
    screenshots: Path | None = None,
) -> CrawlResult:
    """Crawl as one person at each width; return what was visited and found."""
    result = CrawlResult()
    for width in WIDTHS:
        context = context_factory(width)
        page = context.new_page()
        page.set_default_timeout(30_000)
        errors: list[str] = []
        page.on(
            "console", lambda msg, errors=errors: msg.type == "error" and errors.append(msg.text)
        )
        page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
        sign_in(page)
        queue: deque[str] = deque(["/"])
        seen: set[str] = {"/"}
        shapes: dict[str, int] = {}
        visited: list[str] = []
        while queue and len(visited) < limit:
            path = queue.popleft()
            errors.clear()
            response = _goto(page, path)
            status = response.status if response is not None else 0
            visited.append(path)
            if status >= 500 or status == 0:
                result.findings.append(Finding(role, width, path, f"answered {status}"))
                continue
            _check_page(page, result, role, width, path, errors, axe, screenshots)
            for link in links_on(page, origin):
                key = shape(urlsplit(link).path)
                if link in seen or shapes.get(key, 0) >= PER_SHAPE:
                    continue
                seen.add(link)
                shapes[key] = shapes.get(key, 0) + 1
                queue.append(link)
        result.visited[width] = visited
        context.close()
    return result


def _goto(page: Any, path: str) -> Any:
    """Open a page; a busy machine gets one more try before it counts as a failure."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        return page.goto(path)
    except PlaywrightTimeout:
        return page.goto(path)


def _check_page(
    page: Any,
    result: CrawlResult,
    role: str,
    width: int,
    path: str,
    errors: list[str],
    axe: Any,
    screenshots: Path | None,
) -> None:
    # The page's own console errors, taken before axe runs: axe's probes apply
    # inline styles that the site's Content-Security-Policy rightly refuses.
    # Resources the browser refused (a favicon, a font) are the page's errors too.
    page_errors = list(errors)
    too_wide = overflow(page)
    if too_wide:
        result.findings.append(Finding(role, width, path, too_wide))
    for violation in axe(page):
        result.findings.append(Finding(role, width, path, f"axe: {violation}"))
    for message in page_errors:
        result.findings.append(Finding(role, width, path, f"console: {message[:200]}"))
    if screenshots is not None:
        folder = screenshots / role / str(width)
        folder.mkdir(parents=True, exist_ok=True)
        problem = _screenshot(page, folder / f"{slug_for(path)}.png")
        if problem:
            result.findings.append(Finding(role, width, path, problem))


def _screenshot(page: Any, path: Path) -> str | None:
    """Take a full-page screenshot, or say why not.

    A long page on a busy machine gets one slower try; a page that still cannot
    be captured is reported with the others rather than ending the crawl.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.screenshot(path=str(path), full_page=True)
    except PlaywrightTimeout:
        try:
            page.screenshot(path=str(path), full_page=True, timeout=60_000)
        except PlaywrightTimeout:
            height = page.evaluate("document.documentElement.scrollHeight")
            return f"screenshot timed out twice (page is {height}px tall)"
    return None
