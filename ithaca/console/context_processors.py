"""Whether to show the Console link. Lives here because core may not import programs.

The answer is worked out once, when the person signs in, and kept in their
session: pages then show the link without a query of their own. A person made
a program manager later sees the link from their next sign-in, or as soon as
they open /console/ (which refreshes it).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ithaca.accounts.models import User

SESSION_KEY = "ithaca_console_access"


def remember_console_access(request: HttpRequest | None, user: User) -> None:
    """Store whether this person may use the console in their session."""
    if request is not None and hasattr(request, "session"):
        may = bool(user.is_staff) or user.managed_programs.exists()
        request.session[SESSION_KEY] = may


def on_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    # A receiver of Django's user_logged_in: session state for the page layout,
    # not domain flow, so a signal is the fitting hook (see apps.ConsoleConfig).
    if isinstance(user, User):
        remember_console_access(request, user)


def console(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        return {"IS_PROGRAM_MANAGER": False}
    allowed = bool(user.is_staff) or bool(request.session.get(SESSION_KEY, False))
    return {"IS_PROGRAM_MANAGER": allowed}
