"""Matching in the reader's language: every engine sentence is marked for translation,
stored breakdowns are rendered again in German, and a page reads in German."""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.utils import translation

from ithaca.matching import phrases
from ithaca.matching.engine import Helper, Program, Seeker, check_rules, score_pair
from ithaca.matching.explain import breakdown_json, localized_breakdown, refusal
from ithaca.matching.tests.factories import ProgramFactory, helper, seeker

APP = Path(__file__).resolve().parents[1]


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


def _engine_templates() -> set[str]:
    """Every sentence template the engine builds a Phrase from."""
    found: set[str] = set()
    for path in (APP / "engine").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if "%(" in text or text.startswith("This program does not require"):
                    found.add(text)
    return found


def _marked_in_phrases() -> set[str]:
    """Every string phrases.py hands to gettext_noop or ngettext_lazy (what makemessages reads)."""
    marked: set[str] = set()
    for node in ast.walk(ast.parse((APP / "phrases.py").read_text())):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {
            "gettext_noop",
            "ngettext_lazy",
        }:
            marked |= {a.value for a in node.args[:2] if isinstance(a, ast.Constant)}
    return marked


def test_every_engine_sentence_is_marked_for_translation() -> None:
    missing = _engine_templates() - _marked_in_phrases()
    assert not missing, f"engine sentences without a translation entry: {sorted(missing)}"


SAM = Seeker(
    id=1,
    name="Sam",
    languages=frozenset({"fr"}),
    interests=frozenset({"running", "chess"}),
)
ALEX = Helper(
    id=2,
    name="Alex",
    capacity=0,
    languages=frozenset({"fr"}),
    interests=frozenset({"running", "chess"}),
    trained=True,
)


def test_a_stored_explanation_reads_in_german_and_stays_english_in_english(compiled) -> None:
    program = Program(kind="mentoring")
    checks = check_rules(SAM, ALEX, program)
    stored = breakdown_json(score_pair(SAM, ALEX, program), checks)
    interests = next(f for f in stored["factors"] if f["factor"] == "shared_interests")
    assert interests["explanation"] == "Alex and Sam share 2 interests: chess, running"
    # Counted sentences are stored with their singular template, the key of their plural entry.
    assert interests["phrase"]["template"] in phrases.COUNTED

    with translation.override("de"):
        german = localized_breakdown(stored)
        why_not = refusal(checks, score_pair(SAM, ALEX, program))
    factor = next(f for f in german["factors"] if f["factor"] == "shared_interests")
    assert factor["label"] == "Gemeinsame Interessen"
    assert factor["explanation"] == "Alex und Sam teilen 2 Interessen: chess, running"
    language = next(r for r in german["rules"] if r["rule"] == "shared_language")
    assert language["explanation"] == "Alex spricht Französisch mit Sam"
    assert why_not == "Dieses Tandem kann nicht vorgeschlagen werden: Alex hat keine freien Plätze."

    with translation.override("en"):
        english = localized_breakdown(stored)
    assert english["factors"] == stored["factors"]  # English reads as the engine wrote it


@pytest.mark.django_db
def test_the_candidates_page_reads_in_german(compiled) -> None:
    program = ProgramFactory(slug="scheme", enrolment_open=False)
    mentee = seeker(program, languages=["en"])
    mentor = helper(program, languages=["en"])
    client = Client()
    client.force_login(mentee)
    with translation.override("de"):
        page = client.get("/matching/scheme/candidates/", HTTP_ACCEPT_LANGUAGE="de")
    assert page.status_code == 200
    text = page.content.decode()
    assert mentor.display_name in text
    assert "Ihre Vorschläge" in text
    assert "Geprüfte verbindliche Regeln" in text
    assert f"{mentor.first_name} bitten, Ihr Mentor zu sein" in text
    assert "spricht Englisch mit" in text
    assert "Your candidates" not in text and "Hard rules checked" not in text
