"""Independence after the fact: pairs that a later change made dependent.

A mentor must not be the mentee's line manager, assessor or above them in the
chain. That is checked when a pair is proposed and when it is accepted; but an
HR import or an edited profile can make an existing pair break it later. The
recheck here looks at every open pair in bulk (a handful of queries whatever
the size of the organization):

- a pending proposal that now breaks an independence rule is withdrawn, and
  both people and the proposer are told;
- an active or paused relationship is flagged (`IndependenceFlag`, once per
  relationship), and the program's managers and both people are told: they
  decide (either person may conclude; a manager may record that it goes on).

It runs as a periodic job (so changes from any path are caught) and right
after a people import.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import Profile, User
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.matching import engine
from ithaca.programs import notices
from ithaca.programs.access import is_program_manager
from ithaca.programs.eligibility import MAX_CHAIN
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import HelpingRelationship, IndependenceFlag
from ithaca.programs.modes import MENTORING
from ithaca.programs.reasons import independence_withdrawal
from ithaca.programs.relationships import _move

INDEPENDENCE_RULES = frozenset({"not_line_manager", "not_above_in_chain", "not_assessor"})


@dataclass(frozen=True)
class People:
    """Everyone's line manager and assessors, read once for a whole recheck."""

    managers: dict[int, int]
    assessors: dict[int, frozenset[int]]

    @classmethod
    def load(cls) -> People:
        managers = dict(
            Profile.objects.filter(line_manager__isnull=False).values_list(
                "user_id", "line_manager_id"
            )
        )
        grouped: dict[int, set[int]] = defaultdict(set)
        for seeker, assessor in Profile.assessors.through.objects.values_list(
            "profile_id", "user_id"
        ):
            grouped[seeker].add(assessor)
        return cls(managers, {k: frozenset(v) for k, v in grouped.items()})

    def chain(self, user_id: int) -> tuple[int, ...]:
        chain: list[int] = []
        manager = self.managers.get(user_id)
        while manager is not None and len(chain) < MAX_CHAIN and manager not in chain:
            chain.append(manager)
            manager = self.managers.get(manager)
        return tuple(chain)


def independence_broken(
    relationship: HelpingRelationship, people: People
) -> list[engine.RuleCheck]:
    """The independence rules this pair breaks today (mentoring only: the engine's rules)."""
    program = relationship.program
    if not program.is_mentoring:
        return []
    helper: User = getattr(relationship, relationship.HELPER_FIELD)
    seeker: User = getattr(relationship, relationship.SEEKER_FIELD)
    checks = engine.check_rules(
        engine.Seeker(
            id=seeker.pk,
            name=seeker.display_name,
            manager_chain=people.chain(seeker.pk),
            assessor_ids=people.assessors.get(seeker.pk, frozenset()),
        ),
        engine.Helper(id=helper.pk, name=helper.display_name),
        engine.Program(
            kind="mentoring", mode=program.mode, chain_depth=max(program.independence_depth, 1)
        ),
    )
    return [c for c in checks if c.rule in INDEPENDENCE_RULES and not c.passed]


def relationship_models() -> list[type[HelpingRelationship]]:
    """Mentoring relationships and coaching engagements, without importing their apps."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, HelpingRelationship) and not model._meta.abstract
    ]


def independence_recheck(*, now: object = None) -> dict[str, int]:
    """Withdraw pending proposals and flag running relationships that lost independence."""
    people = People.load()
    withdrawn = flagged = 0
    for model in relationship_models():
        open_pairs = model.objects.filter(  # type: ignore[attr-defined]
            status__in=[Status.PROPOSED, Status.ACTIVE, Status.PAUSED],
            program__kind=MENTORING,
        ).select_related("program", model.HELPER_FIELD, model.SEEKER_FIELD)
        # Only mentoring pairs are held to independence, so one kind of flag.
        flagged_ids = set(
            IndependenceFlag.objects.filter(kind=MENTORING).values_list(
                "relationship_id", flat=True
            )
        )
        for relationship in open_pairs.iterator(chunk_size=2000):
            broken = independence_broken(relationship, people)
            if not broken:
                continue
            reasons = [check.rule for check in broken]
            if relationship.status == Status.PROPOSED:
                withdrawn += _withdraw(relationship, reasons)
            elif relationship.pk not in flagged_ids:
                flagged += _flag(relationship, reasons)
    return {"withdrawn": withdrawn, "flagged": flagged}


@transaction.atomic
def _withdraw(relationship: HelpingRelationship, reasons: list[str]) -> int:
    locked = type(relationship).objects.select_for_update().get(pk=relationship.pk)  # type: ignore[attr-defined]
    if locked.status != Status.PROPOSED:
        return 0
    _move(locked, Status.WITHDRAWN, independence_withdrawal(reasons))
    notices.tell_withdrawn_for_independence(locked, reasons=reasons)
    return 1


def _flag(relationship: HelpingRelationship, reasons: list[str]) -> int:
    try:
        with transaction.atomic():
            flag = IndependenceFlag.objects.create(
                kind=relationship.program.kind,
                relationship_id=relationship.pk,
                program=relationship.program,
                helper_id=relationship.helper_id_value,
                seeker_id=relationship.seeker_id_value,
                reasons=",".join(reasons),
            )
            notices.tell_independence_flag(flag)
    except IntegrityError:
        return 0  # flagged by another run meanwhile
    return 1


@transaction.atomic
def independence_flag_keep(*, flag: IndependenceFlag, by: User) -> IndependenceFlag:
    """A program manager records that the relationship goes on despite the flag."""
    locked = IndependenceFlag.objects.select_for_update().get(pk=flag.pk)
    if not is_program_manager(by, locked.program):
        raise PermissionDenied(_("Only the program's managers decide on this."))
    if locked.decided_at is not None:
        raise DomainError(_("This has been decided already."))
    locked.decided_at, locked.decided_by = timezone.now(), by
    locked.save(update_fields=["decided_at", "decided_by", "updated_at"])
    return locked
