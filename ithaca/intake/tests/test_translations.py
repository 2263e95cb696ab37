"""The intake in the reader's language: the triage's reasons, parts and questions, the
note on which languages are read, and the command's JSON, while the person's own words
and the machine fields stay as they are."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import translation

from ithaca.accounts.tests.factories import UserFactory
from ithaca.intake import phrases
from ithaca.intake.services import intake_submit

pytestmark = pytest.mark.django_db

APP = Path(__file__).resolve().parents[1]
BOTH = (
    "I have just been promoted to lead a team of six and I struggle to delegate; I want to get "
    "better at it in the next three months. I'd also love someone who has been a manager here "
    "for years to talk about my longer-term career."
)


@pytest.fixture
def compiled(tmp_path: Path):
    """This app's catalogues compiled into a scratch folder that Django reads first."""
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt (GNU gettext) is needed to compile the catalogues")
    for po in (APP / "locale").glob("*/LC_MESSAGES/django.po"):
        target = tmp_path / po.relative_to(APP / "locale").with_suffix(".mo")
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["msgfmt", "--check", "-o", str(target), str(po)], check=True)
    with override_settings(LOCALE_PATHS=[str(tmp_path)]):
        yield


def _triage_templates() -> set[str]:
    """Every sentence template the triage builds a Phrase from, and its questions."""
    found: set[str] = set()
    for name in ("reasons.py", "model.py", "questions.py"):
        for node in ast.walk(ast.parse((APP / "triage" / name).read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") in {"P", "Phrase"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    from ithaca.intake.triage import QUESTIONS
    from ithaca.intake.triage.reasons import _MEANING, _PARTS

    found |= set(_MEANING.values()) | {t for parts in _PARTS.values() for t in parts}
    for question in QUESTIONS:
        found |= {question.prompt, *(label for _, label in question.choices)}
    return found


def test_every_triage_sentence_and_question_is_marked_for_translation() -> None:
    marked = set(phrases.SENTENCES) | set(phrases.QUESTIONS)
    missing = _triage_templates() - marked
    assert not missing, f"triage sentences without a translation entry: {sorted(missing)}"


def test_a_result_reads_in_german_with_the_persons_words_kept(compiled) -> None:
    author = UserFactory()
    intake = intake_submit(author=author, text=BOTH)
    assert intake.recommendation == "both"
    english_reasons = intake.result["reasons"]
    client = Client()
    client.force_login(author)
    with translation.override("de"):
        page = client.get(f"/intake/{intake.pk}/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Ein Coach und ein Mentor" in page and "Passende Programme" in page
    assert "Ihr Anliegen hat zwei Teile" in page
    assert "Coaching für den konkreten, zeitlich begrenzten Teil" in page
    # The person's words are quoted as they wrote them, inside German sentences.
    assert "struggle to delegate" in page
    for reason in english_reasons:
        assert reason not in page
    # The stored result itself stays English and machine-readable.
    assert intake.result["reasons"] == english_reasons and intake.result["phrases"]["reasons"]


def test_the_languages_note_reads_in_the_readers_language(compiled) -> None:
    intake = intake_submit(
        author=UserFactory(), text="私は日本語で書きます。仕事で成長したいです。" * 3
    )
    assert intake.result["language"] == "other"  # read in none of the four languages
    with translation.override("fr"):
        result = phrases.localized(intake.result)
    assert any("l'anglais, le français, l'espagnol et l'allemand" in r for r in result["reasons"])
    with translation.override("es"):
        other = phrases.localized(
            {
                "reasons": ["x"],
                "phrases": {
                    "reasons": [
                        {
                            "template": (
                                "Thank you for writing. The recommendation reads English, "
                                "French, Spanish and German, and what you wrote seems to be in "
                                "another language, so it cannot read it yet. You are very "
                                "welcome to write it again in one of those four languages."
                            ),
                            "params": {},
                        }
                    ]
                },
            }
        )
    assert other["reasons"][0].startswith("Gracias por escribir. La recomendación lee inglés")


def test_the_triage_command_prints_german_text_and_stable_machine_fields(compiled, capsys) -> None:
    with translation.override("en"):
        call_command("triage", BOTH, "--json")
    english = json.loads(capsys.readouterr().out)
    with translation.override("de"):
        call_command("triage", BOTH, "--json")
    german = json.loads(capsys.readouterr().out)
    for field in ("recommendation", "language", "modes", "next_step", "third_party", "scores"):
        assert german[field] == english[field]
    assert german["recommendation"] == "both"
    assert german["reasons"][0].startswith("Ihr Anliegen hat zwei Teile")
    assert german["coaching_part"].startswith("Coaching für den konkreten")
    assert german["reasons"] != english["reasons"]
    assert "phrases" not in german
