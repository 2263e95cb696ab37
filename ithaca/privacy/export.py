"""Everything Ithaca holds about one person, as one JSON document (`person_export`).

What a person wrote, chose or was given is theirs and is exported in full:
their profile and career, intakes, journal, the notes and goals they wrote,
their survey answers. Records shared with someone else appear as metadata
with the other person's name only (never the other person's own notes,
journal or e-mail address). A referral received shows who made it and why,
as the referral page does, but nothing else of the referrer's.
"""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.db.models import Q, QuerySet
from django.utils import timezone

from ithaca.accounts.models import CareerEntry, Profile, User
from ithaca.analytics.models import MeetingRating, SurveyResponse
from ithaca.coaching.models import (
    ActionItem,
    AgreementSignature,
    CloseOutEvaluation,
    CoachingEngagement,
    EvaluationAnswer,
    SessionNote,
)
from ithaca.coaching.models import Goal as CoachingGoal
from ithaca.intake.models import Intake, Referral
from ithaca.matching.models import MatchProfile
from ithaca.mentoring.models import (
    AgendaTopic,
    Closing,
    EventSignup,
    GoalNote,
    JournalEntry,
    MeetingNote,
    MentoringRelationship,
    TrainingAttempt,
    TrainingCompletion,
)
from ithaca.mentoring.models import Goal as MentoringGoal
from ithaca.messaging.models import Message
from ithaca.notifications.models import Notification, Preference
from ithaca.programs.models import Participation, PersonBlock

FORMAT = "ithaca-personal-data/1"


def _rows(queryset: QuerySet[Any], *fields: str) -> list[dict[str, Any]]:
    return list(queryset.values(*fields))


def person_export(user: User) -> dict[str, Any]:
    """The person's data, grouped by area; every value is JSON-serializable with
    DjangoJSONEncoder (dates, decimals)."""
    return {
        "format": FORMAT,
        "exported_at": timezone.now(),
        "account": _account(user),
        "profile": _profile(user),
        "programs": _programs(user),
        "intake": _intake(user),
        "matching": _rows(
            MatchProfile.objects.filter(user=user),
            "program__name",
            "need",
            "target",
            "preferences",
            "updated_at",
        ),
        "mentoring": _mentoring(user),
        "coaching": _coaching(user),
        "messages_written": _rows(
            Message.objects.filter(author=user), "thread", "thread_id", "body", "created_at"
        ),
        "notifications": {
            "received": _rows(
                Notification.objects.filter(recipient=user).order_by("created_at"),
                "kind",
                "text",
                "url",
                "created_at",
                "read_at",
            ),
            "settings": _rows(Preference.objects.filter(user=user), "category", "mode"),
        },
        "surveys": {
            "pulse_answers": _rows(
                SurveyResponse.objects.filter(invitation__person=user),
                "program__name",
                "kind",
                "satisfaction",
                "progress",
                "relationship_quality",
                "would_recommend",
                "comment",
                "created_at",
            ),
            "meeting_ratings": _rows(
                MeetingRating.objects.filter(person=user, rating__isnull=False),
                "program__name",
                "kind",
                "held_at",
                "rating",
            ),
        },
    }


def _account(user: User) -> dict[str, Any]:
    return {
        "id": user.pk,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_addresses": _rows(
            EmailAddress.objects.filter(user=user), "email", "verified", "primary"
        ),
        "single_sign_on": _rows(
            SocialAccount.objects.filter(user=user), "provider", "uid", "date_joined"
        ),
        # Which kinds of second factor are set up; never their secrets.
        "two_factor": _rows(
            Authenticator.objects.filter(user=user), "type", "created_at", "last_used_at"
        ),
    }


