"""Turn an uploaded file into text, and text into a header and rows.

CSV must be UTF-8 (with or without a byte-order mark) or UTF-16 with one;
anything else gets a message that says how to save it, never a guess that
would garble names. XLSX is read with openpyxl and kept as CSV text, so the
rest of the import only ever sees one format.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_lazy

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
SAVE_AS = gettext_lazy(
    "Save it from your spreadsheet as “CSV UTF-8” (or as .xlsx) and upload it again."
)


def _with_advice(problem: str) -> str:
    """A problem's sentence, then how to save the file (two sentences, each translated)."""
    return f"{problem} {SAVE_AS}"


class FileProblem(Exception):
    """The file as a whole cannot be read; `message` says what to do about it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_upload(data: bytes, filename: str) -> tuple[str, str]:
    """Return (kind, text) for an uploaded CSV or XLSX file."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise FileProblem(
            gettext(
                "The file is %(size)s MB; the limit is %(limit)s MB. Split it into smaller files."
            )
            % {
                "size": number_format(len(data) / 1024 / 1024, 1),
                "limit": MAX_UPLOAD_BYTES // 1024 // 1024,
            }
        )
    if not data.strip():
        raise FileProblem(gettext("The file is empty."))
    if data.startswith(ZIP_MAGIC):
        return "xlsx", _xlsx_to_csv(data)
    if filename.lower().endswith((".xls", ".xlsm", ".ods", ".numbers")):
        raise FileProblem(
            _with_advice(
                gettext("%(filename)s is not a format Ithaca reads.") % {"filename": filename}
            )
        )
    return "csv", _decode(data)


def _decode(data: bytes) -> str:
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(_with_advice(gettext("The file is not UTF-8 text."))) from None
    if "\x00" in text:
        raise FileProblem(_with_advice(gettext("The file looks binary, not like CSV text.")))
    return text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_to_csv(data: bytes) -> str:
    from openpyxl import load_workbook  # imported here: only XLSX uploads need it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise FileProblem(_with_advice(gettext("The spreadsheet could not be read."))) from None
    try:
        sheet = book.worksheets[0]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for row in sheet.iter_rows(values_only=True):
            writer.writerow([_cell(value) for value in row])
    finally:
        book.close()
    return out.getvalue()


def _delimiter(text: str) -> str:
    """The commonest of , ; tab | in the header line: European exports often use ;.

    csv.Sniffer is not used: from one line it also guesses quoting, and guesses
    it wrong for quoted names that contain a comma.
    """
    first_line = text.split("\n", 1)[0]
    counts = {sep: first_line.count(sep) for sep in ",;\t|"}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def read_rows(text: str) -> tuple[list[str], list[list[str]]]:
    """The header and the data rows; rows keep their position so row numbers stay true."""
    try:
        reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
        rows = list(reader)
    except csv.Error as exc:
        message = gettext("The CSV could not be read (%(error)s).") % {"error": exc}
        raise FileProblem(_with_advice(message)) from None
    if not rows:
        raise FileProblem(gettext("The file is empty."))
    return rows[0], rows[1:]
