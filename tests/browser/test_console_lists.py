"""A manager reads a long list of applications ten at a time, in a real browser.

"Show more" is an htmx request whose answer is table rows put in place of the
control's own row: the rows must land in the table, still approve under htmx,
and keyboard focus must move to the first new row. Every state is checked with axe.
"""

from __future__ import annotations

from typing import Any

import pytest

from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory
from tests.browser.conftest import check_accessibility, person, sign_in, visit

pytestmark = pytest.mark.django_db(transaction=True)

ROWS = "section[aria-labelledby=applications] tbody tr[id^=application-]"
MORE = "section[aria-labelledby=applications] tr.more"


def test_a_manager_shows_more_applications_and_approves_one_of_them(page: Any) -> None:
    manager = person("manager@example.org", first_name="Mia", last_name="Manager")
    program: Any = ProgramFactory(name="Career Mentoring", slug="career-mentoring")
    program.managers.add(manager)
    for _ in range(12):
        ParticipationFactory(program=program, role=Participation.Role.SEEKER, state="pending")
    sign_in(page, "manager@example.org", "pass-word-123")

    visit(page, f"/console/programs/{program.slug}/")
    assert page.locator(ROWS).count() == 10
    assert page.locator(MORE).inner_text().startswith("10 of 12")

    page.locator(f"{MORE} a").focus()
    page.keyboard.press("Enter")
    page.locator(ROWS).nth(11).wait_for()
    assert page.locator(ROWS).count() == 12
    assert page.locator(MORE).inner_text().startswith("12 of 12")
    assert "Show more" not in page.locator(MORE).inner_text()
    focused = ""
    for _ in range(50):  # htmx settles the swap a moment after the rows appear
        focused = page.evaluate("() => document.activeElement.id")
        if focused:
            break
        page.wait_for_timeout(100)
    assert focused == page.locator(ROWS).nth(10).get_attribute("id")
    check_accessibility(page)

    # A row that came with "show more" decides in place like the first ten.
    last = page.locator(ROWS).nth(11)
    last.locator("button:has-text('Approve')").click()
    last.locator("text=Approved").wait_for()
    assert Participation.objects.filter(program=program, state="active").count() == 1


def test_on_a_phone_each_application_is_a_card_with_its_buttons_in_view(page: Any) -> None:
    manager = person("manager@example.org", first_name="Mia", last_name="Manager")
    program: Any = ProgramFactory(name="Career Mentoring", slug="career-mentoring")
    program.managers.add(manager)
    ParticipationFactory(program=program, role=Participation.Role.SEEKER, state="pending")
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "manager@example.org", "pass-word-123")

    visit(page, f"/console/programs/{program.slug}/")
    approve = page.locator(ROWS).first.locator("button:has-text('Approve')")
    box = approve.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390  # no sideways scrolling to decide
    # The column names the table's header gave are written beside each value.
    labels = page.locator(ROWS).first.evaluate(
        "row => [...row.cells].map(cell => getComputedStyle(cell, '::before').content)"
    )
    assert '"Applied"' in labels and '"Role"' in labels
    check_accessibility(page)
    approve.click()
    page.locator(ROWS).first.locator("text=Approved").wait_for()
