"""Opening doors: the mentor proposes, the third person agrees or not, both are told."""

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


def test_the_mentor_introduces_and_the_third_person_agrees(
    rel, django_capture_on_commit_callbacks
) -> None:
    contact = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        intro = _introduce(rel, rel.mentor, contact)
    assert [m.to for m in mail.outbox] == [[contact.email]]
    assert REASON not in mail.outbox[0].body  # the reason is read in Ithaca
    with django_capture_on_commit_callbacks(execute=True):
        intro = services.introduction_answer(introduction=intro, user=contact, accept=True)
    assert intro.status == "accepted" and intro.responded_at is not None
    # The mentor who offered it and the mentee it was for; the contact agreed.
    assert sorted(m.to[0] for m in mail.outbox[1:]) == sorted([rel.mentor.email, rel.mentee.email])


def test_a_declined_introduction_tells_nobody_anything(
    rel, django_capture_on_commit_callbacks
) -> None:
    contact = UserFactory()
    intro = _introduce(rel, rel.mentor, contact)
    with django_capture_on_commit_callbacks(execute=True):
        services.introduction_answer(introduction=intro, user=contact, accept=False)
    assert all(rel.mentee.email not in message.to for message in mail.outbox)


def test_only_the_third_person_answers(rel) -> None:
    intro = _introduce(rel, rel.mentor, UserFactory())
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
    intro = _introduce(rel, rel.mentor, contact)
    page = web(contact).get("/mentoring/introductions/")
    assert REASON in page.content.decode() and str(rel.mentee) in page.content.decode()
    response = web(contact).post(f"/mentoring/introductions/{intro.pk}/accept/")
    assert response.status_code == 302
    intro.refresh_from_db()
    assert intro.status == "accepted"
    again = web(contact).post(f"/mentoring/introductions/{intro.pk}/decline/")
    assert again.status_code == 400 and b"agreed already" in again.content


def test_a_stranger_cannot_answer_an_introduction(rel) -> None:
    intro = _introduce(rel, rel.mentor, UserFactory())
    assert (
        web(UserFactory()).post(f"/mentoring/introductions/{intro.pk}/accept/").status_code == 404
    )
