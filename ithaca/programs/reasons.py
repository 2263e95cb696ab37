"""Why Ithaca itself moved a relationship: the reasons it stores, read in the
reader's language.

A relationship's `status_reason` holds what a person wrote (shown as written)
or, when Ithaca moved it, one of the English sentences below, stored before
reasons had codes and still stored so (they are also how old rows are known).
`reason_text` shows a known sentence translated and anything else as it is.

A proposal withdrawn because the pair is no longer independent stores a code and
its values instead: `independence:` followed by the broken rules' codes
(`independence:not_line_manager,not_assessor`), worded when shown. Before codes it
stored "Withdrawn automatically: <the engine's English explanations>.", shown as
written. An independence flag's `reasons` holds the same rule codes
(`not_line_manager,not_assessor`), or English for older flags.
Pure: no ORM.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext, gettext_noop

from ithaca.notifications.kinds import INDEPENDENCE_REASONS, independence_reasons

COMPETING = gettext_noop(
    "Withdrawn automatically: the seeker started with someone else in this program."
)
NO_ANSWER = gettext_noop("No answer in time.")
ERASED = gettext_noop("Ended because one person's data was erased.")
CLOSED_OUT = gettext_noop("Closed out with a final evaluation.")
CONCLUDED_AT_REVIEW = gettext_noop("Concluded at review.")
# An application note Ithaca wrote (intake.services), not the person.
FROM_INTAKE = gettext_noop("Applied from an intake.")
# A proposal nobody answered before the program's expiry (matching.services.proposals).
EXPIRED = "expired"

KNOWN = frozenset({COMPETING, NO_ANSWER, ERASED, CLOSED_OUT, CONCLUDED_AT_REVIEW, FROM_INTAKE})
INDEPENDENCE = "independence:"
WITHDRAWN_INDEPENDENCE = gettext_noop("Withdrawn automatically: %(reasons)s.")


def rule_codes(stored: str) -> list[str] | None:
    """The rule codes stored as `code,code`; None for anything else (older English)."""
    codes = [code for code in stored.split(",") if code]
    if codes and all(code in INDEPENDENCE_REASONS for code in codes):
        return codes
    return None


def independence_withdrawal(codes: Iterable[str]) -> str:
    """What a proposal withdrawn for independence stores: a code and its values."""
    return INDEPENDENCE + ",".join(codes)


def flag_reasons_text(stored: str) -> str:
    """An independence flag's reasons in the active language; older English as written."""
    codes = rule_codes(stored)
    return independence_reasons(codes) if codes else stored


def reason_text(stored: str) -> str:
    """The stored reason in the active language when Ithaca wrote it; else as written."""
    if stored == EXPIRED:
        return gettext("Nobody answered in time.")
    if stored.startswith(INDEPENDENCE):
        codes = rule_codes(stored.removeprefix(INDEPENDENCE))
        if codes:
            return gettext(WITHDRAWN_INDEPENDENCE) % {"reasons": independence_reasons(codes)}
    if stored.strip() in KNOWN:
        return gettext(stored.strip())
    return stored
