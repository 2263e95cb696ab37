"""Mentoring in German: pages, form errors, services' refusals and the mentor training
read in the catalogue's words once it is compiled (the .mo files are built at install
time, so these tests compile the German catalogue themselves)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation
from rest_framework.test import APIClient

from ithaca.accounts.models import Profile
from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import DomainError
from ithaca.mentoring import services
from ithaca.mentoring.forms import IntroductionForm, TrainingCheckForm
from ithaca.mentoring.models import TrainingModule
from ithaca.mentoring.tests.helpers import web
from ithaca.mentoring.training_text import BUILT_IN

pytestmark = pytest.mark.django_db

CATALOGUE = Path(__file__).resolve().parents[1] / "locale" / "de" / "LC_MESSAGES" / "django.po"


@pytest.fixture
def german(tmp_path: Path) -> Iterator[None]:
    """The mentoring catalogue compiled into a locale folder of its own, German active."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (GNU gettext) is needed to compile the catalogue")
    target = tmp_path / "de" / "LC_MESSAGES"
    target.mkdir(parents=True)
    subprocess.run([msgfmt, "--check", "-o", str(target / "django.mo"), str(CATALOGUE)], check=True)
    with (
        override_settings(LOCALE_PATHS=[str(tmp_path), *settings.LOCALE_PATHS]),
        translation.override("de"),
    ):
        yield


def test_the_agenda_reads_in_german_and_a_bad_meeting_time_is_refused_in_german(
    rel, german
) -> None:
    client = web(rel.mentee)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    page = client.get(f"/mentoring/{rel.pk}/s/agenda/", HTTP_ACCEPT_LANGUAGE="de")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Ihre Themen, in der Reihenfolge, in der Sie sie besprechen möchten." in body
    assert "Zur Themenliste hinzufügen" in body
    assert "Add to the agenda" not in body

    refused = client.post(
        f"/mentoring/{rel.pk}/meetings/",
        {"starts_at": "next Tuesday", "ends_at": "soon", "location": "Room 4"},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert refused.status_code == 400
    assert "Geben Sie ein Datum und eine Uhrzeit an, z. B. 2026-03-14 09:30." in (
        refused.content.decode()
    )
    assert not rel.meetings.exists()


def test_a_form_error_and_a_services_refusal_come_in_german(rel, german) -> None:
    form = IntroductionForm(data={"contact": "nobody@example.org", "reason": "Weil."})
    assert not form.is_valid()
    assert form.errors["contact"] == ["Niemand mit dieser E-Mail-Adresse nutzt Ithaca."]

    with pytest.raises(DomainError) as refused:
        services.topic_add(relationship=rel, user=rel.mentee, title="x" * 201)
    assert refused.value.message == "Das Thema darf höchstens 200 Zeichen haben (es hat 201)."


def test_ithacas_own_training_is_shown_in_german_but_an_edited_module_as_written(german) -> None:
    module = TrainingModule.objects.get(slug="listening-and-questions")
    shown = module.shown
    assert shown.title == "Zuhören und Fragen stellen"
    assert shown.paragraphs[0].startswith("Ein Mentee kommt mit einem Anliegen ins Gespräch.")
    assert shown.questions[0]["prompt"] == "Wer bestimmt die Themen in einer Mentoring-Beziehung?"
    assert shown.questions[0]["answer"] == module.questions[0]["answer"]
    form = TrainingCheckForm(module=module)
    assert form.fields["q0"].label == "Wer bestimmt die Themen in einer Mentoring-Beziehung?"

    module.title = "Listening, the way our hospital teaches it"
    module.body = module.body.replace("Put your phone away.", "Leave your pager outside.")
    assert module.shown.title == "Listening, the way our hospital teaches it"
    assert "Leave your pager outside." in module.shown.paragraphs[1]
    assert module.shown.paragraphs[0].startswith("Ein Mentee kommt")


def test_english_stays_the_source_text() -> None:
    module = TrainingModule.objects.get(slug="listening-and-questions")
    with translation.override("en"):
        assert module.shown.title == "Listening and asking questions"
        assert module.shown.paragraphs == module.paragraphs


def test_the_translatable_training_text_is_the_text_the_migration_ships() -> None:
    """training_text.py must follow the modules in the database word for word, or the
    training silently stays in English."""
    modules = list(TrainingModule.objects.order_by("position"))
    assert {m.slug for m in modules} == set(BUILT_IN)
    for module in modules:
        source = BUILT_IN[module.slug]
        assert module.title == source["title"]
        assert module.summary == source["summary"]
        assert module.paragraphs == source["paragraphs"]
        assert [q["prompt"] for q in module.questions] == [q["prompt"] for q in source["questions"]]
        assert [q["choices"] for q in module.questions] == [
            q["choices"] for q in source["questions"]
        ]


def test_the_training_api_speaks_the_token_callers_language_as_the_pages_do() -> None:
    user = UserFactory(password="a long enough password 42")
    Profile.objects.filter(user=user).update(interface_language="de")
    key = (
        APIClient()
        .post(
            "/api/v1/auth/token/",
            {"email": user.email, "password": "a long enough password 42"},
            format="json",
        )
        .json()["token"]
    )
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    module = TrainingModule.objects.get(slug="listening-and-questions")
    listed = client.get("/api/v1/mentoring/training/modules/").json()["results"]
    first = next(m for m in listed if m["slug"] == "listening-and-questions")
    assert first["title"] == "Zuhören und Fragen stellen"
    assert (first["position"], first["pass_mark"], first["passed"]) == (
        module.position,
        module.pass_mark,
        False,
    )
    detail = client.get("/api/v1/mentoring/training/modules/listening-and-questions/").json()
    assert detail["title"] == "Zuhören und Fragen stellen"
    assert detail["body"].startswith("Ein Mentee kommt mit einem Anliegen ins Gespräch.")
    assert detail["questions"][0]["prompt"] == (
        "Wer bestimmt die Themen in einer Mentoring-Beziehung?"
    )
    assert len(detail["questions"][0]["choices"]) == len(module.questions[0]["choices"])
    assert "answer" not in detail["questions"][0]
    # The answers keep the module's indexes: the right ones pass.
    answers = [q["answer"] for q in module.questions]
    attempt = client.post(
        "/api/v1/mentoring/training/modules/listening-and-questions/attempts/",
        {"answers": answers},
        format="json",
    )
    assert attempt.status_code == 201 and attempt.json()["passed"] is True
    english = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    english.force_authenticate(UserFactory())
    assert (
        english.get("/api/v1/mentoring/training/modules/listening-and-questions/").json()["title"]
        == "Listening and asking questions"
    )
