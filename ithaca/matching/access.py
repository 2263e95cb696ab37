"""Who may see what in matching. Views and endpoints fetch objects only here.

A seeker sees only their own candidates (there is no way to ask for anyone
else's); a helper sees only the seekers they could help and proposals that
involve them; program managers see their programs' rounds and fit checks.
Objects a person may not see are a 404, so their existence does not leak;
actions a person may see but not take are a 403.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import PermissionDenied
from ithaca.matching.kinds import MODELS, helper_role
from ithaca.matching.models import MatchingRound
from ithaca.programs.access import access_managed_program, access_program, is_program_manager
from ithaca.programs.models import Participation, Program

__all__ = [
    "access_helper_program",
    "access_managed_program",
    "access_proposal",
    "access_round",
    "access_seeker_program",
    "roles_in",
]


def _holds(user: User, program: Program, role: str) -> bool:
    return Participation.objects.filter(
        program=program, user=user, role=role, state=Participation.State.ACTIVE
    ).exists()


def access_seeker_program(user: User, slug: str) -> Program:
    """The program if this person is an active seeker in it: 404 if invisible, else 403."""
    program = access_program(user, slug)
    if not _holds(user, program, Participation.Role.SEEKER):
        raise PermissionDenied(
            _("Only active seekers of %(program)s have candidates here.") % {"program": program}
        )
    return program


def access_helper_program(user: User, slug: str) -> Program:
    """The program if this person is an active mentor or coach in it: 404 if invisible, else 403."""
    program = access_program(user, slug)
    if not _holds(user, program, helper_role(program)):
        message = (
            _("Only active mentors of %(program)s make offers.")
            if program.is_mentoring
            else _("Only active coaches of %(program)s make offers.")
        )
        raise PermissionDenied(message % {"program": program})
    return program


def access_round(user: User, pk: int) -> MatchingRound:
    """A round of a program this person manages; 404 for everyone else."""
    matching_round = (
        MatchingRound.objects.select_related("program", "created_by").filter(pk=pk).first()
    )
    if matching_round is None or not is_program_manager(user, matching_round.program):
        raise Http404(_("No such matching round."))
    return matching_round


def access_proposal(user: User, kind: str, pk: int) -> Any:
    """A relationship for one of its two people or its program's managers; 404 otherwise.

    A sponsor of a coaching engagement is neither: the reasons for a match are
    between the two people and the program.
    """
    model = MODELS.get(kind)
    if model is None:
        raise Http404(_("No such proposal."))
    relationship = (
        model.objects.select_related("program", model.HELPER_FIELD, model.SEEKER_FIELD)
        .filter(pk=pk)
        .first()
    )
    if relationship is None:
        raise Http404(_("No such proposal."))
    is_party = user.pk in (relationship.helper_id_value, relationship.seeker_id_value)
    if not is_party and not is_program_manager(user, relationship.program):
        raise Http404(_("No such proposal."))
    return relationship


def roles_in(user: User, program: Program) -> dict[str, bool]:
    """Which matching pages this person has in the program."""
    held = set(
        Participation.objects.filter(
            program=program, user=user, state=Participation.State.ACTIVE
        ).values_list("role", flat=True)
    )
    return {
        "seeker": Participation.Role.SEEKER in held,
        "helper": helper_role(program) in held,
        "manager": is_program_manager(user, program),
    }
