"""List pages read in a fixed number of queries; capacity holds when people sign up at once."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import DomainError
from ithaca.mentoring import services
from ithaca.mentoring.models import EventSignup
from ithaca.mentoring.tests.factories import EventFactory, IntroductionFactory, SignupFactory
from ithaca.mentoring.tests.helpers import web
from ithaca.programs.tests.factories import ParticipationFactory


@pytest.mark.django_db
def test_the_events_page_reads_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    first = EventFactory()
    person = ParticipationFactory(program=first.program).user
    SignupFactory(event=first, person=person)
    client = web(person)
    with django_assert_max_num_queries(12) as few:
        assert client.get("/mentoring/events/").status_code == 200
    for _ in range(6):
        SignupFactory(event=EventFactory(program=first.program))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/mentoring/events/").status_code == 200


@pytest.mark.django_db
def test_the_event_page_reads_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    event = EventFactory()
    person = ParticipationFactory(program=event.program).user
    SignupFactory(event=event, person=person)
    client = web(person)
    with django_assert_max_num_queries(14) as few:
        assert client.get(f"/mentoring/events/{event.pk}/").status_code == 200
    for _ in range(8):
        SignupFactory(event=event)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(f"/mentoring/events/{event.pk}/").status_code == 200


@pytest.mark.django_db
def test_the_introductions_page_reads_in_a_fixed_number_of_queries(
    django_assert_max_num_queries,
) -> None:
    contact = UserFactory()
    IntroductionFactory(contact=contact)
    client = web(contact)
    with django_assert_max_num_queries(10) as few:
        assert client.get("/mentoring/introductions/").status_code == 200
    for _ in range(5):
        IntroductionFactory(contact=contact)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/mentoring/introductions/").status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks (PostgreSQL)")
# pytest-django runs transactional tests last, so flushing data-migration rows
# (the training modules) here cannot starve the tests that read them.
@pytest.mark.django_db(transaction=True)
def test_people_signing_up_at_once_never_overfill_an_event() -> None:
    event = EventFactory(capacity=3)
    people = [ParticipationFactory(program=event.program).user for _ in range(8)]
    barrier = threading.Barrier(len(people))
    refused: list[str] = []

    def sign_up(person) -> None:
        barrier.wait()
        try:
            services.event_signup(event=event, user=person)
        except DomainError as exc:
            refused.append(exc.message)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert EventSignup.objects.filter(event=event).count() == 3
    assert refused == ["This event is full."] * 5
