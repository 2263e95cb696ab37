"""Template helpers for the matching pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Mapping[str, Any] | None, key: str) -> Any:
    """{{ words|get_item:key }}: a label looked up by its key, or None."""
    return (mapping or {}).get(key)
