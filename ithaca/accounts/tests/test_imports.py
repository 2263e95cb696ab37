"""The people import service: dry run, real run, idempotence, atomicity, background work."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.hashers import is_password_usable

from ithaca.accounts import imports, importwrite
from ithaca.accounts.imports import people_import_run, people_import_start
from ithaca.accounts.models import Department, PeopleImport, Profile, User
from ithaca.accounts.tasks import process_people_import
from ithaca.accounts.tests.factories import DepartmentFactory, UserFactory
from ithaca.core.errors import DomainError

pytestmark = pytest.mark.django_db

HEADER = "Name,E-mail,Department,Job title,Grade,Manager email,Start date,Leaving date\n"
CLEAN = (
    HEADER + "Grace Hopper,grace@example.org,Engineering,Director,9,,1990-05-01,\n"
    "Ada Lovelace,ada@example.org,Engineering,Analyst,6,grace@example.org,01/02/2015,\n"
    "Bo Chen,bo@example.org,Research & Data,Scientist,,ada@example.org,2021-03-04,\n"
)


@pytest.fixture(autouse=True)
def uploader() -> User:
    # Staff run the organization-wide import (a program manager's is limited to their programs).
    return UserFactory(email="hr@example.com", is_staff=True)


def start(text: str, filename: str = "people.csv") -> PeopleImport:
    hr = User.objects.get(email="hr@example.com")
    return people_import_start(created_by=hr, filename=filename, data=text.encode("utf-8"))


def everything() -> tuple:
    """Every row an import could touch, field by field."""
    return (
        list(User.objects.order_by("pk").values()),
        list(Profile.objects.order_by("pk").values()),
        list(Department.objects.order_by("pk").values()),
    )


def test_the_dry_run_reports_the_changes_and_writes_nothing() -> None:
    before = everything()
    record = start(CLEAN)
    assert record.status == PeopleImport.Status.VALIDATED and record.can_run
    assert record.report["counts"] == {"create": 3, "update": 0, "unchanged": 0}
    assert record.report["problem_count"] == 0
    assert everything() == before


def test_the_real_run_creates_people_profiles_departments_and_managers() -> None:
    DepartmentFactory(name="Engineering", slug="engineering")
    record = people_import_run(people_import=start(CLEAN))
    assert record.status == PeopleImport.Status.DONE
    assert record.report["applied"] == {
        "created": 3, "updated": 0, "unchanged": 0, "departments_created": 1,
    }  # fmt: skip
    ada = User.objects.select_related("profile__line_manager", "profile__department").get(
        email="ada@example.org"
    )
    assert (ada.first_name, ada.last_name) == ("Ada", "Lovelace")
    assert not is_password_usable(ada.password)
    assert ada.profile.line_manager.email == "grace@example.org"
    assert ada.profile.department.slug == "engineering"
    assert ada.profile.started_on == dt.date(2015, 2, 1) and ada.profile.grade == 6
    bo = Profile.objects.select_related("department").get(user__email="bo@example.org")
    assert bo.department.slug == "research-data" and bo.grade == 3


def test_re_importing_the_same_file_plans_nothing_and_changes_nothing() -> None:
    people_import_run(people_import=start(CLEAN))
    before = everything()
    again = start(CLEAN)
    assert again.report["counts"] == {"create": 0, "update": 0, "unchanged": 3}
    people_import_run(people_import=again)
    assert everything() == before


def test_an_update_writes_only_the_changed_fields() -> None:
    people_import_run(people_import=start(CLEAN))
    ada_before = Profile.objects.get(user__email="ada@example.org")
    grace_before = Profile.objects.get(user__email="grace@example.org")
    changed = CLEAN.replace("Analyst,6", "Lead analyst,7")
    record = people_import_run(people_import=start(changed))
    assert record.report["applied"]["updated"] == 1
    assert record.report["changes"] == [
        {
            "row": 3,
            "email": "ada@example.org",
            "action": "update",
            "diff": {"job_title": ["Analyst", "Lead analyst"], "grade": ["6", "7"]},
        }
    ]
    ada = Profile.objects.get(user__email="ada@example.org")
    assert (ada.job_title, ada.grade, ada.line_manager_id) == (
        "Lead analyst", 7, ada_before.line_manager_id,
    )  # fmt: skip
    assert Profile.objects.get(user__email="grace@example.org") == grace_before
    assert (
        Profile.objects.get(user__email="grace@example.org").updated_at == grace_before.updated_at
    )


def test_an_existing_person_without_a_profile_gets_one() -> None:
    User.objects.create_user(email="noprofile@example.org")
    record = people_import_run(
        people_import=start("E-mail,Job title\nnoprofile@example.org,Nurse\n")
    )
    assert record.status == PeopleImport.Status.DONE
    assert Profile.objects.get(user__email="noprofile@example.org").job_title == "Nurse"


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("Zoe,,Ops,,,,,", "E-mail", "The e-mail address is missing."),
        ("Zoe,zoe@@example,Ops,,,,,", "E-mail", "'zoe@@example' is not an e-mail address."),
        ("Zoe,ada@example.org,Ops,,,,,", "E-mail", "ada@example.org is also on row 3."),
        ("Zoe,zoe@example.org,Ops,,,nobody@example.org,,", "Manager email",
         "Unknown manager nobody@example.org: not in this file and not in Ithaca."),
        ("Zoe,zoe@example.org,Ops,,,zoe@example.org,,", "Manager email",
         "Nobody can be their own line manager."),
        ("Zoe,zoe@example.org,Ops,,,,2020-31-12,", "Start date",
         "Expected a date as YYYY-MM-DD (or DD/MM/YYYY); got '2020-31-12'."),
        ("Zoe,zoe@example.org,Ops,,,,2020-01-02,2020-01-01", "Leaving date",
         "The leaving date 2020-01-01 is before the start date 2020-01-02."),
        ("Zoe,zoe@example.org,Ops,,12,,,", "Grade",
         "The grade must be a whole number from 1 to 10; got '12'."),
        (",zoe@example.org,Ops,,,,,", "Name", "A new person needs a name."),
    ],
)  # fmt: skip
def test_a_bad_row_in_the_middle_is_reported_and_nothing_is_written(
    row: str, column: str, message: str
) -> None:
    lines = CLEAN.splitlines()
    text = "\n".join([*lines[:3], row, *lines[3:]]) + "\n"
    before = everything()
    record = start(text)
    (problem,) = record.report["problems"]
    assert {k: problem[k] for k in ("row", "column", "message")} == {
        "row": 4,
        "column": column,
        "message": message,
    }
    assert problem["code"] and problem["field"]
    assert not record.can_run
    with pytest.raises(DomainError, match="without problems"):
        people_import_run(people_import=record)
    assert everything() == before


def test_a_manager_loop_with_existing_people_is_reported() -> None:
    boss = UserFactory(email="boss@example.org")
    grace = UserFactory(email="grace@example.org")
    Profile.objects.filter(user=boss).update(line_manager=grace)
    record = start(HEADER + "Grace Hopper,grace@example.org,,,,boss@example.org,,\n")
    (problem,) = record.report["problems"]
    assert problem["message"].startswith("Manager loop: grace@example.org → boss@example.org")


def test_the_real_run_checks_again_against_todays_people() -> None:
    UserFactory(email="grace@example.org")
    record = start(HEADER + "Ada Lovelace,ada@example.org,,,,grace@example.org,,\n")
    assert record.can_run
    User.objects.filter(email="grace@example.org").delete()
    record = people_import_run(people_import=record)
    assert record.status == PeopleImport.Status.FAILED
    assert "Unknown manager" in record.report["problems"][0]["message"]
    assert not User.objects.filter(email="ada@example.org").exists()


def test_a_failure_while_writing_rolls_everything_back(monkeypatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(importwrite, "_set_managers", broken)
    before = everything()
    record = people_import_run(people_import=start(CLEAN))
    assert record.status == PeopleImport.Status.FAILED
    assert record.phase == "Something went wrong; nothing was written."
    assert everything() == before
    assert not User.objects.filter(email="ada@example.org").exists()


def test_a_file_is_imported_once_and_a_second_run_is_refused() -> None:
    record = people_import_run(people_import=start(CLEAN))
    with pytest.raises(DomainError, match="imported already"):
        people_import_run(people_import=record)


def test_an_unreadable_file_is_refused_with_a_message_and_not_stored(uploader: User) -> None:
    with pytest.raises(DomainError, match="not UTF-8"):
        people_import_start(
            created_by=uploader, filename="p.csv", data="Name\nJosé".encode("cp1252")
        )
    assert not PeopleImport.objects.exists()


def test_a_large_file_is_checked_and_imported_by_the_task_with_progress(
    monkeypatch, django_capture_on_commit_callbacks
) -> None:
    monkeypatch.setattr(imports, "INLINE_ROWS", 2)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        record = start(CLEAN)
    assert len(callbacks) == 1
    record.refresh_from_db()
    assert record.status == PeopleImport.Status.VALIDATED
    assert record.processed_rows == record.total_rows == 3
    with django_capture_on_commit_callbacks(execute=True):
        people_import_run(people_import=record)
    record.refresh_from_db()
    assert record.status == PeopleImport.Status.DONE and record.phase == "Imported"
    assert User.objects.filter(email__endswith="@example.org").count() >= 3


def test_the_task_never_applies_a_done_import_twice() -> None:
    record = people_import_run(people_import=start(CLEAN))
    before = everything()
    assert process_people_import.call(record.pk) is False
    assert everything() == before


def test_while_queued_a_large_import_is_busy_and_shows_no_progress_yet(monkeypatch) -> None:
    monkeypatch.setattr(imports, "INLINE_ROWS", 2)
    record = start(CLEAN)  # the task waits for a commit that a test never makes
    assert record.status == PeopleImport.Status.QUEUED and record.is_busy
    assert record.percent == 0
