"""Independence after the fact: a later change makes a mentor dependent on the mentee."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import DomainError
from ithaca.mentoring.models import MentoringRelationship
from ithaca.mentoring.services import mentoring_propose
from ithaca.notifications.models import Notification
from ithaca.programs import relationships as lifecycle
from ithaca.programs.independence import independence_flag_keep, independence_recheck
from ithaca.programs.models import IndependenceFlag, Participation, PersonBlock
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    program = ProgramFactory()
    program.boss = UserFactory()
    program.managers.add(program.boss)
    return program


def _pair(program, status: str = "active") -> MentoringRelationship:
    mentor = ParticipationFactory(program=program, role="mentor", capacity=3).user
    mentee = ParticipationFactory(program=program, role="seeker").user
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    if status == "active":
        rel = lifecycle.relationship_accept(rel, user=mentor)
    return rel


def _make_manager(rel: MentoringRelationship) -> None:
    # What an HR import does: the mentor becomes the mentee's line manager.
    rel.mentee.profile.line_manager = rel.mentor
    rel.mentee.profile.save()


def test_an_active_relationship_that_lost_independence_is_flagged_to_managers_and_both(
    program, django_capture_on_commit_callbacks
) -> None:
    rel = _pair(program)
    fine = _pair(program)
    _make_manager(rel)
    with django_capture_on_commit_callbacks(execute=True):
        assert independence_recheck() == {"withdrawn": 0, "flagged": 1}
    flag = IndependenceFlag.objects.get()
    assert (flag.relationship_id, flag.helper, flag.seeker) == (rel.pk, rel.mentor, rel.mentee)
    assert flag.reasons == "not_line_manager"  # a code, worded when shown
    with translation.override("de"):
        assert flag.reasons_text == "der Mentor ist die direkte Führungskraft des Mentees"
    rel.refresh_from_db()
    assert rel.status == "active"  # the people and the managers decide
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([rel.mentor.email, rel.mentee.email, program.boss.email])
    assert fine.pk != flag.relationship_id
    # Running again flags and sends nothing twice.
    with django_capture_on_commit_callbacks(execute=True):
        assert independence_recheck() == {"withdrawn": 0, "flagged": 0}
    assert len(mail.outbox) == 3  # one e-mail per person, none again


def test_an_assessor_or_a_manager_above_is_flagged_too(program) -> None:
    by_assessor, by_chain = _pair(program), _pair(program)
    by_assessor.mentee.profile.assessors.add(by_assessor.mentor)
    middle = UserFactory()
    by_chain.mentee.profile.line_manager = middle
    by_chain.mentee.profile.save()
    middle.profile.line_manager = by_chain.mentor
    middle.profile.save()
    assert independence_recheck()["flagged"] == 2


def test_a_pending_proposal_that_lost_independence_is_withdrawn_with_a_notice(
    program, django_capture_on_commit_callbacks
) -> None:
    rel = _pair(program, status="proposed")
    _make_manager(rel)
    with django_capture_on_commit_callbacks(execute=True):
        assert independence_recheck() == {"withdrawn": 1, "flagged": 0}
    rel.refresh_from_db()
    assert rel.status == "withdrawn" and rel.status_reason == "independence:not_line_manager"
    told = sorted(address for message in mail.outbox for address in message.to)
    assert told == sorted([rel.mentor.email, rel.mentee.email])
    assert all("line manager" in " ".join(message.body.split()) for message in mail.outbox)
    with translation.override("fr"):
        assert rel.status_reason_text == (
            "Retirée automatiquement : le mentor est le ou la responsable hiérarchique "
            "direct·e du mentoré."
        )
        notice = Notification.objects.filter(recipient=rel.mentee).get()
        assert "responsable hiérarchique direct·e du mentoré" in notice.message
        assert "line manager" not in notice.message
    page = Client()
    page.force_login(rel.mentee)
    shown = page.get(f"/matching/proposals/mentoring/{rel.pk}/", HTTP_ACCEPT_LANGUAGE="de")
    assert "Automatisch zurückgezogen: der Mentor ist die direkte Führungskraft" in (
        shown.content.decode()
    )


def test_acceptance_rechecks_the_hard_rules(program) -> None:
    rel = _pair(program, status="proposed")
    _make_manager(rel)
    with pytest.raises(DomainError, match="line manager"):
        lifecycle.relationship_accept(rel, user=rel.mentor)
    other = _pair(program, status="proposed")
    PersonBlock.objects.create(person=other.mentee, other=other.mentor, kind="opt_out")
    with pytest.raises(DomainError, match="opted out"):
        lifecycle.relationship_accept(other, user=other.mentor)
    assert not MentoringRelationship.objects.filter(status="active").exists()


def test_a_full_mentor_can_still_accept_the_proposal_that_holds_their_last_place(
    program,
) -> None:
    rel = _pair(program, status="proposed")
    Participation.objects.filter(user=rel.mentor, role="mentor").update(capacity=1)
    assert lifecycle.relationship_accept(rel, user=rel.mentor).status == "active"


def test_only_the_programs_managers_record_that_a_flagged_relationship_goes_on(program) -> None:
    from ithaca.core.errors import PermissionDenied

    rel = _pair(program)
    _make_manager(rel)
    independence_recheck()
    flag = IndependenceFlag.objects.get()
    with pytest.raises(PermissionDenied):
        independence_flag_keep(flag=flag, by=rel.mentee)
    kept = independence_flag_keep(flag=flag, by=program.boss)
    assert kept.decided_by == program.boss and kept.decided_at is not None


def test_a_refused_acceptance_says_why_in_the_readers_language(program) -> None:
    rel = _pair(program, status="proposed")
    _make_manager(rel)
    with translation.override("de"), pytest.raises(DomainError) as refused:
        lifecycle.relationship_accept(rel, user=rel.mentor)
    assert "ist die direkte Führungskraft von" in str(refused.value)
    assert "line manager" not in str(refused.value)
    left = _pair(program, status="proposed")
    Participation.objects.filter(user=left.mentor, program=program).update(state="left")
    with translation.override("fr"), pytest.raises(DomainError) as refused:
        lifecycle.relationship_accept(left, user=left.mentor)
    assert f"{left.mentor} n'est plus mentor actif dans {program}" in str(refused.value)
