"""Referrals: an invitation the person may decline; nothing starts without their own intake."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching.services import engagement_propose
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.intake.models import Referral
from ithaca.intake.services import intake_submit, referral_create, referral_respond
from ithaca.mentoring.services import mentoring_propose
from ithaca.programs.tests.factories import ParticipationFactory, make_pair

pytestmark = pytest.mark.django_db

OWN_WORDS = "I want to get better at giving difficult feedback to my team within two months."


@pytest.fixture
def setting():
    program, coach, coachee = make_pair("coaching")
    manager = UserFactory()
    coachee.profile.line_manager = manager
    coachee.profile.save()
    return program, coach, coachee, manager


def _refer(manager, person, kind="coaching") -> Referral:
    return referral_create(referrer=manager, person=person, kind=kind, reason="Your new team")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_line_manager_refers_and_the_person_is_invited_by_email(
    setting, django_capture_on_commit_callbacks
) -> None:
    _, _, coachee, manager = setting
    with django_capture_on_commit_callbacks(execute=True):
        referral = _refer(manager, coachee)
    assert referral.status == "pending"
    assert [m.to for m in mail.outbox] == [[coachee.email]]
    assert "It is your choice" in mail.outbox[0].body
    assert referral.reason not in mail.outbox[0].body  # the reason is read in Ithaca


def test_a_sponsor_may_refer_too(setting) -> None:
    program, _, coachee, _ = setting
    sponsor = ParticipationFactory(program=program, role="sponsor").user
    assert _refer(sponsor, coachee).status == "pending"


def test_a_colleague_without_standing_cannot_refer(setting) -> None:
    with pytest.raises(DomainError, match="You can refer only"):
        _refer(UserFactory(), setting[2])
    assert not Referral.objects.exists()


def test_a_manager_of_a_program_the_person_is_in_may_refer(setting) -> None:
    program, _, coachee, _ = setting
    manager = UserFactory()
    program.managers.add(manager)
    assert _refer(manager, coachee).status == "pending"


def test_a_sponsor_or_manager_of_another_program_may_not_refer(setting) -> None:
    _, _, coachee, _ = setting
    other_program = make_pair("coaching")[0]
    sponsor = ParticipationFactory(program=other_program, role="sponsor").user
    manager = UserFactory()
    other_program.managers.add(manager)
    for referrer in (sponsor, manager, UserFactory(is_staff=True)):
        with pytest.raises(DomainError, match="You can refer only"):
            _refer(referrer, coachee)
    assert not Referral.objects.exists()


def test_nobody_can_refer_themselves(setting) -> None:
    manager = setting[3]
    with pytest.raises(DomainError, match="cannot refer yourself"):
        _refer(manager, manager)


def test_an_empty_reason_is_refused(setting) -> None:
    with pytest.raises(DomainError, match="Say why"):
        referral_create(referrer=setting[3], person=setting[2], kind="coaching", reason="  ")


def test_only_one_pending_referral_per_kind(setting) -> None:
    _refer(setting[3], setting[2])
    with pytest.raises(DomainError, match="already suggested coaching"):
        _refer(setting[3], setting[2])


def test_only_the_person_can_answer(setting) -> None:
    referral = _refer(setting[3], setting[2])
    with pytest.raises(PermissionDenied):
        referral_respond(referral=referral, user=setting[3], accept=True)


def test_the_referrer_learns_the_status_and_nothing_else(
    setting, django_capture_on_commit_callbacks
) -> None:
    _, _, coachee, manager = setting
    with django_capture_on_commit_callbacks(execute=True):
        referral = _refer(manager, coachee)
        referral_respond(referral=referral, user=coachee, accept=True)
        intake_submit(author=coachee, text=OWN_WORDS, referral=referral)
    answer = mail.outbox[-1]
    assert answer.to == [manager.email] and "accepted" in answer.body
    assert "feedback" not in answer.body


def test_a_declined_referral_leads_nowhere_and_cannot_be_reanswered(setting) -> None:
    referral = _refer(setting[3], setting[2])
    referral_respond(referral=referral, user=setting[2], accept=False)
    with pytest.raises(DomainError, match="already declined"):
        referral_respond(referral=referral, user=setting[2], accept=True)


def test_an_accepted_referral_blocks_coaching_until_the_person_writes_their_outcome(
    setting,
) -> None:
    program, coach, coachee, manager = setting
    referral = _refer(manager, coachee)
    referral_respond(referral=referral, user=coachee, accept=True)
    with pytest.raises(DomainError, match="own desired outcome"):
        engagement_propose(program=program, coach=coach, coachee=coachee, proposed_by=manager)
    intake_submit(author=coachee, text=OWN_WORDS, referral=referral)
    engagement = engagement_propose(
        program=program, coach=coach, coachee=coachee, proposed_by=coachee
    )
    assert engagement.status == "proposed"


def test_an_accepted_mentoring_referral_blocks_mentoring_the_same_way() -> None:
    program, mentor, mentee = make_pair("mentoring")
    manager = UserFactory()
    mentee.profile.line_manager = manager
    mentee.profile.save()
    referral = _refer(manager, mentee, kind="mentoring")
    referral_respond(referral=referral, user=mentee, accept=True)
    with pytest.raises(DomainError, match="referred by someone else"):
        mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)


def test_an_intake_cannot_answer_someone_elses_referral(setting) -> None:
    referral = _refer(setting[3], setting[2])
    referral_respond(referral=referral, user=setting[2], accept=True)
    with pytest.raises(DomainError, match="referral you have accepted"):
        intake_submit(author=UserFactory(), text=OWN_WORDS, referral=referral)


def test_the_referrer_cannot_read_the_persons_intake(setting) -> None:
    _, _, coachee, manager = setting
    referral = _refer(manager, coachee)
    referral_respond(referral=referral, user=coachee, accept=True)
    intake = intake_submit(author=coachee, text=OWN_WORDS, referral=referral)
    assert _client(manager).get(f"/intake/{intake.pk}/").status_code == 404
    page = _client(manager).get("/intake/referrals/").content.decode()
    assert "Accepted" in page and "feedback" not in page


def test_the_person_accepts_on_the_page_and_is_asked_for_their_own_words(setting) -> None:
    _, _, coachee, manager = setting
    referral = _refer(manager, coachee)
    response = _client(coachee).post(f"/intake/referrals/{referral.pk}/accept/")
    assert response.status_code == 302
    assert response["Location"] == f"/intake/new/?referral={referral.pk}"
    page = _client(coachee).get(response["Location"]).content.decode()
    assert "starts from what <em>you</em> want" in page


def test_the_referral_form_answers_alike_for_an_unknown_and_an_unreferable_address(
    setting,
) -> None:
    stranger = UserFactory()
    client = _client(setting[3])
    answers = [
        client.post("/intake/referrals/", {"email": email, "kind": "coaching", "reason": "x"})
        for email in ("nobody@example.org", stranger.email)
    ]
    assert [a.status_code for a in answers] == [400, 400]
    errors = [re.findall(r'class="error-text"[^>]*>([^<]*)<', a.content.decode()) for a in answers]
    assert errors[0] == errors[1] and "You can refer only" in errors[0][0]
    assert not Referral.objects.exists()


def test_the_referral_form_refuses_self_referral_with_a_message(setting) -> None:
    manager = setting[3]
    response = _client(manager).post(
        "/intake/referrals/", {"email": manager.email, "kind": "coaching", "reason": "me"}
    )
    assert response.status_code == 400 and b"cannot refer yourself" in response.content
    assert not Referral.objects.exists()


def test_a_stranger_cannot_answer_a_referral(setting) -> None:
    referral = _refer(setting[3], setting[2])
    assert (
        _client(UserFactory()).post(f"/intake/referrals/{referral.pk}/accept/").status_code == 404
    )
    referral.refresh_from_db()
    assert referral.status == "pending"
