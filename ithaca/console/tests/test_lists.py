"""The program page's lists: ten rows, a count, and "show more" for the rest."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from ithaca.accounts.models import User
from ithaca.accounts.tests.factories import UserFactory
from ithaca.console.lists import PER_PAGE
from ithaca.console.tests.factories import backdate, make_relationship, make_world
from ithaca.programs.models import Participation, Program
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world():
    """The demo-like program with 25 applications: the one already there and 24 more,
    each a day older than the next, so they come oldest first in a known order."""
    world = make_world()
    for age in range(24):
        backdate(ParticipationFactory(program=world.program, state="pending"), days=40 - age)
    return world


def _url(world, name: str = "applications", query: str = "") -> str:
    return f"/console/programs/{world.program.slug}/lists/{name}/{query}"


def _applications(world) -> list[int]:
    rows = Participation.objects.filter(program=world.program, state="pending")
    return list(rows.order_by("created_at", "pk").values_list("pk", flat=True))


def _row_ids(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<tr id="application-(\d+)"', html)]


def test_the_program_page_shows_the_first_ten_applications_and_says_how_many(world) -> None:
    html = _client(world.manager).get(f"/console/programs/{world.program.slug}/").content.decode()
    section = html.split('id="applications"', 1)[1].split("</section>", 1)[0]
    assert _row_ids(section) == _applications(world)[:PER_PAGE]
    assert "10 of 25" in section
    assert 'hx-get="/console/programs/' in section and "applications/?page=2" in section


def test_show_more_answers_the_next_rows_and_the_next_control(world) -> None:
    client = _client(world.manager)
    response = client.get(_url(world, query="?page=2"), **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<tr id="application-')  # rows, not a page
    assert "<html" not in html
    assert _row_ids(html) == _applications(world)[PER_PAGE : 2 * PER_PAGE]
    assert "20 of 25" in html and "applications/?page=3" in html
    assert "HX-Request" in response["Vary"]


def test_the_last_page_shows_the_rest_and_no_more_link(world) -> None:
    html = _client(world.manager).get(_url(world, query="?page=3"), **HTMX).content.decode()
    assert _row_ids(html) == _applications(world)[2 * PER_PAGE :]
    assert "25 of 25" in html and "Show more" not in html


def test_a_page_beyond_the_last_is_empty_not_an_error(world) -> None:
    client = _client(world.manager)
    response = client.get(_url(world, query="?page=4"), **HTMX)
    assert response.status_code == 200 and response.content.decode().strip() == ""
    page = client.get(_url(world, query="?page=99999999999999999999"))
    assert page.status_code == 200
    assert "Nothing to show on this page." in page.content.decode()
    assert "Back to the first page" in page.content.decode()


@pytest.mark.parametrize("page", ["", "0", "-3", "two", "1.5"])
def test_a_page_that_is_not_a_number_is_the_first(world, page: str) -> None:
    html = _client(world.manager).get(_url(world, query=f"?page={page}"), **HTMX).content.decode()
    assert _row_ids(html) == _applications(world)[:PER_PAGE]


def test_without_javascript_the_link_opens_the_lists_own_page(world) -> None:
    response = _client(world.manager).get(_url(world, query="?page=2"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Applications to decide</h1>" in html
    assert _row_ids(html) == _applications(world)[PER_PAGE : 2 * PER_PAGE]
    assert "11 to 20 of 25" in html
    assert "applications/?page=1" in html and "applications/?page=3" in html
    assert "hx-get" not in html.split("<h1>", 1)[1]  # plain links on a page of its own


@pytest.mark.parametrize(
    ("name", "queries"),
    # Sign-in and program (5), the rows with their total, the people of the rows
    # shown; proposals join their two people.
    [("applications", 7), ("stuck-applications", 7), ("stuck-waiting", 7), ("stuck-proposals", 6)],
)
def test_each_list_reads_in_the_same_number_of_queries_on_any_page(
    world, name: str, queries: int, django_assert_num_queries
) -> None:
    for _ in range(21):
        backdate(ParticipationFactory(program=world.program, role="seeker"), days=40)
        seeker = ParticipationFactory(program=world.program, role="seeker").user
        make_relationship(world.program, world.mentor, seeker, "proposed", age_days=30)
    client = _client(world.manager)
    with django_assert_num_queries(queries):
        first = client.get(_url(world, name, "?page=1"), **HTMX).content.decode()
    with django_assert_num_queries(queries):
        second = client.get(_url(world, name, "?page=2"), **HTMX).content.decode()
    assert "10 of " in first and "20 of " in second


def test_the_participants_list_keeps_its_filters_from_page_to_page(world) -> None:
    for _ in range(12):
        ParticipationFactory(program=world.program, role="seeker")
    client = _client(world.manager)
    page = client.get(f"/console/programs/{world.program.slug}/?stage=waiting&role=seeker")
    section = page.content.decode().split('id="participants"', 1)[1]
    assert "10 of 13" in section
    assert "participants/?stage=waiting&amp;role=seeker&amp;page=2" in section
    more = client.get(_url(world, "participants", "?stage=waiting&role=seeker&page=2"), **HTMX)
    html = more.content.decode()
    assert "13 of 13" in html and html.count('<span class="badge">Waiting for a match</span>') == 3
    assert world.active.email not in html


def test_an_unknown_list_is_a_404(world) -> None:
    assert _client(world.manager).get(_url(world, "everyone"), **HTMX).status_code == 404


def test_another_programs_manager_gets_403_for_an_open_program_and_404_for_a_closed_one(
    world,
) -> None:
    stranger = UserFactory()
    ProgramFactory().managers.add(stranger)
    client = _client(stranger)
    assert client.get(_url(world, query="?page=2"), **HTMX).status_code == 403
    Program.objects.filter(pk=world.program.pk).update(enrolment_open=False)
    assert client.get(_url(world, query="?page=2"), **HTMX).status_code == 404
    assert client.get(_url(world, query="?page=2")).status_code == 404


def test_a_participant_of_the_program_gets_403(world) -> None:
    for user in (world.active, world.mentor):
        assert _client(user).get(_url(world, query="?page=2"), **HTMX).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(world) -> None:
    response = Client().get(_url(world, query="?page=2"), **HTMX)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
