"""Who sees which dashboard and report, bad dates, the guide, and query budgets."""

from __future__ import annotations

import pytest
from django.test import Client

from ithaca.analytics import services
from ithaca.analytics.models import Report
from ithaca.analytics.period import default_period
from ithaca.analytics.tests.factories import coaching_program, mentoring_program, person, relate
from ithaca.programs.models import Participation

pytestmark = pytest.mark.django_db


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def world():
    program, other = mentoring_program(), coaching_program()
    manager, staff = person(), person()
    staff.is_staff = True
    staff.save()
    program.managers.add(manager)
    mentor, mentee = person(), person()
    Participation.objects.create(program=program, user=mentor, role="mentor", capacity=3)
    relate(program, mentor, mentee, "active")
    return program, other, manager, staff, mentor, mentee


def test_staff_see_the_organization_dashboard(world, django_assert_max_num_queries) -> None:
    *_, staff, _, _ = world
    client = _client(staff)
    client.get("/analytics/")  # fills the figure cache
    with django_assert_max_num_queries(8):
        response = client.get("/analytics/")
    content = response.content.decode()
    assert response.status_code == 200
    # This small world's numbers come from fewer than 5 people: the charts say so, not draw.
    assert "Retention" in content and "No chart:" in content and "<table" in content


def test_a_program_manager_is_offered_their_programs_only(world) -> None:
    program, other, manager, *_ = world
    content = _client(manager).get("/analytics/").content.decode()
    assert program.name in content and other.name not in content


def test_a_program_manager_sees_their_programs_dashboard(world) -> None:
    program, _, manager, *_ = world
    response = _client(manager).get(f"/analytics/programs/{program.slug}/")
    assert response.status_code == 200
    assert "Active relationships by health" in response.content.decode()


def test_a_program_manager_cannot_open_another_programs_dashboard(world) -> None:
    _, other, manager, *_ = world
    assert _client(manager).get(f"/analytics/programs/{other.slug}/").status_code in (403, 404)


@pytest.mark.parametrize("who", ["mentor", "mentee", "stranger"])
def test_nobody_below_a_program_manager_sees_a_dashboard(world, who: str) -> None:
    program, _, _, _, mentor, mentee = world
    user = {"mentor": mentor, "mentee": mentee, "stranger": person()}[who]
    client = _client(user)
    assert client.get("/analytics/").status_code == 403
    assert client.get(f"/analytics/programs/{program.slug}/").status_code in (403, 404)
    assert client.get("/analytics/figures/health/").status_code == 403


def test_a_signed_out_visitor_is_sent_to_sign_in(world) -> None:
    assert _client().get("/analytics/").status_code == 302


@pytest.mark.parametrize(
    "query", ["from=2026-13-01", "from=yesterday", "from=2026-05-01&to=2026-01-01", "to=x"]
)
def test_bad_dates_re_render_with_a_message(world, query: str) -> None:
    *_, staff, _, _ = world
    response = _client(staff).get(f"/analytics/?{query}")
    assert response.status_code == 400
    assert "Showing the last 12 months instead." in response.content.decode()


def test_a_chosen_period_is_shown(world) -> None:
    *_, staff, _, _ = world
    content = _client(staff).get("/analytics/?from=2026-01-01&to=2026-03-31").content.decode()
    assert "01 Jan 2026 to 31 Mar 2026" in content


def test_one_figure_loads_as_a_partial(world) -> None:
    program, _, manager, *_ = world
    response = _client(manager).get(f"/analytics/programs/{program.slug}/figures/health/")
    assert response.status_code == 200 and "<article" in response.content.decode()
    missing = _client(manager).get(f"/analytics/programs/{program.slug}/figures/nope/")
    assert missing.status_code == 404


def test_a_manager_sets_the_survey_schedule(world) -> None:
    program, _, manager, _, mentor, _ = world
    url = f"/analytics/programs/{program.slug}/surveys/"
    data = {"pulse_enabled": "on", "first_after_days": "14", "every_days": "30"}
    assert _client(manager).post(url, data).status_code == 302
    assert program.survey_settings.every_days == 30
    assert _client(manager).post(url, {**data, "every_days": "2"}).status_code == 400
    assert _client(mentor).get(url).status_code in (403, 404)


def test_the_guide_is_public_and_leads_to_the_intake() -> None:
    response = _client().get("/guide/")
    content = response.content.decode()
    assert response.status_code == 200
    assert 'href="/intake/new/"' in content and "When both fit" in content
    assert "/guide/" in _client().get("/").content.decode()


def test_reports_are_listed_in_a_fixed_number_of_queries(
    world, django_assert_max_num_queries
) -> None:
    program, _, manager, *_ = world
    for _ in range(3):
        Report.objects.create(program=program, start=default_period().start,
                              end=default_period().end, created_by=manager)  # fmt: skip
    client = _client(manager)
    with django_assert_max_num_queries(6):
        response = client.get("/analytics/reports/")
    assert response.content.decode().count(program.name) >= 3


def test_a_report_is_prepared_in_the_background_and_downloaded(
    world, django_capture_on_commit_callbacks
) -> None:
    program, _, manager, staff, mentor, _ = world
    period = default_period()
    client = _client(manager)
    data = {"scope": program.slug, "start": period.start.isoformat(), "end": period.end.isoformat()}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/analytics/reports/", data)
    report = Report.objects.get()
    assert response.status_code == 302 and report.status == "done", report.error
    pdf = client.get(f"/analytics/reports/{report.pk}/report.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert period.label.encode() in pdf.content
    html = client.get(f"/analytics/reports/{report.pk}/report.html").content.decode()
    assert period.label in html and ("<svg" in html or "No chart:" in html)
    assert _client(mentor).get(f"/analytics/reports/{report.pk}/").status_code == 404
    assert _client(staff).get(f"/analytics/reports/{report.pk}/").status_code == 200


def test_only_staff_report_on_the_whole_organization(world) -> None:
    _, _, manager, *_ = world
    period = default_period()
    data = {"scope": "org", "start": period.start.isoformat(), "end": period.end.isoformat()}
    assert _client(manager).post("/analytics/reports/", data).status_code == 400
    assert not Report.objects.exists()


def test_a_report_is_generated_once_even_if_the_task_runs_twice(world) -> None:
    program, _, manager, *_ = world
    report = Report.objects.create(program=program, start=default_period().start,
                                   end=default_period().end, created_by=manager)  # fmt: skip
    assert services.report_generate(report_id=report.pk) is True
    assert services.report_generate(report_id=report.pk) is False
