"""An audit event's summary is read in the reader's language, whoever caused it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation
from rest_framework.test import APIClient

from ithaca.accounts.models import Department
from ithaca.accounts.tests.factories import UserFactory
from ithaca.audit.models import AuditEvent
from ithaca.audit.summaries import counts, render, word
from ithaca.audit.tests.factories import AuditEventFactory
from ithaca.programs import services as program_services
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def staff() -> Client:
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_an_event_written_in_english_reads_in_german_for_a_german_reader() -> None:
    program, person = ProgramFactory(name="Pflege"), UserFactory()
    with translation.override("en"):
        program_services.participation_add(program=program, user=person, role="mentor", capacity=1)
    event = AuditEvent.objects.get(subject=person)
    assert event.code == "role.given"
    assert event.summary == "Given the role “Mentor” in Pflege"  # the English, stored
    german = "Rolle „Mentor“ in Pflege vergeben"
    page = staff().get("/audit/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert german in page and "Given the role" not in page
    admin = staff().get(f"/admin/audit/auditevent/{event.pk}/change/", HTTP_ACCEPT_LANGUAGE="de")
    assert german in admin.content.decode()
    english = staff().get("/audit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Given the role “Mentor” in Pflege" in english
    reader = UserFactory(is_staff=True)
    listed = api(reader).get("/api/v1/audit/", HTTP_ACCEPT_LANGUAGE="de").json()["results"]
    assert [(e["code"], e["summary"]) for e in listed] == [("role.given", german)]
    assert listed[0]["subject"]["id"] == person.pk


def test_the_api_keeps_the_audit_log_to_staff_and_managers_and_checks_its_filters() -> None:
    AuditEventFactory(summary="Exported")
    assert api(UserFactory()).get("/api/v1/audit/").status_code == 403
    reader = api(UserFactory(is_staff=True))
    assert reader.get("/api/v1/audit/?action=nonsense").status_code == 400
    assert reader.get("/api/v1/audit/?action=export").json()["results"] == []


def test_an_event_from_before_codes_shows_its_stored_english() -> None:
    AuditEventFactory(summary="Read a shared coaching session note")
    page = staff().get("/audit/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Read a shared coaching session note" in page
    reader = api(UserFactory(is_staff=True))
    [listed] = reader.get("/api/v1/audit/", HTTP_ACCEPT_LANGUAGE="de").json()["results"]
    assert (listed["code"], listed["summary"]) == ("", "Read a shared coaching session note")


def test_words_and_counts_are_translated_when_shown() -> None:
    role = word(Participation.Role("sponsor").label)
    assert role == {"word": "Sponsor"}
    done = counts({"journal entries": 2, "intakes": 1, "messages": 0})
    with translation.override("de"):
        assert render("erasure.staff", {"done": done}) == (
            "Personenbezogene Daten durch die Administration gelöscht: "
            "2 Journaleinträge, 1 Bedarfsanalyse"
        )
    with translation.override("fr"):
        assert render("erasure.role_ended", {"role": role, "program": "P"}) == (
            "Rôle « Commanditaire » dans P terminé par l'effacement"
        )


def test_an_admin_change_is_shown_with_djangos_words_in_the_readers_language() -> None:
    department = Department.objects.create(name="Wards", slug="wards")
    staff().post(
        f"/admin/accounts/department/{department.pk}/change/",
        {"name": "Stations", "slug": "wards"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    event = AuditEvent.objects.get(object_type="accounts.department")
    assert event.code == "admin.changed.detail"
    assert event.summary == "Admin: changed accounts.department “Stations”: Changed Name."
    with translation.override("de"):
        assert event.shown_summary == (
            "Admin: accounts.department „Stations“ geändert: Name geändert."
        )
