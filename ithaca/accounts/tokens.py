"""API tokens: issued hashed, expiring, revocable, and void once the credentials change.

A key is `ith_` and 43 random URL-safe characters (256 bits). Only its
SHA-256 is stored: the key is random and long, so a fast hash cannot be
reversed, and looking it up by hash costs one indexed query. See
docs/decisions/0009-api-tokens-hashed-with-a-credential-stamp.md.

A token also keeps a stamp of its owner's credentials at issue: an HMAC of
the password hash and of the ids of their authenticators (TOTP, security
keys). Changing the password anywhere (the account pages, a reset, the admin,
the shell) or resetting MFA changes the stamp, and every older token stops
working without any code having to remember to revoke it.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from ithaca.accounts.models import ApiToken, User
from ithaca.core.errors import DomainError
from ithaca.core.prepared import PreparedQuery, columns, model_row

KEY_PREFIX = "ith_"
# last_used_at is written at most this often, so each API call does not write a row.
USE_RECORD_INTERVAL = timedelta(minutes=5)
STAMP_TYPES = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def credential_stamp(user: User, *, has_authenticator: bool = True) -> str:
    """Changes whenever the password or the set of authenticators changes.
    `has_authenticator=False` (already known: no TOTP or security key) saves the query."""
    ids = (
        sorted(
            Authenticator.objects.filter(user=user, type__in=STAMP_TYPES).values_list(
                "pk", flat=True
            )
        )
        if has_authenticator
        else []
    )
    material = f"{user.pk}|{user.password}|{','.join(map(str, ids))}"
    return salted_hmac("ithaca.api-token-stamp", material, algorithm="sha256").hexdigest()


def token_lifetime() -> timedelta:
    return timedelta(days=int(settings.ITHACA_API_TOKEN_DAYS))


@transaction.atomic
def api_token_issue(*, user: User, mfa_verified: bool, name: str = "") -> tuple[ApiToken, str]:
    """A new token for this person, and its key (shown this once, never stored)."""
    if not user.is_active:
        raise DomainError(_("This account is not active."))
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken.objects.create(
        user=user,
        name=name.strip()[:100] or "API token",
        key_hash=hash_key(key),
        prefix=key[:10],
        credential_stamp=credential_stamp(user),
        mfa_verified=mfa_verified,
        created_at=now,
        expires_at=now + token_lifetime(),
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by: User) -> ApiToken:
    """Revoke one token; only its owner may (staff revoke by changing the password)."""
    if token.user_id != by.pk:
        raise DomainError(_("Only the token's owner may revoke it."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_tokens_revoke_all(*, user: User) -> int:
    """Revoke every live token of a person (the count revoked)."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def api_token_status(token: ApiToken, stamp: str | None = None) -> str:
    """active, revoked, expired or superseded (the password or MFA changed since)."""
    if token.revoked_at is not None:
        return "revoked"
    if token.expires_at <= timezone.now():
        return "expired"
    current = stamp if stamp is not None else credential_stamp(token.user)
    if not constant_time_compare(token.credential_stamp, current):
        return "superseded"
    return "active"


def token_lookup(key_hash: str, **annotations: Any) -> QuerySet[ApiToken, tuple[Any, ...]]:
    """The token with this hash as one row: its columns, its owner's, whether the owner
    has an authenticator in their stamp, then `annotations` about the owner (keyed by
    `OuterRef("user_id")`) that the request needs anyway, so they cost no query of
    their own. Revocation and expiry are the caller's to check (`api_token_status`):
    the SQL's shape stays the same, so it is prepared once (ithaca.core.prepared)."""
    stamped = Authenticator.objects.filter(user_id=OuterRef("user_id"), type__in=STAMP_TYPES)
    return (
        ApiToken.objects.filter(key_hash=key_hash)
        .annotate(has_stamp_authenticator=Exists(stamped), **annotations)
        .values_list(
            *columns(ApiToken), *columns(User, "user"), "has_stamp_authenticator", *annotations
        )
    )


TOKEN_LOOKUP = PreparedQuery(token_lookup, key_hash=str)


def api_token_authenticate(
    key: str, lookup: PreparedQuery = TOKEN_LOOKUP, using: str = "default"
) -> ApiToken | None:
    """The live token with this key, or None. Records its use now and then.

    One indexed query (`lookup`, prepared from `token_lookup`) reads the token and its
    owner; the ids of the owner's authenticators are read only when they have one. The
    values a lookup annotates beyond `token_lookup`'s own are in `token.extras`.
    """
    if not key.startswith(KEY_PREFIX):
        return None
    rows = lookup.rows(using, key_hash=hash_key(key))
    if not rows:
        return None
    token, at = model_row(ApiToken, rows[0], using=using)
    token.user, at = model_row(User, rows[0], at, using=using)
    if not token.user.is_active:
        return None
    stamp = credential_stamp(token.user, has_authenticator=bool(rows[0][at]))
    if api_token_status(token, stamp) != "active":
        return None
    token.extras = rows[0][at + 1 :]
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > USE_RECORD_INTERVAL:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def api_tokens_for(user: User) -> list[tuple[ApiToken, str]]:
    """A person's tokens, newest first, each with its status (two queries)."""
    stamp = credential_stamp(user)
    tokens = ApiToken.objects.filter(user=user).select_related("user")
    return [(token, api_token_status(token, stamp)) for token in tokens]
