"""The signed-in person, typed, for views behind login_required."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ithaca.accounts.models import User


def current_user(request: HttpRequest | Any) -> User:
    """The request's user; only call it where login is required."""
    user = request.user
    if not isinstance(user, User):
        raise TypeError("current_user() needs a signed-in person; guard the view with login.")
    return user
