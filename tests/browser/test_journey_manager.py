"""A program manager's morning, in a real browser.

They upload an HR export with mistakes and read the dry run's row problems,
upload the corrected file and run the import; then they start a matching
round, watch its progress bar (htmx polling the round while a worker runs it)
reach a draft, and publish it. Every page is checked with axe.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command

from ithaca.accounts.models import User
from ithaca.matching.models import MatchingRound
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory
from tests.browser.conftest import check_accessibility, person, sign_in, visit

pytestmark = pytest.mark.django_db(transaction=True)

BROKEN = (
    "E-mail,First name,Last name,Department,Grade,Hire date\n"
    "ada@example.org,Ada,Lovelace,Engineering,7,2015-03-01\n"
    "not-an-address,Charles,Babbage,Engineering,6,2016-04-01\n"
    "grace@example.org,Grace,Hopper,Research,eleven,2017-05-01\n"
)
FIXED = (
    "E-mail,First name,Last name,Department,Grade,Hire date\n"
    "ada@example.org,Ada,Lovelace,Engineering,7,2015-03-01\n"
    "charles@example.org,Charles,Babbage,Engineering,6,2016-04-01\n"
    "grace@example.org,Grace,Hopper,Research,9,2017-05-01\n"
)


def upload(page, name: str, text: str) -> None:
    visit(page, "/console/people/import/")
    page.set_input_files(
        "input[name=file]", files=[{"name": name, "mimeType": "text/csv", "buffer": text.encode()}]
    )
    page.click("button:has-text('Upload and check')")
    page.wait_for_url("**/console/people/import/*/")
    check_accessibility(page)


def test_a_manager_fixes_an_import_runs_it_then_runs_and_publishes_a_round(page, settings):
    manager = person("manager@example.org", first_name="Mia", last_name="Manager")
    program = ProgramFactory(name="Career Mentoring", slug="career-mentoring")
    program.managers.add(manager)
    for _ in range(3):
        ParticipationFactory(program=program, role=Participation.Role.MENTOR)  # 2 places each
    for _ in range(4):
        ParticipationFactory(program=program, role=Participation.Role.SEEKER)
    sign_in(page, "manager@example.org", "pass-word-123")
    check_accessibility(page)

    # The dry run lists each bad row; nothing can be run.
    upload(page, "hr-export.csv", BROKEN)
    page.wait_for_selector("text=Dry run: 2 problems in 3 rows")
    problems = page.locator("h2:has-text('Problems') + table tbody tr")
    assert problems.count() == 2
    assert "3" in problems.nth(0).inner_text() or "3" in problems.nth(1).inner_text()
    assert not page.is_visible("button:has-text('Run import')")
    assert not User.objects.filter(email="ada@example.org").exists()

    # The corrected file passes and is imported.
    upload(page, "hr-export-fixed.csv", FIXED)
    page.wait_for_selector("text=Dry run: 3 rows, no problems")
    page.click("button:has-text('Run import')")
    page.wait_for_selector("text=Imported 3 rows: 3 created")
    check_accessibility(page)
    assert User.objects.filter(email__in=["ada@example.org", "grace@example.org"]).count() == 2

    # A round runs in the background: the page follows its progress bar to the draft.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    visit(page, f"/matching/{program.slug}/")
    page.click("button:has-text('Start a round')")
    page.wait_for_url(f"**/matching/{program.slug}/rounds/*/")
    assert page.is_visible("#round-status progress")
    check_accessibility(page)
    call_command("db_worker", "--batch", "--no-startup-delay", "--max-tasks", "1", verbosity=0)
    page.wait_for_selector("#round-status >> text=Draft:")
    assert not page.is_visible("#round-status progress")
    check_accessibility(page)
    matching_round = MatchingRound.objects.get(program=program)
    assert matching_round.is_draft

    page.click("a:has-text('Publish…')")
    page.wait_for_url("**/publish/")
    check_accessibility(page)
    page.click("form button:has-text('Publish')")
    page.wait_for_selector("text=Published")
    check_accessibility(page)
    matching_round.refresh_from_db()
    assert matching_round.status == "published"
    assert MentoringRelationship.objects.filter(program=program, status="proposed").count() == 4
