"""Reading one cell: e-mail addresses, names, grades and dates, each with its message."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ithaca.accounts.importing.problems import english

EMAIL_RE = re.compile(r"^[^@\s,;:<>()\[\]\"']+@[^@\s,;:<>()\[\]\"']+\.[^@\s,;:<>()\[\]\"'.]{2,}$")
ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
DMY_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
SPACES_RE = re.compile(r"\s+")
GRADE_RE = re.compile(r"^(\d+)(?:\.0+)?$")

# The database's own limits, so a long cell is a message and not a failed write.
MAX_LENGTHS = {
    "email": 254,
    "first_name": 150,
    "last_name": 150,
    "department": 120,
    "job_title": 160,
}


class BadValue(ValueError):
    """A cell that cannot be used: a problem's code and values (importing/problems.py);
    `str()` is the English sentence."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(english(code, params))
        self.code, self.params = code, params


def clean_text(value: str) -> str:
    return SPACES_RE.sub(" ", value).strip()


def parse_email(value: str) -> str:
    email = value.strip().lower()
    if email.startswith("mailto:"):
        email = email[len("mailto:") :]
    if not EMAIL_RE.match(email) or len(email) > MAX_LENGTHS["email"]:
        raise BadValue("bad_email", value=value.strip())
    return email


def parse_grade(value: str) -> int | None:
    """Empty keeps the current grade (or the default for a new person)."""
    text = value.strip()
    if not text:
        return None
    match = GRADE_RE.match(text)
    grade = int(match.group(1)) if match else 0
    if not 1 <= grade <= 10:
        raise BadValue("bad_grade", value=text)
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
    raise BadValue("bad_date", value=text)


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
        raise BadValue("too_long", limit=limit, length=len(value))
    return value
