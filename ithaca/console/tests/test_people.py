"""The import pages (upload, dry run, run, progress) and the CSV exports."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ithaca.accounts import imports
from ithaca.accounts.models import PeopleImport, User
from ithaca.accounts.tests.factories import UserFactory
from ithaca.console.tests.factories import make_relationship, make_world
from ithaca.programs.tests.factories import CoachingProgramFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

CLEAN = (
    "E-mail,Name,Department,Line manager\n"
    "grace@example.org,Grace Hopper,Engineering,\n"
    "ada@example.org,Ada Lovelace,Engineering,grace@example.org\n"
)


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(client: Client, text: str | bytes, name: str = "people.csv"):
    data = text.encode() if isinstance(text, str) else text
    return client.post("/console/people/import/", {"file": SimpleUploadedFile(name, data)})


@pytest.fixture
def manager() -> User:
    return make_world().manager


def test_a_program_manager_uploads_sees_the_dry_run_and_runs_the_import(manager) -> None:
    client = _client(manager)
    response = _upload(client, CLEAN)
    record = PeopleImport.objects.get()
    assert response["Location"] == f"/console/people/import/{record.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "no problems" in page and "would create 2" in page and "Run import" in page
    assert not User.objects.filter(email="ada@example.org").exists()
    client.post(f"/console/people/import/{record.pk}/run/")
    page = client.get(f"/console/people/import/{record.pk}/").content.decode()
    assert "Imported 2 rows: 2 created" in page
    assert User.objects.get(email="ada@example.org").profile.line_manager.email == (
        "grace@example.org"
    )


def test_the_dry_run_lists_each_problem_with_row_and_column(manager) -> None:
    client = _client(manager)
    response = _upload(client, CLEAN + "bad-address,Someone,,\n")
    page = client.get(response["Location"]).content.decode()
    assert "1 problem in 3 rows" in page
    assert (
        "<td>4</td><td>E-mail</td><td>&#x27;bad-address&#x27; is not an e-mail address.</td>"
        in page
    )
    assert "Run import" not in page


def test_an_unreadable_file_gets_a_message_not_a_500(manager) -> None:
    response = _upload(_client(manager), "E-mail,Name\njosé@example.org,José\n".encode("cp1252"))
    assert response.status_code == 400 and "not UTF-8" in response.content.decode()
    assert not PeopleImport.objects.exists()


def test_a_too_large_file_is_refused_with_the_limit(manager, monkeypatch) -> None:
    monkeypatch.setattr("ithaca.console.forms.MAX_UPLOAD_BYTES", 1024 * 1024)
    response = _upload(_client(manager), CLEAN + "x" * 1024 * 1024)
    assert response.status_code == 400
    assert "the limit is 1 MB. Split it into smaller files." in response.content.decode()


def test_a_large_import_shows_a_progress_bar_that_polls_until_done(manager, monkeypatch) -> None:
    monkeypatch.setattr(imports, "INLINE_ROWS", 1)
    client = _client(manager)
    record_url = _upload(client, CLEAN)["Location"]
    partial = client.get(record_url, HTTP_HX_REQUEST="true").content.decode()
    assert partial.startswith('<div id="import-status"') and 'hx-trigger="every 1s"' in partial
    assert "<progress" in partial and "0 of 2 rows" in partial
    record = PeopleImport.objects.get()
    imports.people_import_process(import_id=record.pk)  # what the worker does
    partial = client.get(record_url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in partial and "would create 2" in partial


def test_an_import_is_seen_by_its_uploader_and_staff_only(manager) -> None:
    _upload(_client(manager), CLEAN)
    url = f"/console/people/import/{PeopleImport.objects.get().pk}/"
    other_manager = make_world().manager
    assert _client(other_manager).get(url).status_code == 404
    assert _client(UserFactory()).get(url).status_code == 403
    assert _client(UserFactory(is_staff=True)).get(url).status_code == 200
    assert _client(UserFactory()).post(f"{url}run/").status_code == 403


def test_the_participants_export_has_stages_and_no_private_words() -> None:
    world = make_world()
    ParticipationFactory(program=world.program, role="seeker", application_note="=SECRET()")
    response = _client(world.manager).get("/console/exports/participants.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    stages = {row["email"]: row["stage"] for row in rows}
    assert stages[world.waiting.email] == "waiting" and stages[world.matched.email] == "matched"
    assert {row["program"] for row in rows} == {world.program.slug}
    mentor = next(row for row in rows if row["email"] == world.mentor.email)
    assert mentor["capacity_used"] == "2" and mentor["capacity"] == "3"
    assert "SECRET" not in b"".join(_client(world.manager).get(
        "/console/exports/participants.csv").streaming_content).decode()  # fmt: skip


def test_the_relationships_export_is_metadata_of_managed_programs_only() -> None:
    world = make_world()
    elsewhere = make_world()
    response = _client(world.manager).get("/console/exports/relationships.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 4 and {row["program"] for row in rows} == {world.program.slug}
    assert elsewhere.program.slug not in str(rows)
    assert "status_reason" not in rows[0] and "notes" not in rows[0]


def test_the_relationships_export_lists_each_program_in_turn_oldest_first() -> None:
    # Streamed one program at a time (by address), each in order of creation.
    first, second = make_world(), make_world()
    second.program.managers.add(first.manager)
    for world, age in [(second, 50), (first, 60), (second, 70)]:
        seeker = ParticipationFactory(program=world.program, role="seeker").user
        make_relationship(world.program, world.mentor, seeker, "declined", age_days=age)
    response = _client(first.manager).get("/console/exports/relationships.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 4 + 4 + 3
    keys = [(row["program"], row["created_at"]) for row in rows]
    assert keys == sorted(keys) and rows[0]["program"] == min(
        first.program.slug, second.program.slug
    )


def test_the_engagements_export_names_the_sponsor() -> None:
    program = CoachingProgramFactory()
    manager, sponsor = UserFactory(), UserFactory()
    program.managers.add(manager)
    coach = ParticipationFactory(program=program, role="coach").user
    coachee = ParticipationFactory(program=program, role="seeker").user
    make_relationship(program, coach, coachee, "active", sponsor=sponsor)
    response = _client(manager).get(f"/console/exports/engagements.csv?program={program.slug}")
    (row,) = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    assert (row["coach"], row["coachee"], row["sponsor"], row["status"]) == (
        coach.email, coachee.email, sponsor.email, "active",
    )  # fmt: skip


def test_exports_refuse_people_below_a_program_manager_and_other_programs() -> None:
    world = make_world()
    assert _client(world.mentor).get("/console/exports/participants.csv").status_code == 403
    other = make_world()
    url = f"/console/exports/participants.csv?program={other.program.slug}"
    assert _client(world.manager).get(url).status_code == 403
    assert _client(world.manager).get("/console/exports/notes.csv").status_code == 404


def test_a_program_manager_cannot_change_people_outside_their_programs(manager) -> None:
    stranger = UserFactory(email="stranger@example.org")
    world_member = ParticipationFactory(
        program=make_world().program, role="seeker", user=UserFactory(email="other@example.org")
    )
    mine = ParticipationFactory(
        program=manager.managed_programs.get(),
        role="seeker",
        user=UserFactory(email="mine@example.org"),
    )
    text = (
        "E-mail,Name,Department,Line manager\n"
        f"{mine.user.email},Mine Person,Wards,{manager.email}\n"
        f"{stranger.email},Stranger Person,Wards,{manager.email}\n"
        f"{world_member.user.email},Other Person,Wards,{manager.email}\n"
        "new@example.org,New Person,Wards,\n"
    )
    client = _client(manager)
    page = client.get(_upload(client, text)["Location"]).content.decode()
    assert page.count("in none of your programs") == 2 and "Run import" not in page
    client.post(f"/console/people/import/{PeopleImport.objects.get().pk}/run/")
    stranger.profile.refresh_from_db()
    assert stranger.profile.line_manager is None
    # Staff import for the whole organization.
    staff = _client(UserFactory(is_staff=True))
    record_page = staff.get(_upload(staff, text)["Location"]).content.decode()
    assert "in none of your programs" not in record_page and "Run import" in record_page


def test_an_import_that_makes_a_mentor_the_mentees_manager_flags_it_for_the_manager() -> None:
    from ithaca.programs.models import IndependenceFlag

    world = make_world()
    world.mentor.email, world.active.email = "mentor@example.org", "mentee@example.org"
    world.mentor.save()
    world.active.save()
    text = (
        "E-mail,Name,Department,Line manager\n"
        "mentor@example.org,Mentor Person,Wards,\n"
        "mentee@example.org,Mentee Person,Wards,mentor@example.org\n"
    )
    staff = _client(UserFactory(is_staff=True))
    _upload(staff, text)
    response = staff.post(
        f"/console/people/import/{PeopleImport.objects.get().pk}/run/", follow=True
    )
    assert "1 running relationship(s) flagged" in response.content.decode()
    flag = IndependenceFlag.objects.get()
    manager = _client(world.manager)
    page = manager.get(f"/console/programs/{world.program.slug}/").content.decode()
    assert "Independence to decide" in page and "line manager" in page
    # Another program's manager cannot decide it; this program's manager can.
    stranger = UserFactory()
    CoachingProgramFactory().managers.add(stranger)
    url = f"/console/programs/{world.program.slug}/independence/{flag.pk}/keep/"
    assert _client(stranger).post(url).status_code in (403, 404)
    assert _client(world.active).post(url).status_code == 403
    manager.post(url)
    flag.refresh_from_db()
    assert flag.decided_by == world.manager
    page = manager.get(f"/console/programs/{world.program.slug}/").content.decode()
    assert "Independence to decide" not in page
