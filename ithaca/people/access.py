"""Who may see whose profile card and photo, and which program directories.

A card shows what a person chose to say about themselves. It is visible to
the person, to people who share a program with them (both active in it) or a
relationship (mentoring, coaching, or a coaching engagement they sponsor),
and to the managers of any program the person takes part in. Everyone else
gets a 404, so the existence of a person does not leak.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.coaching.models import CoachingEngagement
from ithaca.core.errors import PermissionDenied
from ithaca.matching.kinds import helper_role
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.access import access_program, is_program_manager
from ithaca.programs.models import Participation, Program

ACTIVE = Participation.State.ACTIVE


def visible_people(viewer: User) -> QuerySet[User]:
    """Everyone whose card this person may see."""
    if viewer.is_staff:
        return User.objects.filter(Q(is_active=True) | Q(pk=viewer.pk))
    person = OuterRef("pk")
    mine = Participation.objects.filter(user=viewer, state=ACTIVE).values("program_id")
    shares_program = Participation.objects.filter(user=person, state=ACTIVE, program_id__in=mine)
    in_managed = Participation.objects.filter(user=person, program__managers=viewer)
    mentoring = MentoringRelationship.objects.filter(
        Q(mentor=person, mentee=viewer) | Q(mentee=person, mentor=viewer)
    )
    coaching = CoachingEngagement.objects.filter(
        Q(coach=person, coachee=viewer)
        | Q(coachee=person, coach=viewer)
        | Q(sponsor=viewer) & (Q(coach=person) | Q(coachee=person))
        | Q(sponsor=person) & (Q(coach=viewer) | Q(coachee=viewer))
    )
    return User.objects.filter(
        Q(pk=viewer.pk)
        | Q(is_active=True)
        & (Exists(shares_program) | Exists(in_managed) | Exists(mentoring) | Exists(coaching))
    )


def access_person(viewer: User, pk: int) -> User:
    """The person if the viewer may see their card (and photo); 404 otherwise."""
    person = visible_people(viewer).select_related("profile__department").filter(pk=pk).first()
    if person is None:
        raise Http404(_("No such person."))
    return person


def access_directory(viewer: User, slug: str) -> Program:
    """A program's people, for its active members and its managers.

    404 when the program is invisible to the viewer, 403 when they may see the
    program but take no part in it (anyone may see a program open for enrolment).
    """
    program = access_program(viewer, slug)
    if is_program_manager(viewer, program):
        return program
    if not Participation.objects.filter(program=program, user=viewer, state=ACTIVE).exists():
        raise PermissionDenied(
            _("Only people taking part in %(program)s see its people.") % {"program": program}
        )
    return program


def access_own_helper_role(viewer: User, slug: str) -> Participation:
    """The viewer's own mentor or coach role in a program, for their availability."""
    program = access_program(viewer, slug)
    part = (
        Participation.objects.select_related("program")
        .filter(program=program, user=viewer, role=helper_role(program))
        .exclude(state__in=[Participation.State.DECLINED, Participation.State.LEFT])
        .first()
    )
    if part is None:
        raise Http404(_("You are not a mentor or coach in this program."))
    return part
