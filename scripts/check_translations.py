#!/usr/bin/env python3
"""Fail when a translation catalogue is behind the code or incomplete (CI, `make lint`).

1. makemessages runs for every catalogue (the root for templates/ and config/,
   then each app from inside its directory, as docs/translation.md says) in a
   temporary copy of the tree; a message it would add that a committed fr, es or
   de catalogue lacks is an error: someone marked a string and did not run it.
2. Every committed fr, es and de catalogue has no untranslated and no fuzzy entry.
3. Every catalogue compiles with `msgfmt --check` (placeholders match the source).
4. No message (same msgid, same context) is translated differently by two
   catalogues of one language: Django merges them into one catalogue per
   language, so only one of the translations would ever be shown, everywhere.
   Give the message a context (pgettext) where the meanings differ, or the
   same wording in every catalogue where they do not.

Usage: DEBUG=true .venv/bin/python scripts/check_translations.py [--skip-makemessages]
Needs GNU gettext (xgettext, msgmerge, msgfmt).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ithaca.core.catalogues import (  # noqa: E402
    TRANSLATED,
    catalogue,
    messages,
    po_files,
    source_dirs,
)

# What makemessages reads, per I18N conventions: no tests, no migrations.
COMMON = ["--add-location=file", "--no-obsolete", "-e", "html,txt,py", "-v", "0"]
APP_IGNORES = ["-i", "tests/*", "-i", "migrations/*"]
# At the root only templates/, config/ and the top-level files are the project's own.
ROOT_IGNORES = [
    *("-i", "ithaca", "-i", ".venv", "-i", "node_modules", "-i", "var", "-i", "static"),
    *("-i", "tests", "-i", "benchmarks", "-i", "docs", "-i", "scripts", "-i", "build"),
    *("-i", "test-results", "-i", "*/tests/*"),
]
COPIED = ["manage.py", "config", "ithaca", "templates", "locale"]


def copy_tree(into: Path) -> None:
    skip = shutil.ignore_patterns("*.mo", "__pycache__", "*.pyc")
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, into / name, ignore=skip, symlinks=True)
        elif src.exists():
            shutil.copy2(src, into / name)


def run_makemessages(copy: Path, source: Path) -> None:
    (source / "locale").mkdir(exist_ok=True)
    ignores = ROOT_IGNORES if source == copy else APP_IGNORES
    command = [sys.executable, str(copy / "manage.py"), "makemessages", "-l", "fr"]
    env = {**os.environ, "DEBUG": "true", "PYTHONDONTWRITEBYTECODE": "1"}
    subprocess.run([*command, *COMMON, *ignores], cwd=source, env=env, check=True)


def missing_messages(
    only: list[str] | None = None, prepare: Callable[[Path], None] | None = None
) -> list[str]:
    """Messages makemessages would add to a committed catalogue (or a catalogue to make).

    `only` limits the run to these source directories ("." for the root,
    "ithaca/sso"); `prepare` may change the temporary copy first (tests do).
    """
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ithaca-i18n-") as tmp:
        copy = Path(tmp)
        copy_tree(copy)
        if prepare is not None:
            prepare(copy)
        for source in source_dirs(copy):
            relative = source.relative_to(copy)
            if only is not None and str(relative) not in only:
                continue
            run_makemessages(copy, source)
            generated = catalogue(source, "fr")
            if generated.exists():
                problems += _compare(messages(generated), ROOT / relative)
    return problems


def _compare(wanted: dict[tuple[str | None, str], Any], original: Path) -> list[str]:
    problems = []
    for language in TRANSLATED:
        committed = catalogue(original, language)
        where = committed.relative_to(ROOT)
        if not committed.exists():
            problems.append(f"{where}: missing; {len(wanted)} messages to translate")
            continue
        have = messages(committed)
        new = [key for key in wanted if key not in have]
        for context, msgid in new[:10]:
            shown = f"{context} | {msgid}" if context else msgid
            problems.append(f"{where}: not in the catalogue: {shown!r}")
        if len(new) > 10:
            problems.append(f"{where}: ... and {len(new) - 10} more")
    return problems


def incomplete_entries(files: list[Path]) -> list[str]:
    problems = []
    for path in files:
        if path.parent.parent.name not in TRANSLATED:
            continue
        for entry in messages(path).values():
            where = f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
            if entry.fuzzy:
                problems.append(f"{where}: fuzzy: {entry.msgid!r}")
            elif not entry.translated:
                problems.append(f"{where}: untranslated: {entry.msgid!r}")
    return problems


def compile_errors(files: list[Path]) -> list[str]:
    problems = []
    for path in files:
        result = subprocess.run(
            ["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True
        )
        if result.returncode:
            problems.append(f"{path}: msgfmt --check failed:\n{result.stderr.strip()}")
    return problems


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def conflicting_translations(files: list[Path]) -> list[str]:
    """Messages two catalogues of one language translate differently (same msgid and context)."""
    found: dict[tuple[str, str | None, str], dict[tuple[str, ...], list[Path]]] = {}
    for path in files:
        language = path.parent.parent.name
        if language not in TRANSLATED:
            continue
        for (context, msgid), entry in messages(path).items():
            if entry.fuzzy or not entry.translated:
                continue  # reported as incomplete
            translation = tuple(entry.msgstr[i] for i in sorted(entry.msgstr))
            found.setdefault((language, context, msgid), {}).setdefault(translation, []).append(
                path
            )
    problems = []
    for (language, context, msgid), translations in sorted(
        found.items(), key=lambda item: (item[0][0], item[0][1] or "", item[0][2])
    ):
        if len(translations) < 2:
            continue
        shown = f"{context} | {msgid}" if context else msgid
        variants = "; ".join(
            f"{' / '.join(translation)!r} in {', '.join(_shown(p) for p in paths)}"
            for translation, paths in translations.items()
        )
        problems.append(f"{language}: {shown!r} translated differently: {variants}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--skip-makemessages", action="store_true", help="only check the committed catalogues"
    )
    parser.add_argument("files", nargs="*", type=Path, help="check only these .po files")
    args = parser.parse_args(argv)
    if shutil.which("msgfmt") is None:
        print("msgfmt is missing: install GNU gettext (apt-get install gettext)", file=sys.stderr)
        return 2
    files = [f.resolve() for f in args.files] or po_files(ROOT)
    problems = incomplete_entries(files) + compile_errors(files) + conflicting_translations(files)
    if not args.skip_makemessages and not args.files:
        problems = missing_messages() + problems
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(
            f"\n{len(problems)} translation problem(s). docs/translation.md says how to "
            "update a catalogue (makemessages from inside the app) and translate it, "
            "and what to do when two catalogues translate a message differently.",
            file=sys.stderr,
        )
        return 1
    print(f"{len(files)} catalogues complete and up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
