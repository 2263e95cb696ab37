"""The program manager's page: health colours and counts, never content."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ithaca.accounts.tests.factories import UserFactory
from ithaca.mentoring import services
from ithaca.mentoring.models import Closing
from ithaca.mentoring.selectors import health_by_program
from ithaca.mentoring.tests.factories import (
    MeetingFactory,
    active_relationship,
    join,
    started_days_ago,
)
from ithaca.mentoring.tests.helpers import api, web

pytestmark = pytest.mark.django_db


@pytest.fixture
def program_with_health():
    """Three active relationships in one program: green, amber and red."""
    first = started_days_ago(active_relationship(), 200)
    program, mentor = first.program, first.mentor
    rels = [first, started_days_ago(join(program, mentor), 200)]
    rels.append(started_days_ago(join(program, mentor), 200))
    for rel, days in zip(rels, (3, 40, 90), strict=True):
        MeetingFactory(relationship=rel, starts_at=timezone.now() - dt.timedelta(days=days))
        services.journal_write(relationship=rel, user=rel.mentee, body=f"journal {days}")
    manager = UserFactory()
    program.managers.add(manager)
    return program, manager, rels


def test_the_manager_sees_counts_by_health_and_state(program_with_health) -> None:
    program, manager, _ = program_with_health
    page = web(manager).get(f"/mentoring/programs/{program.slug}/").content.decode()
    assert "green</span> 1" in page and "amber</span> 1" in page and "red</span> 1" in page
    assert "Active 3" in page
    assert "journal" not in page.replace("journals", "")


def test_the_list_filters_by_health(program_with_health) -> None:
    program, manager, rels = program_with_health
    page = web(manager).get(f"/mentoring/programs/{program.slug}/?health=red").content.decode()
    assert str(rels[2].mentee) in page and str(rels[0].mentee) not in page


def test_a_mentor_of_the_program_gets_a_403_and_a_stranger_a_404(program_with_health) -> None:
    program, _, rels = program_with_health
    assert web(rels[0].mentor).get(f"/mentoring/programs/{program.slug}/").status_code == 403
    # An open program is visible to all (so 403); a closed one does not exist for strangers.
    assert web(UserFactory()).get(f"/mentoring/programs/{program.slug}/").status_code == 403
    program.enrolment_open = False
    program.save()
    assert web(UserFactory()).get(f"/mentoring/programs/{program.slug}/").status_code == 404


def test_the_health_page_reads_in_a_fixed_number_of_queries(
    program_with_health, django_assert_max_num_queries
) -> None:
    program, manager, rels = program_with_health
    client = web(manager)
    with django_assert_max_num_queries(12) as few:
        client.get(f"/mentoring/programs/{program.slug}/")
    for _ in range(6):
        join(program, rels[0].mentor)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/mentoring/programs/{program.slug}/")


def test_the_api_gives_managers_counts_and_health_only(
    program_with_health, django_assert_max_num_queries
) -> None:
    program, manager, rels = program_with_health
    counts = api(manager).get(f"/api/v1/mentoring/programs/{program.slug}/health/").json()
    assert counts["health"] == {"green": 1, "amber": 1, "red": 1}
    assert counts["states"]["active"] == 3
    client = api(manager)
    with django_assert_max_num_queries(5):
        listing = client.get(f"/api/v1/mentoring/programs/{program.slug}/relationships/").json()
    assert listing["count"] == 3
    assert set(listing["results"][0]) == {"id", "mentor", "mentee", "status", "last_contact",
                                          "health"}  # fmt: skip
    assert (
        api(rels[0].mentee).get(f"/api/v1/mentoring/programs/{program.slug}/health/").status_code
        == 403
    )


def test_survey_averages_appear_only_once_five_people_answered(program_with_health) -> None:
    program, manager, rels = program_with_health
    survey = services.Survey(growth=5, career_clarity=4, belonging=4, would_recommend=True)
    for rel in rels:
        services.relationship_close(
            relationship=rel, user=rel.mentee, reflection="secret words", shared=False,
            survey=survey,
        )  # fmt: skip
    page = web(manager).get(f"/mentoring/programs/{program.slug}/").content.decode()
    assert "Shown once at least five" in page
    for rel in rels[:2]:
        services.closing_record(
            relationship=rel, user=rel.mentor, reflection="more", shared=False, survey=survey
        )
    assert Closing.objects.count() == 5
    page = web(manager).get(f"/mentoring/programs/{program.slug}/").content.decode()
    assert "5 answers" in page and "secret words" not in page


def test_the_home_page_shows_managers_their_mentoring_health(program_with_health) -> None:
    program, manager, _ = program_with_health
    page = web(manager).get("/").content.decode()
    assert "Mentoring health" in page and f"/mentoring/programs/{program.slug}/" in page


def test_the_home_health_counts_colour_each_program_by_its_own_silence_threshold(
    program_with_health,
) -> None:
    # Meetings 3, 40 and 90 days ago: green, amber, red at 30 days; at 50 days the
    # second is still green and the third amber; another program's are its own.
    program, _, _ = program_with_health
    other = started_days_ago(active_relationship(), 200)
    MeetingFactory(relationship=other, starts_at=timezone.now() - dt.timedelta(days=10))
    counts = health_by_program([program, other.program], timezone.now())
    assert counts[program.pk] == {"green": 1, "amber": 1, "red": 1}
    assert counts[other.program.pk] == {"green": 1, "amber": 0, "red": 0}
    program.nudge_after_days = 50
    counts = health_by_program([program, other.program], timezone.now())
    assert counts[program.pk] == {"green": 2, "amber": 1, "red": 0}
    assert counts[other.program.pk] == {"green": 1, "amber": 0, "red": 0}