def _profile(user: User) -> dict[str, Any]:
    profile = Profile.objects.filter(user=user).select_related("department", "line_manager")
    row = profile.first()
    fields: dict[str, Any] = {}
    if row is not None:
        fields = {
            "preferred_name": row.preferred_name,
            "pronouns": row.pronouns,
            # The photo is theirs too: its address, readable while signed in.
            "photo": f"/people/{user.pk}/photo/" if row.photo else None,
            "job_title": row.job_title,
            "department": row.department.name if row.department else None,
            "grade": row.grade,
            "years_experience": row.years_experience,
            "location": row.location,
            "time_zone": row.time_zone,
            "languages": row.languages,
            "bio": row.bio,
            "expertise": row.expertise,
            "interests": row.interests,
            "disclosed_identities": row.disclosed_identities,
            "line_manager": row.line_manager.display_name if row.line_manager else None,
            "assessors": [person.display_name for person in row.assessors.all()],
            "started_on": row.started_on,
            "left_on": row.left_on,
        }
    fields["career"] = _rows(
        CareerEntry.objects.filter(user=user), "role", "organization", "started_on", "ended_on"
    )
    fields["availability"] = _rows(
        Participation.objects.filter(user=user, role__in=Participation.HELPER_ROLES),
        "program__name",
        "accepting",
        "paused_until",
        "capacity",
    )
    return fields


def _programs(user: User) -> dict[str, Any]:
    return {
        "participations": _rows(
            Participation.objects.filter(user=user),
            "program__name",
            "role",
            "state",
            "capacity",
            "training_completed_at",
            "coach_type",
            "modalities",
            "accreditation",
            "hourly_rate",
            "application_note",
            "created_at",
        ),
        "managed": list(user.managed_programs.values_list("name", flat=True)),
        "opt_outs_made": [
            {"other": block.other.display_name, "kind": block.kind, "reason": block.reason}
            for block in PersonBlock.objects.filter(person=user).select_related("other")
        ],
    }


def _intake(user: User) -> dict[str, Any]:
    intakes = Intake.objects.filter(author=user).prefetch_related("shares__program")
    received = Referral.objects.filter(person=user).select_related("referrer", "program")
    made = Referral.objects.filter(referrer=user).select_related("person", "program")
    return {
        "intakes": [
            {
                "text": intake.text,
                "answers": intake.answers,
                "recommendation": intake.recommendation,
                "confidence": intake.confidence,
                "result": intake.result,
                "created_at": intake.created_at,
                "shared_with": [share.program.name for share in intake.shares.all()],
            }
            for intake in intakes
        ],
        "referrals_received": [_referral(r, r.referrer, "referred_by") for r in received],
        "referrals_made": [_referral(r, r.person, "person") for r in made],
    }


def _referral(referral: Referral, other: User, role: str) -> dict[str, Any]:
    return {
        role: other.display_name,
        "kind": referral.kind,
        "reason": referral.reason,
        "program": referral.program.name if referral.program else None,
        "status": referral.status,
        "created_at": referral.created_at,
        "responded_at": referral.responded_at,
    }


def _relationship(item: Any, role: str, others: dict[str, User | None]) -> dict[str, Any]:
    return {
        "id": item.pk,
        "program": item.program.name,
        "your_role": role,
        **{name: person.display_name if person else None for name, person in others.items()},
        "status": item.status,
        "started_at": item.started_at,
        "ended_at": item.ended_at,
    }


