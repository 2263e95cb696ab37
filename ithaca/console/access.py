"""Who may use the console, and the objects its pages and endpoints act on.

Staff use every part of it. A program manager uses it for the programs they
manage. Importing people is organization-wide: staff and anyone who manages at
least one program may do it (they are the ones who enrol people). Everyone else
gets 403; a specific program a person cannot see is a 404, as everywhere.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from ithaca.accounts.models import PeopleImport, User
from ithaca.console.selectors import relationship_model
from ithaca.core.errors import PermissionDenied
from ithaca.programs.access import access_managed_program
from ithaca.programs.models import IndependenceFlag, Participation, Program


def can_use_console(user: User) -> bool:
    return bool(user.is_staff) or user.managed_programs.exists()


def require_console(user: User) -> None:
    if not can_use_console(user):
        raise PermissionDenied(_("The console is for program managers and staff."))


def managed_programs(user: User) -> QuerySet[Program]:
    """Staff see every program; a program manager sees theirs."""
    require_console(user)
    if user.is_staff:
        return Program.objects.all()
    return Program.objects.filter(managers=user)


def access_console_program(user: User, slug: str) -> Program:
    """404 when the program is hidden from this person, 403 when they do not manage it."""
    return access_managed_program(user, slug)


def require_importer(user: User) -> None:
    if not can_use_console(user):
        raise PermissionDenied(_("Only staff and program managers can import people."))


def access_people_import(user: User, pk: int) -> PeopleImport:
    """An import is seen by whoever uploaded it, and by staff."""
    require_importer(user)
    imports = PeopleImport.objects.filter(pk=pk)
    if not user.is_staff:
        imports = imports.filter(created_by=user)
    record = imports.first()
    if record is None:
        raise Http404(_("No such import."))
    return record


def access_application(user: User, program: Program, pk: int) -> Participation:
    """A participation of a program the person manages (fetched after the program)."""
    participation = (
        Participation.objects.select_related("user", "program").filter(program=program, pk=pk)
    ).first()
    if participation is None:
        raise Http404(_("No such application."))
    return participation


def access_proposal(user: User, program: Program, pk: int) -> Any:
    model: Any = relationship_model(program)
    relationship = (
        model.objects.select_related("program", model.HELPER_FIELD, model.SEEKER_FIELD)
        .filter(program=program, pk=pk)
        .first()
    )
    if relationship is None:
        raise Http404(_("No such proposal."))
    return relationship


def access_independence_flag(user: User, program: Program, pk: int) -> IndependenceFlag:
    """An undecided independence flag of a program the person manages (fetched after it)."""
    flag = IndependenceFlag.objects.filter(program=program, pk=pk).first()
    if flag is None:
        raise Http404(_("No such flag."))
    return flag
