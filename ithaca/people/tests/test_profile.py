"""My profile: each section saves alone, with htmx or without, and bad input changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from ithaca.accounts.models import CareerEntry, Profile
from ithaca.accounts.tests.factories import CareerEntryFactory, UserFactory
from ithaca.people.tests.helpers import bomb, client_for, image_bytes, upload
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_it_shows_every_section_and_the_hr_fields_read_only() -> None:
    user = UserFactory()
    page = client_for(user).get("/me/profile/").content.decode()
    for heading in (
        "About you",
        "Bio and tags",
        "Photo",
        "Paths you have walked",
        "From your organization",
    ):
        assert heading in page
    assert 'name="grade"' not in page and "ask HR" in page


def test_basics_save_without_javascript_and_redirect_back() -> None:
    user = UserFactory()
    response = client_for(user).post(
        "/me/profile/basics/",
        {"preferred_name": "Sam", "pronouns": "they/them", "job_title": "Nurse",
         "time_zone": "Europe/Dublin", "languages": "English, Irish"},
    )  # fmt: skip
    assert response.status_code == 302 and response["Location"].endswith("/me/profile/#basics")
    profile = Profile.objects.get(user=user)
    assert (profile.preferred_name, profile.time_zone, profile.languages) == (
        "Sam",
        "Europe/Dublin",
        ["en", "ga"],
    )


def test_languages_are_shown_by_name_never_by_code() -> None:
    user = UserFactory()
    Profile.objects.filter(user=user).update(languages=["en", "ga"])
    page = client_for(user).get("/me/profile/").content.decode()
    assert 'value="English, Irish"' in page


def test_languages_are_named_and_typed_in_the_readers_language() -> None:
    user = UserFactory()
    Profile.objects.filter(user=user).update(languages=["en", "ga", "zu"], interface_language="fr")
    client = client_for(user)
    page = client.get("/me/profile/").content.decode()
    assert 'value="anglais, Irlandais, zoulou"' in page
    assert '<option value="allemand">' in page and '<option value="German">' not in page
    client.post(
        "/me/profile/basics/",
        {"time_zone": "Europe/Dublin", "languages": "allemand, Irlandais, English"},
    )
    assert Profile.objects.get(user=user).languages == ["de", "ga", "en"]


def test_an_htmx_save_answers_with_the_section_only() -> None:
    user = UserFactory()
    response = client_for(user).post(
        "/me/profile/about/",
        {"bio": "Twenty years on wards.", "expertise": "rostering, triage"},
        **HTMX,
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Saved." in page and "<html" not in page
    assert Profile.objects.get(user=user).expertise == ["rostering", "triage"]


@pytest.mark.parametrize(
    ("url", "data", "message"),
    [
        ("/me/profile/about/", {"bio": "x" * 2001}, "under 2,000 characters"),
        (
            "/me/profile/basics/",
            {"time_zone": "Mars/Olympus", "languages": ""},
            "Select a valid choice",
        ),
        (
            "/me/profile/basics/",
            {"time_zone": "UTC", "languages": "Klingon"},
            "is not a language we know",
        ),
    ],
)
def test_bad_input_gets_a_message_beside_the_field_and_saves_nothing(url, data, message) -> None:
    user = UserFactory()
    before = Profile.objects.get(user=user)
    response = client_for(user).post(url, data, **HTMX)
    assert response.status_code == 400
    assert message in response.content.decode()
    after = Profile.objects.get(user=user)
    assert (after.bio, after.time_zone, after.languages) == (
        before.bio,
        before.time_zone,
        before.languages,
    )


def test_a_photo_is_resized_to_a_square_jpeg_and_can_be_removed(
    django_capture_on_commit_callbacks,
) -> None:
    user = UserFactory()
    client = client_for(user)
    assert client.post("/me/profile/photo/", {"photo": upload()}).status_code == 302
    profile = Profile.objects.get(user=user)
    from PIL import Image

    with profile.photo.open("rb") as handle:
        image = Image.open(handle)
        assert (image.format, image.size) == ("JPEG", (512, 512))
    name = profile.photo.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/me/profile/photo/remove/")
    assert not Profile.objects.get(user=user).photo
    assert not profile.photo.storage.exists(name)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4 not an image", "not a JPEG, PNG or WebP"),
        (bomb(), "far too large in pixels"),
        (image_bytes("GIF"), "not a JPEG, PNG or WebP"),
    ],
)
def test_a_photo_that_is_not_a_usable_image_is_refused(data, message) -> None:
    user = UserFactory()
    response = client_for(user).post("/me/profile/photo/", {"photo": upload(data=data)}, **HTMX)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Profile.objects.get(user=user).photo


def test_a_photo_over_five_megabytes_is_refused(settings) -> None:
    user = UserFactory()
    big = upload(data=b"\x89PNG" + b"0" * (5 * 1024 * 1024 + 10))
    response = client_for(user).post("/me/profile/photo/", {"photo": big}, **HTMX)
    assert response.status_code == 400 and "larger than 5 MB" in response.content.decode()


def test_career_entries_are_added_edited_reordered_and_removed() -> None:
    user = UserFactory()
    client = client_for(user)
    for role, year in (("Staff nurse", 2010), ("Ward manager", 2016)):
        client.post(
            "/me/profile/career/",
            {"role": role, "organization": "St Elsewhere", "started_on": f"{year}-01-01"},
        )
    first, second = CareerEntry.objects.filter(user=user)
    assert (first.role, second.role) == ("Staff nurse", "Ward manager")
    client.post(f"/me/profile/career/{second.pk}/move/up/")
    assert [e.role for e in CareerEntry.objects.filter(user=user)] == [
        "Ward manager",
        "Staff nurse",
    ]
    client.post(
        f"/me/profile/career/{first.pk}/",
        {"role": "Senior staff nurse", "started_on": "2010-01-01"},
    )
    client.post(f"/me/profile/career/{second.pk}/delete/")
    assert [e.role for e in CareerEntry.objects.filter(user=user)] == ["Senior staff nurse"]


def test_a_career_entry_ending_before_it_starts_is_refused() -> None:
    user = UserFactory()
    response = client_for(user).post(
        "/me/profile/career/",
        {"role": "Lead", "started_on": "2020-01-01", "ended_on": "2019-01-01"},
        **HTMX,
    )
    assert (
        response.status_code == 400 and "cannot end before it starts" in response.content.decode()
    )
    assert not CareerEntry.objects.filter(user=user).exists()


def test_someone_elses_career_entry_is_a_404() -> None:
    entry = CareerEntryFactory()
    client = client_for(UserFactory())
    assert client.get(f"/me/profile/career/{entry.pk}/").status_code == 404
    assert client.post(f"/me/profile/career/{entry.pk}/delete/").status_code == 404
    assert CareerEntry.objects.filter(pk=entry.pk).exists()


def _mentor(capacity: int = 3, limit: int = 4):
    program = ProgramFactory(max_capacity=limit)
    part = ParticipationFactory(program=program, role=Participation.Role.MENTOR, capacity=capacity)
    return program, part


def test_a_mentor_pauses_and_sets_capacity_within_the_programs_limit() -> None:
    program, part = _mentor()
    until = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    client = client_for(part.user)
    response = client.post(
        f"/me/profile/availability/{program.slug}/",
        {
            f"p{part.pk}-accepting": "yes",
            f"p{part.pk}-paused_until": until,
            f"p{part.pk}-capacity": "4",
        },
    )
    assert response.status_code == 302
    part.refresh_from_db()
    assert (part.capacity, part.paused_until.isoformat()) == (4, until)


@pytest.mark.parametrize(
    ("capacity", "message"), [("9", "at most 4 people"), ("1", "cannot be lower")]
)
def test_capacity_above_the_limit_or_below_current_mentees_is_refused(capacity, message) -> None:
    from ithaca.mentoring.services import mentoring_propose

    program, part = _mentor(capacity=3)
    for _ in range(2):
        seeker = ParticipationFactory(program=program).user
        mentoring_propose(program=program, mentor=part.user, mentee=seeker, proposed_by=seeker)
    response = client_for(part.user).post(
        f"/me/profile/availability/{program.slug}/",
        {f"p{part.pk}-accepting": "yes", f"p{part.pk}-capacity": capacity},
        **HTMX,
    )
    assert response.status_code == 400 and message in response.content.decode()
    part.refresh_from_db()
    assert part.capacity == 3


def test_availability_in_a_program_you_do_not_help_in_is_a_404() -> None:
    program, _ = _mentor()
    response = client_for(UserFactory()).post(f"/me/profile/availability/{program.slug}/", {})
    assert response.status_code == 404
