"""Erasing a person: their personal data goes, the other people's records stay whole.

The account row stays (relationships, notes and the audit log point at it) but
becomes "Erased person" at erased-<id>@invalid, inactive, with no password,
no sign-in methods and no rights. Then:

- What they wrote alone is deleted: intakes, journal entries, their notes
  (mentoring meeting and goal notes, coaching session notes, shared or not),
  agenda topics they added, their match profiles, opt-outs and training answers.
  The other person's notes, goals and journal are untouched.
- What they wrote into a shared record is blanked, keeping the record the other
  person relies on: mentoring goals they created (the other side's progress
  notes hang on them), coaching goals and actions they own, their closing
  reflection, survey answers (ratings stay, anonymous), referral reasons.
- Open relationships end (a proposal is withdrawn, an active one concluded);
  their roles in programs end and they manage nothing.
- Their messages lose their words and their name (the others see "a former
  participant" and "(removed)"); their notifications and settings are deleted; in other people's
  notifications of what they did, their name becomes "a former participant".
- The identity provider's copy of their attributes (SCIM) is emptied and the
  account is deleted there, so provisioning cannot write into it again.

Their own shared notes are deleted rather than kept under "Erased person":
what someone wrote about their own life is theirs to take back, and the other
person keeps their own notes of the same meetings.
"""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Replace
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import ERASED_DOMAIN, ApiToken, CareerEntry, Profile, User
from ithaca.analytics.models import SurveyResponse
from ithaca.audit.models import Action
from ithaca.audit.services import permission_changed, record
from ithaca.audit.summaries import counts as audit_counts
from ithaca.audit.summaries import word
from ithaca.coaching.models import (
    ActionItem,
    CheckIn,
    CloseOutEvaluation,
    CoachingEngagement,
    EvaluationAnswer,
    SessionNote,
)
from ithaca.coaching.models import Goal as CoachingGoal
from ithaca.core.errors import DomainError
from ithaca.core.fields import ERASED
from ithaca.intake.models import Intake, Referral
from ithaca.matching.models import FitCheck, MatchProfile
from ithaca.mentoring.models import (
    AgendaTopic,
    Closing,
    ContinueMark,
    EventSignup,
    GoalNote,
    JournalEntry,
    MeetingNote,
    MentoringRelationship,
    TrainingAttempt,
)
from ithaca.mentoring.models import Goal as MentoringGoal
from ithaca.messaging.services import messages_erase_author
from ithaca.notifications.kinds import FORMER
from ithaca.notifications.models import CalendarFeed, Notification, Preference
from ithaca.programs import reasons
from ithaca.programs import relationships as lifecycle
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import Participation, PersonBlock
from ithaca.scim.models import ScimGroup, ScimUser

BLANKED = ERASED
ENDED = reasons.ERASED


def is_erased(user: User) -> bool:
    return user.is_erased


@transaction.atomic
def person_erase(*, user: User, by: User | None) -> dict[str, int]:
    """Erase `user`'s personal data (see the module docstring); `by` is who asked."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if is_erased(user):
        raise DomainError(_("This person's data has already been erased."))
    counts = {"relationships ended": _end_relationships(user)}
    counts.update(_delete_own_writing(user))
    counts.update(_blank_shared_writing(user))
    counts["roles ended"] = _leave_programs(user)
    counts["notifications about them"] = _forget_in_notifications(user)
    counts["messages"] = messages_erase_author(user=user)
    _wipe_profile(user)
    _forget_sign_in(user)
    _anonymize(user)
    code = "erasure.own" if by is not None and by.pk == user.pk else "erasure.staff"
    done = {name: value for name, value in counts.items() if value}
    record(
        action=Action.ERASURE,
        code=code if done else f"{code}.nothing",
        params={"done": audit_counts(done)} if done else {},
        target=user,
        actor=by,
        subject_id=user.pk,
    )
    return counts


def _forget_in_notifications(user: User) -> int:
    """Others' notifications of what this person did keep what happened, not who: the
    name leaves the stored text and the sentence's values (shown as "A former
    participant" in the reader's language)."""
    told = Notification.objects.filter(actor=user)
    name = user.display_name
    if name:
        rows = list(told.exclude(params=None).only("pk", "params"))
        for row in rows:
            row.params = {
                key: value.replace(name, FORMER) if isinstance(value, str) else value
                for key, value in (row.params or {}).items()
            }
        Notification.objects.bulk_update(rows, ["params"], batch_size=500)
    return told.update(
        actor=None, text=Replace("text", Value(name), Value(FORMER)) if name else F("text")
    )


def _end_relationships(user: User) -> int:
    ended = 0
    for model in (MentoringRelationship, CoachingEngagement):
        helper, seeker = model.HELPER_FIELD, model.SEEKER_FIELD
        mine = model.objects.filter(Q(**{helper: user}) | Q(**{seeker: user}))
        for relationship in mine.filter(status__in=[Status.PROPOSED, Status.ACTIVE, Status.PAUSED]):
            move: Any = (
                lifecycle.relationship_withdraw
                if relationship.status == Status.PROPOSED
                else lifecycle.relationship_conclude
            )
            move(relationship, user=user, reason=ENDED)
            ended += 1
    return ended


