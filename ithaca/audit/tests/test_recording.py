"""What goes into the audit log: reads of others' confidential records and role changes."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient

from ithaca.accounts.tests.factories import UserFactory
from ithaca.audit.models import Action, AuditEvent
from ithaca.coaching import rules
from ithaca.coaching.tests.factories import (
    NoteFactory,
    ReportFactory,
    SessionFactory,
    active_engagement,
)
from ithaca.intake.services import intake_apply, intake_submit
from ithaca.programs import services as program_services
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import CoachingProgramFactory, ProgramFactory

pytestmark = pytest.mark.django_db
NEED = "I want to get better at delegating to my new team within three months."


def web(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def reads() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=Action.READ_CONFIDENTIAL).order_by("pk"))


@pytest.fixture
def engagement():
    return active_engagement()


def test_the_coachee_reading_the_coachs_shared_note_is_recorded(engagement) -> None:
    session = SessionFactory(engagement=engagement)
    note = NoteFactory(session=session, visibility=rules.NOTE_SHARED)
    response = web(engagement.coachee).get(f"/coaching/sessions/{session.pk}/")
    assert note.text in response.content.decode()
    [event] = reads()
    assert (event.actor, event.subject_id) == (engagement.coachee, engagement.coach_id)
    assert (event.object_type, event.object_id) == ("coaching.sessionnote", str(note.pk))
    assert event.program_id == engagement.program_id
    assert event.ip == "127.0.0.1"


def test_the_author_reading_their_own_notes_is_not_recorded(engagement) -> None:
    session = SessionFactory(engagement=engagement)
    NoteFactory(session=session, visibility=rules.NOTE_PRIVATE)
    NoteFactory(session=session, visibility=rules.NOTE_SHARED)
    web(engagement.coach).get(f"/coaching/sessions/{session.pk}/")
    api(engagement.coach).get(f"/api/v1/coaching/sessions/{session.pk}/notes/")
    assert reads() == []


def test_the_sponsor_reading_a_three_way_note_through_the_api_is_recorded(engagement) -> None:
    session = SessionFactory(engagement=engagement, kind="three_way_start")
    note = NoteFactory(session=session, visibility=rules.NOTE_THREE_WAY)
    NoteFactory(session=session, visibility=rules.NOTE_PRIVATE)  # not theirs to read
    listing = api(engagement.sponsor).get(f"/api/v1/coaching/sessions/{session.pk}/notes/")
    assert [item["id"] for item in listing.json()["results"]] == [note.pk]
    detail = api(engagement.sponsor).get(f"/api/v1/coaching/notes/{note.pk}/")
    assert detail.status_code == 200
    assert [(e.actor, e.object_id) for e in reads()] == [(engagement.sponsor, str(note.pk))] * 2


def test_a_refused_read_records_nothing(engagement) -> None:
    session = SessionFactory(engagement=engagement)
    note = NoteFactory(session=session, visibility=rules.NOTE_PRIVATE)
    assert api(engagement.coachee).get(f"/api/v1/coaching/notes/{note.pk}/").status_code == 404
    assert api(UserFactory()).get(f"/api/v1/coaching/notes/{note.pk}/").status_code == 404
    assert reads() == []


def _approved_report(engagement):
    return ReportFactory(
        engagement=engagement, status="approved", approved_at=engagement.started_at
    )


def test_the_sponsor_reading_a_report_is_recorded_on_the_page_and_in_the_api(engagement) -> None:
    report = _approved_report(engagement)
    assert web(engagement.sponsor).get(f"/coaching/reports/{report.pk}/").status_code == 200
    listing = api(engagement.sponsor).get(f"/api/v1/coaching/engagements/{engagement.pk}/reports/")
    assert listing.status_code == 200
    events = reads()
    assert [(e.actor, e.subject_id, e.object_id) for e in events] == [
        (engagement.sponsor, engagement.coachee_id, str(report.pk))
    ] * 2


def test_the_pair_reading_their_reports_is_not_recorded(engagement) -> None:
    report = _approved_report(engagement)
    for person in (engagement.coach, engagement.coachee):
        assert web(person).get(f"/coaching/reports/{report.pk}/").status_code == 200
    assert reads() == []


def test_a_manager_reading_a_shared_intake_is_recorded_under_that_program() -> None:
    program, manager, author = ProgramFactory(), UserFactory(), UserFactory()
    program.managers.add(manager)
    intake = intake_submit(author=author, text=NEED)
    intake_apply(intake=intake, program=program, share=True)
    assert web(author).get(f"/intake/{intake.pk}/").status_code == 200
    assert reads() == []
    assert web(manager).get(f"/intake/{intake.pk}/").status_code == 200
    assert api(manager).get(f"/api/v1/intakes/{intake.pk}/").status_code == 200
    events = reads()
    assert [(e.actor, e.subject_id, e.program_id) for e in events] == [
        (manager, author.pk, program.pk)
    ] * 2
    assert program.name in events[0].summary


def test_an_intake_that_was_not_shared_stays_unread_and_unrecorded() -> None:
    program, manager, author = ProgramFactory(), UserFactory(), UserFactory()
    program.managers.add(manager)
    intake = intake_submit(author=author, text=NEED)
    intake_apply(intake=intake, program=program, share=False)
    assert web(manager).get(f"/intake/{intake.pk}/").status_code == 404
    assert reads() == []


def permission_events() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=Action.PERMISSION_CHANGE).order_by("pk"))


def test_giving_a_role_and_deciding_an_application_are_permission_changes() -> None:
    program, coach, seeker = CoachingProgramFactory(), UserFactory(), UserFactory()
    program_services.participation_add(program=program, user=coach, role="coach", capacity=2)
    pending = program_services.participation_apply(program=program, user=seeker)
    assert [e.subject for e in permission_events()] == [coach]  # applying grants nothing
    program_services.application_decide(participation=pending, approve=True)
    events = permission_events()
    assert [(e.subject, e.program_id) for e in events] == [
        (coach, program.pk),
        (seeker, program.pk),
    ]
    assert "approved" in events[1].summary
    assert events[1].object_type == "programs.participation"


def test_making_program_managers_is_a_permission_change() -> None:
    first, second = UserFactory(), UserFactory()
    program = program_services.program_create(
        name="Ward leaders",
        slug="ward-leaders",
        kind="coaching",
        mode="executive",
        managers=[first, second],
    )
    assert {(e.subject, e.program_id) for e in permission_events()} == {
        (first, program.pk),
        (second, program.pk),
    }


def test_a_permission_change_made_in_a_request_names_the_person_who_made_it() -> None:
    staff = UserFactory(is_staff=True)
    program = ProgramFactory()
    participation = Participation.objects.create(
        program=program, user=UserFactory(), role="seeker", state="pending"
    )
    response = web(staff).post(
        f"/console/programs/{program.slug}/applications/{participation.pk}/approve/"
    )
    assert response.status_code in (200, 302)
    [event] = permission_events()
    assert event.actor == staff and event.ip == "127.0.0.1"
