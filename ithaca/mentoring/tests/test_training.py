"""Mentor training: five modules with checks; completion lets a mentor be matched."""

from __future__ import annotations

import pytest
from django.utils import timezone

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import DomainError
from ithaca.mentoring import services
from ithaca.mentoring.models import TrainingAttempt, TrainingCompletion, TrainingModule
from ithaca.mentoring.periodic import record_mentor_training
from ithaca.mentoring.tests.helpers import api, web
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import ParticipationFactory, make_pair

pytestmark = pytest.mark.django_db


def _right(module: TrainingModule) -> list[int]:
    return [question["answer"] for question in module.questions]


def _wrong(module: TrainingModule) -> list[int]:
    return [(question["answer"] + 1) % len(question["choices"]) for question in module.questions]


def test_there_are_five_modules_in_plain_words_with_short_checks() -> None:
    modules = list(TrainingModule.objects.order_by("position"))
    assert [m.slug for m in modules] == [
        "listening-and-questions", "sharing-experience", "opening-doors",
        "confidentiality-and-boundaries", "ending-well",
    ]  # fmt: skip
    for module in modules:
        assert 150 <= len(module.body.split()) <= 400, module.slug
        assert 3 <= len(module.questions) <= 5, module.slug
        assert 1 <= module.pass_mark <= 100
        for question in module.questions:
            assert 0 <= question["answer"] < len(question["choices"])
    assert "assess" in TrainingModule.objects.get(slug="confidentiality-and-boundaries").body


def test_right_answers_pass_and_record_the_module() -> None:
    user, module = UserFactory(), TrainingModule.objects.get(slug="opening-doors")
    attempt = services.training_submit(user=user, module=module, answers=_right(module))
    assert attempt.passed and attempt.correct == attempt.total
    assert TrainingCompletion.objects.filter(user=user, module=module).exists()


def test_the_pass_mark_is_set_per_module() -> None:
    user = UserFactory()
    strict = TrainingModule.objects.get(slug="opening-doors")  # 100%
    answers = _right(strict)
    answers[0] = _wrong(strict)[0]
    assert not services.training_submit(user=user, module=strict, answers=answers).passed
    lenient = TrainingModule.objects.get(slug="ending-well")  # 2 of 3 will do
    answers = _right(lenient)
    answers[0] = _wrong(lenient)[0]
    assert services.training_submit(user=user, module=lenient, answers=answers).passed


@pytest.mark.parametrize("answers", [[0], [0, 0, 0, 0, 0, 0], [0, 0, 9], [0, "a", 0], [True, 0, 0]])
def test_malformed_answers_are_refused_and_nothing_is_saved(answers) -> None:
    module = TrainingModule.objects.get(slug="opening-doors")
    with pytest.raises(DomainError):
        services.training_submit(user=UserFactory(), module=module, answers=answers)
    assert not TrainingAttempt.objects.exists()


def test_completing_every_module_marks_the_mentor_roles_trained() -> None:
    mentor = ParticipationFactory(role="mentor").user
    for module in TrainingModule.objects.all():
        services.training_submit(user=mentor, module=module, answers=_right(module))
    assert Participation.objects.get(user=mentor).training_completed_at is not None


def test_an_untrained_mentor_is_shown_what_to_complete_and_then_matched() -> None:
    program, mentor, mentee = make_pair("mentoring", requires_training=True)
    with pytest.raises(DomainError, match="mentor training"):
        services.mentoring_propose(
            program=program, mentor=mentor, mentee=mentee, proposed_by=mentee
        )
    page = web(mentor).get("/mentoring/training/").content.decode()
    assert program.name in page and "Listening and asking questions" in page
    assert "/mentoring/training/reminder/" in web(mentor).get("/").content.decode()
    reminder = web(mentor).get("/mentoring/training/reminder/").content.decode()
    assert program.name in reminder and "Mentor training" in reminder
    client = web(mentor)
    for module in TrainingModule.objects.all():
        data = {f"q{i}": answer for i, answer in enumerate(_right(module))}
        response = client.post(f"/mentoring/training/{module.slug}/", data)
        assert response.status_code == 200 and b"You passed" in response.content
    assert b"completed the mentor training" in client.get("/mentoring/training/").content
    rel = services.mentoring_propose(
        program=program, mentor=mentor, mentee=mentee, proposed_by=mentee
    )
    assert rel.status == "proposed"


def test_an_unanswered_check_shows_errors_inline() -> None:
    response = web(UserFactory()).post("/mentoring/training/ending-well/", {"q0": "1"})
    assert response.status_code == 400 and b"Choose an answer." in response.content
    assert not TrainingAttempt.objects.exists()


def test_a_mentor_role_taken_up_after_the_training_is_marked_by_the_periodic_job() -> None:
    user = UserFactory()
    for module in TrainingModule.objects.all():
        services.training_submit(user=user, module=module, answers=_right(module))
    late = ParticipationFactory(user=user, role="mentor")
    assert late.training_completed_at is None
    assert record_mentor_training(now=timezone.now()) == {"marked trained": 1}
    assert record_mentor_training(now=timezone.now()) == {"marked trained": 0}
    late.refresh_from_db()
    assert late.training_completed_at is not None


def test_the_api_never_reveals_the_answers() -> None:
    client = api(UserFactory())
    body = client.get("/api/v1/mentoring/training/modules/opening-doors/").json()
    assert body["questions"] and all(set(q) == {"prompt", "choices"} for q in body["questions"])
    module = TrainingModule.objects.get(slug="opening-doors")
    result = client.post(
        "/api/v1/mentoring/training/modules/opening-doors/attempts/",
        {"answers": _right(module)}, format="json",
    )  # fmt: skip
    assert result.status_code == 201 and result.json()["passed"] is True
    progress = client.get("/api/v1/mentoring/training/progress/").json()
    assert progress["completed"] == ["opening-doors"] and len(progress["remaining"]) == 4
