"""A round's draft: the manager removes and adds pairs (rules still enforced), then publishes.

Publishing proposes every kept pair through the mentoring or coaching
service with the manager as proposer, so both people must still accept.
Pairs that became invalid since the round ran are skipped and reported;
the rest are proposed in one transaction.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.matching import engine, notices
from ithaca.matching.explain import breakdown_json, explain, has_warning, refusal
from ithaca.matching.kinds import model_for, propose
from ithaca.matching.models import MatchingRound, ProposalExplanation, RoundPair, RoundUnmatched
from ithaca.matching.phrases import REMOVED_BY_MANAGER, REMOVED_PAIRING
from ithaca.matching.pool import build_pool
from ithaca.matching.round_pairs import complete_breakdowns
from ithaca.matching.services.settings import require_manager
from ithaca.programs.lifecycle import OPEN_STATUSES
from ithaca.programs.models import Program
from ithaca.programs.relationships import validate_proposal

REMOVED = REMOVED_BY_MANAGER


def _draft(matching_round: MatchingRound, by: User) -> MatchingRound:
    """The round, locked, if it is a draft this person manages."""
    locked = (
        MatchingRound.objects.select_for_update()
        .select_related("program")
        .get(pk=matching_round.pk)
    )
    require_manager(by, locked.program)
    if locked.status != MatchingRound.Status.DRAFT:
        state = locked.get_status_display().lower()
        raise DomainError(
            _("This round is %(state)s; only a draft can be changed.") % {"state": state}
        )
    return locked


@transaction.atomic
def round_pair_remove(*, matching_round: MatchingRound, pair_id: int, by: User) -> RoundPair:
    """Take a pair out of the draft; its seeker is listed as unmatched."""
    locked = _draft(matching_round, by)
    pair = locked.pairs.filter(pk=pair_id, removed=False).select_related("helper").first()
    if pair is None:
        raise DomainError(_("That pair is not in this draft."))
    pair.removed = True
    pair.save(update_fields=["removed"])
    RoundUnmatched.objects.update_or_create(
        round=locked,
        seeker_id=pair.seeker_id,
        defaults={
            "reason": REMOVED,
            "explanation": (REMOVED_PAIRING % {"manager": by.display_name, "helper": pair.helper})[
                :300
            ],
        },
    )
    _refresh_summary(locked)
    return pair


@transaction.atomic
def round_pair_add(
    *, matching_round: MatchingRound, seeker_id: int, helper_id: int, by: User
) -> RoundPair:
    """Add a pair the manager chose; refused, with each failed rule in words, if it breaks one.

    The helper's free places count the pairs already in this draft.
    """
    locked = _draft(matching_round, by)
    if locked.pairs.filter(seeker_id=seeker_id, removed=False).exists():
        raise DomainError(_("This seeker already has a pair in the draft; remove it first."))
    breakdown, checks = _allowed_in_draft(locked, seeker_id, helper_id)
    pair = RoundPair.objects.create(
        round=locked,
        seeker_id=seeker_id,
        helper_id=helper_id,
        score=round(breakdown.total, 2),
        breakdown=breakdown_json(breakdown, checks),
        source=RoundPair.Source.MANAGER,
    )
    RoundUnmatched.objects.filter(round=locked, seeker_id=seeker_id).delete()
    _refresh_summary(locked)
    return pair


def _refresh_summary(locked: MatchingRound) -> None:
    """Recount the draft's figures from the pairs it now holds.

    The pool figures (seekers, helpers, places) describe the round as it ran and
    stay; what the manager's edits change is recounted, so the summary above
    the pairs never describes a draft that no longer exists.
    """
    kept = list(locked.pairs.filter(removed=False).only("score", "breakdown"))
    total = round(sum(p.score for p in kept), 2)
    reasons = locked.unmatched.values_list("reason", flat=True)
    locked.summary = {
        **locked.summary,
        "pairs": len(kept),
        "matched": len(kept),
        "total_score": total,
        "mean_score": round(total / len(kept), 2) if kept else 0.0,
        "unmatched": dict(Counter(reasons)),
        "warnings": sum(1 for p in kept if has_warning(p.breakdown)),
    }
    locked.save(update_fields=["summary", "updated_at"])


def _allowed_in_draft(
    locked: MatchingRound, seeker_id: int, helper_id: int
) -> tuple[engine.Breakdown, list[engine.RuleCheck]]:
    """The pair's breakdown, or a DomainError with every rule it breaks, in words."""
    program = locked.program
    pool = build_pool(program, seeker_ids=[seeker_id])
    seeker = pool.seeker_by_id.get(seeker_id)
    helper = pool.helper_by_id.get(helper_id)
    if seeker is None:
        raise DomainError(
            _("That person is not waiting for a mentor here.")
            if program.is_mentoring
            else _("That person is not waiting for a coach here.")
        )
    if helper is None:
        raise DomainError(
            _("That person is not an active mentor here.")
            if program.is_mentoring
            else _("That person is not an active coach here.")
        )
    in_draft = locked.pairs.filter(helper_id=helper_id, removed=False).count()
    helper = dataclasses.replace(helper, capacity=helper.capacity - in_draft)
    breakdown, checks = explain(seeker, helper, pool.rules, pool.text)
    refused = refusal(checks, breakdown)
    if refused:
        raise DomainError(refused)
    # The two people only: the pool's `people` would read every helper of the program.
    people = User.objects.select_related("profile__department").in_bulk([helper_id, seeker_id])
    model = model_for(program)
    validate_proposal(model, program=program, helper=people[helper_id], seeker=people[seeker_id])
    return breakdown, checks


