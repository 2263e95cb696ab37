"""The API and the health check are listed first; no page's pattern matches their paths,
so the order answers every path as before."""

from __future__ import annotations

import re
import uuid

from django.urls import Resolver404, URLPattern, URLResolver, resolve
from django.urls.resolvers import RegexPattern

from config import urls

SAMPLE = {"int": "7", "slug": "a-slug", "str": "text", "uuid": str(uuid.uuid4()), "path": "a/b"}


def api_paths(patterns: list, prefix: str) -> list[str]:
    paths = []
    for entry in patterns:
        route = getattr(entry.pattern, "_route", None)
        if route is None:  # a regular expression (DRF's format suffixes): its plain form
            route = re.sub(r"[\^$]", "", str(entry.pattern)).replace("\\.", ".")
            if any(c in route for c in "()[]?*+"):
                continue
        route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE.get(m.group(1) or "str", "x"), route)
        if isinstance(entry, URLResolver):
            paths += api_paths(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            paths.append(prefix + route)
    return paths


def test_no_page_pattern_matches_an_api_path_or_the_health_check() -> None:
    first, health, *pages = urls.urlpatterns
    assert str(first.pattern) == "api/v1/" and str(health.pattern) == "healthz"
    paths = ["/healthz", *api_paths(first.url_patterns, "/api/v1/")]
    assert len(paths) > 50
    page_resolver = URLResolver(RegexPattern(r"^/"), pages)
    for path in paths:
        try:
            match = page_resolver.resolve(path)
        except Resolver404:
            continue
        raise AssertionError(f"{path} also matches {match.route}")


def test_api_paths_still_resolve_to_the_api() -> None:
    assert resolve("/api/v1/relationships/").route.startswith("api/v1/")
    assert resolve("/healthz").url_name == "healthz"
    assert resolve("/").url_name == "home"
