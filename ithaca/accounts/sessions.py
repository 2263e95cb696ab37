"""Django's database sessions, read with SQL prepared once per process.

Every signed-in page reads its session first. Django's store builds that
query anew each time (`Session.objects.get(session_key=..., expire_date__gt=now)`),
about 0.15 ms of CPU to compile for a lookup SQLite answers in a few
microseconds. This store is Django's (`SESSION_ENGINE = "ithaca.accounts.sessions"`:
the same table, the same signed and encoded data, the same keys, so sessions
made before carry on), except that it looks the row up by its key with a
`PreparedQuery` and compares the expiry date in Python: a session past its
date is not found, as before.

`AuthenticationMiddleware` (in place of Django's) then reads the session's
person the same way; see `_prepared_user`.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth import middleware as auth_middleware
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import router
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

from ithaca.accounts.models import User
from ithaca.core.prepared import PreparedQuery, columns, model_row

# A session's row by its key (the table's primary key).
_SESSION = PreparedQuery(
    lambda key: Session.objects.filter(session_key=key).values_list(
        "session_key", "session_data", "expire_date"
    ),
    key=str,
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self) -> Any:
        key = self.session_key
        using = router.db_for_read(self.model)
        rows = _SESSION.rows(using=using, key=key) if key else []
        if rows and rows[0][2] > timezone.now():
            session_key, session_data, expire_date = rows[0]
            return self.model(
                session_key=session_key, session_data=session_data, expire_date=expire_date
            )
        self._session_key = None
        return None


# --- Who the session belongs to ------------------------------------------------

# A person's row by primary key, every column, as `User.objects.get(pk=...)` reads it.
_USER = PreparedQuery(
    lambda pk: User.objects.filter(pk=pk).values_list(*columns(User)),
    pk=int,
)


def _prepared_user(request: HttpRequest) -> Any:
    """`django.contrib.auth.get_user`, the person read with prepared SQL.

    Taken only in the common case: a session signed in through a backend whose
    `get_user` is `ModelBackend`'s (Django's own and allauth's), for an active
    person whose session hash matches. Anything else (no session, another
    backend, a hash to check against fallback secrets, a session to flush) is
    left to Django's `get_user`, which then decides exactly as it always did.
    """
    session = request.session
    try:
        user_id = User._meta.pk.to_python(session[SESSION_KEY])
        backend_path = session[BACKEND_SESSION_KEY]
    except (KeyError, ValidationError):
        return auth.get_user(request)
    if backend_path not in settings.AUTHENTICATION_BACKENDS or type(user_id) is not int:
        return auth.get_user(request)
    backend = auth.load_backend(backend_path)
    if not isinstance(backend, ModelBackend) or type(backend).get_user is not ModelBackend.get_user:
        return auth.get_user(request)
    rows = _USER.rows(using=router.db_for_read(User), pk=user_id)
    user = model_row(User, rows[0])[0] if rows else None
    if user is None or not backend.user_can_authenticate(user):
        return auth.get_user(request)
    session_hash = session.get(HASH_SESSION_KEY)
    if not session_hash or not constant_time_compare(session_hash, user.get_session_auth_hash()):
        return auth.get_user(request)
    return user


def _cached_user(request: HttpRequest) -> Any:
    if not hasattr(request, "_cached_user"):
        request._cached_user = _prepared_user(request)  # type: ignore[attr-defined]
    return request._cached_user  # type: ignore[attr-defined]


class AuthenticationMiddleware(auth_middleware.AuthenticationMiddleware):
    """Django's, with `request.user` read by `_prepared_user` (same answer, less CPU)."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: _cached_user(request))  # type: ignore[assignment]
