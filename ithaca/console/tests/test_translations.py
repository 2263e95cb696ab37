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
