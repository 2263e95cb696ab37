"""The translation catalogues: read correctly, complete, compiling, and checked by CI."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

from ithaca.core.catalogues import ROOT, TRANSLATED, messages, parse_po, po_files

needs_gettext = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext missing")

HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""


def _script():
    spec = importlib.util.spec_from_file_location(
        "check_translations", ROOT / "scripts" / "check_translations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _catalogue(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "de" / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    path.write_text(HEADER + "\n" + body, encoding="utf-8")
    return path


def test_the_reader_knows_contexts_plurals_continued_lines_and_flags() -> None:
    entries = parse_po(
        HEADER
        + """
#: a.py
#, python-format
msgctxt "button"
msgid ""
"Accept %(name)s"
" now"
msgstr "%(name)s \\"annehmen\\""

#, fuzzy
msgid "one"
msgid_plural "many"
msgstr[0] "eins"
msgstr[1] ""

#~ msgid "gone"
#~ msgstr "weg"
"""
    )
    header, accept, plural, gone = entries
    assert header.msgid == "" and "Plural-Forms" in header.msgstr[0]
    assert accept.key == ("button", "Accept %(name)s now")
    assert accept.msgstr == {0: '%(name)s "annehmen"'} and accept.translated
    assert "python-format" in accept.flags and not accept.fuzzy
    assert plural.fuzzy and plural.msgid_plural == "many" and not plural.translated
    assert gone.obsolete


@needs_gettext
def test_the_check_fails_on_a_fuzzy_entry(tmp_path: Path, capsys) -> None:
    path = _catalogue(tmp_path, '#, fuzzy\nmsgid "Save"\nmsgstr "Speichern"\n')
    assert _script().main([str(path)]) == 1
    assert "fuzzy: 'Save'" in capsys.readouterr().err


@needs_gettext
def test_the_check_fails_on_an_untranslated_entry_or_plural_form(tmp_path: Path, capsys) -> None:
    path = _catalogue(
        tmp_path,
        'msgid "Save"\nmsgstr ""\n\n'
        'msgid "%(n)s place"\nmsgid_plural "%(n)s places"\n'
        'msgstr[0] "%(n)s Platz"\nmsgstr[1] ""\n',
    )
    assert _script().main([str(path)]) == 1
    err = capsys.readouterr().err
    assert "untranslated: 'Save'" in err and "untranslated: '%(n)s place'" in err


@needs_gettext
def test_the_check_fails_when_a_placeholder_is_lost(tmp_path: Path, capsys) -> None:
    path = _catalogue(
        tmp_path, '#, python-format\nmsgid "Hello %(name)s"\nmsgstr "Hallo zusammen"\n'
    )
    assert _script().main([str(path)]) == 1
    assert "msgfmt --check failed" in capsys.readouterr().err


@needs_gettext
def test_the_check_fails_when_two_catalogues_of_a_language_disagree(tmp_path: Path, capsys) -> None:
    audit = _catalogue(
        tmp_path / "audit",
        'msgid "Record"\nmsgstr "Datensatz"\n\nmsgid "Save"\nmsgstr "Speichern"\n',
    )
    coaching = _catalogue(
        tmp_path / "coaching",
        'msgid "Record"\nmsgstr "Erfassen"\n\nmsgid "Save"\nmsgstr "Speichern"\n',
    )
    assert _script().main([str(audit), str(coaching)]) == 1
    err = capsys.readouterr().err
    assert "de: 'Record' translated differently: 'Datensatz' in " in err
    assert f"{audit}" in err and f"{coaching}" in err and "'Save'" not in err


@needs_gettext
def test_the_check_accepts_one_msgid_with_two_contexts_or_in_two_languages(
    tmp_path: Path,
) -> None:
    audit = _catalogue(tmp_path / "audit", 'msgid "Record"\nmsgstr "Datensatz"\n')
    coaching = _catalogue(
        tmp_path / "coaching", 'msgctxt "verb"\nmsgid "Record"\nmsgstr "Erfassen"\n'
    )
    french = tmp_path / "coaching" / "fr" / "LC_MESSAGES" / "django.po"
    french.parent.mkdir(parents=True)
    french.write_text(HEADER + '\nmsgid "Record"\nmsgstr "Enregistrement"\n', encoding="utf-8")
    assert _script().main([str(audit), str(coaching), str(french)]) == 0


@needs_gettext
def test_the_check_passes_a_complete_catalogue(tmp_path: Path) -> None:
    path = _catalogue(
        tmp_path, '#, python-format\nmsgid "Hello %(name)s"\nmsgstr "Hallo %(name)s"\n'
    )
    assert _script().main([str(path)]) == 0


@needs_gettext
@pytest.mark.parametrize("path", po_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_committed_catalogue_compiles_with_msgfmt_check(path: Path) -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", po_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_committed_catalogue_is_complete(path: Path) -> None:
    assert path.parent.parent.name in TRANSLATED, "English is the source: no en catalogue"
    problems = [e.msgid for e in messages(path).values() if e.fuzzy or not e.translated]
    assert problems == []


@needs_gettext
def test_the_check_fails_on_a_marked_string_the_catalogue_lacks() -> None:
    def mark_a_new_string(copy: Path) -> None:
        (copy / "ithaca" / "sso" / "brand_new.py").write_text(
            "from django.utils.translation import gettext_lazy as _\n"
            'NEW = _("A sentence nobody translated yet")\n'
        )

    problems = _script().missing_messages(only=["ithaca/sso"], prepare=mark_a_new_string)
    assert problems == [
        f"ithaca/sso/locale/{language}/LC_MESSAGES/django.po: not in the catalogue: "
        "'A sentence nobody translated yet'"
        for language in TRANSLATED
    ]
