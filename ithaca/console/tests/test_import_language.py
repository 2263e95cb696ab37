"""An import's problems and phase are stored as codes and values and read in the
reader's language; a record from before codes keeps its English words."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from ithaca.accounts.models import PeopleImport, User
from ithaca.console.tests.factories import make_world

pytestmark = pytest.mark.django_db

FILE = (
    "E-mail,Name,Department\n"
    "grace@example.org,Grace Hopper,Engineering\n"
    "bad-address,Someone,\n"
    "ada@example.org,,Engineering\n"
)


def _client(user: User, language: str) -> Client:
    user.profile.interface_language = language
    user.profile.save(update_fields=["interface_language"])
    client = Client()
    client.force_login(user)
    return client


def test_a_german_manager_reads_the_problems_of_a_file_in_german() -> None:
    manager = make_world().manager
    english = _client(manager, "en")
    upload = SimpleUploadedFile("people.csv", FILE.encode())
    response = english.post("/console/people/import/", {"file": upload})
    record = PeopleImport.objects.get()
    stored = record.report["problems"]
    assert [(p["row"], p["code"], p["params"]) for p in stored] == [
        (3, "bad_email", {"value": "bad-address"}),
        (4, "name_missing", {}),
    ]
    assert stored[0]["message"] == "'bad-address' is not an e-mail address."
    assert record.phase == "2 problems to fix"

    page = _client(manager, "de").get(response["Location"]).content.decode()
    assert (
        "<td>3</td><td>E-mail</td><td>&#x27;bad-address&#x27; ist keine E-Mail-Adresse.</td>"
        in page
    )
    assert "<td>4</td><td>Name</td><td>Eine neue Person braucht einen Namen.</td>" in page
    assert "is not an e-mail address" not in page

    api = APIClient()
    api.force_authenticate(manager)
    body = api.get(f"/api/v1/console/imports/{record.pk}/", HTTP_ACCEPT_LANGUAGE="de").json()
    problems = body["report"]["problems"]
    assert problems[0]["message"] == "'bad-address' ist keine E-Mail-Adresse."
    assert (problems[0]["code"], problems[0]["params"]) == ("bad_email", {"value": "bad-address"})
    assert body["status"] == "validated"


def test_a_column_ithaca_names_is_translated_but_the_files_own_heading_is_not() -> None:
    manager = make_world().manager
    client = _client(manager, "fr")
    upload = SimpleUploadedFile("people.csv", b"Courriel,Nom\nada@example.org,Ada\n")
    client.post("/console/people/import/", {"file": upload})
    record = PeopleImport.objects.get()
    (problem,) = record.report["problems"]
    assert problem["column"] == "E-mail" and problem["code"] == "no_email_column"
    assert problem["named_by_ithaca"] is True
    page = client.get(f"/console/people/import/{record.pk}/").content.decode()
    assert "<td>1</td><td>E-mail</td>" in page
    assert "Aucune colonne d&#x27;adresse e-mail. En-têtes trouvés : Courriel, Nom." in page


def test_an_import_stored_before_codes_shows_its_english_words() -> None:
    manager = make_world().manager
    record = PeopleImport.objects.create(
        created_by=manager,
        filename="old.csv",
        content="E-mail\n",
        status=PeopleImport.Status.FAILED,
        phase="Something odd an older Ithaca wrote.",
        report={
            "total_rows": 1,
            "problem_count": 1,
            "problems": [{"row": 2, "column": "Mail", "message": "An old English sentence."}],
        },
    )
    page = _client(manager, "de").get(f"/console/people/import/{record.pk}/").content.decode()
    assert "Something odd an older Ithaca wrote." in page
    assert "<td>2</td><td>Mail</td><td>An old English sentence.</td>" in page
    record.phase = "The file has problems now; nothing was written."
    record.save(update_fields=["phase"])
    page = _client(manager, "de").get(f"/console/people/import/{record.pk}/").content.decode()
    assert "Die Datei hat jetzt Probleme; nichts wurde gespeichert." in page


def test_a_file_that_cannot_be_read_is_refused_in_the_uploaders_language() -> None:
    manager = make_world().manager
    client = _client(manager, "de")
    upload = SimpleUploadedFile("people.csv", "E-mail\nzoë@example.org\n".encode("latin-1"))
    response = client.post("/console/people/import/", {"file": upload})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Die Datei ist kein UTF-8-Text. Speichern Sie sie in Ihrer Tabellenkalkulation" in page
    assert not PeopleImport.objects.exists()
