"""Programs speak German under German: pages, choice labels and refusals (compiled
catalogues needed: `manage.py compilemessages` runs before the tests)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from ithaca.core.errors import DomainError, TransitionError
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs import relationships as lifecycle
from ithaca.programs.lifecycle import check_transition
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory, make_pair

pytestmark = pytest.mark.django_db


def test_the_program_page_and_its_labels_are_german_under_german() -> None:
    program = ProgramFactory(enrolment_open=True, review_period_days=90)
    client = Client()
    client.force_login(ParticipationFactory(program=program).user)
    with translation.override("de"):
        page = client.get(f"/programs/{program.slug}/", HTTP_ACCEPT_LANGUAGE="de")
        assert program.get_mode_display() == "Klassisches Eins-zu-eins-Mentoring"
    content = page.content.decode()
    assert "Beziehungen werden alle 90 Tage überprüft" in content
    assert "Ich möchte einen Mentor" in content and "Bewerben" in content
    assert "Klassisches Eins-zu-eins-Mentoring" in content


def test_refusals_are_german_under_german() -> None:
    program, mentor, _mentee = make_pair("mentoring")
    with translation.override("de"):
        with pytest.raises(TransitionError) as moved:
            check_transition("concluded", "active")
        with pytest.raises(DomainError) as own:
            lifecycle.validate_proposal(
                MentoringRelationship, program=program, helper=mentor, seeker=mentor
            )
    assert moved.value.message == (
        "Eine Beziehung im Status „abgeschlossen“ kann nicht in den Status „aktiv“ wechseln."
    )
    assert own.value.message == "Niemand kann sein eigener Mentor oder Coach sein."
