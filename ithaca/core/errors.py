"""Errors that services raise for a user's mistake.

Views turn a DomainError into a form error or a message; the API turns it into
a 400 with the one error shape. Neither ever becomes a 500.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied


class DomainError(Exception):
    """A request that breaks a rule of the domain; `message` is shown to the user."""

    code = "invalid"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class TransitionError(DomainError):
    """A lifecycle move that is not allowed from the current state or by this person."""

    code = "invalid_transition"


class PermissionDenied(DomainError, DjangoPermissionDenied):
    """The person may see the object but not do this to it; Django and DRF answer 403."""

    code = "permission_denied"
