"""Writes to programs and participations."""

from __future__ import annotations

import re
import uuid
from typing import Any

from anyascii import anyascii
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.audit.services import permission_changed
from ithaca.audit.summaries import word
from ithaca.core.errors import DomainError, PermissionDenied, TransitionError
from ithaca.core.nouns import in_sentence
from ithaca.notifications.services import notify
from ithaca.programs import bounds, reasons
from ithaca.programs.access import is_program_manager
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import HelpingRelationship, Participation, Program
from ithaca.programs.modes import MODES_BY_KIND
from ithaca.programs.relationships import _locked, _move

SLUG_MAX = 80
NAME_MAX = 160
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
HELPER_ROLE_FOR_KIND = {
    "mentoring": Participation.Role.MENTOR,
    "coaching": Participation.Role.COACH,
}


def slug_from_name(name: str) -> str:
    """A link address for a name in any script: transliterated to ASCII, then slugified.
    Empty when nothing of the name survives (the caller then falls back to the id)."""
    return slugify(anyascii(name)).strip("-")[:SLUG_MAX].strip("-")


def _free_slug(base: str) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever no program uses yet."""
    taken = set(
        Program.objects.filter(slug__regex=rf"^{re.escape(base)}(-[0-9]+)?$").values_list(
            "slug", flat=True
        )
    )
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = f"{base[: SLUG_MAX - len(suffix)].rstrip('-')}{suffix}"
        if candidate not in taken:
            return candidate
        number += 1


def _mode_refusal(mode: object, kind: str) -> str:
    values = {"mode": repr(mode)}
    if kind == "coaching":
        return _("%(mode)s is not a coaching mode.") % values
    return _("%(mode)s is not a mentoring mode.") % values


def _check_slug(slug: str) -> str:
    slug = slug.strip().lower()
    if len(slug) > SLUG_MAX or not SLUG_PATTERN.fullmatch(slug):
        raise DomainError(
            _(
                "An address uses only letters a to z, digits and hyphens (at most 80), "
                "e.g. new-managers."
            ),
            field="slug",
        )
    if Program.objects.filter(slug=slug).exists():
        raise DomainError(
            _("A program with the address %(slug)s already exists.") % {"slug": repr(slug)},
            field="slug",
        )
    return slug


@transaction.atomic
def program_create(
    *,
    name: str,
    kind: str,
    mode: str,
    slug: str = "",
    managers: list[User] | None = None,
    **extra: Any,
) -> Program:
    """Create a program; its mode must belong to its kind.

    Without a slug, the address is made from the name in any script (transliterated),
    made unique, or, when nothing of the name can be written in letters a to z,
    `program-<id>`. A slug given is checked: never empty, ASCII, unique.
    """
    name = name.strip()
    if not name:
        raise DomainError(_("A program needs a name."), field="name")
    if len(name) > NAME_MAX:
        raise DomainError(
            _("Keep the name under %(limit)d characters.") % {"limit": NAME_MAX}, field="name"
        )
    if kind not in MODES_BY_KIND:
        raise DomainError(
            _("Unknown kind %(kind)s: use mentoring or coaching.") % {"kind": repr(kind)},
            field="kind",
        )
    if mode not in MODES_BY_KIND[kind]:
        raise DomainError(_mode_refusal(mode, kind), field="mode")
    if slug.strip():
        slug = _check_slug(slug)
    else:
        base = slug_from_name(name)
        slug = _free_slug(base) if base else f"new-program-{uuid.uuid4().hex}"
    if "enrolment_questions" in extra:
        extra["enrolment_questions"] = clean_questions(extra["enrolment_questions"])
    _check_durations(Program(**extra))
    program = Program.objects.create(name=name, slug=slug, kind=kind, mode=mode, **extra)
    if slug.startswith("new-program-"):
        # Nothing of the name is in letters a to z: a stable address from the id.
        program.slug = _free_slug(f"program-{program.pk}")
        program.save(update_fields=["slug"])
    if managers:
        program.managers.add(*managers)
        for manager in managers:
            permission_changed(
                subject=manager,
                code="manager.made",
                params={"program": str(program)},
                target=program,
                program_id=program.pk,
            )
    return program


def _check_role_fits(program: Program, role: str) -> None:
    if role in Participation.HELPER_ROLES and role != HELPER_ROLE_FOR_KIND[program.kind]:
        raise DomainError(
            _("A mentoring program has mentors, not coaches.")
            if program.is_mentoring
            else _("A coaching program has coaches, not mentors."),
            field="role",
        )
    if role == Participation.Role.SPONSOR and not program.is_coaching:
        raise DomainError(_("Sponsors take part in coaching programs only."), field="role")


@transaction.atomic
def participation_add(
    *,
    program: Program,
    user: User,
    role: str,
    state: str = Participation.State.ACTIVE,
    **extra: Any,
) -> Participation:
    """Give a person a role in a program (directly, or as a pending application)."""
    _check_role_fits(program, role)
    if role in Participation.HELPER_ROLES and not extra.get("capacity"):
        raise DomainError(_("Mentors and coaches need a capacity of at least 1."), field="capacity")
    if not bounds.CAPACITY.holds(extra.get("capacity")):
        raise DomainError(
            _("Capacity: %(rule)s") % {"rule": bounds.CAPACITY.message()}, field="capacity"
        )
    try:
        with transaction.atomic():
            participation = Participation.objects.create(
                program=program, user=user, role=role, state=state, **extra
            )
    except IntegrityError:
        raise DomainError(
            _("%(person)s already has the %(role)s role in %(program)s.")
            % {
                "person": user,
                "role": in_sentence(Participation.Role(role).label),
                "program": program,
            },
            field="role",
        ) from None
    if state == Participation.State.ACTIVE:
        _role_changed(participation, "role.given")
    return participation


def _role_changed(participation: Participation, code: str) -> None:
    permission_changed(
        subject=participation.user,
        code=code,
        params={
            "role": word(Participation.Role(participation.role).label),
            "program": str(participation.program),
        },
        target=participation,
        program_id=participation.program_id,
    )


MAX_QUESTIONS = 5
MAX_QUESTION_CHARS = 300
MAX_ANSWER_CHARS = 1000


def clean_questions(questions: list[str]) -> list[str]:
    """A program's enrolment questions: at most five short, non-empty texts."""
    cleaned = [q.strip() for q in questions if q and q.strip()]
    if len(cleaned) > MAX_QUESTIONS:
        raise DomainError(
            _("Ask at most %(limit)d questions.") % {"limit": MAX_QUESTIONS},
            field="enrolment_questions",
        )
    too_long = [q for q in cleaned if len(q) > MAX_QUESTION_CHARS]
    if too_long:
        raise DomainError(
            _("Keep each question under %(limit)d characters.") % {"limit": MAX_QUESTION_CHARS},
            field="enrolment_questions",
        )
    return cleaned