def _mentoring(user: User) -> dict[str, Any]:
    relationships = MentoringRelationship.objects.filter(
        Q(mentor=user) | Q(mentee=user)
    ).select_related("program", "mentor", "mentee")
    mine = Q(relationship__mentor=user, side="mentor") | Q(relationship__mentee=user, side="mentee")
    return {
        "relationships": [
            _relationship(
                r,
                "mentor" if r.mentor_id == user.pk else "mentee",
                {"mentor": r.mentor, "mentee": r.mentee},
            )
            for r in relationships
        ],
        "journal": _rows(
            JournalEntry.objects.filter(mine),
            "relationship_id",
            "body",
            "created_at",
            "updated_at",
        ),
        "closings": _rows(
            Closing.objects.filter(mine),
            "relationship_id",
            "reflection",
            "shared",
            "growth",
            "career_clarity",
            "belonging",
            "would_recommend",
            "created_at",
        ),
        "meeting_notes_written": _rows(
            MeetingNote.objects.filter(author=user),
            "meeting__relationship_id",
            "body",
            "created_at",
        ),
        "agenda_topics_added": _rows(
            AgendaTopic.objects.filter(added_by=user),
            "relationship_id",
            "title",
            "detail",
            "status",
            "created_at",
        ),
        "goals_created": _rows(
            MentoringGoal.objects.filter(created_by=user),
            "relationship_id",
            "area",
            "title",
            "status",
            "created_at",
        ),
        "goal_notes_written": _rows(
            GoalNote.objects.filter(author=user), "goal__title", "body", "created_at"
        ),
        "event_signups": _rows(
            EventSignup.objects.filter(person=user), "event__title", "event__starts_at"
        ),
        "training": {
            "attempts": _rows(
                TrainingAttempt.objects.filter(user=user),
                "module__slug",
                "answers",
                "correct",
                "total",
                "passed",
                "created_at",
            ),
            "completed": _rows(
                TrainingCompletion.objects.filter(user=user), "module__slug", "completed_at"
            ),
        },
    }


def _coaching(user: User) -> dict[str, Any]:
    engagements = CoachingEngagement.objects.filter(
        Q(coach=user) | Q(coachee=user) | Q(sponsor=user)
    ).select_related("program", "coach", "coachee", "sponsor")
    roles = {"coach_id": "coach", "coachee_id": "coachee", "sponsor_id": "sponsor"}
    return {
        "engagements": [
            _relationship(
                e,
                next(r for f, r in roles.items() if getattr(e, f) == user.pk),
                {"coach": e.coach, "coachee": e.coachee, "sponsor": e.sponsor},
            )
            for e in engagements
        ],
        "agreements_signed": _rows(
            AgreementSignature.objects.filter(signer=user),
            "version__engagement_id",
            "version__number",
            "party",
            "signed_at",
        ),
        "session_notes_written": _rows(
            SessionNote.objects.filter(author=user),
            "session__engagement_id",
            "visibility",
            "text",
            "grow_goal",
            "grow_reality",
            "grow_options",
            "grow_will",
            "created_at",
        ),
        "goals": _coaching_goals(user),
        "actions": _rows(
            ActionItem.objects.filter(owner=user), "engagement_id", "title", "due_on", "done_at"
        ),
        "satisfaction": _rows(
            CloseOutEvaluation.objects.filter(
                engagement__coachee=user, coachee_submitted_at__isnull=False
            ),
            "engagement_id",
            "satisfaction",
            "coachee_submitted_at",
        ),
        "evaluation_answers": _rows(
            EvaluationAnswer.objects.filter(evaluation__engagement__coachee=user),
            "evaluation__engagement_id",
            "survey",
            "question",
            "rating",
            "text",
        ),
        "close_out_reflections": _rows(
            CloseOutEvaluation.objects.filter(engagement__coach=user).exclude(coach_reflection=""),
            "engagement_id",
            "coach_reflection",
        ),
    }


def _coaching_goals(user: User) -> list[dict[str, Any]]:
    goals = CoachingGoal.objects.filter(owner=user).prefetch_related("checkins")
    return [
        {
            "engagement_id": goal.engagement_id,
            "statement": goal.statement,
            "metric": goal.metric,
            "unit": goal.unit,
            "baseline": goal.baseline,
            "target": goal.target,
            "due_on": goal.due_on,
            "check_ins": [
                {"value": c.value, "recorded_on": c.recorded_on, "comment": c.comment}
                for c in goal.checkins.all()
            ],
        }
        for goal in goals
    ]