@transaction.atomic
def round_publish(*, matching_round: MatchingRound, by: User) -> MatchingRound:
    """Propose every kept pair (best first); skip and report pairs that are no longer valid."""
    locked = _draft(matching_round, by)
    pairs = list(
        locked.pairs.filter(removed=False)
        .select_related("seeker", "helper")
        .order_by("-score", "pk")
    )
    if not pairs:
        raise DomainError(_("The draft has no pairs to publish."))
    # Each proposal keeps its pair's whole breakdown: the factors are put in words and
    # the rules checked now, before the first proposal takes a helper's place, and
    # stored with the pair.
    complete_breakdowns(locked.program, pairs)
    created = 0
    for pair in pairs:
        created += _publish_pair(locked, pair, by)
    # In batches: one statement for a large draft's breakdowns would run to hundreds of MB.
    fields = ["relationship_id", "publish_error", "breakdown"]
    RoundPair.objects.bulk_update(pairs, fields, batch_size=1_000)
    _supersede_drafts(locked)
    locked.status = MatchingRound.Status.PUBLISHED
    locked.published_at, locked.published_by = timezone.now(), by
    locked.summary = {
        **locked.summary,
        "published": {"proposed": created, "skipped": len(pairs) - created},
    }
    locked.save(update_fields=["status", "published_at", "published_by", "summary", "updated_at"])
    return locked


def _supersede_drafts(published: MatchingRound) -> None:
    """Other drafts of the program were computed for a pool that no longer exists."""
    others = MatchingRound.objects.filter(
        program=published.program, status=MatchingRound.Status.DRAFT
    ).exclude(pk=published.pk)
    others.update(
        status=MatchingRound.Status.CANCELLED,
        phase="superseded",  # a code, like the running phases; finished_at says when
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )


def _still_waiting(program: Program, seeker: User) -> bool:
    model = model_for(program)
    rows = model.objects.filter(program=program, status__in=OPEN_STATUSES)
    return not rows.filter(**{model.SEEKER_FIELD: seeker}).exists()


def _publish_pair(matching_round: MatchingRound, pair: RoundPair, by: User) -> int:
    program = matching_round.program
    if not _still_waiting(program, pair.seeker):
        # A round matches people still waiting; this one was matched another way since.
        pair.publish_error = _("%(seeker)s has had a proposal or a relationship here since.") % {
            "seeker": pair.seeker
        }
        return 0
    try:
        # A savepoint per pair: a refused pair leaves nothing behind, the others stay.
        with transaction.atomic():
            relationship = propose(
                program=program, helper=pair.helper, seeker=pair.seeker, proposed_by=by
            )
    except DomainError as exc:
        pair.publish_error = exc.message[:1000]
        return 0
    pair.relationship_id = relationship.pk
    explanation = ProposalExplanation.objects.create(
        kind=program.kind,
        relationship_id=relationship.pk,
        program=program,
        seeker=pair.seeker,
        helper=pair.helper,
        source=ProposalExplanation.Source.ROUND,
        round=matching_round,
        breakdown=pair.breakdown,
    )
    notices.tell_proposed(explanation, relationship)
    return 1
