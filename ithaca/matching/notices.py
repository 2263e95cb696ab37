"""What matching tells people: a proposal awaits them, a request expired, a re-match
was asked for. Called by the services in the same transaction as the write."""

from __future__ import annotations

from django.urls import reverse

from ithaca.accounts.models import User
from ithaca.matching.models import FitCheck, ProposalExplanation
from ithaca.notifications.services import notify
from ithaca.programs.models import HelpingRelationship
from ithaca.programs.notices import parties, proposal_url

Source = ProposalExplanation.Source


def tell_proposed(row: ProposalExplanation, relationship: HelpingRelationship) -> None:
    """A request tells the helper, an offer the seeker, a round proposal both."""
    helper, seeker = parties(relationship)
    program = row.program
    context = {
        "program": program.name,
        "helper_word": "mentor" if program.kind == "mentoring" else "coach",
    }
    told: list[tuple[User, User, str]]
    if row.source == Source.REQUEST:
        told = [(helper, seeker, "request.received")]
    elif row.source == Source.OFFER:
        told = [(seeker, helper, "offer.received")]
    else:
        told = [(helper, seeker, "proposal.received"), (seeker, helper, "proposal.received")]
    for person, other, kind in told:
        notify(
            recipient=person,
            kind=kind,
            subject=relationship,
            actor=other if row.source != Source.ROUND else None,
            context={**context, "other": other.display_name, "note": row.note},
            url=proposal_url(relationship),
        )


def tell_expired(row: ProposalExplanation, relationship: HelpingRelationship) -> None:
    """The proposer learns that their request or offer lapsed without an answer."""
    helper, seeker = parties(relationship)
    proposer, other = (seeker, helper) if row.source == Source.REQUEST else (helper, seeker)
    notify(
        recipient=proposer,
        kind="request.expired" if row.source == Source.REQUEST else "offer.expired",
        subject=relationship,
        context={"program": row.program.name, "other": other.display_name},
        url=proposal_url(relationship),
    )


def tell_fit_check(fit_check: FitCheck) -> None:
    """Each of the program's managers; the reason stays on the matching page."""
    url = reverse("matching:program", args=[fit_check.program.slug])
    for manager in fit_check.program.managers.all():
        notify(
            recipient=manager,
            kind="fit_check.raised",
            subject=fit_check,
            context={"program": fit_check.program.name},
            url=url,
        )
