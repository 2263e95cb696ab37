"""What an import says about a file, kept as a code and its values, read in the
reader's language.

A problem (and an import's phase) is stored in the import's record as a code with
its values and, beside them, the English sentence. The page and the API render it
again at display time, so a program manager reads it in their own language
whoever uploaded the file. Rows stored before problems had codes keep their
English sentence and are shown as they are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext, gettext_noop, ngettext

from ithaca.accounts.importing.headers import LABELS

# Each problem's English template (gettext_noop: translated when shown, not now).
# `%(value)r` quotes what the file holds, as Python writes it ('12').
TEMPLATES: dict[str, str] = {
    "duplicate_column": gettext_noop("%(heading)r holds the same field as another column."),
    "no_email_column": gettext_noop("No e-mail column. Headings found: %(found)s."),
    "no_email_column_no_headings": gettext_noop("No e-mail column. Headings found: none."),
    "no_people": gettext_noop("The file has a header but no people in it."),
    "duplicate_email": gettext_noop("%(email)s is also on row %(first_row)s."),
    "email_missing": gettext_noop("The e-mail address is missing."),
    "bad_email": gettext_noop("%(value)r is not an e-mail address."),
    "bad_grade": gettext_noop("The grade must be a whole number from 1 to 10; got %(value)r."),
    "bad_date": gettext_noop("Expected a date as YYYY-MM-DD (or DD/MM/YYYY); got %(value)r."),
    "too_long": gettext_noop("At most %(limit)s characters; this has %(length)s."),
    "own_manager": gettext_noop("Nobody can be their own line manager."),
    "unknown_manager": gettext_noop(
        "Unknown manager %(manager)s: not in this file and not in Ithaca."
    ),
    "name_missing": gettext_noop("A new person needs a name."),
    "left_before_start": gettext_noop(
        "The leaving date %(left_on)s is before the start date %(started_on)s."
    ),
    "manager_loop": gettext_noop("Manager loop: %(chain)s (%(count)s people)."),
    "outside_programs": gettext_noop(
        "This person is in none of your programs: only staff can change them "
        "(an organization-wide import). Remove the row, or ask an administrator."
    ),
}

# The column names Ithaca uses when a file lacks the column (the file's own headings
# are what people wrote and stay as they are).
LABEL_TEXTS = (
    gettext_noop("E-mail"),
    gettext_noop("Name"),
    gettext_noop("First name"),
    gettext_noop("Last name"),
    gettext_noop("Department"),
    gettext_noop("Job title"),
    gettext_noop("Grade"),
    gettext_noop("Line manager's e-mail"),
    gettext_noop("Start date"),
    gettext_noop("Leaving date"),
)


def english(code: str, params: Mapping[str, Any]) -> str:
    """The sentence as stored beside the code (logs, old readers of the report)."""
    return TEMPLATES[code] % params


def problem_text(problem: Mapping[str, Any]) -> str:
    """A stored problem in the active language; a row from before codes as written."""
    code = problem.get("code")
    if code in TEMPLATES:
        try:
            return gettext(TEMPLATES[code]) % (problem.get("params") or {})
        except (KeyError, TypeError, ValueError):
            pass
    return str(problem.get("message", ""))


def column_text(problem: Mapping[str, Any]) -> str:
    """The column a problem is about: the file's heading, or Ithaca's name for it."""
    column = str(problem.get("column", ""))
    if problem.get("named_by_ithaca") and column == LABELS.get(str(problem.get("field", ""))):
        return gettext(column)
    return column


def shown_problems(problems: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Stored problems with their column and message in the active language."""
    return [{**p, "column": column_text(p), "message": problem_text(p)} for p in problems or []]


# An import's phase, stored in English (the progress bar reads it while a worker
# writes it) and read in the reader's language.
FIXED_PHASES = (
    gettext_noop("Waiting to start"),
    gettext_noop("Starting"),
    gettext_noop("Ready to import"),
    gettext_noop("Imported"),
    gettext_noop("Something went wrong; nothing was written."),
    gettext_noop("The file has problems now; nothing was written."),
    gettext_noop("People changed while the import ran; nothing was written. Run it again."),
)
COUNTED_PHASES = (
    (re.compile(r"^Checking (\d+) rows$"), "Checking %(count)s row", "Checking %(count)s rows"),
    (re.compile(r"^Writing (\d+) rows$"), "Writing %(count)s row", "Writing %(count)s rows"),
    (
        re.compile(r"^(\d+) problems to fix$"),
        "%(count)s problem to fix",
        "%(count)s problems to fix",
    ),
)


def phase_text(phase: str) -> str:
    """A stored phase in the active language; anything unknown as it is."""
    if phase in FIXED_PHASES:
        return gettext(phase)
    for pattern, singular, plural in COUNTED_PHASES:
        match = pattern.match(phase)
        if match:
            count = int(match.group(1))
            return ngettext(singular, plural, count) % {"count": count}
    return phase


def _mark_counted_phases() -> None:  # pragma: no cover - only for makemessages
    ngettext("Checking %(count)s row", "Checking %(count)s rows", 1)
    ngettext("Writing %(count)s row", "Writing %(count)s rows", 1)
    ngettext("%(count)s problem to fix", "%(count)s problems to fix", 1)
