"""A first journey: a seeker signs in, asks for support and gets an explained answer."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress

from ithaca.accounts.tests.factories import UserFactory
from ithaca.programs.tests.factories import CoachingProgramFactory, ProgramFactory
from tests.browser.conftest import check_accessibility, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

NEED = (
    "I have just been promoted to lead a team of six and I struggle to delegate; I want to get "
    "better at it in the next three months. I'd also love someone who has been a manager here "
    "for years to talk about my longer-term career."
)


def test_a_seeker_writes_an_intake_and_is_offered_both_kinds_of_program(page) -> None:
    ProgramFactory(name="Career Mentoring")
    CoachingProgramFactory(name="New Manager Coaching", mode="leadership")
    user = UserFactory(email="seeker@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    sign_in(page, "seeker@example.org", "pass-word-123")
    check_accessibility(page)
    page.click("text=Find support")
    check_accessibility(page)
    page.fill("textarea[name=text]", NEED)
    page.click("button:has-text('Suggest what fits')")
    page.wait_for_selector("text=A coach and a mentor")
    check_accessibility(page)
    assert page.is_visible("text=New Manager Coaching")
    assert page.is_visible("text=Career Mentoring")
