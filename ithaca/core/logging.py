"""Expected refusals are logged as one line, not as a traceback.

Django logs a PermissionDenied (and an Http404 or a bad request) on the
`django.request` logger with the exception attached, so every expected 403
wrote a full traceback. A refusal is part of normal use: the status, the path,
the person's id and the reason on one line say everything there is to say.
Server errors (5xx) keep their traceback.
"""

from __future__ import annotations

import logging


class OneLineClientErrors(logging.Filter):
    """On `django.request`: 4xx records lose their traceback and gain the reason."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if not isinstance(status, int) or not 400 <= status < 500:
            return True
        reason = ""
        if record.exc_info and record.exc_info[1] is not None:
            reason = " ".join(str(record.exc_info[1]).split())
        request = getattr(record, "request", None)
        user_id = getattr(getattr(request, "user", None), "pk", None)
        record.msg = record.getMessage()
        record.args = ()
        if user_id is not None:
            record.msg += f" (user {user_id})"
        if reason:
            record.msg += f": {reason[:200]}"
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
