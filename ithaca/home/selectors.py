"""What a person's home page shows, read in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ithaca.accounts.models import User
from ithaca.coaching.access import recent_engagements_of
from ithaca.coaching.models import CoachingEngagement
from ithaca.core.prepared import PreparedQuery, columns, joined_columns, joined_instance, model_row
from ithaca.intake.models import Intake, Referral
from ithaca.intake.selectors import intakes_of
from ithaca.mentoring.access import recent_relationships_of
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import Participation, Program
from ithaca.programs.selectors import participant_count


@dataclass
class HomeView:
    """The sections of the role-aware home page; empty lists hide a section."""

    as_seeker: list[Any] = field(default_factory=list)
    as_helper: list[Any] = field(default_factory=list)
    as_sponsor: list[CoachingEngagement] = field(default_factory=list)
    awaiting_me: list[Any] = field(default_factory=list)
    managed_programs: list[Program] = field(default_factory=list)
    intakes: list[Intake] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)


def _awaits(item: Any, user: User) -> bool:
    if item.status != Status.PROPOSED:
        return False
    is_helper = user.pk == item.helper_id_value
    return (item.helper_accepted_at if is_helper else item.seeker_accepted_at) is None


def home_for(user: User) -> HomeView:
    view = HomeView()
    mentoring: list[MentoringRelationship] = recent_relationships_of(user)
    coaching: list[CoachingEngagement] = recent_engagements_of(user)
    for item in [*mentoring, *coaching]:
        # Each relationship appears once: what awaits an answer is listed only there.
        if getattr(item, "sponsor_id", None) == user.pk:
            view.as_sponsor.append(item)  # type: ignore[arg-type]
        elif _awaits(item, user):
            view.awaiting_me.append(item)
        elif item.seeker_id_value == user.pk:
            view.as_seeker.append(item)
        else:
            view.as_helper.append(item)
    pk = int(user.pk)
    view.intakes = [model_row(Intake, row)[0] for row in _INTAKES.rows(user=pk)]
    view.referrals = [joined_instance(Referral, _REFERRER, row) for row in _REFERRALS.rows(user=pk)]
    for row in _MANAGED.rows(user=pk):
        program, at = model_row(Program, row)
        program.participant_count, program.pending_count = row[at:]
        view.managed_programs.append(program)
    return view


# Every visit to the home page asks these: their SQL is prepared once per process.
_REFERRER = {"referrer": User}
_INTAKES = PreparedQuery(
    lambda user: intakes_of(User.from_db(None, ["id"], [user])).values_list(*columns(Intake))[:5],
    user=int,
)
_REFERRALS = PreparedQuery(
    lambda user: Referral.objects.filter(
        person_id=user, status=Referral.Status.PENDING
    ).values_list(*joined_columns(Referral, _REFERRER)),
    user=int,
)
_MANAGED = PreparedQuery(
    lambda user: (
        Program.objects.filter(managers=user)
        .annotate(
            participant_count=participant_count(),
            pending_count=participant_count(state=Participation.State.PENDING),
        )
        .values_list(*columns(Program), "participant_count", "pending_count")
    ),
    user=int,
)
