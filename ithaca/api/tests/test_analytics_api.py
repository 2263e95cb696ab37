"""/api/v1/analytics/: figures with hidden markers, one's own surveys, reports."""

from __future__ import annotations

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from ithaca.analytics import services
from ithaca.analytics.models import Report
from ithaca.analytics.period import default_period
from ithaca.analytics.tests.factories import mentoring_program, person, relate

pytestmark = pytest.mark.django_db


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def world():
    program = mentoring_program()
    manager, staff, mentor = person(), person(), person()
    staff.is_staff = True
    staff.save()
    program.managers.add(manager)
    rel = relate(program, mentor, person(), "active", created=31)
    return program, manager, staff, rel


def test_staff_read_the_organizations_figures_with_hidden_markers(world) -> None:
    *_, staff, _ = world
    body = _api(staff).get("/api/v1/analytics/figures/").json()
    assert body["k"] == 5 and body["program"] is None
    keys = [figure["key"] for figure in body["figures"]]
    assert {"enrolment", "health", "surveys", "retention"} <= set(keys)
    cells = [cell for f in body["figures"] for row in f["rows"] for cell in row["cells"]]
    assert cells and all(c["value"] is None for c in cells if c["hidden"])


def test_a_manager_reads_their_programs_figures_but_not_the_organizations(world) -> None:
    program, manager, *_ = world
    api = _api(manager)
    assert api.get(f"/api/v1/analytics/programs/{program.slug}/figures/").status_code == 200
    assert api.get("/api/v1/analytics/figures/").status_code == 403
    results = api.get(f"/api/v1/analytics/programs/{program.slug}/survey-results/").json()
    assert results["key"] == "surveys"


def test_a_mentor_reads_no_figures(world) -> None:
    program, _, _, rel = world
    api = _api(rel.mentor)
    assert api.get(f"/api/v1/analytics/programs/{program.slug}/figures/").status_code in (403, 404)


def test_bad_dates_are_a_400_in_the_one_error_shape(world) -> None:
    *_, staff, _ = world
    response = _api(staff).get("/api/v1/analytics/figures/?from=2026-02-30")
    assert response.status_code == 400 and "from" in response.json()["error"]["fields"]


def test_a_person_lists_and_answers_their_surveys(world, django_assert_max_num_queries) -> None:
    *_, rel = world
    services.pulse_invitations_create(now=timezone.now())
    api = _api(rel.mentee)
    with django_assert_max_num_queries(3):
        listed = api.get("/api/v1/analytics/surveys/").json()
    assert listed["count"] == 1
    pk = listed["results"][0]["id"]
    answers = {"satisfaction": 5, "progress": 4, "relationship_quality": 5, "would_recommend": 5}
    assert api.post(f"/api/v1/analytics/surveys/{pk}/answer/", answers).status_code == 201
    assert api.post(f"/api/v1/analytics/surveys/{pk}/answer/", answers).status_code == 400
    assert (
        _api(rel.mentor).post(f"/api/v1/analytics/surveys/{pk}/answer/", answers).status_code == 404
    )


def test_a_manager_asks_for_a_report_and_downloads_the_pdf(
    world, django_capture_on_commit_callbacks, django_assert_max_num_queries
) -> None:
    program, manager, staff, rel = world
    period = default_period()
    api = _api(manager)
    data = {"program": program.slug, "start": period.start, "end": period.end}
    with django_capture_on_commit_callbacks(execute=True):
        created = api.post("/api/v1/analytics/reports/", data, format="json")
    assert created.status_code == 202
    report = api.get(f"/api/v1/analytics/reports/{created.json()['id']}/").json()
    assert report["status"] == "done" and report["downloads"]
    pdf = api.get(f"/api/v1/analytics/reports/{report['id']}/download/?file=pdf")
    assert pdf.content.startswith(b"%PDF")
    with django_assert_max_num_queries(3):
        assert api.get("/api/v1/analytics/reports/").json()["count"] == 1
    assert _api(rel.mentor).get(f"/api/v1/analytics/reports/{report['id']}/").status_code == 404
    org = {"start": period.start, "end": period.end}
    assert api.post("/api/v1/analytics/reports/", org, format="json").status_code == 403
    assert Report.objects.count() == 1
    assert _api(staff).post("/api/v1/analytics/reports/", org, format="json").status_code == 202
