"""Request bodies and query strings the API cannot store are refused with a 400.

JSON lets a client send "\\u0000" (NUL) and "\\ud800" (half of a surrogate pair).
Neither is text: PostgreSQL refuses NUL in a string, and a lone surrogate
cannot be encoded as UTF-8, so either reached the database or a template as a
500. Every string in a body (keys included, at any depth) and every query
parameter is checked before a view sees it.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext_lazy
from rest_framework.exceptions import ParseError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
MESSAGE = gettext_lazy(
    "Text may not contain a NUL character or a lone surrogate (invalid Unicode)."
)


def first_unstorable(value: Any, path: str = "") -> str | None:
    """The path of the first string in `value` that cannot be stored, or None."""
    if isinstance(value, str):
        return path or "body" if UNSTORABLE.search(value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and UNSTORABLE.search(key):
                return where
            found = first_unstorable(item, where)
            if found:
                return found
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = first_unstorable(item, f"{path}[{index}]")
            if found:
                return found
    if hasattr(value, "lists"):  # a QueryDict: every value of every key
        return first_unstorable(dict(value.lists()), path)
    return None


def refuse_unstorable(data: Any) -> Any:
    where = first_unstorable(data)
    if where is not None:
        # The path may hold the offending key itself: show it escaped.
        shown = where.encode("utf-8", "backslashreplace").decode().replace("\x00", "\\x00")
        raise ParseError(f"{MESSAGE} ({shown})")
    return data


class TextJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        return refuse_unstorable(super().parse(stream, media_type, parser_context))


class TextFormParser(FormParser):
    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        return refuse_unstorable(super().parse(stream, media_type, parser_context))


class TextMultiPartParser(MultiPartParser):
    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        parsed = super().parse(stream, media_type, parser_context)
        refuse_unstorable(parsed.data)
        return parsed


class StorableQuery(BasePermission):
    """Refuses (400) a query string with a NUL or a lone surrogate, on every endpoint."""

    def has_permission(self, request: Request, view: Any) -> bool:
        refuse_unstorable(request.query_params)
        return True
