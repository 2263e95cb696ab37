"""Why Ithaca itself moved a relationship: the reasons it stores, read in the
reader's language.

A relationship's `status_reason` holds what a person wrote (shown as written)
or, when Ithaca moved it, one of the English sentences below, stored before
reasons had codes and still stored so (they are also how old rows are known).
`reason_text` shows a known sentence translated and anything else as it is.
Pure: no ORM.
"""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

COMPETING = gettext_noop(
    "Withdrawn automatically: the seeker started with someone else in this program."
)
NO_ANSWER = gettext_noop("No answer in time.")
ERASED = gettext_noop("Ended because one person's data was erased.")
# A proposal nobody answered before the program's expiry (matching.services.proposals).
EXPIRED = "expired"

KNOWN = frozenset({COMPETING, NO_ANSWER, ERASED})


def reason_text(stored: str) -> str:
    """The stored reason in the active language when Ithaca wrote it; else as written."""
    if stored == EXPIRED:
        return gettext("Nobody answered in time.")
    if stored.strip() in KNOWN:
        return gettext(stored.strip())
    return stored
