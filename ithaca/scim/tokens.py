"""Bearer tokens of SCIM clients: made once, kept as a digest."""

from __future__ import annotations

import hashlib
import secrets

PREFIX = "scim_"


def new_token() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
