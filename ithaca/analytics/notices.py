"""The notice router named by ITHACA_NOTICE_ROUTER: holds a notice back for the weekly
digest of the recipients who asked for one.

`ithaca.core.email.send_notice` calls `route` for every notice that may wait:
notices with a calendar invite and those sent with `immediate=True` never reach
it, and account invitations and password resets are not notices at all (accounts
and allauth send them directly), so they always go at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from ithaca.analytics.models import NotificationPreference, PendingNotice

WEEKLY = NotificationPreference.Mode.WEEKLY_DIGEST


def route(*, addresses: Sequence[str], subject: str, body: str) -> set[str]:
    """Store the notice for each recipient who wants a digest; return their addresses.

    One query when nobody among the recipients wants a digest (the usual case).
    """
    wanted = {address.strip().lower(): address for address in addresses}
    rows = NotificationPreference.objects.filter(
        user__email__in=list(wanted), mode=WEEKLY
    ).values_list("user_id", "user__email")
    held: set[str] = set()
    for user_id, email in rows:
        PendingNotice.objects.create(user_id=user_id, subject=subject[:200], body=body)
        held.add(wanted[email.lower()])
    return held
