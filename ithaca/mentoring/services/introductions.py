"""Opening doors: the mentor introduces the mentee to someone, who agrees or not."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring import notices
from ithaca.mentoring.models import Introduction, MentoringRelationship
from ithaca.mentoring.services.base import clean_text, writable

Status = Introduction.Status


def _check_contact(user: User, person: User, contact: User) -> None:
    if contact.pk == person.pk:
        raise DomainError(
            f"{person} cannot be introduced to themselves: choose a third person.",
            field="contact",
        )
    if contact.pk == user.pk:
        raise DomainError(
            f"You and {person} already know each other: introduce them to a third person.",
            field="contact",
        )
    if not contact.is_active:
        raise DomainError("That person no longer uses Ithaca.", field="contact")


@transaction.atomic
def introduction_propose(
    *, relationship: MentoringRelationship, user: User, contact: User, reason: str
) -> Introduction:
    """The mentor (either peer in peer modes) offers to introduce the other to `contact`."""
    workspace = writable(relationship, user, "make an introduction")
    if not workspace.may_introduce:
        raise PermissionDenied("Introductions are the mentor's to offer in this program.")
    rel = workspace.relationship
    person = rel.mentee if workspace.side == "mentor" else rel.mentor
    _check_contact(user, person, contact)
    reason = clean_text(reason, field="reason", label="reason for the introduction", limit=2000)
    live = Introduction.objects.filter(
        relationship=rel,
        person=person,
        contact=contact,
        status__in=(Status.PROPOSED, Status.ACCEPTED),
    )
    if live.exists():
        raise DomainError(f"You have already introduced {person} to {contact}.", field="contact")
    introduction = Introduction.objects.create(
        relationship=rel, introduced_by=user, person=person, contact=contact, reason=reason
    )
    notices.tell_introduction_asked(introduction)
    Introduction.objects.filter(pk=introduction.pk).update(request_sent_at=timezone.now())
    return introduction


@transaction.atomic
def introduction_answer(*, introduction: Introduction, user: User, accept: bool) -> Introduction:
    """The third person agrees or not; when they agree, both of them are told by e-mail."""
    introduction = Introduction.objects.select_for_update().get(pk=introduction.pk)
    if introduction.contact_id != user.pk:
        raise PermissionDenied("Only the person being asked can answer this introduction.")
    if introduction.status != Status.PROPOSED:
        raise DomainError(f"You have {introduction.get_status_display().lower()} already.")
    introduction.status = Status.ACCEPTED if accept else Status.DECLINED
    introduction.responded_at = timezone.now()
    introduction.save(update_fields=["status", "responded_at"])
    if accept:
        notices.tell_introduction_agreed(introduction)
        Introduction.objects.filter(pk=introduction.pk).update(made_sent_at=timezone.now())
    return introduction