def _own_side(user: User) -> Q:
    """Journal entries and closings are stored by side: theirs is the side they sat on."""
    return Q(relationship__mentor=user, side="mentor") | Q(relationship__mentee=user, side="mentee")


def _delete_own_writing(user: User) -> dict[str, int]:
    deletions = {
        "intakes": Intake.objects.filter(author=user),
        "journal entries": JournalEntry.objects.filter(_own_side(user)),
        "meeting notes": MeetingNote.objects.filter(author=user),
        "goal notes": GoalNote.objects.filter(author=user),
        "session notes": SessionNote.objects.filter(author=user),
        "agenda topics": AgendaTopic.objects.filter(added_by=user),
        "match profiles": MatchProfile.objects.filter(user=user),
        "opt-outs": PersonBlock.objects.filter(person=user),
        "career entries": CareerEntry.objects.filter(user=user),
        "training answers": TrainingAttempt.objects.filter(user=user),
        "event sign-ups": EventSignup.objects.filter(person=user),
        "continue marks": ContinueMark.objects.filter(marker=user),
        "notifications": Notification.objects.filter(recipient=user),
        "notification settings": Preference.objects.filter(user=user),
        "calendar feeds": CalendarFeed.objects.filter(user=user),
    }
    return {
        name: queryset.delete()[1].get(queryset.model._meta.label, 0)
        for name, queryset in deletions.items()
    }


def _blank_shared_writing(user: User) -> dict[str, int]:
    answers = EvaluationAnswer.objects.filter(evaluation__engagement__coachee=user)
    answers.filter(rating__isnull=True).delete()
    return {
        "goals blanked": MentoringGoal.objects.filter(created_by=user).update(title=BLANKED)
        + CoachingGoal.objects.filter(owner=user).update(statement=BLANKED, metric=BLANKED),
        "actions blanked": ActionItem.objects.filter(owner=user).update(title=BLANKED),
        "check-in comments blanked": CheckIn.objects.filter(recorded_by=user).update(comment=""),
        "closing reflections blanked": Closing.objects.filter(_own_side(user)).update(
            reflection=BLANKED, shared=False
        ),
        "survey answers blanked": answers.update(text="")
        + SurveyResponse.objects.filter(invitation__person=user)
        .exclude(comment="")
        .update(comment=""),
        "reflections blanked": CloseOutEvaluation.objects.filter(engagement__coach=user)
        .exclude(coach_reflection="")
        .update(coach_reflection=""),
        "referral reasons blanked": Referral.objects.filter(
            Q(person=user) | Q(referrer=user)
        ).update(reason=BLANKED),
        "fit-check reasons blanked": FitCheck.objects.filter(requested_by=user).update(reason=""),
    }


def _leave_programs(user: User) -> int:
    """Every role ends and they manage nothing; each change goes into the audit log."""
    live = [Participation.State.PENDING, Participation.State.ACTIVE]
    roles = list(Participation.objects.filter(user=user, state__in=live).select_related("program"))
    for participation in roles:
        participation.state = Participation.State.LEFT
        participation.save(update_fields=["state", "updated_at"])
        permission_changed(
            subject=user,
            code="erasure.role_ended",
            params={
                "role": word(Participation.Role(participation.role).label),
                "program": str(participation.program),
            },
            target=participation,
            program_id=participation.program_id,
        )
    for program in list(user.managed_programs.all()):
        program.managers.remove(user)
        permission_changed(
            subject=user,
            code="erasure.manager_ended",
            params={"program": str(program)},
            target=program,
            program_id=program.pk,
        )
    return len(roles)


def _wipe_profile(user: User) -> None:
    """Every profile field back to its default: bio, tags, languages, zone and photo.
    The photo file itself is deleted from storage once the erasure commits."""
    photo = Profile.objects.filter(user=user).values_list("photo", flat=True).first()
    if photo:
        storage = Profile._meta.get_field("photo").storage
        transaction.on_commit(lambda: storage.delete(photo))
    defaults = {
        field.name: field.get_default()
        for field in Profile._meta.concrete_fields
        if field.name not in {"user", "created_at", "updated_at"}
    }
    Profile.objects.update_or_create(user=user, defaults=defaults)
    Profile.objects.get(user=user).assessors.clear()


def _forget_sign_in(user: User) -> None:
    EmailAddress.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    ApiToken.objects.filter(user=user).delete()
    # The identity provider's copy of their attributes goes; the account stays out of
    # SCIM (deleted there), so the directory cannot write into an erased account.
    erased = {"user_name": f"erased-{user.pk}", "external_id": "", "document": {}}
    ScimUser.objects.update_or_create(user=user, defaults={**erased, "deleted_at": timezone.now()})
    ScimGroup.members.through.objects.filter(user=user).delete()


def _anonymize(user: User) -> None:
    user.email = f"erased-{user.pk}@{ERASED_DOMAIN}"
    user.first_name, user.last_name = "Erased", "person"
    user.set_unusable_password()  # also ends every session: its hash no longer matches
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
