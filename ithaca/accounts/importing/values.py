"""Reading one cell: e-mail addresses, names, grades and dates, each with its message."""

from __future__ import annotations

import datetime as dt
import re

EMAIL_RE = re.compile(r"^[^@\s,;:<>()\[\]\"']+@[^@\s,;:<>()\[\]\"']+\.[^@\s,;:<>()\[\]\"'.]{2,}$")
ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
DMY_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
SPACES_RE = re.compile(r"\s+")
GRADE_RE = re.compile(r"^(\d+)(?:\.0+)?$")
DATE_FORMATS = "YYYY-MM-DD (or DD/MM/YYYY)"

# The database's own limits, so a long cell is a message and not a failed write.
MAX_LENGTHS = {
    "email": 254,
    "first_name": 150,
    "last_name": 150,
    "department": 120,
    "job_title": 160,
}


class BadValue(ValueError):
    """A cell that cannot be used; the message is shown beside its row and column."""


def clean_text(value: str) -> str:
    return SPACES_RE.sub(" ", value).strip()


def parse_email(value: str) -> str:
    email = value.strip().lower()
    if email.startswith("mailto:"):
        email = email[len("mailto:") :]
    if not EMAIL_RE.match(email) or len(email) > MAX_LENGTHS["email"]:
        raise BadValue(f"{value.strip()!r} is not an e-mail address.")
    return email


def parse_grade(value: str) -> int | None:
    """Empty keeps the current grade (or the default for a new person)."""
    text = value.strip()
    if not text:
        return None
    match = GRADE_RE.match(text)
    grade = int(match.group(1)) if match else 0
    if not 1 <= grade <= 10:
        raise BadValue(f"The grade must be a whole number from 1 to 10; got {text!r}.")
    return grade


def parse_date(value: str) -> dt.date | None:
    """ISO dates, or day/month/year as most HR exports outside the US write them."""
    text = value.strip()
    if not text:
        return None
    iso, dmy = ISO_RE.match(text), DMY_RE.match(text)
    try:
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if dmy:
            return dt.date(int(dmy.group(3)), int(dmy.group(2)), int(dmy.group(1)))
    except ValueError:
        pass
    raise BadValue(f"Expected a date as {DATE_FORMATS}; got {text!r}.")


def split_name(value: str) -> tuple[str, str]:
    """'Ada Lovelace' -> ('Ada', 'Lovelace'); 'Lovelace, Ada' -> ('Ada', 'Lovelace')."""
    text = clean_text(value)
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    first, _, last = text.partition(" ")
    return first, last


def check_length(field: str, value: str) -> str:
    limit = MAX_LENGTHS.get(field)
    if limit is not None and len(value) > limit:
        raise BadValue(f"At most {limit} characters; this has {len(value)}.")
    return value
