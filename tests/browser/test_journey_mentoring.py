"""Mentoring from the seeker's first words to a logged meeting, in a real browser.

A seeker writes an intake and is offered both kinds of program, joins the
mentoring one, asks a mentor from the ranked candidates; the mentor signs in
and accepts; the two log a meeting in their workspace. Every page is checked
with axe.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.models import Participation
from ithaca.programs.services import application_decide
from ithaca.programs.tests.factories import (
    CoachingProgramFactory,
    ParticipationFactory,
    ProgramFactory,
)
from tests.browser.conftest import check_accessibility, person, sign_in, sign_in_as, visit

pytestmark = pytest.mark.django_db(transaction=True)

NEED = (
    "I have just been promoted to lead a team of six and I struggle to delegate; I want to get "
    "better at it in the next three months. I'd also love someone who has been a manager here "
    "for years to talk about my longer-term career."
)


def test_a_seeker_finds_a_mentor_who_accepts_and_they_log_a_meeting(page) -> None:
    program = ProgramFactory(name="Career Mentoring", slug="career-mentoring")
    CoachingProgramFactory(name="New Manager Coaching", mode="leadership")
    mentor = person("mentor@example.org", first_name="Ada", last_name="Byron")
    ParticipationFactory(program=program, user=mentor, role=Participation.Role.MENTOR)
    person("seeker@example.org", first_name="Sam", last_name="Seeker")

    # The seeker describes what they need and is offered a coach and a mentor.
    sign_in(page, "seeker@example.org", "pass-word-123")
    check_accessibility(page)
    page.click("text=Find support")
    check_accessibility(page)
    page.fill("textarea[name=text]", NEED)
    page.click("button:has-text('Suggest what fits')")
    page.wait_for_selector("text=A coach and a mentor")
    check_accessibility(page)
    row = page.locator("tr", has_text="Career Mentoring")
    row.locator("button:has-text('Request to join')").click()
    page.wait_for_selector("text=You asked to join Career Mentoring")
    check_accessibility(page)

    # A program manager approves the application (not this journey's subject).
    application = Participation.objects.get(program=program, user__email="seeker@example.org")
    application_decide(participation=application, approve=True)

    # The ranked candidates: the seeker asks Ada.
    visit(page, "/matching/career-mentoring/candidates/")
    assert page.is_visible("text=Ada Byron")
    page.click("button:has-text('Ask Ada to be your mentor')")
    page.wait_for_url("**/matching/proposals/mentoring/*/")
    check_accessibility(page)
    relationship = MentoringRelationship.objects.get(program=program)
    assert relationship.status == "proposed"

    # The mentor signs in, opens the proposal and accepts.
    sign_in_as(page, "mentor@example.org")
    check_accessibility(page)
    visit(page, f"/mentoring/{relationship.pk}/")
    assert page.is_visible("text=opens once both of you have accepted")
    page.locator(".ws-state button", has_text="Accept").click()
    # The whole workspace re-renders in place: its tabs open at once and no text
    # still says it waits for acceptance.
    page.wait_for_selector(".ws-state >> text=You accepted.")
    page.wait_for_selector("ul.tabs >> text=Meetings")
    assert not page.is_visible("text=opens once both of you have accepted")
    check_accessibility(page)
    relationship.refresh_from_db()
    assert relationship.status == "active"
    page.click("ul.tabs >> text=Meetings")
    page.wait_for_selector("#meetings")

    # They log the meeting they just had, with a shared note.
    page.click("summary:has-text('Log a meeting that already happened')")
    log = page.locator("form[action$='/meetings/log/']")
    began = timezone.localtime() - dt.timedelta(hours=3)
    log.locator("input[name=starts_at]").fill(began.strftime("%Y-%m-%dT%H:%M"))
    log.locator("input[name=ends_at]").fill(
        (began + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    )
    log.locator("textarea[name=note]").fill("We agreed to try delegating the weekly report.")
    log.locator("button:has-text('Log it')").click()
    page.wait_for_selector("#meetings >> text=delegating the weekly report")
    check_accessibility(page)
    assert relationship.meetings.count() == 1
