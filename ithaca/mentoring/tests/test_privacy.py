"""The journal is read by its author and nobody else: not the other side, not another
mentee of the group, not program managers, not staff, through pages, the API or the admin."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib import admin

from ithaca.accounts.tests.factories import UserFactory
from ithaca.mentoring import services
from ithaca.mentoring.models import Closing, JournalEntry, MeetingNote
from ithaca.mentoring.tests.factories import MeetingFactory, active_relationship, group_of, join
from ithaca.mentoring.tests.helpers import api, htmx, web
from ithaca.programs import relationships as lifecycle

pytestmark = pytest.mark.django_db
SECRET = "I am not sure I want to stay in this hospital"


@pytest.fixture
def entry(rel) -> JournalEntry:
    return services.journal_write(relationship=rel, user=rel.mentee, body=SECRET)


def _others(rel) -> dict[str, object]:
    manager = UserFactory()
    rel.program.managers.add(manager)
    group_mentee = join(rel.program, rel.mentor).mentee
    return {
        "the mentor": rel.mentor,
        "a program manager": manager,
        "a staff user": UserFactory(is_staff=True),
        "a superuser": UserFactory(is_staff=True, is_superuser=True),
        "another mentee of the same mentor": group_mentee,
        "a stranger": UserFactory(),
    }


def test_the_author_reads_her_entry_on_the_page_and_through_the_api(rel, entry) -> None:
    assert SECRET in web(rel.mentee).get(f"/mentoring/{rel.pk}/s/journal/").content.decode()
    body = api(rel.mentee).get(f"/api/v1/mentoring/relationships/{rel.pk}/journal/").json()
    assert [item["body"] for item in body["results"]] == [SECRET]
    detail = api(rel.mentee).get(f"/api/v1/mentoring/relationships/{rel.pk}/journal/{entry.pk}/")
    assert detail.json()["body"] == SECRET


@pytest.mark.parametrize(
    "who",
    ["the mentor", "a program manager", "a staff user", "a superuser",
     "another mentee of the same mentor", "a stranger"],
)  # fmt: skip
def test_nobody_else_sees_the_entry_anywhere(rel, entry, who: str) -> None:
    reader = _others(rel)[who]
    pages = [f"/mentoring/{rel.pk}/", f"/mentoring/{rel.pk}/s/journal/"]
    for url in pages:
        response = web(reader).get(url)
        assert SECRET not in response.content.decode(), url
        assert htmx(reader).get(url).content.decode().count(SECRET) == 0
    base = f"/api/v1/mentoring/relationships/{rel.pk}/journal/"
    listing = api(reader).get(base)
    assert SECRET not in listing.content.decode()
    assert listing.status_code in (200, 404)
    if listing.status_code == 200:
        assert listing.json()["results"] == []  # the mentor sees his own journal: empty
    assert api(reader).get(f"{base}{entry.pk}/").status_code == 404
    edit = api(reader).patch(f"{base}{entry.pk}/", {"body": "overwritten"}, format="json")
    assert edit.status_code == 404
    assert api(reader).delete(f"{base}{entry.pk}/").status_code == 404
    entry.refresh_from_db()
    assert entry.body == SECRET


def test_the_other_side_cannot_delete_the_entry_through_the_page(rel, entry) -> None:
    response = web(rel.mentor).post(f"/mentoring/{rel.pk}/journal/{entry.pk}/delete/")
    assert response.status_code == 404
    assert JournalEntry.objects.filter(pk=entry.pk).exists()


def test_the_journal_has_no_admin_page(rel, entry) -> None:
    assert not admin.site.is_registered(JournalEntry)
    assert not admin.site.is_registered(Closing)
    assert not admin.site.is_registered(MeetingNote)
    superuser = UserFactory(is_staff=True, is_superuser=True)
    assert web(superuser).get("/admin/mentoring/journalentry/").status_code == 404
    page = web(superuser).get(f"/admin/mentoring/mentoringrelationship/{rel.pk}/change/")
    assert page.status_code == 200 and SECRET not in page.content.decode()


def test_a_journal_entry_in_a_relationship_one_is_not_in_is_refused(rel) -> None:
    outsider = active_relationship().mentee
    response = api(outsider).post(
        f"/api/v1/mentoring/relationships/{rel.pk}/journal/", {"body": "mine"}, format="json"
    )
    assert response.status_code == 404 and response.json()["error"]["message"]
    page = web(outsider).post(f"/mentoring/{rel.pk}/journal/", {"body": "mine"})
    assert page.status_code == 404
    assert not JournalEntry.objects.exists()


def test_each_group_member_keeps_a_journal_of_their_own() -> None:
    first, second = group_of(2)
    services.journal_write(relationship=first, user=first.mentee, body="first's thought")
    services.journal_write(relationship=second, user=second.mentee, body="second's thought")
    services.journal_write(relationship=first, user=first.mentor, body="mentor's thought")
    page = web(second.mentee).get(f"/mentoring/{second.pk}/s/journal/").content.decode()
    assert "second&#x27;s thought" in page
    assert "first&#x27;s thought" not in page and "mentor&#x27;s thought" not in page
    mentor_page = web(first.mentor).get(f"/mentoring/{first.pk}/s/journal/").content.decode()
    assert "mentor&#x27;s thought" in mentor_page and "first&#x27;s thought" not in mentor_page


def test_a_program_manager_sees_health_never_notes(rel) -> None:
    manager = UserFactory()
    rel.program.managers.add(manager)
    meeting = MeetingFactory(relationship=rel)
    MeetingNote.objects.create(meeting=meeting, author=rel.mentee, body="Talked about burnout")
    services.topic_add(relationship=rel, user=rel.mentee, title="Leaving medicine?")
    page = web(manager).get(f"/mentoring/{rel.pk}/").content.decode()
    assert "burnout" not in page and "Leaving medicine" not in page
    assert "never its notes or journals" in page
    for url in ("meetings/", "agenda/", "goals/", "workspace/"):
        response = api(manager).get(f"/api/v1/mentoring/relationships/{rel.pk}/{url}")
        assert response.status_code == 404, url


def test_a_closing_reflection_is_private_unless_shared(rel) -> None:
    survey = services.Survey(growth=4, career_clarity=3, belonging=5, would_recommend=True)
    services.relationship_close(
        relationship=rel, user=rel.mentee, reflection="I found my voice", shared=False,
        survey=survey,
    )  # fmt: skip
    rel.refresh_from_db()
    assert "found my voice" not in web(rel.mentor).get(f"/mentoring/{rel.pk}/").content.decode()
    closing = api(rel.mentor).get(f"/api/v1/mentoring/relationships/{rel.pk}/closing/").json()
    assert closing == []
    services.closing_record(
        relationship=rel, user=rel.mentor, reflection="Proud of her", shared=True, survey=survey
    )
    assert "Proud of her" in web(rel.mentee).get(f"/mentoring/{rel.pk}/").content.decode()


def test_a_concluded_group_member_no_longer_sees_the_groups_new_notes() -> None:
    first, second = group_of(2)
    lifecycle.relationship_conclude(second, user=second.mentee)
    meeting = MeetingFactory(relationship=first)
    MeetingNote.objects.create(meeting=meeting, author=first.mentee, body="After you left")
    response = api(second.mentee).get(f"/api/v1/mentoring/relationships/{second.pk}/meetings/")
    assert "After you left" not in response.content.decode()


def _conclude_at(relationship, when) -> None:
    lifecycle.relationship_conclude(relationship, user=relationship.mentee)
    type(relationship).objects.filter(pk=relationship.pk).update(
        started_at=when - dt.timedelta(days=30), ended_at=when
    )


def test_a_member_who_left_a_group_reads_its_records_up_to_leaving_and_nothing_after() -> None:
    from django.utils import timezone

    first, second = group_of(2)
    now = timezone.now()
    before, left, after = (now - dt.timedelta(days=d) for d in (10, 5, 1))
    # Written by the others while the member was in the group, on either relationship.
    met = MeetingFactory(relationship=first, starts_at=before, created_at=before)
    theirs = MeetingFactory(relationship=second, starts_at=before, created_at=before)
    MeetingNote.objects.create(meeting=met, author=first.mentee, body="While you were here")
    MeetingNote.objects.filter(body="While you were here").update(created_at=before)
    topic = services.topic_add(relationship=first, user=first.mentee, title="Rotas, before")
    type(topic).objects.filter(pk=topic.pk).update(created_at=before)
    _conclude_at(second, left)
    # After the member left: a note on a meeting of their own relationship, a new
    # meeting, a new topic.
    MeetingNote.objects.create(meeting=theirs, author=first.mentee, body="After you left")
    later = MeetingFactory(relationship=first, starts_at=after, created_at=after)
    MeetingNote.objects.create(meeting=later, author=first.mentor, body="Also after")
    services.topic_add(relationship=first, user=first.mentee, title="Rotas, after")
    client = api(second.mentee)
    base = f"/api/v1/mentoring/relationships/{second.pk}/"
    meetings = client.get(f"{base}meetings/").content.decode()
    agenda = client.get(f"{base}agenda/").content.decode()
    page = web(second.mentee).get(f"/mentoring/{second.pk}/s/meetings/").content.decode()
    agenda_page = web(second.mentee).get(f"/mentoring/{second.pk}/s/agenda/").content.decode()
    for seen in (meetings, page):
        assert "While you were here" in seen
        assert "After you left" not in seen and "Also after" not in seen
    assert "Rotas, before" in agenda and "Rotas, after" not in agenda
    assert "Rotas, before" in agenda_page and "Rotas, after" not in agenda_page
    notes = client.get(f"{base}meetings/{theirs.pk}/notes/").content.decode()
    assert "After you left" not in notes
    assert client.get(f"{base}meetings/{later.pk}/notes/").status_code == 404
    meeting_page = web(second.mentee).get(f"/mentoring/{second.pk}/meetings/{theirs.pk}/")
    assert meeting_page.status_code == 200 and "After you left" not in meeting_page.content.decode()
    # The members still in the group read everything.
    still = api(first.mentee).get(f"/api/v1/mentoring/relationships/{first.pk}/meetings/")
    assert "After you left" in still.content.decode() and "Also after" in still.content.decode()
