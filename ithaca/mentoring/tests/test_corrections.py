"""Correcting what you wrote in a workspace: edit or withdraw, yours only, while it runs."""

from __future__ import annotations

import pytest

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import DomainError
from ithaca.mentoring import services
from ithaca.mentoring.models import AgendaTopic, Goal, GoalNote, MeetingNote
from ithaca.mentoring.services import corrections
from ithaca.mentoring.tests.factories import MeetingFactory, active_relationship
from ithaca.mentoring.tests.helpers import web
from ithaca.programs.relationships import relationship_conclude

pytestmark = pytest.mark.django_db


@pytest.fixture
def rel():
    return active_relationship()


def test_the_author_edits_a_topic_and_it_shows_as_edited(rel) -> None:
    topic = services.topic_add(relationship=rel, user=rel.mentee, title="Night shits")
    corrections.topic_edit(
        relationship=rel, user=rel.mentee, topic=topic, title="Night shifts", detail=""
    )
    topic.refresh_from_db()
    assert topic.title == "Night shifts" and topic.edited_at is not None
    page = web(rel.mentor).get(f"/mentoring/{rel.pk}/s/agenda/").content.decode()
    assert "Night shifts" in page and "edited" in page


def test_nobody_changes_someone_elses_topic_and_pages_answer_404(rel) -> None:
    topic = services.topic_add(relationship=rel, user=rel.mentee, title="Mine")
    with pytest.raises(DomainError, match="only topics you added"):
        corrections.topic_edit(relationship=rel, user=rel.mentor, topic=topic, title="X", detail="")
    for person in (rel.mentor, UserFactory()):
        client = web(person)
        assert client.get(f"/mentoring/{rel.pk}/edit/topic/{topic.pk}/").status_code == 404
        assert client.post(f"/mentoring/{rel.pk}/withdraw/topic/{topic.pk}/").status_code == 404
    assert AgendaTopic.objects.get().title == "Mine"


def test_a_topic_is_withdrawn_unless_a_meeting_took_it_up(rel) -> None:
    kept = services.topic_add(relationship=rel, user=rel.mentee, title="Discussed")
    meeting = MeetingFactory(relationship=rel)
    meeting.topics.add(kept)
    gone = services.topic_add(relationship=rel, user=rel.mentee, title="Never mind")
    response = web(rel.mentee).post(f"/mentoring/{rel.pk}/withdraw/topic/{gone.pk}/")
    assert response.status_code == 302
    with pytest.raises(DomainError, match="close it instead"):
        corrections.topic_withdraw(relationship=rel, user=rel.mentee, topic=kept)
    assert list(AgendaTopic.objects.values_list("title", flat=True)) == ["Discussed"]


def test_an_empty_edit_is_refused_beside_the_field_and_saves_nothing(rel) -> None:
    topic = services.topic_add(relationship=rel, user=rel.mentee, title="Rotas")
    response = web(rel.mentee).post(
        f"/mentoring/{rel.pk}/edit/topic/{topic.pk}/", {"title": "", "detail": ""}
    )
    assert response.status_code == 400 and "This field is required." in response.content.decode()
    assert AgendaTopic.objects.get().title == "Rotas"


def test_goals_and_progress_notes_are_edited_and_withdrawn_by_their_authors(rel) -> None:
    goal = services.goal_add(relationship=rel, user=rel.mentee, area="career", title="Senoir post")
    note = services.goal_note_add(relationship=rel, user=rel.mentor, goal=goal, body="Good step")
    response = web(rel.mentee).post(
        f"/mentoring/{rel.pk}/edit/goal/{goal.pk}/", {"area": "career", "title": "Senior post"}
    )
    assert response.status_code == 302
    assert Goal.objects.get().title == "Senior post"
    corrections.goal_note_edit(relationship=rel, user=rel.mentor, note=note, body="A good step")
    assert GoalNote.objects.get().edited_at is not None
    with pytest.raises(DomainError, match="Someone else wrote"):
        corrections.goal_withdraw(relationship=rel, user=rel.mentee, goal=goal)
    web(rel.mentor).post(f"/mentoring/{rel.pk}/withdraw/goal-note/{note.pk}/")
    assert not GoalNote.objects.exists()
    corrections.goal_withdraw(relationship=rel, user=rel.mentee, goal=goal)
    assert not Goal.objects.exists()


def test_a_meeting_note_is_withdrawn_by_its_author_only(rel) -> None:
    meeting = MeetingFactory(relationship=rel, status="held")
    note = MeetingNote.objects.create(meeting=meeting, author=rel.mentor, body="Notes")
    assert web(rel.mentee).post(f"/mentoring/{rel.pk}/withdraw/note/{note.pk}/").status_code == 404
    assert web(rel.mentor).post(f"/mentoring/{rel.pk}/withdraw/note/{note.pk}/").status_code == 302
    assert not MeetingNote.objects.exists()


def test_nothing_is_changed_after_the_relationship_concluded(rel) -> None:
    topic = services.topic_add(relationship=rel, user=rel.mentee, title="Rotas")
    relationship_conclude(rel, user=rel.mentee, reason="")
    rel.refresh_from_db()
    with pytest.raises(DomainError):
        corrections.topic_edit(relationship=rel, user=rel.mentee, topic=topic, title="X", detail="")
    response = web(rel.mentee).post(
        f"/mentoring/{rel.pk}/edit/topic/{topic.pk}/", {"title": "X", "detail": ""}
    )
    assert response.status_code == 400
    assert AgendaTopic.objects.get().title == "Rotas"
