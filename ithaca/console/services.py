"""Console actions that span apps: inviting people to a program and nudging proposals.

Writes go through the owning apps' services; this module only composes them.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.imports import people_import_run
from ithaca.accounts.models import PeopleImport, User
from ithaca.accounts.services import user_invite, user_reinvite
from ithaca.core.errors import DomainError
from ithaca.notifications.services import notify
from ithaca.programs.independence import independence_recheck
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import HelpingRelationship, Participation, Program
from ithaca.programs.notices import parties, proposal_url
from ithaca.programs.services import participation_add


@transaction.atomic
def program_invite(
    *,
    program: Program,
    email: str,
    role: str,
    invited_by: User,
    first_name: str = "",
    last_name: str = "",
    capacity: int | None = None,
) -> Participation:
    """Give someone a role in the program, creating and inviting their account if new.

    People already in Ithaca get a note that they were added; people imported
    without a password also get the invitation to choose one.
    """
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    is_new = user is None
    if user is None:
        user = user_invite(
            email=email, first_name=first_name, last_name=last_name, invited_by=invited_by
        )
    extra: dict[str, Any] = {}
    if role in Participation.HELPER_ROLES:
        extra["capacity"] = capacity or 1
    participation = participation_add(program=program, user=user, role=role, **extra)
    if not is_new:
        user_reinvite(user=user, invited_by=invited_by)
        notify(
            recipient=user,
            kind="program.invited",
            subject=participation,
            actor=invited_by,
            context={"program": program.name},
            url=reverse("programs:detail", args=[program.slug]),
        )
    return participation


def awaiting_answer(relationship: HelpingRelationship) -> list[User]:
    """The people who have not yet said yes to a proposal."""
    waiting = []
    if relationship.helper_accepted_at is None:
        waiting.append(getattr(relationship, relationship.HELPER_FIELD))
    if relationship.seeker_accepted_at is None:
        waiting.append(getattr(relationship, relationship.SEEKER_FIELD))
    return waiting


def proposal_nudge(*, relationship: HelpingRelationship) -> list[User]:
    """Remind whoever has not answered a proposal; returns who will be reminded."""
    if relationship.status != Status.PROPOSED:
        raise DomainError(_("Only an unanswered proposal can be nudged."))
    people = awaiting_answer(relationship)
    helper, seeker = parties(relationship)
    asked = timezone.now().isoformat()  # each nudge is an event of its own
    for person in people:
        other = seeker if person.pk == helper.pk else helper
        notify(
            recipient=person,
            kind="proposal.waiting",
            subject=relationship,
            context={"program": relationship.program.name, "other": other.display_name},
            url=proposal_url(relationship),
            event=asked,
        )
    return people


def import_run(*, people_import: PeopleImport) -> tuple[PeopleImport, dict[str, int]]:
    """Run an import, then look again at every open pair's independence.

    An import can make a mentor their mentee's line manager or put them above
    them in the chain: pending proposals that break the rule are withdrawn and
    running relationships are flagged (programs/independence.py). An import
    left to a background worker is rechecked by the periodic job.
    """
    record = people_import_run(people_import=people_import)
    if record.status != PeopleImport.Status.DONE:
        return record, {}
    return record, independence_recheck()
