"""Who may see which intake and referral."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.audit.services import confidential_read, record_all
from ithaca.intake.models import Intake, IntakeShare, Referral
from ithaca.programs.models import Participation


def access_intake(user: User, pk: int) -> Intake:
    """The author sees their intake; a program manager only when the author applied
    to their program and chose to share it. Anyone else gets a 404."""
    shared_with_me = IntakeShare.objects.filter(
        intake=OuterRef("pk"),
        program__managers=user,
        program__participations__user=OuterRef("author"),
        program__participations__role=Participation.Role.SEEKER,
    )
    intake = (
        Intake.objects.select_related("author")
        .filter(pk=pk)
        .filter(Q(author=user) | Exists(shared_with_me))
        .first()
    )
    if intake is None:
        raise Http404(_("No such intake."))
    if intake.author_id != user.pk:
        _record_manager_read(user, intake)
    return intake


def _record_manager_read(user: User, intake: Intake) -> None:
    """A manager reading a shared intake goes into the audit log, under the program
    through which it was shared with them."""
    program = (
        IntakeShare.objects.filter(intake=intake, program__managers=user)
        .values_list("program_id", "program__name")
        .first()
    )
    program_id, name = program if program else (None, "")
    read = confidential_read(
        reader=user,
        target=intake,
        code="intake.read" if program else "intake.read.no_program",
        params={"program": name} if program else {},
        author_id=intake.author_id,
        program_id=program_id,
    )
    record_all(filter(None, [read]))


def access_referral(user: User, pk: int) -> Referral:
    """The referred person and the referrer see a referral (the referrer: status only)."""
    referral = (
        Referral.objects.select_related("referrer", "person", "program")
        .filter(pk=pk)
        .filter(Q(person=user) | Q(referrer=user))
        .first()
    )
    if referral is None:
        raise Http404(_("No such referral."))
    return referral
