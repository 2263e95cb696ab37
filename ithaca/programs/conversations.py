"""A relationship's private conversation, shown as a tab of its workspace.

Messaging sits above mentoring and coaching (it reads who their members are), so
neither workspace imports it. Messaging registers, when its app is ready, how to
render a conversation for the person reading it; a workspace asks here for the
panel of its own conversation and shows it among its other tabs.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString

# (request, conversation kind, its id, the page to come back to after writing
# without JavaScript) -> the conversation's HTML, or None when the reader is not
# one of its members (or it cannot be read any more).
Panel = Callable[[HttpRequest, str, int, str], SafeString | None]
_PANELS: dict[str, Panel] = {}


def register(panel: Panel) -> None:
    """Called from messaging's ready(); registering twice replaces (tests reload apps)."""
    _PANELS["conversation"] = panel


def conversation_panel(request: HttpRequest, *, kind: str, pk: int, back: str) -> SafeString | None:
    """The conversation `kind`/`pk` as the signed-in person reads it, or None."""
    panel = _PANELS.get("conversation")
    return panel(request, kind, pk, back) if panel else None
