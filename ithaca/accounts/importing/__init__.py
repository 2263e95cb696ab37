"""People import from an HR export: pure functions over text and plain data.

No ORM here: `read_upload` turns the uploaded bytes into text, `read_rows` into a
header and rows, and `build_plan` compares them with a plain snapshot of the
people who exist already. The accounts service (`ithaca/accounts/imports.py`)
takes the snapshot and writes a clean plan.
"""

from ithaca.accounts.importing.files import FileProblem, read_rows, read_upload
from ithaca.accounts.importing.headers import FIELDS, HeaderMap, map_header
from ithaca.accounts.importing.plan import Change, Person, Plan, Problem, build_plan

__all__ = [
    "FIELDS",
    "Change",
    "FileProblem",
    "HeaderMap",
    "Person",
    "Plan",
    "Problem",
    "build_plan",
    "map_header",
    "read_rows",
    "read_upload",
]
