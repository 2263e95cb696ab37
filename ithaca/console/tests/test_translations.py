"""The console in the reader's language: the program page and a message read in German."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.utils import translation

from ithaca.console.stages import Stage
from ithaca.console.tests.factories import make_world

pytestmark = pytest.mark.django_db

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


def test_the_program_page_reads_in_german(compiled) -> None:
    world = make_world()
    client = Client()
    client.force_login(world.manager)
    with translation.override("de"):
        page = client.get(f"/console/programs/{world.program.slug}/", HTTP_ACCEPT_LANGUAGE="de")
        stage = Stage.WAITING.label
    assert page.status_code == 200
    text = page.content.decode()
    assert "Wo die Personen stehen" in text
    assert "Bewerbungen zur Entscheidung" in text
    assert "Wartet auf ein Matching" in text and stage == "Wartet auf ein Matching"
    assert "Where people are" not in text and "Applications to decide" not in text
    with translation.override("en"):
        assert Stage.WAITING.label == "Waiting for a match"


def test_a_decision_message_reads_in_german(compiled) -> None:
    world = make_world()
    client = Client()
    client.force_login(world.manager)
    participation = world.program.participations.get(user=world.applied)
    with translation.override("de"):
        response = client.post(
            f"/console/programs/{world.program.slug}/applications/{participation.pk}/approve/",
            HTTP_ACCEPT_LANGUAGE="de",
            follow=True,
        )
    assert f"{world.applied.display_name}: angenommen." in response.content.decode()


def test_what_ithaca_wrote_on_the_program_page_reads_in_the_managers_language() -> None:
    """An application made from an intake and an independence flag, in French."""
    from ithaca.programs.models import IndependenceFlag, Participation

    world = make_world()
    Participation.objects.filter(user=world.applied, program=world.program).update(
        application_note="Applied from an intake."
    )
    IndependenceFlag.objects.create(
        kind="mentoring",
        relationship_id=1,
        program=world.program,
        helper=world.mentor,
        seeker=world.applied,
        reasons="not_assessor",
    )
    client = Client()
    client.force_login(world.manager)
    page = client.get(f"/console/programs/{world.program.slug}/", HTTP_ACCEPT_LANGUAGE="fr")
    text = page.content.decode()
    assert "Candidature envoyée depuis une demande d&#x27;accompagnement." in text
    assert "le mentor évalue le travail du mentoré" in text
    assert "Applied from an intake." not in text and "not_assessor" not in text
    api = client.get(
        f"/api/v1/console/programs/{world.program.slug}/applications/", HTTP_ACCEPT_LANGUAGE="de"
    )
    assert api.status_code == 200
    body = api.json()
    rows = body["results"] if isinstance(body, dict) else body
    assert "Aus einer Bedarfsanalyse heraus beworben." in [r["application_note"] for r in rows]
