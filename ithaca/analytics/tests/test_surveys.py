"""Pulse surveys on the program's schedule, ratings after meetings, answers kept private."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from ithaca.analytics import services
from ithaca.analytics.models import MeetingRating, ProgramSurveySettings, SurveyInvitation
from ithaca.analytics.services.surveys import schedule_point
from ithaca.analytics.tests.factories import (
    coaching_program,
    day,
    mentoring_program,
    person,
    relate,
)
from ithaca.coaching.models import CoachingSession
from ithaca.core.errors import DomainError
from ithaca.mentoring.models import Meeting

START = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)


def test_there_is_no_survey_before_the_first_point() -> None:
    now = START + dt.timedelta(days=29)
    assert schedule_point(started_at=START, now=now, first=30, every=60) is None


def test_the_first_survey_comes_thirty_days_after_the_match() -> None:
    now = START + dt.timedelta(days=30)
    assert schedule_point(started_at=START, now=now, first=30, every=60) == (1, now)


def test_then_every_sixty_days() -> None:
    assert schedule_point(
        started_at=START, now=START + dt.timedelta(days=89), first=30, every=60
    ) == (1, START + dt.timedelta(days=30))
    assert schedule_point(
        started_at=START, now=START + dt.timedelta(days=90), first=30, every=60
    ) == (2, START + dt.timedelta(days=90))


@pytest.mark.django_db
def test_both_people_are_invited_once_even_when_the_job_runs_twice(
    django_capture_on_commit_callbacks,
) -> None:
    rel = relate(mentoring_program(), person(), person(), "active", created=31)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            services.pulse_invitations_create(now=timezone.now())
    invitations = SurveyInvitation.objects.filter(relationship_id=rel.pk)
    assert {i.person_id for i in invitations} == {rel.mentor_id, rel.mentee_id}
    assert all(i.sequence == 1 and i.sent_at for i in invitations)
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_a_program_sets_its_own_schedule() -> None:
    program = coaching_program()
    services.survey_settings_set(
        program=program, pulse_enabled=True, first_after_days=7, every_days=14,
        rate_meetings=True,
    )  # fmt: skip
    relate(program, person(), person(), "active", created=8)
    relate(mentoring_program(), person(), person(), "active", created=8)  # default: day 30
    services.pulse_invitations_create(now=timezone.now())
    assert set(SurveyInvitation.objects.values_list("kind", flat=True)) == {"coaching"}


@pytest.mark.django_db
def test_a_program_may_turn_pulse_surveys_off() -> None:
    program = mentoring_program()
    ProgramSurveySettings.objects.create(program=program, pulse_enabled=False)
    relate(program, person(), person(), "active", created=40)
    assert services.pulse_invitations_create(now=timezone.now())["invited"] == 0


@pytest.mark.django_db
def test_a_schedule_of_a_few_days_is_refused_with_a_message() -> None:
    with pytest.raises(DomainError, match="7 to 365"):
        services.survey_settings_set(
            program=mentoring_program(), pulse_enabled=True, first_after_days=30, every_days=3,
            rate_meetings=True,
        )  # fmt: skip


def _invitation() -> SurveyInvitation:
    rel = relate(mentoring_program(), person(), person(), "active", created=31)
    services.pulse_invitations_create(now=timezone.now())  # e-mails wait for a commit
    return SurveyInvitation.objects.get(relationship_id=rel.pk, person=rel.mentee)


ANSWERS = {"satisfaction": 4, "progress": 3, "relationship_quality": 5, "would_recommend": 4}


@pytest.mark.django_db
def test_the_invited_person_answers_once() -> None:
    invitation = _invitation()
    services.survey_answer(invitation=invitation, user=invitation.person, answers=ANSWERS)
    with pytest.raises(DomainError, match="already answered"):
        services.survey_answer(invitation=invitation, user=invitation.person, answers=ANSWERS)


@pytest.mark.django_db
def test_an_answer_off_the_scale_is_refused_and_nothing_is_saved() -> None:
    invitation = _invitation()
    with pytest.raises(DomainError):
        services.survey_answer(
            invitation=invitation, user=invitation.person, answers={**ANSWERS, "progress": 9}
        )
    invitation.refresh_from_db()
    assert invitation.answered_at is None


@pytest.mark.django_db
def test_someone_else_cannot_open_a_persons_survey() -> None:
    invitation = _invitation()
    for stranger in (person(), person()):
        stranger.is_staff = True
        stranger.save()
        client = Client()
        client.force_login(stranger)
        assert client.get(f"/analytics/surveys/{invitation.pk}/").status_code == 404


@pytest.mark.django_db
def test_the_survey_page_takes_answers_and_thanks_the_person() -> None:
    invitation = _invitation()
    client = Client()
    client.force_login(invitation.person)
    assert client.get(f"/analytics/surveys/{invitation.pk}/").status_code == 200
    response = client.post(f"/analytics/surveys/{invitation.pk}/", {**ANSWERS, "comment": ""})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.answered_at is not None
    bad = client.post(f"/analytics/surveys/{invitation.pk}/", {"progress": "x"})
    assert bad.status_code == 400


def _held_meeting_and_session() -> tuple[Meeting, CoachingSession]:
    rel = relate(mentoring_program(), person(), person(), "active", created=30)
    eng = relate(coaching_program(), person(), person(), "active", created=30)
    meeting = Meeting.objects.create(
        relationship=rel, starts_at=day(2), ends_at=day(2) + dt.timedelta(hours=1),
        status="held", proposed_by=rel.mentee,
    )  # fmt: skip
    session = CoachingSession.objects.create(
        engagement=eng, starts_at=day(1), ends_at=day(1) + dt.timedelta(hours=1),
        location="Room 2", status="held",
    )  # fmt: skip
    return meeting, session


@pytest.mark.django_db
def test_both_people_are_asked_to_rate_a_held_meeting_once(
    django_capture_on_commit_callbacks,
) -> None:
    _held_meeting_and_session()
    with django_capture_on_commit_callbacks(execute=True):
        first = services.rating_prompts_create(now=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        second = services.rating_prompts_create(now=timezone.now())
    assert first == {"asked": 4, "e-mailed": 4} and second == {"asked": 0, "e-mailed": 0}
    assert len(mail.outbox) == 4


@pytest.mark.django_db
def test_a_rating_is_given_once_from_one_to_five() -> None:
    _held_meeting_and_session()
    services.rating_prompts_create(now=timezone.now())
    prompt = MeetingRating.objects.filter(kind="coaching").first()
    assert prompt is not None
    with pytest.raises(DomainError):
        services.meeting_rate(rating=prompt, user=prompt.person, value=6)
    services.meeting_rate(rating=prompt, user=prompt.person, value=4)
    with pytest.raises(DomainError, match="already rated"):
        services.meeting_rate(rating=prompt, user=prompt.person, value=5)


@pytest.mark.django_db
def test_the_surveys_page_lists_what_waits_in_a_fixed_number_of_queries(
    django_assert_max_num_queries,
) -> None:
    _held_meeting_and_session()
    services.rating_prompts_create(now=timezone.now())
    prompt = MeetingRating.objects.first()
    assert prompt is not None
    client = Client()
    client.force_login(prompt.person)
    with django_assert_max_num_queries(8):
        response = client.get("/analytics/surveys/")
    assert "Rate your recent meetings" in response.content.decode()
    assert client.post(f"/analytics/ratings/{prompt.pk}/", {"rating": "5"}).status_code == 302
    prompt.refresh_from_db()
    assert prompt.rating == 5


@pytest.mark.django_db
def test_the_periodic_command_run_twice_sends_nothing_twice(
    django_capture_on_commit_callbacks,
) -> None:
    relate(mentoring_program(), person(), person(), "active", created=31)
    _held_meeting_and_session()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("periodic", stdout=io.StringIO())
    sent = len(mail.outbox)
    assert sent >= 6  # pulse invitations and four rating prompts, at least
    with django_capture_on_commit_callbacks(execute=True):
        call_command("periodic", stdout=io.StringIO())
    assert len(mail.outbox) == sent
