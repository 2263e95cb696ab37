"""The profile, its forms and their refusals speak German under German (compiled
catalogues needed: `manage.py compilemessages` runs before the tests)."""

from __future__ import annotations

import pytest
from django.utils import translation

from ithaca.people.forms import CareerForm
from ithaca.people.tests.helpers import client_for
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory

pytestmark = pytest.mark.django_db


def test_the_profile_page_is_german_under_german() -> None:
    part = ParticipationFactory(role=Participation.Role.MENTOR)
    with translation.override("de"):
        page = client_for(part.user).get("/me/profile/", HTTP_ACCEPT_LANGUAGE="de")
    content = page.content.decode()
    assert "Ihr Profil" in content and "Wie sollen andere Sie nennen?" in content
    assert "Verfügbarkeit" in content and "Leer lassen, um Ihren vollständigen Namen" in content
    assert "What should people call you?" not in content


def test_a_form_error_is_german_under_german() -> None:
    with translation.override("de"):
        form = CareerForm({"role": "Nurse", "started_on": "someday"})
        assert not form.is_valid()
        assert form.errors["started_on"] == ["Geben Sie ein Datum ein, zum Beispiel 2019-09-01."]


def test_a_capacity_over_the_limit_is_refused_in_german_under_german() -> None:
    program = ProgramFactory(max_capacity=4)
    part = ParticipationFactory(program=program, role=Participation.Role.MENTOR, capacity=3)
    with translation.override("de"):
        response = client_for(part.user).post(
            f"/me/profile/availability/{program.slug}/",
            {f"p{part.pk}-accepting": "yes", f"p{part.pk}-capacity": "9"},
            HTTP_HX_REQUEST="true",
            HTTP_ACCEPT_LANGUAGE="de",
        )
    assert response.status_code == 400
    assert "erlaubt höchstens 4 Personen pro Mentor." in response.content.decode()
    part.refresh_from_db()
    assert part.capacity == 3


def test_a_too_long_bio_is_refused_with_numbers_written_the_readers_way() -> None:
    from ithaca.accounts.tests.factories import UserFactory

    user = UserFactory()
    client = client_for(user)
    page = client.get("/me/profile/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Jusqu&#x27;à 2\xa0000 caractères" in page
    response = client.patch(
        "/api/v1/me/profile/",
        {"bio": "x" * 2001},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 400
    assert "Bleiben Sie unter 2.000 Zeichen (dieser Text hat 2.001)." in response.content.decode()
