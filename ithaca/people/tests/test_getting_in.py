"""From an invitation to home: a password, the welcome wizard, the zone everywhere."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ithaca.accounts.models import CareerEntry, Profile, User
from ithaca.accounts.services import user_invite
from ithaca.accounts.tests.factories import UserFactory
from ithaca.notifications.services import local_time, notify
from ithaca.people.tests.helpers import client_for

pytestmark = pytest.mark.django_db


def _accept_invitation(django_capture_on_commit_callbacks) -> tuple[Client, User]:
    with django_capture_on_commit_callbacks(execute=True):
        user = user_invite(email="new@example.org", first_name="Nia")
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    client = Client()
    response = client.get(link.split("8000", 1)[-1], follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"password1": "Long-pass-word-9", "password2": "Long-pass-word-9"}
    )
    assert response.status_code == 302, response.content[:400]
    assert response["Location"] == "/me/welcome/"
    return client, user


def test_an_invitation_leads_to_the_wizard_then_home(django_capture_on_commit_callbacks) -> None:
    client, user = _accept_invitation(django_capture_on_commit_callbacks)
    page = client.get("/me/welcome/").content.decode()
    assert "Step 1 of" in page
    client.post(
        "/me/welcome/", {"step": "basics", "time_zone": "Asia/Kolkata", "languages": "English"}
    )
    assert Profile.objects.get(user=user).time_zone == "Asia/Kolkata"
    assert client.post("/me/welcome/", {"step": "photo", "skip_step": "1"})["Location"].endswith(
        "step=career"
    )
    client.post(
        "/me/welcome/", {"step": "career", "role": "Staff nurse", "started_on": "2019-05-01"}
    )
    assert CareerEntry.objects.filter(user=user, role="Staff nurse").exists()
    response = client.post("/me/welcome/", {"step": "seeker", "reason": "career"})
    assert response["Location"] == "/intake/new/"
    assert Profile.objects.get(user=user).welcome == Profile.Welcome.DONE


def test_the_wizard_can_be_skipped_and_resumed_from_home(
    django_capture_on_commit_callbacks,
) -> None:
    client, user = _accept_invitation(django_capture_on_commit_callbacks)
    client.post("/me/welcome/", {"step": "basics", "time_zone": "Europe/Paris", "languages": ""})
    assert client.post("/me/welcome/skip/")["Location"] == "/"
    home = client.get("/").content.decode()
    assert "Continue setting up" in home and "% complete" in home
    assert (
        "step=photo" in client.get("/me/welcome/").content.decode()
        or Profile.objects.get(user=user).welcome_step == "photo"
    )


def test_a_mentor_adds_a_path_walked_in_the_wizard(django_capture_on_commit_callbacks) -> None:
    from ithaca.programs.tests.factories import ParticipationFactory

    client, user = _accept_invitation(django_capture_on_commit_callbacks)
    part = ParticipationFactory(user=user, role="mentor", capacity=1)
    response = client.post(
        "/me/welcome/",
        {"step": "career", "role": "Ward manager", "started_on": "2015-02-01",
         "expertise": "rostering", f"capacity_{part.pk}": "2"},
    )  # fmt: skip
    assert response.status_code == 302
    assert CareerEntry.objects.filter(user=user, role="Ward manager").exists()
    part.refresh_from_db()
    assert part.capacity == 2


def test_pages_show_times_in_the_persons_zone_with_its_abbreviation() -> None:
    user = UserFactory()
    Profile.objects.filter(user=user).update(time_zone="Asia/Kolkata")
    client = Client()
    client.force_login(user)  # the zone is read at sign-in
    from ithaca.intake.services import intake_submit

    intake = intake_submit(author=user, text="I want to grow into a leadership role over years.")
    intake.created_at = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    intake.save()
    page = client.get(f"/intake/{intake.pk}/").content.decode()
    assert "1 Mar 2026" in page
    assert client.session.get("ithaca_time_zone") == "Asia/Kolkata"


def test_saving_a_new_zone_applies_at_once() -> None:
    user = UserFactory()
    client = client_for(user)
    client.post("/me/profile/basics/", {"time_zone": "America/Denver", "languages": ""})
    assert client.session["ithaca_time_zone"] == "America/Denver"


def test_each_recipient_reads_an_email_in_their_own_zone(
    django_capture_on_commit_callbacks,
) -> None:
    dublin, tokyo = UserFactory(email="d@example.org"), UserFactory(email="t@example.org")
    Profile.objects.filter(user=dublin).update(time_zone="Europe/Dublin")
    Profile.objects.filter(user=tokyo).update(time_zone="Asia/Tokyo")
    when = dt.datetime(2026, 7, 1, 9, 0, tzinfo=dt.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        for person in (User.objects.get(pk=dublin.pk), User.objects.get(pk=tokyo.pk)):
            notify(
                recipient=person,
                kind="meeting.reminder",
                subject=None,
                context={"other": "Ada", "when": local_time(person, when)},
            )
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert "Wed 1 Jul 2026, 10:00 (Europe/Dublin)" in bodies["d@example.org"]
    assert "Wed 1 Jul 2026, 18:00 (Asia/Tokyo)" in bodies["t@example.org"]
    assert timezone.get_current_timezone_name() == "UTC"


def test_the_login_page_does_not_send_people_to_a_closed_sign_up(settings) -> None:
    settings.ITHACA_SIGNUP_MODE = "closed"
    page = Client().get("/accounts/login/").content.decode()
    assert "sign up" not in page.lower() and "invitation" in page
    settings.ITHACA_SIGNUP_MODE = "open"
    assert "sign up" in Client().get("/accounts/login/").content.decode().lower()


def test_sign_up_for_listed_domains_refuses_other_addresses(settings) -> None:
    settings.ITHACA_SIGNUP_MODE = "domains"
    settings.ITHACA_SIGNUP_DOMAINS = ["northwind.org"]
    data = {"password1": "Very-good-pw-7", "password2": "Very-good-pw-7"}
    response = Client().post("/accounts/signup/", {"email": "x@gmail.com", **data})
    assert response.status_code == 200 and "@northwind.org" in response.content.decode()
    assert not User.objects.filter(email="x@gmail.com").exists()
    response = Client().post("/accounts/signup/", {"email": "y@northwind.org", **data})
    assert response.status_code == 302
    assert Profile.objects.get(user__email="y@northwind.org").welcome == Profile.Welcome.PENDING


def test_a_session_from_before_zones_were_remembered_gets_the_zone_on_its_next_page() -> None:
    user = UserFactory()
    Profile.objects.filter(user=user).update(time_zone="Europe/Berlin")
    client = client_for(user)
    session = client.session
    del session["ithaca_time_zone"]
    session.save()
    client.get("/me/profile/")
    assert client.session["ithaca_time_zone"] == "Europe/Berlin"
