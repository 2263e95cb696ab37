"""A coaching engagement from signed agreement to the sponsor's report, in a real browser.

Coachee, coach and sponsor each sign the agreement; the coach records a held
session with a private note; the coachee checks in on a goal; the coach
prepares a sponsor report which the coachee approves; the sponsor reads it and
can reach neither the session nor its note. Every page is checked with axe.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ithaca.coaching import services
from ithaca.coaching.models import CoachingEngagement, CoachingSession, SponsorReport
from ithaca.coaching.tests.factories import GoalFactory, terms
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import CoachingProgramFactory, ParticipationFactory
from tests.browser.conftest import fetch, person, sign_in_as, visit

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "Private: worried the rota handover will expose gaps in my own audits"


def setup_engagement() -> CoachingEngagement:
    program = CoachingProgramFactory(name="New Manager Coaching", mode="leadership")
    coach = person("coach@example.org", first_name="Cora", last_name="Coach")
    coachee = person("coachee@example.org", first_name="Eli", last_name="Coachee")
    sponsor = person("sponsor@example.org", first_name="Spencer", last_name="Sponsor")
    ParticipationFactory(program=program, user=coach, role=Participation.Role.COACH)
    ParticipationFactory(program=program, user=coachee, role=Participation.Role.SEEKER)
    ParticipationFactory(program=program, user=sponsor, role=Participation.Role.SPONSOR)
    engagement = services.engagement_propose(
        program=program, coach=coach, coachee=coachee, sponsor=sponsor, proposed_by=None
    )
    # The coach drafted the terms together with the coachee; signing is the journey.
    services.agreement_draft(engagement=engagement, user=coach, terms=terms())
    return engagement


def test_an_agreement_is_signed_a_session_held_and_the_sponsor_reads_only_the_report(page):
    engagement = setup_engagement()
    version = engagement.agreement_versions.get()

    # All three sign version 1: the engagement becomes active with the last signature.
    for email in ("coachee@example.org", "coach@example.org", "sponsor@example.org"):
        sign_in_as(page, email)
        visit(page, f"/coaching/{engagement.pk}/agreement/")
        page.click("a:has-text('v1')")
        page.wait_for_url(f"**/coaching/agreements/{version.pk}/")
        visit(page, f"/coaching/agreements/{version.pk}/")
        page.click("button:has-text('I have read version 1 and sign it')")
        page.wait_for_load_state()
        visit(page, page.url)
    engagement.refresh_from_db()
    assert engagement.status == "active"

    # The coach records a session that took place this morning, with a private note.
    sign_in_as(page, "coach@example.org")
    visit(page, f"/coaching/{engagement.pk}/sessions/")
    page.click("summary:has-text('session')")
    began = timezone.localtime() - dt.timedelta(hours=3)
    form = page.locator(f"form[action='/coaching/{engagement.pk}/sessions/']")
    form.locator("[name=starts_at]").fill(began.strftime("%Y-%m-%dT%H:%M"))
    form.locator("[name=minutes]").fill("60")
    form.locator("[name=location]").fill("Room 4")
    form.locator("[name=held]").check()
    form.locator("button:has-text('Save the session')").click()
    page.wait_for_load_state()
    session = CoachingSession.objects.get(engagement=engagement)
    assert session.status == "held"
    visit(page, f"/coaching/sessions/{session.pk}/")
    page.click("summary:has-text('Write a note')")
    note_form = page.locator(f"form[action='/coaching/sessions/{session.pk}/notes/']")
    note_form.locator("input[name=visibility][value=private]").check()
    note_form.locator("textarea[name=text]").fill(SECRET)
    note_form.locator("button:has-text('Save the note')").click()
    page.wait_for_selector(f"text={SECRET[:40]}")
    check_page = page.url
    visit(page, check_page)

    # The coachee records a check-in on their goal.
    goal = GoalFactory(engagement=engagement)
    sign_in_as(page, "coachee@example.org")
    visit(page, f"/coaching/{engagement.pk}/goals/")
    page.click(f"a[href='/coaching/goals/{goal.pk}/']")
    page.wait_for_url(f"**/coaching/goals/{goal.pk}/")
    visit(page, f"/coaching/goals/{goal.pk}/")
    page.fill("input[name=value]", "3")
    page.fill("input[name=comment]", "Handed over two of the six rota hours")
    page.click("button:has-text('Record')")
    page.wait_for_selector("text=Handed over two of the six rota hours")
    visit(page, f"/coaching/goals/{goal.pk}/")
    assert goal.checkins.count() == 1

    # The coach prepares the report and sends it to the coachee.
    sign_in_as(page, "coach@example.org")
    visit(page, f"/coaching/{engagement.pk}/reports/")
    page.click("summary:has-text('Prepare a report')")
    page.fill("textarea[name=summary]", "Eli has started delegating the rota.")
    page.click("button:has-text('Generate a draft')")
    page.wait_for_selector("button:has-text('Send to the coachee for approval')")
    visit(page, page.url)
    page.click("button:has-text('Send to the coachee for approval')")
    page.wait_for_load_state()
    report = SponsorReport.objects.get(engagement=engagement)

    # The coachee approves it.
    sign_in_as(page, "coachee@example.org")
    visit(page, f"/coaching/reports/{report.pk}/")
    page.click("button:has-text('Approve: the sponsor may read this')")
    page.wait_for_load_state()
    visit(page, page.url)
    report.refresh_from_db()
    assert report.status == "approved"

    # The sponsor reads the report; the session and its note stay out of reach.
    sign_in_as(page, "sponsor@example.org")
    seen = []
    for path in (
        "/",
        f"/coaching/{engagement.pk}/",
        f"/coaching/{engagement.pk}/agreement/",
        f"/coaching/{engagement.pk}/sessions/",
        f"/coaching/{engagement.pk}/reports/",
        f"/coaching/reports/{report.pk}/",
    ):
        visit(page, path)
        seen.append(page.content())
    assert "Eli has started delegating the rota." in seen[-1]
    for path in (
        f"/coaching/sessions/{session.pk}/",
        f"/coaching/sessions/{session.pk}/notes/",
        f"/coaching/{engagement.pk}/goals/",
        f"/coaching/goals/{goal.pk}/",
    ):
        status, body = fetch(page, path)
        assert status in (403, 404, 405), f"the sponsor got {status} from {path}"
        seen.append(body)
    # Nor can the sponsor write (or read back) a note on the pair's session.
    status, body = fetch(
        page, f"/coaching/sessions/{session.pk}/notes/", {"visibility": "three_way", "text": "x"}
    )
    assert status in (403, 404), f"the sponsor got {status} posting a note"
    seen.append(body)
    assert not any(SECRET in html for html in seen)
