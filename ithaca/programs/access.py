"""Who may see and run which program. Views and endpoints fetch programs only here."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import PermissionDenied
from ithaca.programs.models import Participation, Program


def visible_programs(user: User) -> QuerySet[Program]:
    """Programs open for enrolment, plus those the person belongs to or manages."""
    if user.is_staff:
        return Program.objects.all()
    member = Participation.objects.filter(program=OuterRef("pk"), user=user)
    # EXISTS rather than a join on the managers: no DISTINCT, and counts annotated on
    # the result are not multiplied by the number of managers.
    manages = Program.managers.through.objects.filter(program=OuterRef("pk"), user=user)
    return Program.objects.filter(Q(enrolment_open=True) | Exists(member) | Exists(manages))


def access_program(user: User, slug: str) -> Program:
    """The program if this person may see it; 404 otherwise, so its existence is not leaked."""
    program = visible_programs(user).filter(slug=slug).first()
    if program is None:
        raise Http404(_("No such program."))
    return program


def is_program_manager(user: User, program: Program) -> bool:
    return bool(user.is_staff) or program.managers.filter(pk=user.pk).exists()


def access_managed_program(user: User, slug: str) -> Program:
    """The program if this person manages it: 404 when invisible, 403 when only a member."""
    program = access_program(user, slug)
    if not is_program_manager(user, program):
        raise PermissionDenied(_("Only this program's managers can do that."))
    return program
