"""The pure people-import checks: headers, cells, every row problem and the planned changes."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from ithaca.accounts.importing import FileProblem, Person, build_plan, read_rows, read_upload
from ithaca.accounts.importing.files import MAX_UPLOAD_BYTES
from ithaca.accounts.importing.headers import map_header

HEADER = "Name,E-mail,Department,Job title,Grade,Manager email,Start date,Leaving date"


def plan_for(text: str, snapshot: dict[str, Person] | None = None):
    header, rows = read_rows(text)
    return build_plan(header, rows, snapshot or {})


def problems(plan) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.message) for p in plan.problems]


def test_it_maps_the_many_names_hr_systems_give_a_column() -> None:
    columns = map_header(
        ["Email Address", "First name", "Surname", "Line manager", "Hire date", "Foo"]
    )
    assert set(columns.columns) == {
        "email", "first_name", "last_name", "manager_email", "started_on",
    }  # fmt: skip
    assert columns.ignored == ["Foo"]


def test_a_clean_file_plans_one_create_per_person_with_its_values() -> None:
    plan = plan_for(
        f"{HEADER}\nAda Lovelace,ADA@example.org,Research,Analyst,7,,2020-01-31,\n"
        "Bo Chen,bo@example.org,Research,Engineer,,ada@example.org,31/01/2021,\n"
    )
    assert plan.ok and plan.counts() == {"create": 2, "update": 0, "unchanged": 0}
    ada, bo = plan.changes
    assert ada.email == "ada@example.org" and ada.person.grade == 7
    assert ada.person.started_on == dt.date(2020, 1, 31)
    assert bo.person.manager_email == "ada@example.org" and bo.person.grade == 3
    assert bo.person.started_on == dt.date(2021, 1, 31)
    assert bo.diff["manager_email"] == ("", "ada@example.org")


def test_a_missing_email_is_a_problem_on_its_row() -> None:
    plan = plan_for(f"{HEADER}\nAda Lovelace,,Research,,,,,\n")
    assert problems(plan) == [(2, "E-mail", "The e-mail address is missing.")]
    assert not plan.ok and plan.changes == []


def test_a_malformed_email_is_named() -> None:
    plan = plan_for(f"{HEADER}\nAda,ada at example.org,,,,,,\n")
    assert problems(plan) == [(2, "E-mail", "'ada at example.org' is not an e-mail address.")]


def test_a_duplicate_email_points_at_the_first_row() -> None:
    plan = plan_for(f"{HEADER}\nAda,ada@example.org,,,,,,\nAda L,Ada@Example.org,,,,,,\n")
    assert problems(plan) == [(3, "E-mail", "ada@example.org is also on row 2.")]


def test_an_unknown_manager_is_neither_in_the_file_nor_in_ithaca() -> None:
    plan = plan_for(f"{HEADER}\nAda,ada@example.org,,,,zed@example.org,,\n")
    assert problems(plan) == [
        (2, "Manager email", "Unknown manager zed@example.org: not in this file and not in Ithaca.")
    ]


def test_a_manager_who_already_exists_is_known() -> None:
    plan = plan_for(
        f"{HEADER}\nAda,ada@example.org,,,,zed@example.org,,\n",
        {"zed@example.org": Person(first_name="Zed")},
    )
    assert plan.ok


def test_nobody_is_their_own_manager() -> None:
    plan = plan_for(f"{HEADER}\nAda,ada@example.org,,,,ada@example.org,,\n")
    assert problems(plan) == [(2, "Manager email", "Nobody can be their own line manager.")]


def test_a_manager_loop_across_the_file_and_existing_people_is_found() -> None:
    # a -> b in the file, b -> c in the file, and c -> a already in Ithaca.
    plan = plan_for(
        f"{HEADER}\nA,a@example.org,,,,b@example.org,,\nB,b@example.org,,,,c@example.org,,\n",
        {"c@example.org": Person(first_name="C", manager_email="a@example.org")},
    )
    loop = "Manager loop: a@example.org → b@example.org → c@example.org → a@example.org (3 people)."
    assert problems(plan) == [(2, "Manager email", loop), (3, "Manager email", loop)]


def test_a_chain_that_ends_is_not_a_loop() -> None:
    rows = "".join(f"P{i},p{i}@example.org,,,,p{i + 1}@example.org,,\n" for i in range(50))
    plan = plan_for(f"{HEADER}\n{rows}Top,p50@example.org,,,,,,\n")
    assert plan.ok and plan.counts()["create"] == 51


def test_a_bad_date_says_which_formats_are_expected() -> None:
    plan = plan_for(
        f"{HEADER}\nAda,ada@example.org,,,,,2021-02-30,\nBo,bo@example.org,,,,,,13/13/2020\n"
    )
    assert problems(plan) == [
        (2, "Start date", "Expected a date as YYYY-MM-DD (or DD/MM/YYYY); got '2021-02-30'."),
        (3, "Leaving date", "Expected a date as YYYY-MM-DD (or DD/MM/YYYY); got '13/13/2020'."),
    ]


def test_leaving_before_starting_is_a_problem_even_against_the_known_start() -> None:
    plan = plan_for(
        f"{HEADER}\nAda,ada@example.org,,,,,,2019-12-31\n",
        {"ada@example.org": Person(first_name="Ada", started_on=dt.date(2020, 1, 1))},
    )
    assert problems(plan) == [
        (2, "Leaving date", "The leaving date 2019-12-31 is before the start date 2020-01-01.")
    ]


@pytest.mark.parametrize("grade", ["0", "11", "3.5", "senior", "-2"])
def test_a_grade_must_be_a_whole_number_from_1_to_10(grade: str) -> None:
    plan = plan_for(f"{HEADER}\nAda,ada@example.org,,,{grade},,,\n")
    assert problems(plan) == [
        (2, "Grade", f"The grade must be a whole number from 1 to 10; got {grade!r}.")
    ]


def test_an_empty_grade_keeps_the_known_one() -> None:
    plan = plan_for(
        f"{HEADER}\nAda,ada@example.org,,,,,,\n",
        {"ada@example.org": Person(first_name="Ada", grade=9)},
    )
    assert plan.changes[0].action == "unchanged" and plan.changes[0].person.grade == 9


def test_a_new_person_needs_a_name_but_a_known_one_does_not() -> None:
    plan = plan_for(
        f"{HEADER}\n,new@example.org,,,,,,\n,old@example.org,,Boss,,,,\n",
        {"old@example.org": Person(first_name="Old")},
    )
    assert problems(plan) == [(2, "Name", "A new person needs a name.")]
    assert [c.action for c in plan.changes] == ["update"]


def test_a_too_long_cell_is_a_problem_not_a_failed_write() -> None:
    plan = plan_for(f"{HEADER}\nAda,ada@example.org,,{'x' * 161},,,,\n")
    assert problems(plan) == [(2, "Job title", "At most 160 characters; this has 161.")]


def test_an_update_lists_only_the_fields_that_change() -> None:
    known = Person(first_name="Ada", last_name="Lovelace", department="Research", grade=5)
    plan = plan_for(
        f"{HEADER}\nAda Lovelace,ada@example.org,research,Lead,6,,,\n",
        {"ada@example.org": known},
    )
    (change,) = plan.changes
    assert change.action == "update"
    assert change.diff == {"job_title": ("", "Lead"), "grade": ("5", "6")}


def test_a_full_name_that_splits_differently_is_not_a_change() -> None:
    known = Person(first_name="Mary Ann", last_name="Evans")
    plan = plan_for(f"{HEADER}\nMary Ann Evans,mae@example.org,,,,,,\n", {"mae@example.org": known})
    assert plan.changes[0].action == "unchanged"


def test_first_and_last_name_columns_and_last_comma_first_are_read() -> None:
    plan = plan_for("Email,First name,Last name\nada@example.org,Ada,Lovelace\n")
    assert plan.changes[0].person.last_name == "Lovelace"
    plan = plan_for('Email,Name\nada@example.org,"Lovelace, Ada"\n')
    assert (plan.changes[0].person.first_name, plan.changes[0].person.last_name) == (
        "Ada", "Lovelace",
    )  # fmt: skip


def test_a_file_without_an_email_column_says_which_headings_it_found() -> None:
    plan = plan_for("Name,Team\nAda,Research\n")
    assert problems(plan) == [(1, "E-mail", "No e-mail column. Headings found: Name, Team.")]


def test_blank_rows_are_skipped_and_row_numbers_stay_true() -> None:
    plan = plan_for(f"{HEADER}\n\n,,,,,,,\nAda,,,,,,,\n")
    assert plan.total_rows == 1 and problems(plan)[0][0] == 4


def test_semicolon_separated_files_are_read() -> None:
    plan = plan_for("E-mail;Name;Grade\nada@example.org;Ada;4\n")
    assert plan.ok and plan.changes[0].person.grade == 4


def test_the_report_counts_and_lists_problems_and_changes() -> None:
    report = plan_for(f"{HEADER}\nAda,ada@example.org,,,,,,\nBo,,,,,,,\n").report()
    assert report["total_rows"] == 2 and report["problem_count"] == 1
    assert report["problems"] == [
        {
            "row": 3,
            "column": "E-mail",
            "field": "email",
            "code": "email_missing",
            "params": {},
            "message": "The e-mail address is missing.",
            "named_by_ithaca": False,
        }
    ]
    assert report["changes"][0]["email"] == "ada@example.org"


def test_an_upload_that_is_not_utf8_gets_a_clear_message() -> None:
    with pytest.raises(FileProblem, match="not UTF-8"):
        read_upload("Name,E-mail\nJosé,jose@example.org\n".encode("latin-1"), "people.csv")


def test_utf8_with_a_byte_order_mark_and_utf16_are_read() -> None:
    text = "E-mail,Name\njose@example.org,José\n"
    assert read_upload(b"\xef\xbb\xbf" + text.encode(), "p.csv") == ("csv", text)
    assert read_upload(text.encode("utf-16"), "p.csv") == ("csv", text)


def test_an_empty_or_too_large_upload_is_refused() -> None:
    with pytest.raises(FileProblem, match="empty"):
        read_upload(b"  \n", "p.csv")
    with pytest.raises(FileProblem, match="limit is 20 MB"):
        read_upload(b"x" * (MAX_UPLOAD_BYTES + 1), "p.csv")


def test_a_garbled_spreadsheet_gets_a_clear_message() -> None:
    with pytest.raises(FileProblem, match="spreadsheet could not be read"):
        read_upload(b"PK\x03\x04garbage", "people.xlsx")


def test_an_xlsx_sheet_is_read_with_dates_and_whole_numbers() -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["E-mail", "Name", "Grade", "Start date"])
    sheet.append(["ada@example.org", "Ada", 7.0, dt.datetime(2020, 1, 31)])
    buffer = io.BytesIO()
    book.save(buffer)
    kind, text = read_upload(buffer.getvalue(), "people.xlsx")
    assert kind == "xlsx"
    plan = plan_for(text)
    assert plan.ok and plan.changes[0].person.started_on == dt.date(2020, 1, 31)
    assert plan.changes[0].person.grade == 7


SAMPLES = Path(__file__).resolve().parents[3] / "docs" / "samples"


def test_the_clean_sample_in_the_docs_plans_eight_people_without_a_problem() -> None:
    plan = plan_for((SAMPLES / "people.csv").read_text(encoding="utf-8"))
    assert plan.ok and plan.counts()["create"] == 8


def test_the_messy_sample_in_the_docs_shows_each_kind_of_problem() -> None:
    plan = plan_for((SAMPLES / "people-messy.csv").read_text(encoding="utf-8"))
    messages = " | ".join(p.message for p in plan.problems)
    for expected in (
        "is not an e-mail address", "The e-mail address is missing", "The grade must be",
        "Manager loop", "Expected a date", "A new person needs a name", "is also on row",
        "Unknown manager", "Nobody can be their own line manager",
    ):  # fmt: skip
        assert expected in messages, expected
    assert plan.ignored_columns == ["Cost centre"]
