"""The intake form, its result page, applying to programs, and who may read an intake."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from ithaca.accounts.tests.factories import UserFactory
from ithaca.intake.models import Intake, IntakeShare
from ithaca.intake.services import intake_apply, intake_submit
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import CoachingProgramFactory, ProgramFactory

pytestmark = pytest.mark.django_db
REPO_ROOT = Path(__file__).resolve().parents[3]

BOTH = (
    "I have just been promoted to lead a team of six and I struggle to delegate; I want to get "
    "better at it in the next three months. I'd also love someone who has been a manager here "
    "for years to talk about my longer-term career."
)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_form_offers_seven_skippable_questions() -> None:
    content = _client(UserFactory()).get("/intake/new/").content.decode()
    assert content.count("<legend>") >= 1 and "Skip this question" in content
    assert "Over what time frame" in content and "Whose idea" in content


def test_a_statement_is_saved_and_the_result_explains_both_parts() -> None:
    user = UserFactory()
    response = _client(user).post("/intake/new/", {"text": BOTH}, follow=True)
    intake = Intake.objects.get(author=user)
    assert intake.recommendation == "both"
    content = response.content.decode()
    assert "A coach and a mentor" in content
    assert "For a coach" in content and "For a mentor" in content
    assert "delegate" in content


def test_structured_answers_are_stored_as_given() -> None:
    user = UserFactory()
    _client(user).post(
        "/intake/new/",
        {"text": BOTH, "horizon": "months", "areas": ["career", "skill"], "agenda": ""},
    )
    assert Intake.objects.get(author=user).answers == {
        "horizon": ["months"],
        "areas": ["career", "skill"],
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "Tell us in a sentence or two"),
        ({"text": "   \n  "}, "Tell us in a sentence or two"),
        ({"text": "x" * 5001}, "at most 5000 characters"),
        ({"text": BOTH, "horizon": "decades"}, "Select a valid choice"),
        ({"text": BOTH, "areas": ["astrology"]}, "Select a valid choice"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(data: dict, message: str) -> None:
    response = _client(UserFactory()).post("/intake/new/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Intake.objects.exists()


def test_the_result_offers_open_programs_of_the_recommended_kinds() -> None:
    mentoring = ProgramFactory(name="Career mentoring")
    coaching = CoachingProgramFactory(name="New manager coaching", mode="leadership")
    closed = ProgramFactory(name="Closed circle", enrolment_open=False)
    user = UserFactory()
    intake = intake_submit(author=user, text=BOTH)
    content = _client(user).get(f"/intake/{intake.pk}/").content.decode()
    assert mentoring.name in content and coaching.name in content
    assert closed.name not in content
    assert content.index(coaching.name) < content.index(
        mentoring.name
    )  # leadership suggested first


def test_on_a_phone_each_program_that_fits_is_a_card_with_its_button() -> None:
    ProgramFactory(name="Career mentoring")
    user = UserFactory()
    intake = intake_submit(author=user, text=BOTH)
    content = _client(user).get(f"/intake/{intake.pk}/").content.decode()

    # The stylesheet turns a table of this class into one card per row below 768 px
    # (each cell under its column's name), so the join button is never scrolled away.
    table = content[content.index('<section aria-labelledby="fit">') :]
    assert '<table class="cards-on-phone">' in table
    assert 'data-label="Kind and mode"' in table
    assert "Request to join" in table


def test_one_click_request_to_join_creates_a_pending_participation() -> None:
    program = CoachingProgramFactory(mode="leadership")
    user = UserFactory()
    intake = intake_submit(author=user, text=BOTH)
    _client(user).post(f"/intake/{intake.pk}/apply/", {"program": program.slug})
    participation = Participation.objects.get(program=program, user=user)
    assert (participation.role, participation.state) == ("seeker", "pending")
    assert not IntakeShare.objects.exists()


def test_an_intake_is_private_to_its_author() -> None:
    author, stranger = UserFactory(), UserFactory()
    intake = intake_submit(author=author, text=BOTH)
    assert _client(author).get(f"/intake/{intake.pk}/").status_code == 200
    assert _client(stranger).get(f"/intake/{intake.pk}/").status_code == 404


def test_a_program_manager_reads_it_only_when_the_seeker_applied_and_shared() -> None:
    program = CoachingProgramFactory(mode="leadership")
    manager, other_manager = UserFactory(), UserFactory()
    program.managers.add(manager)
    CoachingProgramFactory().managers.add(other_manager)
    author = UserFactory()
    intake = intake_submit(author=author, text=BOTH)
    assert _client(manager).get(f"/intake/{intake.pk}/").status_code == 404
    intake_apply(intake=intake, program=program, share=False)
    assert _client(manager).get(f"/intake/{intake.pk}/").status_code == 404
    IntakeShare.objects.create(intake=intake, program=program)
    response = _client(manager).get(f"/intake/{intake.pk}/")
    assert response.status_code == 200 and b"chose to share this intake" in response.content
    assert _client(other_manager).get(f"/intake/{intake.pk}/").status_code == 404


def test_a_manager_cannot_use_the_apply_button_on_a_shared_intake() -> None:
    program = CoachingProgramFactory(mode="leadership")
    manager = UserFactory()
    program.managers.add(manager)
    intake = intake_submit(author=UserFactory(), text=BOTH)
    intake_apply(intake=intake, program=program, share=True)
    response = _client(manager).post(f"/intake/{intake.pk}/apply/", {"program": program.slug})
    assert response.status_code == 404


def test_the_list_shows_only_my_intakes(django_assert_max_num_queries) -> None:
    me = UserFactory()
    for _ in range(5):
        intake_submit(author=me, text=BOTH)
    intake_submit(author=UserFactory(), text="Someone else's private words about burnout.")
    client = _client(me)
    with django_assert_max_num_queries(5):
        content = client.get("/intake/").content.decode()
    assert content.count("/intake/") >= 5 and "private words" not in content


def test_the_home_page_lists_my_intakes() -> None:
    me = UserFactory()
    intake_submit(author=me, text=BOTH)
    assert "Your intakes" in _client(me).get("/").content.decode()


def test_the_triage_command_prints_the_result_as_json(capsys) -> None:
    ProgramFactory(name="Career mentoring")
    call_command("triage", BOTH, "--json")
    result = json.loads(capsys.readouterr().out)
    assert result["recommendation"] == "both"
    assert {"confidence", "reasons", "modes", "programs"} <= set(result)
    assert [p["name"] for p in result["programs"]] == ["Career mentoring"]


def test_the_triage_command_takes_structured_answers(capsys) -> None:
    call_command("triage", "I want to get better.", "--answer", "horizon=weeks",
                 "--answer", "specific=skill", "--answer", "areas=skill")  # fmt: skip
    assert json.loads(capsys.readouterr().out)["recommendation"] == "coaching"


@pytest.mark.parametrize(
    ("args", "message"),
    [(["   "], "Tell us"), (["Help me grow", "--answer", "horizon=eons"], "Unknown answer")],
)
def test_the_triage_command_explains_bad_input(args: list[str], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("triage", *args)


def test_the_triage_command_refuses_whitespace_with_exit_code_2() -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", "triage", " \n\t ", "--json"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 2
    assert done.stdout == ""
    assert "Tell us in a sentence or two" in done.stderr


def test_the_triage_command_recommends_before_any_database_exists(tmp_path) -> None:
    # A fresh checkout before `migrate`: the recommendation needs no database; the programs
    # that fit cannot be listed, and stderr says why.
    empty = tmp_path / "never-migrated.sqlite3"
    done = subprocess.run(
        [sys.executable, "manage.py", "triage", BOTH, "--json"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "DEBUG": "true", "DATABASE_URL": f"sqlite:///{empty}"},
    )

    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["recommendation"] == "both"
    assert result["programs"] == []
    assert "manage.py migrate" in done.stderr


@pytest.mark.parametrize("text", ["", "   "])
def test_the_triage_command_gives_empty_text_the_usage_error_code(text: str) -> None:
    with pytest.raises(CommandError) as error:
        call_command("triage", text, "--json")

    assert error.value.returncode == 2


@pytest.mark.parametrize(
    ("text", "language", "recommendation"),
    [
        ("Je dois présenter le budget au conseil le 15 octobre.", "fr", "coaching"),
        ("Mi jefa me apuntó a este programa, no sé por qué.", "es", "unclear"),
        ("Vorrei un mentor per la mia carriera.", "other", "unclear"),
    ],
)
def test_the_triage_command_prints_the_language(
    capsys, text: str, language: str, recommendation: str
) -> None:
    call_command("triage", text, "--json")

    result = json.loads(capsys.readouterr().out)
    assert result["language"] == language
    assert result["recommendation"] == recommendation


def test_a_statement_written_for_someone_else_offers_the_referral_flow() -> None:
    me = UserFactory()
    response = _client(me).post(
        "/intake/new/",
        {"text": "My whole team needs coaching on communication, can you enrol all of them?"},
    )
    page = _client(me).get(response["Location"]).content.decode()

    assert "This is written for someone else" in page
    assert 'href="/intake/referrals/"' in page
    assert "Programs that fit" not in page


def test_a_request_to_read_sessions_is_answered_with_confidentiality() -> None:
    me = UserFactory()
    response = _client(me).post(
        "/intake/new/",
        {"text": "As her line manager I'd like to read the notes of her coaching sessions."},
    )
    page = _client(me).get(response["Location"]).content.decode()

    assert "Sessions are confidential" in page
    assert "never what is said in sessions" in page
