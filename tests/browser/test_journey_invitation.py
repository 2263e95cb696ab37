"""From an invitation e-mail to a sent request, in a real browser and another time zone.

A program manager invites a person as a seeker; the person follows the link,
chooses a password, goes through the welcome wizard (a time zone that is not
UTC, a path walked), writes an intake, lands on their candidates, opens a
mentor's card and asks them. Every time shown on the way is in their zone.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail

from ithaca.accounts.models import CareerEntry, Profile
from ithaca.console.services import program_invite
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory
from tests.browser.conftest import check_accessibility, person, visit

pytestmark = pytest.mark.django_db(transaction=True)

NEED = (
    "I have been a staff nurse for four years and want to become a ward manager in the next "
    "few years; I would love a mentor who has made that move here."
)


def test_an_invited_seeker_gets_from_the_email_to_a_request_in_their_zone(page) -> None:
    program = ProgramFactory(name="Career Mentoring", slug="career-mentoring")
    mentor = person("mentor@example.org", first_name="Ada", last_name="Byron")
    ParticipationFactory(program=program, user=mentor, role=Participation.Role.MENTOR, capacity=2)
    Profile.objects.filter(user=mentor).update(
        bio="Ward manager since 2015.", expertise=["rostering"]
    )
    CareerEntry.objects.create(user=mentor, role="Ward manager", started_on="2015-01-01")
    manager = person("manager@example.org", first_name="Max")
    program.managers.add(manager)

    program_invite(
        program=program, email="nia@example.org", role="seeker", invited_by=manager,
        first_name="Nia", last_name="Nurse",
    )  # fmt: skip
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    path = "/" + link.split("/", 3)[3]

    # The link: choose a password, and the welcome wizard opens.
    visit(page, path)
    page.fill("input[name=password1]", "Long-pass-word-9")
    page.fill("input[name=password2]", "Long-pass-word-9")
    page.click("form button[type=submit]")
    page.wait_for_url("**/me/welcome/")
    check_accessibility(page)
    page.select_option("select[name=time_zone]", "Asia/Kolkata")
    page.fill("input[name=languages]", "English")
    page.click("button:has-text('Save and continue')")
    page.wait_for_url("**step=photo")
    check_accessibility(page)
    page.click("button:has-text('Skip this step')")
    page.wait_for_url("**step=career")
    check_accessibility(page)
    page.fill("input[name=role]", "Staff nurse")
    page.fill("input[name=started_on]", "2021-09-01")
    page.click("button:has-text('Save and continue')")
    page.wait_for_url("**step=seeker")
    check_accessibility(page)
    page.check("input[value=career]")
    page.click("button:has-text('Continue to what you want')")
    page.wait_for_url("**/intake/new/")
    nia = Profile.objects.get(user__email="nia@example.org")
    assert nia.time_zone == "Asia/Kolkata" and nia.welcome == Profile.Welcome.DONE
    assert CareerEntry.objects.filter(user_id=nia.pk, role="Staff nurse").exists()

    # The intake: the result says where this person stands in the program.
    page.fill("textarea[name=text]", NEED)
    page.click("button:has-text('Suggest what fits')")
    page.wait_for_url("**/intake/*/")
    check_accessibility(page)
    page.locator("tr", has_text="Career Mentoring").locator("text=See your candidates").click()
    page.wait_for_url("**/matching/career-mentoring/candidates/")
    check_accessibility(page)

    # Ada's card, then the request.
    page.click("a:has-text('Ada Byron')")
    page.wait_for_url(f"**/people/{mentor.pk}/")
    check_accessibility(page)
    assert page.is_visible("text=Ward manager since 2015.")
    page.click("button:has-text('Ask Ada Byron to be your mentor')")
    page.wait_for_url("**/matching/proposals/mentoring/*/")
    relationship = MentoringRelationship.objects.get(program=program)
    assert relationship.status == "proposed" and relationship.mentee_id == nia.pk

    # Times are in Nia's zone, with its abbreviation.
    from zoneinfo import ZoneInfo

    local = relationship.created_at.astimezone(ZoneInfo("Asia/Kolkata"))
    assert f"proposed {local:%-d %b %Y, %H:%M} IST" in page.inner_text("main")
    visit(page, f"/mentoring/{relationship.pk}/")
    assert "UTC" not in page.inner_text("main")
