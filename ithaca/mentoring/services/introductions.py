"""Opening doors: the mentor offers to introduce the mentee to someone.

    awaiting_person --the mentee agrees--> proposed --the third person agrees--> accepted
          |                                    |
          +--the mentee says no--> not_wanted  +--the third person says no--> declined
    (either open state) --the one who offered takes it back--> withdrawn

The third person is asked, and can see the introduction, only once the person
introduced has agreed: nobody's name is passed on without their yes. Every
e-mail is sent by a task in tasks.py, enqueued here.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring import notices
from ithaca.mentoring.models import Introduction, MentoringRelationship
from ithaca.mentoring.services.base import clean_text, writable

Status = Introduction.Status


def _check_contact(user: User, person: User, contact: User) -> None:
    if contact.pk == person.pk:
        raise DomainError(
            _("%(person)s cannot be introduced to themselves: choose a third person.")
            % {"person": person},
            field="contact",
        )
    if contact.pk == user.pk:
        raise DomainError(
            _("You and %(person)s already know each other: introduce them to a third person.")
            % {"person": person},
            field="contact",
        )
    if not contact.is_active:
        raise DomainError(_("That person no longer uses Ithaca."), field="contact")


@transaction.atomic
def introduction_propose(
    *, relationship: MentoringRelationship, user: User, contact: User, reason: str
) -> Introduction:
    """The mentor (either peer in peer modes) offers to introduce the other to `contact`."""
    workspace = writable(relationship, user, "make an introduction")
    if not workspace.may_introduce:
        raise PermissionDenied(_("Introductions are the mentor's to offer in this program."))
    rel = workspace.relationship
    person = rel.mentee if workspace.side == "mentor" else rel.mentor
    _check_contact(user, person, contact)
    reason = clean_text(reason, field="reason", label="reason for the introduction", limit=2000)
    live = Introduction.objects.filter(
        relationship=rel,
        person=person,
        contact=contact,
        status__in=(Status.AWAITING_PERSON, Status.PROPOSED, Status.ACCEPTED),
    )
    if live.exists():
        raise DomainError(
            _("You have already introduced %(person)s to %(contact)s.")
            % {"person": person, "contact": contact},
            field="contact",
        )
    introduction = Introduction.objects.create(
        relationship=rel, introduced_by=user, person=person, contact=contact, reason=reason
    )
    notices.tell_introduction_offered(introduction)
    return introduction


def _state_message(introduction: Introduction) -> str:
    return _("This introduction is %(state)s.") % {
        "state": introduction.get_status_display().lower()
    }


def _locked(introduction: Introduction) -> Introduction:
    return Introduction.objects.select_for_update().get(pk=introduction.pk)


def _decide(introduction: Introduction, status: str) -> None:
    introduction.status = status
    introduction.responded_at = timezone.now()
    introduction.save(update_fields=["status", "responded_at"])


@transaction.atomic
def introduction_answer(*, introduction: Introduction, user: User, accept: bool) -> Introduction:
    """The person introduced agrees (then the third person is asked) or says no; then
    the third person agrees (both are told by e-mail) or says no."""
    introduction = _locked(introduction)
    if introduction.status == Status.AWAITING_PERSON and introduction.person_id == user.pk:
        if accept:
            introduction.status = Status.PROPOSED
            introduction.person_agreed_at = timezone.now()
            introduction.save(update_fields=["status", "person_agreed_at"])
            notices.tell_introduction_asked(introduction)
            Introduction.objects.filter(pk=introduction.pk).update(request_sent_at=timezone.now())
        else:
            _decide(introduction, Status.NOT_WANTED)
            notices.tell_introduction_closed(introduction)
        return introduction
    if introduction.status == Status.PROPOSED and introduction.contact_id == user.pk:
        _decide(introduction, Status.ACCEPTED if accept else Status.DECLINED)
        if accept:
            notices.tell_introduction_agreed(introduction)
            Introduction.objects.filter(pk=introduction.pk).update(made_sent_at=timezone.now())
        return introduction
    if introduction.status in (Status.AWAITING_PERSON, Status.PROPOSED):
        raise PermissionDenied(_("This introduction is waiting for someone else's answer."))
    raise DomainError(_state_message(introduction))


@transaction.atomic
def introduction_withdraw(*, introduction: Introduction, user: User) -> Introduction:
    """The one who offered the introduction takes it back before it is made; whoever
    was already asked is told."""
    introduction = _locked(introduction)
    if introduction.introduced_by_id != user.pk:
        raise PermissionDenied(_("Only the person who offered the introduction can withdraw it."))
    if introduction.status not in (Status.AWAITING_PERSON, Status.PROPOSED):
        raise DomainError(_state_message(introduction))
    _decide(introduction, Status.WITHDRAWN)
    notices.tell_introduction_closed(introduction)
    return introduction
