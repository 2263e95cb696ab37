"""Who is told what when a relationship or engagement moves through its lifecycle.

The person who acted is never told of their own action (notify() skips them); the
other side is told once. Whether a proposal began as the seeker's request, the
helper's offer or the program's proposal decides the words.
"""

from __future__ import annotations

from django.urls import reverse

from ithaca.accounts.models import User
from ithaca.notifications.services import notify
from ithaca.programs.models import HelpingRelationship, IndependenceFlag
from ithaca.programs.reasons import rule_codes


def parties(relationship: HelpingRelationship) -> tuple[User, User]:
    """(helper, seeker)."""
    return (
        getattr(relationship, relationship.HELPER_FIELD),
        getattr(relationship, relationship.SEEKER_FIELD),
    )


def origin(relationship: HelpingRelationship) -> str:
    """'request', 'offer' or 'proposal' (a matching round or a program manager)."""
    if relationship.proposed_by_id == relationship.seeker_id_value:
        return "request"
    if relationship.proposed_by_id == relationship.helper_id_value:
        return "offer"
    return "proposal"


def detail_url(relationship: HelpingRelationship) -> str:
    return reverse(f"{relationship.program.kind}:detail", args=[relationship.pk])


def proposal_url(relationship: HelpingRelationship) -> str:
    return reverse("matching:proposal", args=[relationship.program.kind, relationship.pk])


def _context(relationship: HelpingRelationship, recipient: User, other: User) -> dict[str, object]:
    program = relationship.program
    return {
        "program": program.name,
        "kind": program.kind,
        "other": other.display_name,
        "helper_word": "mentor" if program.kind == "mentoring" else "coach",
    }


def tell_other_side(
    relationship: HelpingRelationship,
    *,
    actor: User,
    kind: str,
    url: str,
    event: object = "",
    **context: object,
) -> None:
    """Tell the party who did not act."""
    helper, seeker = parties(relationship)
    for person, other in ((helper, seeker), (seeker, helper)):
        if person.pk != actor.pk:
            notify(
                recipient=person,
                kind=kind,
                subject=relationship,
                actor=actor,
                context={**_context(relationship, person, other), **context},
                url=url,
                event=event,
            )


def tell_accepted(relationship: HelpingRelationship, *, actor: User, started: bool) -> None:
    source = origin(relationship)
    kind = "relationship.started" if started and source == "proposal" else f"{source}.accepted"
    tell_other_side(
        relationship,
        actor=actor,
        kind=kind,
        url=detail_url(relationship) if started else proposal_url(relationship),
        started=started,
    )


def tell_declined(relationship: HelpingRelationship, *, actor: User, reason: str) -> None:
    tell_other_side(
        relationship,
        actor=actor,
        kind=f"{origin(relationship)}.declined",
        url=proposal_url(relationship),
        reason=reason,
    )


def tell_concluded(relationship: HelpingRelationship, *, actor: User) -> None:
    tell_other_side(
        relationship, actor=actor, kind="relationship.concluded", url=detail_url(relationship)
    )


def tell_started(relationship: HelpingRelationship, *, actor: User | None) -> None:
    """Both sides, when a relationship starts other than by an acceptance."""
    helper, seeker = parties(relationship)
    for person, other in ((helper, seeker), (seeker, helper)):
        notify(
            recipient=person,
            kind="relationship.started",
            subject=relationship,
            actor=actor,
            context=_context(relationship, person, other),
            url=detail_url(relationship),
        )


def tell_withdrawn_for_independence(
    relationship: HelpingRelationship, *, reasons: list[str]
) -> None:
    """Both people (and a third-party proposer): the pair is no longer independent."""
    helper, seeker = parties(relationship)
    people = {p.pk: p for p in (helper, seeker, relationship.proposed_by) if p is not None}
    for person in people.values():
        notify(
            recipient=person,
            kind="proposal.withdrawn",
            subject=relationship,
            context={
                "program": relationship.program.name,
                "helper": helper.display_name,
                "seeker": seeker.display_name,
                "reasons": reasons,
            },
            url=reverse("programs:detail", args=[relationship.program.slug]),
            event="independence",
        )


def tell_independence_flag(flag: IndependenceFlag) -> None:
    """Both people and the program's managers: a running relationship lost independence."""
    program = flag.program
    context: dict[str, object] = {
        "program": program.name,
        "kind": program.kind,
        "helper": flag.helper.display_name,
        "seeker": flag.seeker.display_name,
        "reasons": rule_codes(flag.reasons) or flag.reasons,
    }
    workspace = reverse(f"{flag.kind}:detail", args=[flag.relationship_id])
    for person, other in ((flag.helper, flag.seeker), (flag.seeker, flag.helper)):
        notify(
            recipient=person,
            kind="independence.flagged",
            subject=flag,
            context={**context, "other": other.display_name},
            url=workspace,
        )
    for manager in program.managers.all():
        notify(
            recipient=manager,
            kind="independence.to_decide",
            subject=flag,
            context=context,
            url=reverse("console:program", args=[program.slug]),
        )
