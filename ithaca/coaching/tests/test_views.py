"""Coaching pages: each role sees what is theirs, forms explain themselves, lists stay cheap."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching import services
from ithaca.coaching.models import AgreementSignature, CheckIn, CoachingSession, Goal
from ithaca.coaching.services import engagement_propose
from ithaca.coaching.tests.factories import (
    ActionFactory,
    CheckInFactory,
    GoalFactory,
    NoteFactory,
    SessionFactory,
    active_engagement,
    at,
    terms,
)
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import ParticipationFactory, make_pair

pytestmark = pytest.mark.django_db

TABS = (
    "",
    "agreement/",
    "sessions/",
    "goals/",
    "actions/",
    "reports/",
    "evaluation/",
    "messages/",
)
SPONSOR_TABS = {"", "agreement/", "sessions/", "reports/"}


@pytest.fixture
def engagement():
    program, coach, coachee = make_pair("coaching")
    sponsor = ParticipationFactory(program=program, role="sponsor").user
    return engagement_propose(
        program=program, coach=coach, coachee=coachee, sponsor=sponsor, proposed_by=sponsor
    )


@pytest.fixture
def world():
    """An active engagement with content of every kind, each marked so leaks show."""
    engagement = active_engagement()
    manager = UserFactory()
    engagement.program.managers.add(manager)
    one = SessionFactory(engagement=engagement, agenda="ONE-TO-ONE-AGENDA")
    three = SessionFactory(engagement=engagement, kind="three_way_start", agenda="THREE-AGENDA")
    NoteFactory(session=one, visibility="private", text="PRIVATE-NOTE")
    NoteFactory(session=one, visibility="shared", text="SHARED-NOTE")
    NoteFactory(session=three, visibility="three_way", text="THREE-WAY-NOTE")
    NoteFactory(session=three, visibility="private", text="PRIVATE-ON-THREE")
    goal = GoalFactory(engagement=engagement, statement="GOAL-STATEMENT")
    CheckInFactory(goal=goal)
    ActionFactory(engagement=engagement, title="ACTION-TITLE")
    report = services.report_generate(
        engagement=engagement, user=engagement.coach, summary="REPORT-SUMMARY"
    )
    services.report_submit(report=report, user=engagement.coach)
    services.report_approve(report=report, user=engagement.coachee)
    return engagement, manager, {"one": one, "three": three, "report": report}


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _pages(engagement, objects) -> list[str]:
    base = f"/coaching/{engagement.pk}/"
    return [base + tab for tab in TABS] + [
        f"/coaching/sessions/{objects['one'].pk}/",
        f"/coaching/sessions/{objects['three'].pk}/",
        f"/coaching/reports/{objects['report'].pk}/",
        f"/coaching/agreements/{engagement.agreement_versions.get().pk}/",
    ]


def test_a_stranger_gets_a_404(engagement) -> None:
    assert _client(UserFactory()).get(f"/coaching/{engagement.pk}/").status_code == 404


@pytest.mark.parametrize("role", ["coach", "coachee", "sponsor"])
def test_each_party_sees_the_engagement(engagement, role: str) -> None:
    response = _client(getattr(engagement, role)).get(f"/coaching/{engagement.pk}/")
    assert response.status_code == 200


def test_the_sponsor_is_told_what_they_see(engagement) -> None:
    response = _client(engagement.sponsor).get(f"/coaching/{engagement.pk}/")
    assert b"never the content of sessions" in response.content
    assert b">Accept<" not in response.content


def test_the_sponsor_cannot_accept_for_the_coachee(engagement) -> None:
    response = _client(engagement.sponsor).post(f"/coaching/{engagement.pk}/accept/")
    assert response.status_code == 403
    engagement.refresh_from_db()
    assert engagement.seeker_accepted_at is None


def test_accepting_on_the_page_waits_for_the_signed_agreement(engagement) -> None:
    _client(engagement.coachee).post(f"/coaching/{engagement.pk}/accept/")
    response = _client(engagement.coach).post(f"/coaching/{engagement.pk}/accept/", follow=True)
    engagement.refresh_from_db()
    assert engagement.status == "proposed"
    assert b"once every party has signed" in response.content


def test_every_party_signs_on_the_page_and_it_starts(engagement) -> None:
    form = {
        "scope": "Delegation",
        "objectives": "Hand over the rota",
        "session_count": "4",
        "session_cadence_days": "14",
        "session_length_minutes": "60",
        "starts_on": timezone.localdate().isoformat(),
        "ends_on": (timezone.localdate() + dt.timedelta(days=90)).isoformat(),
        "sponsor_sees": "attendance",
        "cancellation_notice_hours": "24",
    }
    response = _client(engagement.coach).post(f"/coaching/{engagement.pk}/agreement/new/", form)
    assert response.status_code == 302
    version = engagement.agreement_versions.get()
    for person in (engagement.coach, engagement.coachee, engagement.sponsor):
        page = _client(person).get(f"/coaching/agreements/{version.pk}/")
        assert b"and sign it" in page.content
        _client(person).post(f"/coaching/agreements/{version.pk}/sign/")
    engagement.refresh_from_db()
    assert engagement.status == "active"
    assert AgreementSignature.objects.filter(version=version).count() == 3


def test_a_bad_agreement_re_renders_with_errors_and_a_400(engagement) -> None:
    form = {
        "scope": "x",
        "objectives": "y",
        "session_count": "0",
        "session_cadence_days": "14",
        "session_length_minutes": "60",
        "starts_on": "2026-05-01",
        "ends_on": "2026-04-01",
        "sponsor_sees": "attendance",
        "cancellation_notice_hours": "24",
    }
    response = _client(engagement.coach).post(f"/coaching/{engagement.pk}/agreement/new/", form)
    assert response.status_code == 400
    assert b"must end after it starts" in response.content
    assert b"Between 1 and 100 sessions." in response.content
    assert not engagement.agreement_versions.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("session_cadence_days", "91", b"Between 1 and 90 days between sessions."),
        ("session_count", "101", b"Between 1 and 100 sessions."),
    ],
)
def test_agreement_numbers_out_of_range_are_refused_beside_the_field(
    engagement, field: str, value: str, message: bytes
) -> None:
    form = {
        "scope": "x", "objectives": "y", "session_count": "6", "session_cadence_days": "14",
        "session_length_minutes": "60", "starts_on": "2026-05-01", "ends_on": "2026-09-01",
        "sponsor_sees": "attendance", "cancellation_notice_hours": "24", field: value,
    }  # fmt: skip
    response = _client(engagement.coach).post(f"/coaching/{engagement.pk}/agreement/new/", form)
    assert response.status_code == 400 and message in response.content
    assert not engagement.agreement_versions.exists()


def test_signing_a_superseded_version_on_the_page_is_refused(engagement) -> None:
    old = services.agreement_draft(engagement=engagement, user=engagement.coach, terms=terms())
    services.agreement_draft(engagement=engagement, user=engagement.coach, terms=terms())
    response = _client(engagement.coachee).post(f"/coaching/agreements/{old.pk}/sign/", follow=True)
    assert b"replaced by version 2" in response.content
    assert not AgreementSignature.objects.exists()


def test_the_sponsor_never_sees_notes_agendas_goals_or_actions(world) -> None:
    engagement, _, objects = world
    client = _client(engagement.sponsor)
    seen = b""
    for url in _pages(engagement, objects):
        response = client.get(url)
        tab = url.removeprefix(f"/coaching/{engagement.pk}/")
        if url.startswith(f"/coaching/{engagement.pk}/") and tab not in SPONSOR_TABS:
            assert response.status_code == 403, url
        elif url.endswith(f"/sessions/{objects['one'].pk}/"):
            assert response.status_code == 404
        else:
            assert response.status_code == 200, url
        seen += response.content
    for secret in (
        b"PRIVATE-NOTE",
        b"SHARED-NOTE",
        b"ONE-TO-ONE-AGENDA",
        b"ACTION-TITLE",
        b"PRIVATE-ON-THREE",
    ):
        assert secret not in seen
    # What the sponsor does see: the three-way session they attend, and the approved report
    # with the goal progress its terms share; never the goal's own page.
    assert b"THREE-WAY-NOTE" in seen and b"REPORT-SUMMARY" in seen
    assert seen.count(b"GOAL-STATEMENT") == 1
    assert client.get(f"/coaching/goals/{Goal.objects.get().pk}/").status_code == 404


def test_the_coachee_never_sees_the_coachs_private_notes(world) -> None:
    engagement, _, objects = world
    client = _client(engagement.coachee)
    seen = b"".join(client.get(url).content for url in _pages(engagement, objects))
    assert b"SHARED-NOTE" in seen and b"GOAL-STATEMENT" in seen and b"ACTION-TITLE" in seen
    assert b"PRIVATE-NOTE" not in seen and b"PRIVATE-ON-THREE" not in seen


@pytest.mark.parametrize("who", ["manager", "staff"])
def test_managers_see_counts_and_staff_see_nothing(world, who) -> None:
    engagement, manager, objects = world
    user = manager if who == "manager" else UserFactory(is_staff=True, is_superuser=True)
    client = _client(user)
    overview = client.get(f"/coaching/{engagement.pk}/")
    if who == "staff":
        assert overview.status_code == 404
        return
    assert overview.status_code == 200 and b"2 held" in overview.content
    for tab in TABS[1:]:
        assert client.get(f"/coaching/{engagement.pk}/{tab}").status_code == 403
    seen = b"".join(client.get(url).content for url in _pages(engagement, objects))
    for secret in (b"NOTE", b"AGENDA", b"GOAL-STATEMENT", b"ACTION-TITLE", b"REPORT-SUMMARY"):
        assert secret not in seen


def test_the_manager_page_lists_status_and_the_stalled_flag_in_few_queries(
    django_assert_max_num_queries,
) -> None:
    engagement = active_engagement(starts_on=timezone.localdate() - dt.timedelta(days=60))
    engagement.started_at = timezone.now() - dt.timedelta(days=60)
    engagement.save()
    manager = UserFactory()
    engagement.program.managers.add(manager)
    client = _client(manager)
    with django_assert_max_num_queries(12):
        response = client.get(f"/coaching/programs/{engagement.program.slug}/")
    assert response.status_code == 200
    assert b"Stalled" in response.content and b"v1 signed" in response.content
    assert (
        _client(engagement.coach).get(f"/coaching/programs/{engagement.program.slug}/").status_code
        == 403
    )


def test_the_stalled_flag_shows_to_the_pair_but_not_the_sponsor() -> None:
    engagement = active_engagement()
    engagement.started_at = timezone.now() - dt.timedelta(days=45)
    engagement.starts_on = timezone.localdate() - dt.timedelta(days=45)
    engagement.save()
    for person, shown in (
        (engagement.coach, True),
        (engagement.coachee, True),
        (engagement.sponsor, False),
    ):
        content = _client(person).get(f"/coaching/{engagement.pk}/").content
        assert (b"Stalled:" in content) is shown


def test_a_tab_requested_by_htmx_is_only_its_panel(world) -> None:
    engagement, _, _ = world
    response = _client(engagement.coach).get(
        f"/coaching/{engagement.pk}/goals/", HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert b"<html" not in response.content and b"GOAL-STATEMENT" in response.content


def test_a_goal_missing_parts_re_renders_naming_them(world) -> None:
    engagement, _, _ = world
    response = _client(engagement.coachee).post(
        f"/coaching/{engagement.pk}/goals/", {"statement": "Be calmer", "target": "3"}
    )
    assert response.status_code == 400
    assert b"needs a metric, a unit, a baseline, an owner, a due date" in response.content
    assert Goal.objects.count() == 1


def test_a_check_in_of_the_wrong_type_re_renders_with_a_400(world) -> None:
    engagement, _, _ = world
    goal = Goal.objects.get()
    before = CheckIn.objects.count()
    response = _client(engagement.coachee).post(f"/coaching/goals/{goal.pk}/", {"value": "lots"})
    assert response.status_code == 400 and b"Enter a number" in response.content
    assert CheckIn.objects.count() == before


def test_the_goal_page_shows_a_chart_and_its_table(world) -> None:
    engagement, _, _ = world
    goal = Goal.objects.get()
    response = _client(engagement.coach).get(f"/coaching/goals/{goal.pk}/")
    assert b"<svg" in response.content and b"<caption>The chart" in response.content
    chart = _client(engagement.coach).get(f"/coaching/goals/{goal.pk}/chart.svg")
    assert chart["Content-Type"] == "image/svg+xml"
    assert (
        _client(engagement.sponsor).get(f"/coaching/goals/{goal.pk}/chart.svg").status_code == 404
    )


def test_booking_beyond_the_agreed_number_re_renders_with_the_reason(world) -> None:
    engagement, _, _ = world
    for day in (3, 5):
        SessionFactory(engagement=engagement, starts_at=at(day), status="scheduled")
    response = _client(engagement.coach).post(
        f"/coaching/{engagement.pk}/sessions/",
        {
            "kind": "one_to_one",
            "starts_at": at(9).strftime("%Y-%m-%dT%H:%M"),
            "minutes": "60",
            "location": "Room 1",
        },
    )
    assert response.status_code == 400 and b"All 4 agreed sessions" in response.content
    assert CoachingSession.objects.count() == 4


def test_cancelling_asks_for_confirmation_and_a_reason(world) -> None:
    engagement, _, _ = world
    session = SessionFactory(engagement=engagement, starts_at=at(3), status="scheduled")
    client = _client(engagement.coachee)
    page = client.get(f"/coaching/sessions/{session.pk}/cancel/")
    assert page.status_code == 200 and b"Yes, cancel the session" in page.content
    assert client.post(f"/coaching/sessions/{session.pk}/cancel/", {}).status_code == 400
    client.post(f"/coaching/sessions/{session.pk}/cancel/", {"reason": "Night shift"})
    session.refresh_from_db()
    assert session.status == "cancelled"
    sponsor = _client(engagement.sponsor)
    assert (
        sponsor.post(f"/coaching/sessions/{session.pk}/cancel/", {"reason": "x"}).status_code == 404
    )


def test_the_session_calendar_file_parses(world) -> None:
    engagement, _, objects = world
    response = _client(engagement.coachee).get(f"/coaching/sessions/{objects['one'].pk}/invite.ics")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event.get("uid")) == f"coaching-session-{objects['one'].pk}@127.0.0.1"


def test_the_report_is_approved_through_the_pages_before_the_sponsor_reads_it() -> None:
    engagement = active_engagement(sponsor_sees="attendance")
    coach, coachee, sponsor = (
        _client(p) for p in (engagement.coach, engagement.coachee, engagement.sponsor)
    )
    coach.post(f"/coaching/{engagement.pk}/reports/", {"summary": "Good progress"})
    report = engagement.reports.get()
    assert sponsor.get(f"/coaching/reports/{report.pk}/").status_code == 404
    assert coachee.post(f"/coaching/reports/{report.pk}/approve/").status_code == 302
    report.refresh_from_db()
    assert report.status == "draft"  # not yet submitted: nothing to approve
    coach.post(f"/coaching/reports/{report.pk}/submit/")
    assert coach.post(f"/coaching/reports/{report.pk}/approve/").status_code == 403
    link = f"/coaching/reports/{report.pk}/".encode()
    assert link not in sponsor.get(f"/coaching/{engagement.pk}/reports/").content
    coachee.post(f"/coaching/reports/{report.pk}/approve/")
    assert link in sponsor.get(f"/coaching/{engagement.pk}/reports/").content
    page = sponsor.get(f"/coaching/reports/{report.pk}/")
    assert page.status_code == 200 and b"Good progress" in page.content
    assert b"Goal progress" not in page.content  # the terms share attendance only


def test_close_out_through_the_page_needs_confirmation() -> None:
    engagement = active_engagement(session_count=1)
    SessionFactory(engagement=engagement)
    client = _client(engagement.coach)
    url = f"/coaching/{engagement.pk}/evaluation/"
    assert client.post(url, {"reflection": "r"}).status_code == 400
    assert client.post(url, {"reflection": "r", "confirm": "on"}).status_code == 302
    engagement.refresh_from_db()
    assert engagement.status == "concluded"
    coachee = _client(engagement.coachee)
    assert b"Overall, how satisfied" in coachee.get(url).content
    assert coachee.post(url, {"satisfaction": "4", "useful": "5"}).status_code == 302
    assert b"4 / 5" in coachee.get(url).content
    assert b"private to you" not in coachee.get(url).content


# The tab's own queries; the site layout (context processors) may add a couple more.
LAYOUT = 2
QUERY_BUDGET = {
    "": 10,  # with the sponsor panel's open invitation
    "agreement/": 10,
    "sessions/": 8,
    "goals/": 7,
    "actions/": 8,
    "reports/": 7,
    "evaluation/": 6,
    "messages/": 12,  # reading it marks it (and its notifications) read
}


@pytest.mark.parametrize("tab", TABS)
def test_each_tab_runs_a_fixed_number_of_queries_however_much_it_lists(world, tab) -> None:
    engagement, _, _ = world
    client = _client(engagement.coach)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/coaching/{engagement.pk}/{tab}").status_code == 200
        return len(queries)

    count()  # a first visit may write once (the messages tab's read mark)
    before = count()
    for day in range(5):
        session = SessionFactory(engagement=engagement, starts_at=at(-10 - day))
        NoteFactory(session=session, visibility="shared")
        goal = GoalFactory(engagement=engagement)
        CheckInFactory(goal=goal)
        ActionFactory(engagement=engagement, goal=goal)
        services.report_generate(engagement=engagement, user=engagement.coach)
    assert count() == before <= QUERY_BUDGET[tab] + LAYOUT


def test_hours_used_against_agreed_show_for_an_external_coach_but_not_to_the_sponsor() -> None:
    engagement = active_engagement(session_count=4, session_length_minutes=90)
    Participation.objects.filter(
        program=engagement.program, user=engagement.coach, role="coach"
    ).update(coach_type="external", hourly_rate=120)
    SessionFactory(engagement=engagement)  # one hour held
    manager = UserFactory()
    engagement.program.managers.add(manager)
    for person, shown in (
        (engagement.coach, True),
        (engagement.coachee, True),
        (manager, True),
        (engagement.sponsor, False),
    ):
        content = _client(person).get(f"/coaching/{engagement.pk}/").content
        assert (b"1.00 used of 6.00 agreed" in content) is shown


def test_the_admin_shows_metadata_but_never_agendas_or_notes(world) -> None:
    engagement, _, objects = world
    admin = _client(UserFactory(is_staff=True, is_superuser=True))
    pages = [
        "/admin/coaching/coachingsession/",
        f"/admin/coaching/coachingsession/{objects['one'].pk}/change/",
        f"/admin/coaching/agreementversion/{engagement.agreement_versions.get().pk}/change/",
        f"/admin/coaching/sponsorreport/{objects['report'].pk}/change/",
    ]
    seen = b""
    for url in pages:
        response = admin.get(url)
        assert response.status_code == 200, url
        seen += response.content
    for secret in (b"AGENDA", b"NOTE", b"REPORT-SUMMARY", b"Delegation as a new ward manager"):
        assert secret not in seen


def test_send_to_the_coachee_sends_the_summary_in_the_edit_box_not_the_saved_one() -> None:
    engagement = active_engagement(sponsor_sees="attendance")
    coach, coachee = _client(engagement.coach), _client(engagement.coachee)
    coach.post(f"/coaching/{engagement.pk}/reports/", {"summary": "Old words"})
    report = engagement.reports.get()
    page = coach.get(f"/coaching/reports/{report.pk}/").content.decode()
    # The send button belongs to the form that holds the summary box.
    form = page[page.index('name="summary"') :]
    assert form.index(f"/coaching/reports/{report.pk}/submit/") < form.index("</form>")
    response = coach.post(f"/coaching/reports/{report.pk}/submit/", {"summary": "New words"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.summary) == ("awaiting_coachee", "New words")
    assert b"New words" in coachee.get(f"/coaching/reports/{report.pk}/").content