def _answered(program: Program, answers: list[str] | None) -> list[dict[str, str]]:
    """Pair each of the program's questions with its answer; every one must be answered."""
    questions = list(program.enrolment_questions or [])
    given = [a.strip() for a in (answers or [])]
    given += [""] * (len(questions) - len(given))
    missing = [q for q, a in zip(questions, given, strict=False) if not a]
    if missing:
        raise DomainError(
            _("Please answer: %(question)s") % {"question": missing[0]}, field="answers"
        )
    if any(len(a) > MAX_ANSWER_CHARS for a in given):
        raise DomainError(
            _("Keep each answer under %(limit)d characters.") % {"limit": MAX_ANSWER_CHARS},
            field="answers",
        )
    return [{"question": q, "answer": a} for q, a in zip(questions, given, strict=False)]


def participation_apply(
    *,
    program: Program,
    user: User,
    role: str = Participation.Role.SEEKER,
    note: str = "",
    answers: list[str] | None = None,
) -> Participation:
    """A person asks to join a program, answering its enrolment questions; a program
    manager approves or declines."""
    if not program.enrolment_open:
        raise DomainError(_("Enrolment in %(program)s is closed.") % {"program": program})
    return participation_add(
        program=program,
        user=user,
        role=role,
        state=Participation.State.PENDING,
        application_note=note.strip(),
        application_answers=_answered(program, answers),
        capacity=1 if role in Participation.HELPER_ROLES else None,
    )


