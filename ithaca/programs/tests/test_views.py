"""Program pages: listing, visibility and applying."""

from __future__ import annotations

import pytest
from django.test import Client

from ithaca.accounts.tests.factories import UserFactory
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_list_shows_open_programs_in_a_fixed_number_of_queries(
    django_assert_max_num_queries,
) -> None:
    for _ in range(12):
        ParticipationFactory(program=ProgramFactory())
    client = _client(UserFactory())
    with django_assert_max_num_queries(6):
        response = client.get("/programs/")
    assert response.status_code == 200
    assert response.content.count(b"<tr>") == 13


def test_a_program_with_two_managers_counts_each_active_participant_once() -> None:
    first, second = UserFactory(), UserFactory()
    program = ProgramFactory(enrolment_open=False)
    program.managers.add(first, second)
    for _ in range(3):
        ParticipationFactory(program=program, state=Participation.State.ACTIVE)
    ParticipationFactory(program=program, state=Participation.State.PENDING)
    response = _client(first).get("/programs/")
    [listed] = response.context["page"].object_list
    assert listed.active_count == 3


def test_the_list_is_empty_with_a_friendly_message_when_nothing_is_open() -> None:
    ProgramFactory(enrolment_open=False)
    response = _client(UserFactory()).get("/programs/")
    assert b"No programs are open to you yet" in response.content


def test_a_closed_program_is_hidden_from_outsiders_but_not_members() -> None:
    program = ProgramFactory(enrolment_open=False)
    assert _client(UserFactory()).get(f"/programs/{program.slug}/").status_code == 404
    member = ParticipationFactory(program=program).user
    assert _client(member).get(f"/programs/{program.slug}/").status_code == 200


def test_applying_creates_a_pending_participation() -> None:
    program, user = ProgramFactory(), UserFactory()
    response = _client(user).post(f"/programs/{program.slug}/apply/", {"role": "seeker"})
    assert response.status_code == 302
    assert Participation.objects.get(program=program, user=user).state == "pending"


def test_applying_twice_explains_and_changes_nothing() -> None:
    program, user = ProgramFactory(), UserFactory()
    client = _client(user)
    client.post(f"/programs/{program.slug}/apply/", {"role": "seeker"})
    response = client.post(f"/programs/{program.slug}/apply/", {"role": "seeker"}, follow=True)
    assert b"already has the seeker role" in response.content
    assert Participation.objects.filter(program=program, user=user).count() == 1


def test_an_unknown_role_is_refused() -> None:
    program, user = ProgramFactory(), UserFactory()
    _client(user).post(f"/programs/{program.slug}/apply/", {"role": "sponsor"})
    assert not Participation.objects.filter(user=user).exists()


def test_an_action_never_redirects_off_the_site() -> None:
    from ithaca.mentoring.services import mentoring_propose
    from ithaca.programs.tests.factories import make_pair

    program, mentor, mentee = make_pair("mentoring")
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    response = _client(mentor).post(
        f"/mentoring/{rel.pk}/accept/", {"next": "https://evil.example/phish"}
    )
    assert response["Location"] == "/"


def test_the_apply_form_asks_the_programs_questions_and_keeps_the_answers() -> None:
    program = ProgramFactory(enrolment_questions=["Why now?"])
    user = UserFactory()
    client = _client(user)
    assert b"Why now?" in client.get(f"/programs/{program.slug}/").content
    response = client.post(f"/programs/{program.slug}/apply/", {"role": "seeker"}, follow=True)
    assert b"Please answer: Why now?" in response.content
    client.post(f"/programs/{program.slug}/apply/", {"role": "seeker", "answer_0": "Promotion"})
    assert Participation.objects.get(user=user).application_answers == [
        {"question": "Why now?", "answer": "Promotion"}
    ]
