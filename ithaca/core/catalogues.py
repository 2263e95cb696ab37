"""The translation catalogues: where they are, what they hold, compiling them.

Pure Python over the files (no Django), used by `scripts/check_translations.py`
(CI) and by the test run, which compiles a catalogue whose .po is newer than its
.mo so a fresh checkout's tests see the translations. Each app keeps its own
catalogue in `ithaca/<app>/locale/<lang>/LC_MESSAGES/django.po`; the project's
templates and settings keep theirs in `locale/` (docs/translation.md).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = ("fr", "es", "de")  # English is the source


@dataclass
class Entry:
    """One message of a .po file: its key (context and id), translations and flags."""

    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())


def _unquote(text: str) -> str:
    body = text.strip()
    if len(body) < 2 or body[0] != '"' or body[-1] != '"':
        raise ValueError(f"not a quoted PO string: {text!r}")
    out, chars = [], iter(body[1:-1])
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
    for char in chars:
        if char == "\\":
            nxt = next(chars, "")
            out.append(escapes.get(nxt, "\\" + nxt))
        else:
            out.append(char)
    return "".join(out)


def parse_po(text: str) -> list[Entry]:
    """Every entry of a .po file, the header (msgid "") included, in order."""
    entries: list[Entry] = []
    entry = Entry()
    target: tuple[str, int] | None = None
    started = False

    def finish() -> None:
        nonlocal entry, started, target
        if started:  # else keep the comments and flags read so far for the next entry
            entries.append(entry)
            entry, started, target = Entry(), False, None

    for raw in text.splitlines():
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line:
            finish()
            continue
        if line.startswith("#,"):
            if started and target and target[0] == "msgstr":
                finish()
            entry.flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
            continue
        if line.startswith("#"):
            if started and target and target[0] == "msgstr":
                finish()
            continue
        if line.startswith('"'):
            if target is None:
                raise ValueError(f"a continued string outside an entry: {raw!r}")
            _append(entry, target, _unquote(line))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "msgctxt" or (keyword == "msgid" and target and target[0] == "msgstr"):
            finish()
        started = True
        entry.obsolete = entry.obsolete or obsolete
        if keyword.startswith("msgstr["):
            target = ("msgstr", int(keyword[7:-1]))
        elif keyword in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
            target = (keyword, 0)
        else:
            raise ValueError(f"unknown PO line: {raw!r}")
        _set(entry, target, _unquote(rest))
    finish()
    return entries


def _set(entry: Entry, target: tuple[str, int], value: str) -> None:
    name, index = target
    if name == "msgstr":
        entry.msgstr[index] = value
    else:
        setattr(entry, name, value)


def _append(entry: Entry, target: tuple[str, int], value: str) -> None:
    name, index = target
    if name == "msgstr":
        entry.msgstr[index] = entry.msgstr.get(index, "") + value
    else:
        setattr(entry, name, (getattr(entry, name) or "") + value)


def messages(path: Path) -> dict[tuple[str | None, str], Entry]:
    """The live messages of a catalogue by key (the header and obsolete ones left out)."""
    entries = parse_po(path.read_text(encoding="utf-8"))
    return {e.key: e for e in entries if e.msgid and not e.obsolete}


def source_dirs(root: Path = ROOT) -> list[Path]:
    """Where makemessages runs, one catalogue each: the root (templates/, config/)
    and every app of ithaca/ that holds Python files."""
    apps = sorted(p.parent for p in (root / "ithaca").glob("*/apps.py"))
    return [root, *apps]


def catalogue(source: Path, language: str) -> Path:
    return source / "locale" / language / "LC_MESSAGES" / "django.po"


def po_files(root: Path = ROOT) -> list[Path]:
    """Every committed catalogue of every language."""
    found = [*(root / "locale").glob("*/LC_MESSAGES/*.po")]
    found += (root / "ithaca").glob("*/locale/*/LC_MESSAGES/*.po")
    return sorted(found)


def compile_stale(root: Path = ROOT) -> list[Path]:
    """Compile each .po whose .mo is missing or older; the ones compiled. Nothing when
    gettext's msgfmt is not installed (the translations then stay English)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return []
    done = []
    for po in po_files(root):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        # A catalogue msgfmt refuses is left uncompiled; its test says why.
        result = subprocess.run([msgfmt, "--check", "-o", str(mo), str(po)], capture_output=True)
        if result.returncode == 0:
            done.append(po)
    return done
