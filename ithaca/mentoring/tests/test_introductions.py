"""Opening doors: the mentor offers, the mentee agrees, then the third person agrees or not."""

from __future__ import annotations

import pytest
from django.core import mail

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring import services
from ithaca.mentoring.models import Introduction
from ithaca.mentoring.tests.factories import active_relationship
from ithaca.mentoring.tests.helpers import web

pytestmark = pytest.mark.django_db
REASON = "You made the move into research nursing three years ago."


def _introduce(rel, user, contact):
    return services.introduction_propose(
        relationship=rel, user=user, contact=contact, reason=REASON
    )


def _agreed(rel, contact):
    """Offered by the mentor and agreed by the mentee: the third person is asked."""
    intro = _introduce(rel, rel.mentor, contact)
    return services.introduction_answer(introduction=intro, user=rel.mentee, accept=True)


def test_the_mentee_agrees_before_the_third_person_is_asked_or_sees_anything(
    rel, django_capture_on_commit_callbacks
) -> None:
    contact = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        intro = _introduce(rel, rel.mentor, contact)
    assert intro.status == "awaiting_person"
    assert [m.to for m in mail.outbox] == [[rel.mentee.email]]
    assert REASON not in web(contact).get("/mentoring/introductions/").content.decode()
    assert web(contact).post(f"/mentoring/introductions/{intro.pk}/accept/").status_code == 404
    with pytest.raises(PermissionDenied):
        services.introduction_answer(introduction=intro, user=contact, accept=True)
    for person in (rel.mentor, UserFactory()):
        with pytest.raises(PermissionDenied):
            services.introduction_answer(introduction=intro, user=person, accept=True)
    response = web(rel.mentee).post(f"/mentoring/introductions/{intro.pk}/accept/")
    assert response.status_code == 302
    intro.refresh_from_db()
    assert intro.status == "proposed" and intro.person_agreed_at is not None
    assert REASON in web(contact).get("/mentoring/introductions/").content.decode()


def test_the_mentee_can_say_no_and_only_the_mentor_is_told(
    rel, django_capture_on_commit_callbacks
) -> None:
    contact = UserFactory()
    intro = _introduce(rel, rel.mentor, contact)
    with django_capture_on_commit_callbacks(execute=True):
        intro = services.introduction_answer(introduction=intro, user=rel.mentee, accept=False)
    assert intro.status == "not_wanted"
    assert [m.to for m in mail.outbox] == [[rel.mentor.email]]
    assert contact.email not in mail.outbox[0].to
    _introduce(rel, rel.mentor, contact)  # the door may be offered again later


def test_only_the_mentor_withdraws_an_offer_and_whoever_was_asked_is_told(
    rel, django_capture_on_commit_callbacks
) -> None:
    contact = UserFactory()
    intro = _agreed(rel, contact)
    for person in (rel.mentee, contact):
        with pytest.raises(PermissionDenied):
            services.introduction_withdraw(introduction=intro, user=person)
    with django_capture_on_commit_callbacks(execute=True):
        response = web(rel.mentor).post(f"/mentoring/introductions/{intro.pk}/withdraw/")
    assert response.status_code == 302
    intro.refresh_from_db()
    assert intro.status == "withdrawn"
    told = [m.to[0] for m in mail.outbox if "withdrew" in m.subject]
    assert sorted(told) == sorted([rel.mentee.email, contact.email])
    with pytest.raises(DomainError):
        services.introduction_answer(introduction=intro, user=contact, accept=True)


def test_the_third_person_agrees_once_the_mentee_has_and_both_are_told(
    rel, django_capture_on_commit_callbacks
) -> None:
    contact = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        intro = _agreed(rel, contact)
    assert mail.outbox[-1].to == [contact.email]
    assert REASON not in mail.outbox[-1].body  # the reason is read in Ithaca
    assert REASON in web(contact).get("/mentoring/introductions/").content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        intro = services.introduction_answer(introduction=intro, user=contact, accept=True)
    assert intro.status == "accepted" and intro.responded_at is not None
    # The mentor who offered it and the mentee it was for; the contact agreed.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([rel.mentor.email, rel.mentee.email])


def test_a_declined_introduction_tells_nobody_anything(
    rel, django_capture_on_commit_callbacks
) -> None:
    contact = UserFactory()
    intro = _agreed(rel, contact)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.introduction_answer(introduction=intro, user=contact, accept=False)
    assert all(rel.mentee.email not in message.to for message in mail.outbox)


def test_only_the_third_person_answers_once_asked(rel) -> None:
    intro = _agreed(rel, UserFactory())
    for person in (rel.mentor, rel.mentee, UserFactory()):
        with pytest.raises(PermissionDenied):
            services.introduction_answer(introduction=intro, user=person, accept=True)
    intro.refresh_from_db()
    assert intro.status == "proposed"


def test_an_introduction_to_oneself_is_refused_with_a_clear_message(rel) -> None:
    with pytest.raises(DomainError, match="cannot be introduced to themselves") as caught:
        _introduce(rel, rel.mentor, rel.mentee)
    assert caught.value.field == "contact"
    with pytest.raises(DomainError, match="already know each other"):
        _introduce(rel, rel.mentor, rel.mentor)
    assert not Introduction.objects.exists()


def test_the_mentee_does_not_open_doors_for_the_mentor_in_one_to_one(rel) -> None:
    with pytest.raises(PermissionDenied, match="mentor's to offer"):
        _introduce(rel, rel.mentee, UserFactory())


def test_peers_open_doors_for_each_other() -> None:
    rel = active_relationship("peer")
    contact = UserFactory()
    intro = _introduce(rel, rel.mentee, contact)
    assert (intro.introduced_by_id, intro.person_id) == (rel.mentee.pk, rel.mentor.pk)


def test_the_same_door_is_not_opened_twice(rel) -> None:
    contact = UserFactory()
    _introduce(rel, rel.mentor, contact)
    with pytest.raises(DomainError, match="already introduced"):
        _introduce(rel, rel.mentor, contact)


def test_a_reason_is_required(rel) -> None:
    with pytest.raises(DomainError, match="reason") as caught:
        services.introduction_propose(
            relationship=rel, user=rel.mentor, contact=UserFactory(), reason=" "
        )
    assert caught.value.field == "reason"


def test_the_third_person_answers_on_their_introductions_page(rel) -> None:
    contact = UserFactory()
    intro = _agreed(rel, contact)
    page = web(contact).get("/mentoring/introductions/")
    assert REASON in page.content.decode() and str(rel.mentee) in page.content.decode()
    response = web(contact).post(f"/mentoring/introductions/{intro.pk}/accept/")
    assert response.status_code == 302
    intro.refresh_from_db()
    assert intro.status == "accepted"
    again = web(contact).post(f"/mentoring/introductions/{intro.pk}/decline/")
    assert again.status_code == 400 and b"introduction is agreed" in again.content


def test_a_stranger_cannot_answer_an_introduction(rel) -> None:
    intro = _agreed(rel, UserFactory())
    assert (
        web(UserFactory()).post(f"/mentoring/introductions/{intro.pk}/accept/").status_code == 404
    )
