"""The console endpoints: programs, applications, invitations, imports and exports."""

from __future__ import annotations

import base64
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from rest_framework.test import APIClient

from ithaca.accounts.models import PeopleImport, User
from ithaca.accounts.tests.factories import UserFactory
from ithaca.console.tests.factories import make_world
from ithaca.programs.models import Participation, Program
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory

pytestmark = pytest.mark.django_db

CLEAN = (
    "E-mail,Name,Line manager\n"
    "grace@example.org,Grace Hopper,\n"
    "ada@example.org,Ada,grace@example.org\n"
)


def _api(user: User | None = None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.content
    return response.json()["error"]


@pytest.fixture
def world():
    return make_world()


def test_a_manager_creates_a_program_and_becomes_its_manager(world) -> None:
    response = _api(world.manager).post(
        "/api/v1/console/programs/",
        {"name": "Reverse mentoring", "kind": "mentoring", "mode": "reverse"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["slug"] == "reverse-mentoring"
    assert Program.objects.get(slug="reverse-mentoring").managers.get() == world.manager


def test_a_taken_address_and_a_wrong_mode_are_400s_in_the_error_shape(world) -> None:
    client = _api(world.manager)
    error = _error(client.post("/api/v1/console/programs/", {
        "name": "X", "slug": world.program.slug, "kind": "mentoring", "mode": "peer",
    }, format="json"), 400)  # fmt: skip
    assert error["fields"] == {
        "slug": [f"A program with the address '{world.program.slug}' already exists."]
    }
    error = _error(client.post("/api/v1/console/programs/", {
        "name": "Y", "kind": "coaching", "mode": "peer",
    }, format="json"), 400)  # fmt: skip
    assert error["message"] == "'peer' is not a coaching mode."


def test_a_plain_participant_cannot_create_or_list_console_programs(world) -> None:
    client = _api(world.active)
    _error(client.get("/api/v1/console/programs/"), 403)
    _error(client.post("/api/v1/console/programs/", {}, format="json"), 403)


def test_managed_programs_are_listed_in_a_fixed_number_of_queries(
    django_assert_max_num_queries,
) -> None:
    manager = UserFactory()
    for _ in range(12):
        program = ProgramFactory()
        program.managers.add(manager)
        ParticipationFactory(program=program, state="pending")
    ProgramFactory()
    client = _api(manager)
    with django_assert_max_num_queries(4):
        body = client.get("/api/v1/console/programs/").json()
    assert body["count"] == 12 and {p["pending_count"] for p in body["results"]} == {1}


def test_a_program_is_updated_partially_and_keeps_its_kind(world) -> None:
    response = _api(world.manager).patch(
        f"/api/v1/console/programs/{world.program.slug}/",
        {"request_expiry_days": 9, "kind": "coaching"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["request_expiry_days"] == 9 and response.json()["kind"] == "mentoring"


@pytest.mark.parametrize(
    ("field", "value"),
    [("review_period_days", 731), ("session_count", 101), ("session_cadence_days", 91),
     ("session_cadence_days", 0), ("request_expiry_days", 40000)],
)  # fmt: skip
def test_a_rule_out_of_its_range_is_a_400_naming_the_field(world, field: str, value: int) -> None:
    response = _api(world.manager).patch(
        f"/api/v1/console/programs/{world.program.slug}/", {field: value}, format="json"
    )
    error = _error(response, 400)
    assert list(error["fields"]) == [field] and "Ensure this value is" in str(error)
    world.program.refresh_from_db()
    assert getattr(world.program, field) != value


def test_the_database_refuses_a_rule_out_of_its_range(world) -> None:
    from django.db import IntegrityError, transaction

    for field, value in [("review_period_days", 731), ("session_count", 101),
                         ("session_cadence_days", 91), ("nudge_after_days", 0)]:  # fmt: skip
        with pytest.raises(IntegrityError), transaction.atomic():
            Program.objects.filter(pk=world.program.pk).update(**{field: value})


def test_another_programs_manager_gets_403_and_a_hidden_program_404(world) -> None:
    stranger = UserFactory()
    ProgramFactory().managers.add(stranger)
    client = _api(stranger)
    _error(client.patch(f"/api/v1/console/programs/{world.program.slug}/", {}), 403)
    Program.objects.filter(pk=world.program.pk).update(enrolment_open=False)
    _error(client.get(f"/api/v1/console/programs/{world.program.slug}/applications/"), 404)


def test_enrolment_is_closed_and_opened(world) -> None:
    url = f"/api/v1/console/programs/{world.program.slug}/enrolment/"
    assert (
        _api(world.manager).post(url, {"open": False}, format="json").json()["enrolment_open"]
        is False
    )
    world.program.refresh_from_db()
    assert not world.program.enrolment_open


def test_participants_are_listed_with_stages_in_a_fixed_number_of_queries(
    world, django_assert_max_num_queries
) -> None:
    for _ in range(10):
        ParticipationFactory(program=world.program, role="seeker")
    client = _api(world.manager)
    url = f"/api/v1/console/programs/{world.program.slug}/participants/"
    with django_assert_max_num_queries(5):
        body = client.get(url).json()
    assert body["count"] == 16
    body = client.get(f"{url}?stage=matched").json()
    assert [p["person"]["email"] for p in body["results"]] == [world.matched.email]
    mentor = client.get(f"{url}?role=mentor").json()["results"][0]
    assert (mentor["stage"], mentor["capacity_used"]) == ("active", 2)
    _error(client.get(f"{url}?stage=lost"), 400)


def test_applications_are_listed_and_decided(world, django_assert_max_num_queries) -> None:
    client = _api(world.manager)
    url = f"/api/v1/console/programs/{world.program.slug}/applications/"
    with django_assert_max_num_queries(5):
        (application,) = client.get(url).json()["results"]
    response = client.post(f"{url}{application['id']}/approve/")
    assert response.status_code == 200 and response.json()["state"] == "active"
    error = _error(client.post(f"{url}{application['id']}/decline/"), 400)
    assert "decided already" in error["message"]
    _error(client.post(f"{url}{application['id']}/maybe/"), 400)


def test_an_invitation_gives_a_new_person_a_role(world) -> None:
    response = _api(world.manager).post(
        f"/api/v1/console/programs/{world.program.slug}/invitations/",
        {"email": "newbie@example.org", "role": "seeker", "first_name": "New"},
        format="json",
    )
    assert response.status_code == 201
    assert Participation.objects.get(user__email="newbie@example.org").program == world.program


def test_an_import_is_uploaded_as_json_checked_and_run(world) -> None:
    client = _api(world.manager)
    response = client.post(
        "/api/v1/console/imports/", {"filename": "people.csv", "content": CLEAN}, format="json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "validated" and body["can_run"]
    assert body["report"]["counts"] == {"create": 2, "update": 0, "unchanged": 0}
    progress = client.get(f"/api/v1/console/imports/{body['id']}/").json()
    assert progress["percent"] == 100
    done = client.post(f"/api/v1/console/imports/{body['id']}/run/").json()
    assert done["status"] == "done" and done["report"]["applied"]["created"] == 2
    assert _error(client.post(f"/api/v1/console/imports/{body['id']}/run/"), 400)


def test_an_import_is_uploaded_as_a_multipart_xlsx(world) -> None:
    book = Workbook()
    book.active.append(["Email Address", "First name", "Last name"])
    book.active.append(["ada@example.org", "Ada", "Lovelace"])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile("people.xlsx", buffer.getvalue())
    body = _api(world.manager).post("/api/v1/console/imports/", {"file": upload}).json()
    assert body["kind"] == "xlsx" and body["report"]["counts"]["create"] == 1
    as_json = _api(world.manager).post("/api/v1/console/imports/", {
        "filename": "people.xlsx", "content": base64.b64encode(buffer.getvalue()).decode(),
        "content_base64": True,
    }, format="json").json()  # fmt: skip
    assert as_json["report"]["counts"]["create"] == 1


def test_an_import_with_problems_cannot_run_and_a_garbled_file_is_a_400(world) -> None:
    client = _api(world.manager)
    body = client.post(
        "/api/v1/console/imports/",
        {"filename": "p.csv", "content": CLEAN + "zed@example.org,Zed,nobody@example.org\n"},
        format="json",
    ).json()
    assert body["report"]["problem_count"] == 1 and not body["can_run"]
    _error(client.post(f"/api/v1/console/imports/{body['id']}/run/"), 400)
    error = _error(client.post("/api/v1/console/imports/", {}, format="json"), 400)
    assert error["fields"] == {"non_field_errors": ["Send a file, or a filename with its content."]}
    upload = SimpleUploadedFile("p.csv", "E-mail\njosé@x.org\n".encode("cp1252"))
    error = _error(client.post("/api/v1/console/imports/", {"file": upload}), 400)
    assert "not UTF-8" in error["message"] and error["fields"]["file"]


def test_imports_are_for_managers_and_staff_and_their_own_uploader(world) -> None:
    _error(_api(world.mentor).post("/api/v1/console/imports/", {}, format="json"), 403)
    body = (
        _api(world.manager)
        .post("/api/v1/console/imports/", {"filename": "p.csv", "content": CLEAN}, format="json")
        .json()
    )
    _error(_api(make_world().manager).get(f"/api/v1/console/imports/{body['id']}/"), 404)
    staff = _api(UserFactory(is_staff=True)).get(f"/api/v1/console/imports/{body['id']}/")
    assert staff.status_code == 200
    assert PeopleImport.objects.count() == 1


def test_an_export_is_a_csv_of_the_managers_programs(world) -> None:
    response = _api(world.manager).get("/api/v1/console/exports/relationships.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("id,program,mentor,mentee,status") and len(lines) == 5
    _error(_api(world.manager).get("/api/v1/console/exports/journals.csv"), 400)
    _error(_api(world.active).get("/api/v1/console/exports/relationships.csv"), 403)


def test_a_program_is_created_with_enrolment_questions(world) -> None:
    response = _api(world.manager).post(
        "/api/v1/console/programs/",
        {"name": "Circles", "kind": "mentoring", "mode": "peer",
         "enrolment_questions": ["Why now?"]},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    assert response.json()["enrolment_questions"] == ["Why now?"]
    assert Program.objects.get(slug="circles").enrolment_questions == ["Why now?"]