EDITABLE_FIELDS = frozenset(
    {
        "name", "description", "mode", "requires_training", "review_period_days",
        "session_count", "session_cadence_days", "session_length_minutes",
        "nudge_after_days", "request_expiry_days", "independence_depth",
        "enrolment_questions",
    }
)  # fmt: skip


def _check_durations(program: Program) -> None:
    """Every integer rule within its range (programs/bounds.py); the database agrees."""
    for field, field_bounds in bounds.PROGRAM.items():
        value = getattr(program, field)
        if not isinstance(value, int) or not field_bounds.holds(value):
            raise DomainError(field_bounds.message(), field=field)


@transaction.atomic
def program_update(*, program: Program, **changes: Any) -> Program:
    """Change a program's name, mode, durations and rules. Its kind and address stay:
    participants and links depend on them."""
    unknown = sorted(set(changes) - EDITABLE_FIELDS)
    if unknown:
        raise DomainError(
            _("%(fields)s cannot be changed.") % {"fields": ", ".join(unknown)}, field=unknown[0]
        )
    if "mode" in changes and changes["mode"] not in MODES_BY_KIND[program.kind]:
        raise DomainError(_mode_refusal(changes["mode"], program.kind), field="mode")
    if not str(changes.get("name", program.name)).strip():
        raise DomainError(_("A program needs a name."), field="name")
    if "enrolment_questions" in changes:
        changes["enrolment_questions"] = clean_questions(changes["enrolment_questions"])
    for field, value in changes.items():
        setattr(program, field, value)
    _check_durations(program)
    program.save(update_fields=[*changes, "updated_at"])
    return program


@transaction.atomic
def enrolment_set(*, program: Program, open: bool) -> Program:
    """Open or close enrolment: while closed, nobody can apply."""
    program.enrolment_open = open
    program.save(update_fields=["enrolment_open", "updated_at"])
    return program


@transaction.atomic
def application_decide(*, participation: Participation, approve: bool) -> Participation:
    """Approve (active) or decline a pending application, and tell the person by e-mail."""
    participation = (
        Participation.objects.select_for_update().select_related("program", "user")
    ).get(pk=participation.pk)
    if participation.state != Participation.State.PENDING:
        state = participation.get_state_display().lower()
        raise DomainError(
            _("This application has been decided already: %(state)s.") % {"state": state}
        )
    participation.state = Participation.State.ACTIVE if approve else Participation.State.DECLINED
    participation.save(update_fields=["state", "updated_at"])
    _role_changed(participation, "application.approved" if approve else "application.declined")
    program = participation.program
    notify(
        recipient=participation.user,
        kind="application.decided",
        subject=participation,
        context={"program": program.name, "approved": approve},
        url=reverse("programs:detail", args=[program.slug]),
    )
    return participation


def proposal_withdraw_as_manager(
    relationship: HelpingRelationship, *, manager: User, reason: str = ""
) -> HelpingRelationship:
    """A program manager takes back a proposal that nobody answered in time."""
    with transaction.atomic():
        relationship = _locked(relationship)
        if not is_program_manager(manager, relationship.program):
            raise PermissionDenied(_("Only this program's managers can withdraw its proposals."))
        if relationship.status != Status.PROPOSED:
            raise TransitionError(_("Only a proposal that has not started can be withdrawn."))
        return _move(relationship, Status.WITHDRAWN, reason.strip() or reasons.NO_ANSWER)
