"""Program addresses for a name in any script: transliterated, or id-based; never empty, unique."""

from __future__ import annotations

import re

import pytest

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import DomainError
from ithaca.programs.services import program_create, slug_from_name

pytestmark = pytest.mark.django_db
ADDRESS = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def create(name: str, slug: str = "", kind: str = "mentoring"):
    mode = "one_to_one" if kind == "mentoring" else "executive"
    return program_create(name=name, slug=slug, kind=kind, mode=mode)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Καθοδήγηση νέων στελεχών", "kathodigisi-neon-stelechon"),
        ("リーダーシップ研修", "ridashitpuyanxiu"),
        ("برنامج الإرشاد", "brnmj-lrshd"),
        ("🚀 Launch", "rocket-launch"),
        ("New managers", "new-managers"),
    ],
)
def test_a_name_in_any_script_is_transliterated_into_an_address(name, expected) -> None:
    program = create(name)
    assert program.slug == slug_from_name(name) == expected
    assert ADDRESS.match(program.slug)


def test_a_name_with_nothing_to_transliterate_gets_a_stable_id_based_address() -> None:
    program = create("‼ ‼")
    assert program.slug == f"program-{program.pk}"


def test_the_same_name_twice_gets_two_addresses() -> None:
    first, second, third = create("Καθοδήγηση"), create("Καθοδήγηση"), create("Καθοδήγηση")
    assert (first.slug, second.slug, third.slug) == (
        "kathodigisi",
        "kathodigisi-2",
        "kathodigisi-3",
    )


def test_a_long_name_makes_an_address_within_the_limit() -> None:
    program = create("Καθοδήγηση " * 14)
    again = create("Καθοδήγηση " * 14)
    assert len(program.slug) <= 80 and len(again.slug) <= 80 and again.slug.endswith("-2")


@pytest.mark.parametrize("slug", ["καθοδήγηση", "two words", "-", "a--b", "x" * 81])
def test_an_address_given_is_checked_in_the_service(slug) -> None:
    with pytest.raises(DomainError) as refused:
        create("Mentoring", slug=slug)
    assert refused.value.field == "slug"


@pytest.mark.parametrize("name", ["   ", "x" * 161])
def test_a_program_needs_a_name_that_fits(name) -> None:
    with pytest.raises(DomainError) as refused:
        create(name)
    assert refused.value.field == "name"


def test_the_console_form_makes_the_address_from_a_greek_name() -> None:
    from django.test import Client

    staff = UserFactory(is_staff=True)
    client = Client()
    client.force_login(staff)
    form = client.get("/console/programs/new/").context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {name: value for name, value in data.items() if value is not None}
    data.update(name="Καθοδήγηση", slug="", kind="mentoring", mode="one_to_one")
    data["enrolment_questions"] = ""
    response = client.post("/console/programs/new/", data)
    assert response.status_code == 302, response.context["form"].errors
    assert response["Location"] == "/console/programs/kathodigisi/"
    assert client.get(response["Location"]).status_code == 200


def test_the_api_makes_the_address_from_an_arabic_name() -> None:
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(UserFactory(is_staff=True))
    response = client.post(
        "/api/v1/console/programs/",
        {"name": "برنامج الإرشاد", "kind": "mentoring", "mode": "one_to_one"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["slug"] == "brnmj-lrshd"
