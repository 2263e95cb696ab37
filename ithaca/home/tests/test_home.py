"""The role-aware home page."""

from __future__ import annotations

import pytest
from django.test import Client

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching.services import engagement_propose
from ithaca.home.selectors import home_for
from ithaca.intake.models import Referral
from ithaca.intake.selectors import intakes_of
from ithaca.intake.services import intake_submit
from ithaca.mentoring.services import mentoring_propose
from ithaca.programs import relationships as lifecycle
from ithaca.programs.tests.factories import ParticipationFactory, make_pair

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_signed_out_visitors_see_what_ithaca_is() -> None:
    response = Client().get("/")
    assert (
        response.status_code == 200 and b"Mentoring and coaching, side by side" in response.content
    )


def test_a_seeker_sees_their_relationships_and_a_way_to_find_support() -> None:
    program, mentor, mentee = make_pair("mentoring")
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    lifecycle.relationship_accept(rel, user=mentor)
    content = _client(mentee).get("/").content.decode()
    assert "Your support" in content and str(mentor) in content and "Find support" in content
    assert "People you work with" not in content


def test_a_mentor_sees_the_people_they_work_with_and_what_awaits_them() -> None:
    program, mentor, mentee = make_pair("mentoring")
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    content = _client(mentor).get("/").content.decode()
    assert "Waiting for your answer" in content and "People you work with" not in content
    assert content.count(f'id="mentoring-{rel.pk}"') == 1
    lifecycle.relationship_accept(rel, user=mentor)
    content = _client(mentor).get("/").content.decode()
    assert "People you work with" in content and "Waiting for your answer" not in content


def test_a_sponsor_sees_status_only() -> None:
    program, coach, coachee = make_pair("coaching")
    sponsor = ParticipationFactory(program=program, role="sponsor").user
    engagement_propose(
        program=program, coach=coach, coachee=coachee, sponsor=sponsor, proposed_by=sponsor
    )
    content = _client(sponsor).get("/").content.decode()
    assert "Coaching you sponsor" in content and "Waiting for your answer" not in content


def test_a_program_manager_sees_their_programs_with_pending_applications() -> None:
    program, _, _ = make_pair("mentoring")
    manager = UserFactory()
    program.managers.add(manager)
    ParticipationFactory(program=program, state="pending")
    content = _client(manager).get("/").content.decode()
    assert "Programs you manage" in content and program.name in content


def test_a_person_sees_their_intakes_and_suggestions_as_the_orm_reads_them() -> None:
    person, referrer = UserFactory(), UserFactory(first_name="Rhea", last_name="Moss")
    for text in ("I want to grow as a manager and lead my team better.", "Help me speak up."):
        intake_submit(author=person, text=text)
    Referral.objects.create(referrer=referrer, person=person, kind="coaching", reason="Ready")
    view = home_for(person)
    assert view.intakes == list(intakes_of(person)[:5]) and len(view.intakes) == 2
    assert [i.answers for i in view.intakes] == [i.answers for i in intakes_of(person)[:5]]
    assert view.referrals == list(Referral.objects.filter(person=person, status="pending"))
    assert view.referrals[0].referrer == referrer
    content = _client(person).get("/").content.decode()
    assert "Your intakes" in content and "Rhea Moss suggests coaching." in content


def test_the_home_page_reads_in_a_fixed_number_of_queries(django_assert_max_num_queries) -> None:
    program, mentor, _ = make_pair(
        "mentoring",
    )
    for _ in range(8):
        mentee = ParticipationFactory(program=program, role="seeker").user
        program.participations.filter(user=mentor).update(capacity=20)
        mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    client = _client(mentor)
    with django_assert_max_num_queries(8):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize("kind", ["mentoring", "coaching"])
def test_each_cards_buttons_post_to_their_action(kind: str) -> None:
    program, helper, seeker = make_pair(kind)
    if kind == "mentoring":
        item = mentoring_propose(program=program, mentor=helper, mentee=seeker, proposed_by=seeker)
    else:
        item = engagement_propose(program=program, coach=helper, coachee=seeker, proposed_by=seeker)
    content = _client(helper).get("/").content.decode()
    assert f'<span class="badge proposed">{item.get_status_display()}</span>' in content
    for action in ("accept", "decline"):
        url = f"/{kind}/{item.pk}/{action}/"
        assert f'<form method="post" action="{url}"\n          hx-post="{url}"' in content
        assert f'hx-target="#{kind}-{item.pk}"' in content
