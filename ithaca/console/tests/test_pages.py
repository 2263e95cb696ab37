"""Console pages: who may use them, and what each does."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from ithaca.accounts.models import User
from ithaca.accounts.tests.factories import UserFactory
from ithaca.console.stages import Stage
from ithaca.console.tests.factories import backdate, make_relationship, make_world
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.models import Participation, Program
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory

pytestmark = pytest.mark.django_db


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world():
    return make_world()


def test_a_program_manager_sees_only_their_programs(world) -> None:
    other = ProgramFactory(name="Program elsewhere")
    content = _client(world.manager).get("/console/").content.decode()
    assert world.program.name in content and other.name not in content


def test_staff_see_every_program(world) -> None:
    other = ProgramFactory(name="Program elsewhere")
    content = _client(UserFactory(is_staff=True)).get("/console/").content.decode()
    assert world.program.name in content and other.name in content


@pytest.mark.parametrize("path", ["/console/", "/console/programs/new/", "/console/people/import/"])
def test_nobody_below_a_program_manager_sees_the_console(world, path: str) -> None:
    assert _client(world.mentor).get(path).status_code == 403
    assert _client(world.active).get(path).status_code == 403
    assert _client(UserFactory()).get(path).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in() -> None:
    response = Client().get("/console/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("suffix", ["", "edit/", "enrolment/", "invite/"])
def test_another_programs_manager_gets_403_for_an_open_program_and_404_for_a_closed_one(
    world, suffix: str
) -> None:
    stranger = UserFactory()
    ProgramFactory().managers.add(stranger)
    client = _client(stranger)
    assert client.get(f"/console/programs/{world.program.slug}/{suffix}").status_code == 403
    Program.objects.filter(pk=world.program.pk).update(enrolment_open=False)
    assert client.get(f"/console/programs/{world.program.slug}/{suffix}").status_code == 404


def test_a_participant_of_the_program_gets_403(world) -> None:
    response = _client(world.active).get(f"/console/programs/{world.program.slug}/")
    assert response.status_code == 403


def test_the_console_link_shows_for_managers_and_staff_only(world) -> None:
    assert 'href="/console/"' in _client(world.manager).get("/programs/").content.decode()
    staff = UserFactory(is_staff=True)
    assert 'href="/console/"' in _client(staff).get("/programs/").content.decode()
    assert 'href="/console/"' not in _client(world.mentor).get("/programs/").content.decode()


def test_the_console_lists_programs_in_a_fixed_number_of_queries(
    django_assert_max_num_queries,
) -> None:
    manager = UserFactory()
    for _ in range(12):
        program = ProgramFactory()
        program.managers.add(manager)
        ParticipationFactory(program=program, state="pending")
    client = _client(manager)
    with django_assert_max_num_queries(7):
        response = client.get("/console/")
    assert response.content.decode().count("1 to decide") == 12


def _fill_every_list(world, n: int) -> None:
    """n more rows in each of the page's lists: applications (all stuck), seekers
    waiting for over 30 days, stale proposals."""
    for _ in range(n):
        backdate(ParticipationFactory(program=world.program, state="pending"), days=20)
        backdate(ParticipationFactory(program=world.program, role="seeker"), days=40)
        seeker = ParticipationFactory(program=world.program, role="seeker").user
        make_relationship(world.program, world.mentor, seeker, "proposed", age_days=30)


def test_the_program_page_reads_in_a_fixed_number_of_queries(
    world, django_assert_num_queries
) -> None:
    # Each list is one query for its rows and total, plus its people for the rows
    # shown: the same with one row in each list as with three pages of each.
    _fill_every_list(world, 1)
    client = _client(world.manager)
    url = f"/console/programs/{world.program.slug}/"
    with django_assert_num_queries(15) as few:
        client.get(url)
    _fill_every_list(world, 30)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    content = response.content.decode()
    assert "Proposals unanswered" in content and "Applied more than 14 days ago" in content
    assert content.count('class="more"') == 5  # every list says there is more


def test_the_participant_list_filters_by_stage_and_role(world) -> None:
    client = _client(world.manager)
    content = client.get(f"/console/programs/{world.program.slug}/?stage=waiting").content
    table = content.decode().split('id="participants"')[1]
    assert world.waiting.email in table and world.active.email not in table
    content = client.get(f"/console/programs/{world.program.slug}/?role=mentor").content
    table = content.decode().split('id="participants"')[1]
    assert world.mentor.email in table and world.waiting.email not in table
    assert "2 of 3" in table  # the mentor's open relationships out of their capacity


def _participant_emails(html: str) -> list[str]:
    return re.findall(r'<small class="muted">([^<]+@[^<]+)</small>', html)


def test_the_participant_list_shows_more_up_to_everyone_its_stage_count_announces(world) -> None:
    # The total comes from the stage counts, except under a role filter.
    for _ in range(30):
        ParticipationFactory(program=world.program, role="seeker")
    client = _client(world.manager)
    url = f"/console/programs/{world.program.slug}/"
    everyone = Participation.objects.filter(program=world.program)
    seekers = everyone.filter(role="seeker").count()
    for query, n in [("?", everyone.count()), ("?stage=waiting&", 31), ("?role=seeker&", seekers)]:
        first = client.get(f"{url}{query}").content.decode().split('id="participants"')[1]
        assert f"10 of {n}" in first, query
        seen = _participant_emails(first)
        more = re.search(r'href="([^"]+)" hx-get', first)
        while more:
            html = client.get(more.group(1).replace("&amp;", "&"), HTTP_HX_REQUEST="true")
            page = html.content.decode()
            seen += _participant_emails(page)
            more = re.search(r'href="([^"]+)" hx-get', page)
        assert len(seen) == len(set(seen)) == n, query
        assert f"{n} of {n}" in page, query


def test_a_manager_creates_a_program_and_manages_it(world) -> None:
    response = _client(world.manager).post(
        "/console/programs/new/",
        {
            "name": "New managers", "kind": "coaching", "mode": "leadership",
            "review_period_days": 182, "session_count": 6, "session_cadence_days": 14,
            "session_length_minutes": 60, "nudge_after_days": 30, "request_expiry_days": 14,
            "independence_depth": 3, "enrolment_open": "on",
        },
    )  # fmt: skip
    program = Program.objects.get(slug="new-managers")
    assert response.status_code == 302 and response["Location"] == "/console/programs/new-managers/"
    assert list(program.managers.all()) == [world.manager] and program.is_coaching


def test_a_mode_of_the_other_kind_is_refused_with_a_message(world) -> None:
    response = _client(world.manager).post(
        "/console/programs/new/",
        {"name": "Mixed", "kind": "mentoring", "mode": "leadership", "review_period_days": 182,
         "session_count": 6, "session_cadence_days": 14, "session_length_minutes": 60,
         "nudge_after_days": 30, "request_expiry_days": 14, "independence_depth": 3},
    )  # fmt: skip
    assert response.status_code == 400
    assert "not a mentoring mode" in response.content.decode()
    assert not Program.objects.filter(name="Mixed").exists()


def test_editing_changes_the_rules_but_not_the_kind(world) -> None:
    data = {
        "name": "Renamed", "mode": "peer", "requires_training": "on", "review_period_days": 90,
        "session_count": 6, "session_cadence_days": 14, "session_length_minutes": 60,
        "nudge_after_days": 30, "request_expiry_days": 10, "independence_depth": 2,
        "kind": "coaching",
    }  # fmt: skip
    response = _client(world.manager).post(f"/console/programs/{world.program.slug}/edit/", data)
    assert response.status_code == 302
    world.program.refresh_from_db()
    assert (world.program.name, world.program.mode, world.program.kind) == (
        "Renamed", "peer", "mentoring",
    )  # fmt: skip
    assert world.program.requires_training and world.program.request_expiry_days == 10


def test_a_too_short_session_is_refused_on_the_form(world) -> None:
    data = {
        "name": "X", "mode": "one_to_one", "review_period_days": 182, "session_count": 6,
        "session_cadence_days": 14, "session_length_minutes": 5, "nudge_after_days": 30,
        "request_expiry_days": 14, "independence_depth": 3,
    }  # fmt: skip
    response = _client(world.manager).post(f"/console/programs/{world.program.slug}/edit/", data)
    assert (
        response.status_code == 400
        and "Between 15 and 480 minutes a session." in response.content.decode()
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("review_period_days", 731, "Between 7 and 730 days before a review."),
        ("review_period_days", 6, "Between 7 and 730 days before a review."),
        ("session_count", 101, "Between 1 and 100 sessions."),
        ("session_cadence_days", 91, "Between 1 and 90 days between sessions."),
        ("nudge_after_days", 40000, "Between 1 and 365 days without contact."),
        ("independence_depth", 0, "Between 1 and 10 levels of the management chain."),
    ],
)
def test_a_rule_out_of_its_range_is_refused_beside_the_field_and_nothing_is_saved(
    world, field: str, value: int, message: str
) -> None:
    data = {
        "name": "X", "mode": "one_to_one", "review_period_days": 182, "session_count": 6,
        "session_cadence_days": 14, "session_length_minutes": 60, "nudge_after_days": 30,
        "request_expiry_days": 14, "independence_depth": 3, field: value,
    }  # fmt: skip
    response = _client(world.manager).post(f"/console/programs/{world.program.slug}/edit/", data)
    assert response.status_code == 400 and message in response.content.decode()
    world.program.refresh_from_db()
    assert world.program.name != "X"


def test_closing_enrolment_asks_first_then_closes(world) -> None:
    client = _client(world.manager)
    page = client.get(f"/console/programs/{world.program.slug}/enrolment/")
    assert "Close enrolment in" in page.content.decode()
    world.program.refresh_from_db()
    assert world.program.enrolment_open
    client.post(f"/console/programs/{world.program.slug}/enrolment/", {"open": "0"})
    world.program.refresh_from_db()
    assert not world.program.enrolment_open


def test_approving_under_htmx_answers_the_row_and_emails_the_person(
    world, django_capture_on_commit_callbacks
) -> None:
    application = Participation.objects.get(user=world.applied)
    url = f"/console/programs/{world.program.slug}/applications/{application.pk}/approve/"
    with django_capture_on_commit_callbacks(execute=True):
        response = _client(world.manager).post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.content.decode().strip().startswith(f'<tr id="application-{application.pk}"')
    assert "Approved" in response.content.decode()
    application.refresh_from_db()
    assert application.state == "active"
    assert mail.outbox[0].to == [world.applied.email]
    assert "was approved" in mail.outbox[0].body


def test_declining_twice_is_a_message_not_an_error(world) -> None:
    application = Participation.objects.get(user=world.applied)
    url = f"/console/programs/{world.program.slug}/applications/{application.pk}/decline/"
    client = _client(world.manager)
    client.post(url)
    response = client.post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert "decided already: declined" in response.content.decode()


def test_another_programs_application_is_a_404(world) -> None:
    elsewhere = ParticipationFactory(state="pending")
    url = f"/console/programs/{world.program.slug}/applications/{elsewhere.pk}/approve/"
    assert _client(world.manager).post(url).status_code == 404


def test_inviting_someone_new_creates_their_account_and_role(
    world, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = _client(world.manager).post(
            f"/console/programs/{world.program.slug}/invite/",
            {"email": "New.Mentor@example.org", "role": "mentor", "capacity": 2},
        )
    assert response.status_code == 302
    person = User.objects.get(email="new.mentor@example.org")
    role = Participation.objects.get(user=person, program=world.program)
    assert (role.role, role.state, role.capacity) == ("mentor", "active", 2)
    assert mail.outbox[0].to == ["new.mentor@example.org"]


def test_inviting_someone_who_exists_tells_them_they_were_added(
    world, django_capture_on_commit_callbacks
) -> None:
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _client(world.manager).post(
            f"/console/programs/{world.program.slug}/invite/",
            {"email": person.email, "role": "seeker"},
        )
    assert [m.subject for m in mail.outbox] == [
        f"{world.manager.display_name} added you to {world.program.name}."
    ]


def test_a_coach_role_in_a_mentoring_program_is_not_offered(world) -> None:
    response = _client(world.manager).post(
        f"/console/programs/{world.program.slug}/invite/",
        {"email": "x@example.org", "role": "coach"},
    )
    assert response.status_code == 400 and not User.objects.filter(email="x@example.org").exists()


def test_a_stale_proposal_is_nudged_to_whoever_has_not_answered(
    world, django_capture_on_commit_callbacks
) -> None:
    proposal = make_relationship(world.program, world.mentor, world.waiting, age_days=20)
    # The mentee asked for this mentor: only the mentor still has to answer.
    type(proposal).objects.filter(pk=proposal.pk).update(seeker_accepted_at=proposal.created_at)
    url = f"/console/programs/{world.program.slug}/proposals/{proposal.pk}/nudge/"
    with django_capture_on_commit_callbacks(execute=True):
        _client(world.manager).post(url)
    assert [m.to for m in mail.outbox] == [[world.mentor.email]]


def test_a_manager_withdraws_a_stale_proposal(world) -> None:
    proposal = make_relationship(world.program, world.mentor, world.waiting, age_days=20)
    url = f"/console/programs/{world.program.slug}/proposals/{proposal.pk}/withdraw/"
    _client(world.manager).post(url)
    proposal.refresh_from_db()
    assert proposal.status == "withdrawn" and proposal.status_reason == "No answer in time."


def test_an_active_relationship_cannot_be_withdrawn_from_the_console(world) -> None:
    active = MentoringRelationship.objects.get(mentee=world.active, status="active")
    url = f"/console/programs/{world.program.slug}/proposals/{active.pk}/withdraw/"
    response = _client(world.manager).post(url, follow=True)
    active.refresh_from_db()
    assert active.status == "active"
    assert "Only a proposal that has not started" in response.content.decode()


def test_a_manager_sets_enrolment_questions_one_per_line(world) -> None:
    data = {
        "name": "Renamed", "mode": "peer", "review_period_days": 90, "session_count": 6,
        "session_cadence_days": 14, "session_length_minutes": 60, "nudge_after_days": 30,
        "request_expiry_days": 10, "independence_depth": 2,
        "enrolment_questions": "Why now?\n\nWhat would you like to be different in a year?\n",
    }  # fmt: skip
    client = _client(world.manager)
    assert client.post(f"/console/programs/{world.program.slug}/edit/", data).status_code == 302
    world.program.refresh_from_db()
    assert world.program.enrolment_questions == [
        "Why now?", "What would you like to be different in a year?",
    ]  # fmt: skip
    data["enrolment_questions"] = "\n".join(f"Question {n}" for n in range(6))
    response = client.post(f"/console/programs/{world.program.slug}/edit/", data)
    assert response.status_code == 400 and "Ask at most 5 questions." in response.content.decode()


def _stage_table(html: str) -> list[tuple[str, str, int]]:
    """(heading, link, number) for each column of the "Where people are" table."""
    section = html.split('id="stages"', 1)[1].split("</section>", 1)[0]
    headings = re.findall(r'<th scope="col">([^<]*)</th>', section)
    cells = re.findall(r'<td><a href="([^"]*)">(\d+)</a></td>', section)
    assert len(headings) == len(cells) == len(Stage)
    return [(h, link, int(n)) for h, (link, n) in zip(headings, cells, strict=True)]


def test_each_stage_heading_shows_the_number_of_people_its_link_lists(world) -> None:
    # Give every stage a different count, so a number under the wrong heading shows.
    for state, role, n in [("declined", "seeker", 2), ("left", "mentor", 3)]:
        for _ in range(n):
            ParticipationFactory(program=world.program, role=role, state=state)
    for _ in range(4):
        ParticipationFactory(program=world.program, role="sponsor")
    client = _client(world.manager)
    url = f"/console/programs/{world.program.slug}/"
    columns = _stage_table(client.get(url).content.decode())
    assert [heading for heading, _, _ in columns] == [stage.label for stage in Stage]
    for heading, link, number in columns:
        listed = client.get(url + link.split("#")[0]).content.decode()
        section = listed.split('id="participants"', 1)[1]
        assert section.count('<span class="badge">') == number, heading
        assert section.count(f'<span class="badge">{heading}</span>') == number, heading
