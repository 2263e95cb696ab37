"""The matching API reads a stored breakdown in the reader's language, as the pages do:
labels and sentences translated, keys, levels, numbers and codes unchanged."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from ithaca.matching.services import request_create
from ithaca.matching.tests.factories import ProgramFactory, helper, manager, seeker

pytestmark = pytest.mark.django_db
API = "/api/v1/matching/"


def _explanation(user, relationship, language: str) -> dict:
    client = APIClient()
    client.force_authenticate(user)
    url = f"{API}proposals/mentoring/{relationship.pk}/explanation/"
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, response.content
    return response.json()["breakdown"]


def test_the_explanation_is_german_under_german_and_its_machine_fields_stay() -> None:
    program = ProgramFactory(slug="scheme", enrolment_open=False)
    mentee, mentor, boss = seeker(program), helper(program, capacity=1), manager(program)
    relationship = request_create(program=program, seeker=mentee, helper=mentor)
    english = _explanation(boss, relationship, "en")
    german = _explanation(boss, relationship, "de")

    def machine(b: dict) -> dict:
        return {
            "score": b["score"],
            "excluded_by": b["excluded_by"],
            "factors": [(f["factor"], f["level"], f["value"], f["points"]) for f in b["factors"]],
            "rules": [(r["rule"], r["passed"]) for r in b["rules"]],
        }

    assert machine(german) == machine(english)
    rules_en = {r["rule"]: r for r in english["rules"]}
    rules_de = {r["rule"]: r for r in german["rules"]}
    helper_name, seeker_name = mentor.display_name, mentee.display_name
    assert rules_en["not_line_manager"] == {
        "rule": "not_line_manager",
        "label": "Not the line manager",
        "passed": True,
        "explanation": f"{helper_name} is not {seeker_name}'s line manager",
    }
    assert rules_de["not_line_manager"] == {
        "rule": "not_line_manager",
        "label": "Nicht die direkte Führungskraft",
        "passed": True,
        "explanation": f"{helper_name} ist nicht die direkte Führungskraft von {seeker_name}",
    }
    # The language is named in the reader's language too.
    assert rules_de["shared_language"]["explanation"] == (
        f"{helper_name} spricht Englisch mit {seeker_name}"
    )
    factors_de = {f["factor"]: f for f in german["factors"]}
    assert factors_de["experience_gap"]["label"] == "Erfahrung"
    assert factors_de["experience_gap"]["explanation"] == (
        f"{helper_name} ist nicht weiter als {seeker_name}"
    )
