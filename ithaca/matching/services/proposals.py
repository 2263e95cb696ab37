"""Self-match and helper-initiated proposals, and the expiry of unanswered ones.

A request (by the seeker) or an offer (by the helper) counts as the
proposer's acceptance; the other person still has to accept. Both go through
the mentoring or coaching propose service, so every hard rule is checked on
the write path as well as here, where the refusal can name each failed rule.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError, TransitionError
from ithaca.matching import notices
from ithaca.matching.explain import breakdown_json, explain, refusal
from ithaca.matching.kinds import (
    MODELS,
    helper_role,
    model_for,
    propose,
)
from ithaca.matching.models import ProposalExplanation
from ithaca.matching.pool import Pool, build_pool
from ithaca.matching.selectors import config_of, open_requests
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import HelpingRelationship, Participation, Program
from ithaca.programs.relationships import relationship_withdraw

logger = logging.getLogger(__name__)
EXPIRED = "expired"
Source = ProposalExplanation.Source


def _lock_participation(program: Program, user: User, role: str) -> Participation | None:
    # The row lock makes two requests sent at once count one after the other.
    return (
        Participation.objects.select_for_update()
        .filter(program=program, user=user, role=role, state=Participation.State.ACTIVE)
        .first()
    )


def _checked_breakdown(pool: Pool, seeker: User, helper: User) -> dict[str, object]:
    """The pair's breakdown; a DomainError naming each failed rule if it may not be proposed."""
    program = pool.program
    engine_seeker = pool.seeker_by_id.get(seeker.pk)
    engine_helper = pool.helper_by_id.get(helper.pk)
    if engine_helper is None:
        message = (
            _("%(helper)s is not an active mentor in %(program)s.")
            if program.is_mentoring
            else _("%(helper)s is not an active coach in %(program)s.")
        )
        raise DomainError(message % {"helper": helper, "program": program})
    if engine_seeker is None:
        message = (
            _("%(seeker)s is not waiting for a mentor in %(program)s.")
            if program.is_mentoring
            else _("%(seeker)s is not waiting for a coach in %(program)s.")
        )
        raise DomainError(message % {"seeker": seeker, "program": program})
    breakdown, checks = explain(engine_seeker, engine_helper, pool.rules, pool.text)
    refused = refusal(checks, breakdown)
    if refused:
        raise DomainError(refused)
    return breakdown_json(breakdown, checks)


NOTE_LIMIT = 1000


def _clean_note(note: str) -> str:
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        raise DomainError(
            _("Keep your note under %(limit)s characters (it has %(length)s).")
            % {"limit": NOTE_LIMIT, "length": len(note)},
            field="note",
        )
    return note


def _record(
    program: Program,
    relationship: HelpingRelationship,
    source: str,
    breakdown: dict[str, object],
    note: str = "",
) -> ProposalExplanation:
    explanation = ProposalExplanation.objects.create(
        kind=program.kind,
        relationship_id=relationship.pk,
        program=program,
        seeker_id=relationship.seeker_id_value,
        helper_id=relationship.helper_id_value,
        source=source,
        breakdown=breakdown,
        note=note,
    )
    notices.tell_proposed(explanation, relationship)
    return explanation


@transaction.atomic
def request_create(
    *, program: Program, seeker: User, helper: User, note: str = ""
) -> HelpingRelationship:
    """A seeker asks a helper, with an optional personal note; refused beyond the
    program's limit of open requests."""
    note = _clean_note(note)
    if _lock_participation(program, seeker, Participation.Role.SEEKER) is None:
        message = (
            _("Only active seekers of %(program)s can ask for a mentor.")
            if program.is_mentoring
            else _("Only active seekers of %(program)s can ask for a coach.")
        )
        raise DomainError(message % {"program": program})
    limit = config_of(program).max_open_requests
    waiting = open_requests(model_for(program), program, seeker).count()
    if waiting >= limit:
        raise DomainError(
            _(
                "You already have %(waiting)s requests waiting for an answer in %(program)s, the "
                "most this program allows. Withdraw one, or wait for an answer, before asking "
                "someone else."
            )
            % {"waiting": waiting, "program": program}
        )
    pool = build_pool(program, seeker_ids=[seeker.pk], waiting_only=False)
    breakdown = _checked_breakdown(pool, seeker, helper)
    relationship = propose(program=program, helper=helper, seeker=seeker, proposed_by=seeker)
    _record(program, relationship, Source.REQUEST, breakdown, note)
    return relationship


@transaction.atomic
def offer_create(
    *, program: Program, helper: User, seeker: User, note: str = ""
) -> HelpingRelationship:
    """A mentor or coach offers to work with a seeker who is still waiting for a match,
    with an optional personal note."""
    note = _clean_note(note)
    if _lock_participation(program, helper, helper_role(program)) is None:
        message = (
            _("Only active mentors of %(program)s can make offers.")
            if program.is_mentoring
            else _("Only active coaches of %(program)s can make offers.")
        )
        raise DomainError(message % {"program": program})
    pool = build_pool(program, helper_ids=[helper.pk], waiting_only=True)
    breakdown = _checked_breakdown(pool, seeker, helper)
    relationship = propose(program=program, helper=helper, seeker=seeker, proposed_by=helper)
    _record(program, relationship, Source.OFFER, breakdown, note)
    return relationship


def _still_proposed(kind: str) -> Exists:
    model = MODELS[kind]
    return Exists(model.objects.filter(pk=OuterRef("relationship_id"), status=Status.PROPOSED))


def requests_expire(*, now: dt.datetime) -> int:
    """Withdraw requests and offers unanswered after the program's `request_expiry_days`.

    Safe to run twice: an expired proposal is no longer proposed, and the
    notification's key tells nobody twice.
    """
    # No program allows fewer than one day, so younger rows need no look.
    old = ProposalExplanation.objects.filter(
        source__in=[Source.REQUEST, Source.OFFER],
        expired_at__isnull=True,
        created_at__lte=now - dt.timedelta(days=1),
    ).select_related("program")
    expired = 0
    for kind in MODELS:
        for row in old.filter(_still_proposed(kind), kind=kind):
            if row.created_at + dt.timedelta(days=row.program.request_expiry_days) <= now:
                expired += _expire(row, now)
    return expired


def _expire(row: ProposalExplanation, now: dt.datetime) -> int:
    relationship = (
        MODELS[row.kind].objects.select_related("proposed_by").get(pk=row.relationship_id)
    )
    # The proposer withdraws; were their account gone, the seeker may withdraw too.
    proposer = relationship.proposed_by or getattr(relationship, relationship.SEEKER_FIELD)
    try:
        with transaction.atomic():
            relationship_withdraw(relationship, user=proposer, reason=EXPIRED)
            row.expired_at = now
            row.save(update_fields=["expired_at"])
            notices.tell_expired(row, relationship)
    except TransitionError:
        # Answered in the meantime: an accepted or declined proposal does not expire.
        logger.info("%s proposal %s was answered before it expired", row.kind, row.relationship_id)
        return 0
    return 1
