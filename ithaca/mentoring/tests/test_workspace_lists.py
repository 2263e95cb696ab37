"""A workspace's lists grow without bound; each tab shows them a page at a time,
in the same number of queries for one row as for hundreds."""

from __future__ import annotations

import pytest

from ithaca.mentoring.tests.factories import (
    GoalFactory,
    IntroductionFactory,
    MeetingFactory,
    MeetingNoteFactory,
    TopicFactory,
    soon,
)
from ithaca.mentoring.tests.helpers import web
from ithaca.mentoring.views.sections import (
    GOALS_PER_PAGE,
    INTRODUCTIONS_PER_PAGE,
    MEETING_TOPIC_CHOICES,
    MEETINGS_PER_PAGE,
    TOPICS_PER_PAGE,
)

pytestmark = pytest.mark.django_db


def _topic(rel, n):
    return TopicFactory(relationship=rel, title=f"Agenda item {n:03}", position=n)


def _upcoming(rel, n):
    return MeetingFactory(
        relationship=rel, starts_at=soon(days=1 + n), status="proposed", location=f"Room {n:03}"
    )


def _past(rel, n):
    meeting = MeetingFactory(relationship=rel, location=f"Room {n:03}", starts_at=soon(days=-1 - n))
    MeetingNoteFactory(meeting=meeting)
    return meeting


def _goal(rel, n):
    goal = GoalFactory(relationship=rel, title=f"Goal item {n:03}")
    goal.notes.create(author=rel.mentee, body="Halfway there")
    return goal


def _introduction(rel, n):
    return IntroductionFactory(relationship=rel, reason=f"Introduction item {n:03}")


TABS = [
    ("agenda", _topic, TOPICS_PER_PAGE, "Agenda item", "topics_page"),
    ("meetings", _upcoming, MEETINGS_PER_PAGE, "Room", "upcoming_page"),
    ("meetings", _past, MEETINGS_PER_PAGE, "Room", "meetings_page"),
    ("goals", _goal, GOALS_PER_PAGE, "Goal item", "goals_page"),
    (
        "introductions",
        _introduction,
        INTRODUCTIONS_PER_PAGE,
        "Introduction item",
        "introductions_page",
    ),
]


@pytest.mark.parametrize(("tab", "make", "per_page", "marker", "param"), TABS)
def test_a_tab_reads_one_row_and_many_in_the_same_number_of_queries(
    rel, tab, make, per_page, marker, param, django_assert_max_num_queries
) -> None:
    client = web(rel.mentee)
    url = f"/mentoring/{rel.pk}/s/{tab}/"
    make(rel, 0)
    client.get(url)  # the session and the user are read once per client
    with django_assert_max_num_queries(40) as few:
        assert client.get(url).status_code == 200
    for n in range(1, per_page + 5):
        make(rel, n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        first = client.get(url)
    shown = [f"{marker} {n:03}" for n in range(per_page + 5) if f"{marker} {n:03}" in first.text]
    assert len(shown) == per_page
    second = client.get(f"{url}?{param}=2")
    rest = [f"{marker} {n:03}" for n in range(per_page + 5) if f"{marker} {n:03}" in second.text]
    assert len(rest) == 5 and not set(rest) & set(shown)
    assert f"{param}=2" in first.text


def test_the_agenda_pages_follow_the_mentees_order(rel) -> None:
    for n in range(TOPICS_PER_PAGE + 3):
        _topic(rel, n)
    page = web(rel.mentee).get(f"/mentoring/{rel.pk}/s/agenda/").text
    assert "Agenda item 000" in page and f"Agenda item {TOPICS_PER_PAGE - 1:03}" in page
    assert f"Agenda item {TOPICS_PER_PAGE:03}" not in page


def test_a_meeting_offers_the_next_open_topics_on_the_agenda_only(rel) -> None:
    for n in range(MEETING_TOPIC_CHOICES + 2):
        _topic(rel, n)
    page = web(rel.mentee).get(f"/mentoring/{rel.pk}/s/meetings/").text
    assert f"Agenda item {MEETING_TOPIC_CHOICES - 1:03}" in page
    assert f"Agenda item {MEETING_TOPIC_CHOICES:03}" not in page


def test_another_persons_workspace_pages_stay_closed(rel) -> None:
    from ithaca.accounts.tests.factories import UserFactory

    _topic(rel, 0)
    response = web(UserFactory()).get(f"/mentoring/{rel.pk}/s/agenda/?topics_page=2")
    assert response.status_code in (403, 404)
    assert "Agenda item 000" not in response.text


def test_a_page_number_out_of_range_or_not_a_number_shows_a_page_not_an_error(rel) -> None:
    for n in range(TOPICS_PER_PAGE + 1):
        _topic(rel, n)
    client = web(rel.mentee)
    last = client.get(f"/mentoring/{rel.pk}/s/agenda/?topics_page=99")
    assert last.status_code == 200 and f"Agenda item {TOPICS_PER_PAGE:03}" in last.text
    junk = client.get(f"/mentoring/{rel.pk}/s/agenda/?topics_page=abc")
    assert junk.status_code == 200 and "Agenda item 000" in junk.text
