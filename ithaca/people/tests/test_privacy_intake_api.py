"""Profiles in the personal data export and erasure, intake next steps, and the people API."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ithaca.accounts.models import CareerEntry, Profile
from ithaca.accounts.tests.factories import CareerEntryFactory, UserFactory
from ithaca.intake.models import Intake
from ithaca.intake.services import intake_submit
from ithaca.people.tests.helpers import bomb, client_for, upload
from ithaca.privacy.erasure import person_erase
from ithaca.privacy.export import person_export
from ithaca.privacy.retention import notes_expire
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory

pytestmark = pytest.mark.django_db
NEED = "I would like a mentor who has walked the path into management over the next years."


def _rich_profile():
    user = UserFactory()
    client_for(user).post("/me/profile/photo/", {"photo": upload()})
    Profile.objects.filter(user=user).update(
        bio="Mine.", expertise=["triage"], interests=["running"], pronouns="she/her"
    )
    CareerEntryFactory(user=user, role="Charge nurse")
    return user


def test_the_export_holds_the_profile_photo_and_paths_walked() -> None:
    user = _rich_profile()
    profile = person_export(user)["profile"]
    assert profile["pronouns"] == "she/her" and profile["photo"] == f"/people/{user.pk}/photo/"
    assert profile["expertise"] == ["triage"] and profile["career"][0]["role"] == "Charge nurse"


def test_erasure_removes_photo_bio_career_and_tags(django_capture_on_commit_callbacks) -> None:
    user = _rich_profile()
    photo = Profile.objects.get(user=user).photo
    name, storage = photo.name, photo.storage
    with django_capture_on_commit_callbacks(execute=True):
        person_erase(user=user, by=user)
    profile = Profile.objects.get(user=user)
    assert (profile.bio, profile.expertise, profile.interests, profile.pronouns) == ("", [], [], "")
    assert not profile.photo and not storage.exists(name)
    assert not CareerEntry.objects.filter(user=user).exists()


def test_retention_leaves_profiles_alone() -> None:
    user = _rich_profile()
    notes_expire(now=timezone.now() + dt.timedelta(days=365 * 20))
    assert Profile.objects.get(user=user).bio == "Mine."
    assert CareerEntry.objects.filter(user=user).exists()


# --- Intake: the right next step, on its own address, deletable by its author -------------


def test_the_intake_result_offers_each_program_the_step_that_fits() -> None:
    seeker = UserFactory()
    joined = ProgramFactory(name="Joined", slug="joined")
    applied = ProgramFactory(name="Applied", slug="applied")
    ProgramFactory(name="Fresh", slug="fresh")
    ParticipationFactory(program=joined, user=seeker)
    ParticipationFactory(program=applied, user=seeker, state=Participation.State.PENDING)
    client = client_for(seeker)
    response = client.post("/intake/new/", {"text": NEED})
    assert response.status_code == 302  # post/redirect/get: the result has its own address
    page = client.get(response["Location"]).content.decode()
    assert "/matching/joined/candidates/" in page and "See your candidates" in page
    assert "Waiting for approval" in page and "Request to join" in page
    assert "already has the seeker role" not in page


def test_asking_again_to_join_is_answered_in_the_second_person() -> None:
    seeker = UserFactory()
    program = ProgramFactory(slug="again")
    ParticipationFactory(program=program, user=seeker)
    intake = intake_submit(author=seeker, text=NEED)
    response = client_for(seeker).post(
        f"/intake/{intake.pk}/apply/", {"program": "again"}, follow=True
    )
    assert "You are already taking part" in response.content.decode()


def test_an_intake_is_deleted_by_its_author_only() -> None:
    author = UserFactory()
    intake = intake_submit(author=author, text=NEED)
    assert client_for(UserFactory()).post(f"/intake/{intake.pk}/delete/").status_code == 404
    assert Intake.objects.filter(pk=intake.pk).exists()
    assert client_for(author).post(f"/intake/{intake.pk}/delete/").status_code == 302
    assert not Intake.objects.filter(pk=intake.pk).exists()


# --- API ------------------------------------------------------------------------------------


def test_the_api_reads_and_patches_your_profile_with_languages_by_name() -> None:
    user = UserFactory()
    client = client_for(user)
    response = client.patch(
        "/api/v1/me/profile/", {"languages": ["Irish", "en"], "time_zone": "Europe/Dublin"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 200
    assert response.json()["languages"] == [
        {"code": "ga", "name": "Irish"},
        {"code": "en", "name": "English"},
    ]
    assert response.json()["hr"]["source"] == "people import"


@pytest.mark.parametrize(
    ("data", "field"),
    [({"time_zone": "Nowhere/Else"}, "time_zone"), ({"languages": ["Elvish"]}, "languages"),
     ({"bio": "x" * 2001}, "bio"), ({"grade": 9}, None)],
)  # fmt: skip
def test_bad_profile_input_is_a_400_and_changes_nothing(data, field) -> None:
    user = UserFactory()
    response = client_for(user).patch("/api/v1/me/profile/", data, content_type="application/json")
    if field is None:  # HR's fields are not part of the input: ignored, never written
        assert Profile.objects.get(user=user).grade != 9
        return
    assert response.status_code == 400 and field in response.json()["error"]["fields"]
    assert Profile.objects.get(user=user).time_zone == "UTC"


def test_career_entries_through_the_api() -> None:
    user = UserFactory()
    client = client_for(user)
    first = client.post(
        "/api/v1/me/profile/career/", {"role": "Nurse", "started_on": "2010-01-01"}
    ).json()
    second = client.post(
        "/api/v1/me/profile/career/", {"role": "Manager", "started_on": "2015-01-01"}
    ).json()
    bad = client.post(
        "/api/v1/me/profile/career/",
        {"role": "X", "started_on": "2015-01-01", "ended_on": "2014-01-01"},
    )
    assert bad.status_code == 400 and "ended_on" in bad.json()["error"]["fields"]
    moved = client.patch(
        f"/api/v1/me/profile/career/{second['id']}/",
        {"position": 1},
        content_type="application/json",
    )
    assert moved.status_code == 200
    assert [e["role"] for e in client.get("/api/v1/me/profile/career/").json()] == [
        "Manager",
        "Nurse",
    ]
    assert client.delete(f"/api/v1/me/profile/career/{first['id']}/").status_code == 204
    other = client_for(UserFactory())
    assert other.delete(f"/api/v1/me/profile/career/{second['id']}/").status_code == 404


def test_photos_through_the_api() -> None:
    user = UserFactory()
    client = client_for(user)
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

    def put(file):
        return client.put(
            "/api/v1/me/profile/photo/",
            encode_multipart(BOUNDARY, {"photo": file}),
            content_type=MULTIPART_CONTENT,
        )

    assert put(upload()).status_code == 200
    assert put(upload(data=bomb())).status_code == 400
    assert client.delete("/api/v1/me/profile/photo/").status_code == 204
    assert not Profile.objects.get(user=user).photo


def test_availability_through_the_api() -> None:
    program = ProgramFactory(slug="api-avail", max_capacity=3)
    part = ParticipationFactory(program=program, role=Participation.Role.MENTOR, capacity=1)
    client = client_for(part.user)
    assert client.get("/api/v1/me/availability/").json()[0]["program"] == "api-avail"
    response = client.put(
        "/api/v1/me/availability/api-avail/", {"accepting": False, "capacity": 3},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 200 and response.json()["accepting"] is False
    too_many = client.put(
        "/api/v1/me/availability/api-avail/", {"accepting": True, "capacity": 4},
        content_type="application/json",
    )  # fmt: skip
    assert too_many.status_code == 400 and "capacity" in too_many.json()["error"]["fields"]


def test_the_people_endpoints_are_in_the_openapi_schema() -> None:
    schema = client_for(UserFactory()).get("/api/v1/schema/?format=json").json()
    paths = [
        "me/profile/", "me/profile/career/", "me/profile/career/{id}/", "me/profile/photo/",
        "me/availability/", "me/availability/{slug}/", "programs/{slug}/people/", "people/{id}/",
    ]  # fmt: skip
    for path in paths:
        assert f"/api/v1/{path}" in schema["paths"], path
