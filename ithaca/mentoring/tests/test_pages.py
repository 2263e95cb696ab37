"""Workspace pages: one view renders the page or (htmx) its section; mistakes are a 400
with the message inline and nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ithaca.accounts.tests.factories import UserFactory
from ithaca.mentoring.models import AgendaTopic, Goal, Introduction, JournalEntry, Meeting
from ithaca.mentoring.services import mentoring_propose
from ithaca.mentoring.tests.factories import MeetingFactory, TopicFactory, soon
from ithaca.mentoring.tests.helpers import htmx, web
from ithaca.programs.tests.factories import make_pair

pytestmark = pytest.mark.django_db


def _when(moment: dt.datetime) -> str:
    return timezone.localtime(moment, dt.UTC).strftime("%Y-%m-%dT%H:%M")


def test_the_mentee_sees_an_overview_then_every_section_in_its_own_tab(rel) -> None:
    page = web(rel.mentee).get(f"/mentoring/{rel.pk}/").content.decode()
    assert "Last contact" in page and "Needs you now" in page
    sections = {
        "agenda": "Agenda",
        "meetings": "Meetings",
        "goals": "Goals",
        "introductions": "Introductions",
        "journal": "Your journal",
        "messages": "Messages",  # the private conversation of the two
    }
    for name, heading in sections.items():
        assert f'href="/mentoring/{rel.pk}/s/{name}/"' in page
        tab = web(rel.mentee).get(f"/mentoring/{rel.pk}/s/{name}/").content.decode()
        assert f">{heading}</h2>" in tab
        assert f'aria-current="page">{heading}</a>' in tab


def test_the_workspace_names_the_other_person_once_from_the_readers_side(rel) -> None:
    mentee_page = web(rel.mentee).get(f"/mentoring/{rel.pk}/").content.decode()
    assert f"<h1>Mentoring with {rel.mentor}</h1>" in mentee_page
    assert str(rel.mentee) not in mentee_page.split("<main")[1]
    mentor_page = web(rel.mentor).get(f"/mentoring/{rel.pk}/").content.decode()
    assert f"<h1>Mentoring with {rel.mentee}</h1>" in mentor_page


def test_a_tab_chosen_through_htmx_answers_the_tab_bar_and_its_panel(rel) -> None:
    response = htmx(rel.mentee).get(f"/mentoring/{rel.pk}/s/goals/", HTTP_HX_TARGET="workspace")
    body = response.content.decode()
    assert response.status_code == 200 and "<!doctype html>" not in body
    assert 'class="tabs"' in body and 'id="goals"' in body


def test_pausing_from_the_workspace_re_renders_the_whole_workspace(rel) -> None:
    response = htmx(rel.mentee).post(
        f"/mentoring/{rel.pk}/pause/", {"reason": ""}, HTTP_HX_TARGET="workspace"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'class="badge paused"' in body and 'class="tabs"' in body and ">Resume<" in body


def test_a_proposal_has_no_workspace_yet() -> None:
    program, mentor, mentee = make_pair("mentoring")
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    page = web(mentee).get(f"/mentoring/{rel.pk}/").content.decode()
    assert "opens once both of you have accepted" in page and "Your journal" not in page


def test_a_section_renders_alone_for_htmx_and_as_the_page_otherwise(rel) -> None:
    partial = htmx(rel.mentee).get(f"/mentoring/{rel.pk}/s/agenda/")
    assert partial.status_code == 200
    assert partial.content.decode().lstrip().startswith('<section id="agenda"')
    full = web(rel.mentee).get(f"/mentoring/{rel.pk}/s/agenda/")
    assert b"<!doctype html>" in full.content and b'id="agenda"' in full.content
    assert b'id="journal"' not in full.content
    assert web(rel.mentee).get(f"/mentoring/{rel.pk}/s/nothing/").status_code == 404


def test_adding_a_topic_without_javascript_redirects_to_the_agenda(rel) -> None:
    response = web(rel.mentee).post(f"/mentoring/{rel.pk}/agenda/", {"title": "Night shifts"})
    assert response.status_code == 302
    assert response["Location"] == f"/mentoring/{rel.pk}/s/agenda/"
    assert AgendaTopic.objects.get().title == "Night shifts"


def test_adding_a_topic_with_htmx_returns_the_new_agenda(rel) -> None:
    response = htmx(rel.mentee).post(f"/mentoring/{rel.pk}/agenda/", {"title": "Night shifts"})
    assert response.status_code == 200
    assert b"Night shifts" in response.content and b"Added to the agenda." in response.content


@pytest.mark.parametrize("client", [web, htmx])
def test_an_empty_topic_is_a_400_with_the_message_inline(rel, client) -> None:
    response = client(rel.mentee).post(f"/mentoring/{rel.pk}/agenda/", {"title": ""})
    assert response.status_code == 400 and b"This field is required." in response.content
    assert not AgendaTopic.objects.exists()


def test_the_mentor_closing_a_topic_is_told_why_not(rel) -> None:
    topic = TopicFactory(relationship=rel)
    response = htmx(rel.mentor).post(f"/mentoring/{rel.pk}/agenda/{topic.pk}/close/")
    assert response.status_code == 403 and b"agenda is the mentee&#x27;s" in response.content
    topic.refresh_from_db()
    assert topic.status == "open"


def test_a_topic_on_someone_elses_agenda_is_a_404(rel) -> None:
    theirs = TopicFactory()
    response = web(rel.mentee).post(f"/mentoring/{rel.pk}/agenda/{theirs.pk}/close/")
    assert response.status_code == 404


def test_proposing_a_meeting_in_the_past_is_a_400_and_saves_nothing(rel) -> None:
    start = timezone.now() - dt.timedelta(days=1)
    response = web(rel.mentee).post(
        f"/mentoring/{rel.pk}/meetings/",
        {"starts_at": _when(start), "ends_at": _when(start + dt.timedelta(hours=1)),
         "location": "Café"},
    )  # fmt: skip
    assert response.status_code == 400 and b"must start in the future" in response.content
    assert not Meeting.objects.exists()


def test_a_meeting_ending_before_it_starts_is_a_400(rel) -> None:
    start = soon(3)
    response = htmx(rel.mentee).post(
        f"/mentoring/{rel.pk}/meetings/",
        {"starts_at": _when(start), "ends_at": _when(start - dt.timedelta(hours=1)),
         "location": "Café"},
    )  # fmt: skip
    assert response.status_code == 400 and b"must end after it starts" in response.content
    assert not Meeting.objects.exists()


def test_times_are_read_in_the_persons_own_time_zone(rel) -> None:
    type(rel.mentee.profile).objects.filter(user=rel.mentee).update(time_zone="Asia/Tokyo")
    year = timezone.now().year + 1
    web(rel.mentee).post(
        f"/mentoring/{rel.pk}/meetings/",
        {"starts_at": f"{year}-05-01T09:00", "ends_at": f"{year}-05-01T10:00",
         "location": "Café"},
    )  # fmt: skip
    assert Meeting.objects.get().starts_at == dt.datetime(year, 5, 1, 0, 0, tzinfo=dt.UTC)


def test_the_other_side_accepts_a_meeting_on_the_page(rel) -> None:
    start = soon(3)
    web(rel.mentor).post(
        f"/mentoring/{rel.pk}/meetings/",
        {"starts_at": _when(start), "ends_at": _when(start + dt.timedelta(hours=1)),
         "location": "Café"},
    )  # fmt: skip
    meeting = Meeting.objects.get()
    page = htmx(rel.mentee).get(f"/mentoring/{rel.pk}/s/meetings/").content.decode()
    assert f"/meetings/{meeting.pk}/accept/" in page
    response = htmx(rel.mentee).post(f"/mentoring/{rel.pk}/meetings/{meeting.pk}/accept/")
    assert response.status_code == 200 and b"Confirmed" in response.content


def test_a_note_is_added_to_a_past_meeting(rel) -> None:
    meeting = MeetingFactory(relationship=rel)
    response = web(rel.mentor).post(
        f"/mentoring/{rel.pk}/meetings/{meeting.pk}/notes/", {"body": "Good talk"}
    )
    assert response.status_code == 302 and meeting.notes.get().body == "Good talk"
    page = web(rel.mentee).get(f"/mentoring/{rel.pk}/meetings/{meeting.pk}/")
    assert b"Good talk" in page.content


def test_the_journal_is_written_and_deleted_after_a_confirmation(rel) -> None:
    web(rel.mentee).post(f"/mentoring/{rel.pk}/journal/", {"body": "Tired today"})
    entry = JournalEntry.objects.get()
    confirm = web(rel.mentee).get(f"/mentoring/{rel.pk}/journal/{entry.pk}/delete/")
    assert confirm.status_code == 200 and b"cannot be undone" in confirm.content
    assert JournalEntry.objects.exists()
    web(rel.mentee).post(f"/mentoring/{rel.pk}/journal/{entry.pk}/delete/")
    assert not JournalEntry.objects.exists()


def test_a_goal_and_its_progress_through_the_page(rel) -> None:
    web(rel.mentee).post(f"/mentoring/{rel.pk}/goals/", {"area": "network", "title": "Meet 3"})
    goal = Goal.objects.get()
    web(rel.mentor).post(f"/mentoring/{rel.pk}/goals/{goal.pk}/notes/", {"body": "Try Ana"})
    htmx(rel.mentee).post(f"/mentoring/{rel.pk}/goals/{goal.pk}/status/", {"status": "reached"})
    goal.refresh_from_db()
    assert goal.status == "reached" and goal.notes.get().body == "Try Ana"


def test_an_introduction_to_an_unknown_address_is_a_400(rel) -> None:
    response = web(rel.mentor).post(
        f"/mentoring/{rel.pk}/introductions/",
        {"contact": "nobody@example.org", "reason": "Why not"},
    )
    assert response.status_code == 400 and b"Nobody with that e-mail" in response.content
    contact = UserFactory()
    web(rel.mentor).post(
        f"/mentoring/{rel.pk}/introductions/", {"contact": contact.email, "reason": "Research"}
    )
    assert Introduction.objects.get().contact == contact


def test_the_workspace_reads_in_a_fixed_number_of_queries(rel, django_assert_max_num_queries):
    def fill(count: int) -> None:
        for _ in range(count):
            meeting = MeetingFactory(relationship=rel)
            meeting.topics.add(TopicFactory(relationship=rel))
            meeting.notes.create(author=rel.mentor, body="note")
            JournalEntry.objects.create(relationship=rel, side="mentee", body="entry")
            Goal.objects.create(relationship=rel, area="skill", title="g", created_by=rel.mentee)

    client = web(rel.mentee)
    fill(1)
    with django_assert_max_num_queries(30) as few:
        assert client.get(f"/mentoring/{rel.pk}/").status_code == 200
    fill(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(f"/mentoring/{rel.pk}/").status_code == 200
