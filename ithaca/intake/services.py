"""Writes for intakes and referrals."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ithaca.accounts.models import Profile, User
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.intake.models import MAX_TEXT, Intake, IntakeShare, Referral
from ithaca.intake.phrases import phrases_of, said
from ithaca.intake.triage import TriageResult, normalize_answers, triage
from ithaca.notifications.services import notify
from ithaca.programs import reasons
from ithaca.programs.models import Participation, Program
from ithaca.programs.services import participation_apply

REFERRAL_KINDS = {"coaching", "mentoring"}


def intake_evaluate(*, text: str, answers: dict[str, Any] | None) -> TriageResult:
    """Validate an intake's text and answers and run the triage model; writes nothing."""
    if not text or not text.strip():
        raise DomainError(
            _("Tell us in a sentence or two what you would like help with."), field="text"
        )
    if len(text) > MAX_TEXT:
        raise DomainError(
            _("Please keep it under %(limit)s characters (this is %(length)s).")
            % {
                "limit": number_format(MAX_TEXT, force_grouping=True),
                "length": number_format(len(text), force_grouping=True),
            },
            field="text",
        )
    try:
        normalize_answers(answers)
    except ValueError as exc:
        raise DomainError(said(exc.args[0]), field="answers") from None
    return triage(text.strip(), answers)


@transaction.atomic
def intake_submit(
    *,
    author: User,
    text: str,
    answers: dict[str, Any] | None = None,
    referral: Referral | None = None,
) -> Intake:
    """Save a seeker's intake with its explained recommendation."""
    result = intake_evaluate(text=text, answers=answers)
    if referral is not None:
        referral = Referral.objects.get(pk=referral.pk)  # the caller's copy may be stale
    if referral is not None and (
        referral.person_id != author.pk or referral.status != Referral.Status.ACCEPTED
    ):
        raise DomainError(_("This intake can only answer a referral you have accepted."))
    clean = {key: list(values) for key, values in normalize_answers(answers).items()}
    payload = result.to_dict()
    payload.pop("signals", None)
    # The sentences' templates and values, so the result reads in whoever's language reads it.
    payload["phrases"] = phrases_of(result)
    return Intake.objects.create(
        author=author,
        text=text.strip(),
        answers=clean,
        recommendation=result.recommendation,
        confidence=round(result.confidence, 4),
        result=payload,
        referral=referral,
    )


@transaction.atomic
def intake_apply(*, intake: Intake, program: Program, share: bool) -> Participation:
    """Ask to join a program as a seeker, optionally showing the intake to its managers."""
    if program.enrolment_questions:
        raise DomainError(
            _("%(program)s asks a few questions when you apply: answer them on its page.")
            % {"program": program}
        )
    state = (
        Participation.objects.filter(
            program=program, user=intake.author, role=Participation.Role.SEEKER
        )
        .values_list("state", flat=True)
        .first()
    )
    if state == Participation.State.ACTIVE:
        raise DomainError(
            _("You are already taking part in %(program)s: see your candidates.")
            % {"program": program}
        )
    if state == Participation.State.PENDING:
        raise DomainError(
            _("You have asked to join %(program)s already; its managers will answer.")
            % {"program": program}
        )
    participation = participation_apply(
        program=program, user=intake.author, note=reasons.FROM_INTAKE
    )
    if share:
        IntakeShare.objects.get_or_create(intake=intake, program=program)
    return participation


@transaction.atomic
def intake_delete(*, intake: Intake, user: User) -> None:
    """The author deletes their intake (its shares with program managers go with it)."""
    if intake.author_id != user.pk:
        raise PermissionDenied(_("Only the person who wrote an intake can delete it."))
    intake.delete()


# One answer for an address nobody uses and for a person you may not refer, so the
# form and the API cannot be used to find out who has an account.
REFER_REFUSED = gettext_lazy(
    "You can refer only someone who reports to you, or who takes part in a program "
    "you manage or sponsor."
)


def _may_refer(referrer: User, person: User) -> bool:
    """The person's line manager, or a manager or active sponsor of a program they are in."""
    if Profile.objects.filter(user=person, line_manager=referrer).exists():
        return True
    their_programs = Participation.objects.filter(
        user=person, state=Participation.State.ACTIVE
    ).values("program_id")
    return (
        Program.objects.filter(pk__in=their_programs)
        .filter(
            Q(managers=referrer)
            | Q(
                participations__user=referrer,
                participations__role=Participation.Role.SPONSOR,
                participations__state=Participation.State.ACTIVE,
            )
        )
        .exists()
    )


def referable_person(*, referrer: User, email: str) -> User | None:
    """The active person with this address if `referrer` may refer them (or it is the
    referrer, who is then told they cannot refer themselves); None for anyone else and
    for an address nobody uses, alike."""
    person = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is None:
        return None
    if person.pk == referrer.pk or _may_refer(referrer, person):
        return person
    return None


@transaction.atomic
def referral_create(
    *, referrer: User, person: User, kind: str, reason: str, program: Program | None = None
) -> Referral:
    """Invite someone to consider coaching or mentoring; they decide."""
    if referrer.pk == person.pk:
        raise DomainError(_("You cannot refer yourself; start an intake instead."), field="person")
    if kind not in REFERRAL_KINDS:
        raise DomainError(_("Choose coaching or mentoring."), field="kind")
    if not reason.strip():
        raise DomainError(
            _("Say why you are suggesting this; the person will read it."), field="reason"
        )
    if not person.is_active or not _may_refer(referrer, person):
        raise DomainError(str(REFER_REFUSED), field="person")
    try:
        with transaction.atomic():
            referral = Referral.objects.create(
                referrer=referrer,
                person=person,
                kind=kind,
                reason=reason.strip()[:2000],
                program=program,
            )
    except IntegrityError:
        raise DomainError(
            (
                _("You have already suggested coaching to %(person)s; they have not answered yet.")
                if kind == "coaching"
                else _(
                    "You have already suggested mentoring to %(person)s; they have not answered "
                    "yet."
                )
            )
            % {"person": person}
        ) from None
    notify(
        recipient=person,
        kind="referral.received",
        subject=referral,
        actor=referrer,
        context={"kind": kind},
        url=reverse("intake:referrals"),
    )
    return referral


@transaction.atomic
def referral_respond(*, referral: Referral, user: User, accept: bool) -> Referral:
    """The referred person accepts or declines; only they can."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.person_id != user.pk:
        raise PermissionDenied(_("Only the person referred can answer this referral."))
    if referral.status != Referral.Status.PENDING:
        raise DomainError(
            _("You have already accepted this referral.")
            if referral.status == Referral.Status.ACCEPTED
            else _("You have already declined this referral.")
        )
    referral.status = Referral.Status.ACCEPTED if accept else Referral.Status.DECLINED
    referral.responded_at = timezone.now()
    referral.save(update_fields=["status", "responded_at", "updated_at"])
    # The referrer learns the answer and nothing else.
    notify(
        recipient=referral.referrer,
        kind="referral.answered",
        subject=referral,
        context={
            "kind": referral.kind,
            "other": user.display_name,
            "status": referral.get_status_display().lower(),
        },
    )
    return referral
