"""A mistyped check-in is corrected, not overwritten (pages, API, reports)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching import services
from ithaca.coaching.models import CheckIn, SponsorReport
from ithaca.coaching.selectors import engagement_goals
from ithaca.coaching.tests.factories import active_engagement
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.programs.relationships import relationship_conclude

pytestmark = pytest.mark.django_db


@pytest.fixture
def engagement():
    return active_engagement()


def _goal(engagement):
    return services.goal_create(
        engagement=engagement,
        user=engagement.coach,
        statement="Delegate the weekly rota",
        metric="Hours a week on the rota",
        unit="hours",
        baseline=Decimal(6),
        target=Decimal(1),
        owner=engagement.coachee,
        due_on=timezone.localdate() + dt.timedelta(days=60),
    )


def _typo(engagement, goal):
    return services.checkin_record(goal=goal, user=engagement.coachee, value="-5")


def _web(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_keeps_the_mistyped_value_marked_and_attainment_uses_the_correction(
    engagement,
) -> None:
    goal = _goal(engagement)
    typo = _typo(engagement, goal)
    (before,) = engagement_goals(engagement)
    assert before.attainment == 1  # -5 hours "beats" a target of 1: the typo drives it

    correction = services.checkin_correct(checkin=typo, user=engagement.coachee, value="4")

    typo.refresh_from_db()
    assert typo.value == Decimal(-5) and typo.superseded_at is not None
    assert correction.replaces == typo and correction.recorded_on == typo.recorded_on
    (after,) = engagement_goals(engagement)
    assert [c.value for c in after.checkins] == [4]
    assert after.attainment == Decimal("0.4")


def test_only_the_author_corrects_and_only_once_and_not_after_the_end(engagement) -> None:
    goal = _goal(engagement)
    typo = _typo(engagement, goal)
    with pytest.raises(PermissionDenied):
        services.checkin_correct(checkin=typo, user=engagement.coach, value="4")
    services.checkin_correct(checkin=typo, user=engagement.coachee, value="4")
    with pytest.raises(DomainError, match="already been corrected"):
        services.checkin_correct(checkin=typo, user=engagement.coachee, value="3")
    latest = CheckIn.objects.get(superseded_at__isnull=True)
    relationship_conclude(engagement, user=engagement.coach, reason="")
    with pytest.raises(DomainError, match="under way"):
        services.checkin_correct(checkin=latest, user=engagement.coachee, value="3")
    assert CheckIn.objects.count() == 2


def test_a_bad_correction_changes_nothing(engagement) -> None:
    goal = _goal(engagement)
    typo = _typo(engagement, goal)
    with pytest.raises(DomainError):
        services.checkin_correct(checkin=typo, user=engagement.coachee, value="lots")
    typo.refresh_from_db()
    assert typo.superseded_at is None and CheckIn.objects.count() == 1


def test_a_draft_report_takes_the_correction_and_an_approved_one_says_it_was_corrected(
    engagement,
) -> None:
    goal = _goal(engagement)
    typo = _typo(engagement, goal)
    approved = services.report_generate(engagement=engagement, user=engagement.coach)
    services.report_submit(report=approved, user=engagement.coach)
    services.report_approve(report=approved, user=engagement.coachee)
    draft = services.report_generate(engagement=engagement, user=engagement.coach)

    services.checkin_correct(checkin=typo, user=engagement.coachee, value="4")

    approved.refresh_from_db()
    draft.refresh_from_db()
    if approved.content["progress"] is not None:
        assert approved.content["progress"][0]["latest"] in (-5, "-5", "-5.0000")
        assert str(draft.content["progress"][0]["latest"]).startswith("4")
    page = _web(engagement.coachee).get(f"/coaching/reports/{approved.pk}/").content.decode()
    assert "corrected on" in page and "after it was approved" in page
    draft_page = _web(engagement.coach).get(f"/coaching/reports/{draft.pk}/").content.decode()
    assert "after it was approved" not in draft_page
    assert approved.status == SponsorReport.Status.APPROVED


def test_the_goal_page_offers_correct_to_the_author_only_and_shows_history(engagement) -> None:
    goal = _goal(engagement)
    typo = _typo(engagement, goal)
    url = f"/coaching/checkins/{typo.pk}/correct/"
    assert url in _web(engagement.coachee).get(f"/coaching/goals/{goal.pk}/").content.decode()
    assert url not in _web(engagement.coach).get(f"/coaching/goals/{goal.pk}/").content.decode()

    bad = _web(engagement.coachee).post(url, {"value": "", "comment": ""})
    assert bad.status_code == 400 and CheckIn.objects.count() == 1

    response = _web(engagement.coachee).post(url, {"value": "4", "comment": "typo"})
    assert response.status_code == 302
    page = _web(engagement.coachee).get(f"/coaching/goals/{goal.pk}/").content.decode()
    assert "Corrected values (1)" in page and "<s>-5</s>" in page


def test_people_outside_the_pair_cannot_correct(engagement) -> None:
    goal = _goal(engagement)
    typo = _typo(engagement, goal)
    url = f"/coaching/checkins/{typo.pk}/correct/"
    for outsider in (engagement.sponsor, UserFactory()):
        assert _web(outsider).post(url, {"value": "4"}).status_code == 404
    assert _web(engagement.coach).post(url, {"value": "4"}).status_code == 403
    assert CheckIn.objects.count() == 1


def test_the_api_corrects_and_lists_both_values(engagement) -> None:
    goal = _goal(engagement)
    typo = _typo(engagement, goal)
    api = APIClient()
    api.force_authenticate(engagement.coachee)
    bad = api.post(f"/api/v1/coaching/checkins/{typo.pk}/correct/", {"value": "x"}, format="json")
    assert bad.status_code == 400
    made = api.post(f"/api/v1/coaching/checkins/{typo.pk}/correct/", {"value": "4"}, format="json")
    assert made.status_code == 201 and made.json()["replaces"] == typo.pk
    listed = api.get(f"/api/v1/coaching/goals/{goal.pk}/checkins/").json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert [r["superseded_at"] is None for r in rows] == [False, True]
    stranger = APIClient()
    stranger.force_authenticate(UserFactory())
    response = stranger.post(
        f"/api/v1/coaching/checkins/{typo.pk}/correct/", {"value": "4"}, format="json"
    )
    assert response.status_code == 404


def _note(engagement, author, visibility="shared"):
    from ithaca.coaching.tests.factories import SessionFactory

    session = SessionFactory(engagement=engagement)
    return services.note_add(session=session, user=author, visibility=visibility, text="Frist try")


def _action(engagement, author):
    return services.action_create(
        engagement=engagement,
        user=author,
        title="Draft the rota",
        owner=engagement.coachee,
        due_on=timezone.localdate() + dt.timedelta(days=7),
    )


def test_the_author_edits_and_withdraws_a_session_note(engagement) -> None:
    note = _note(engagement, engagement.coachee)
    edit = f"/coaching/notes/{note.pk}/edit/"
    assert _web(engagement.coach).get(edit).status_code == 404
    assert (
        _web(engagement.coachee).post(edit, {"visibility": "shared", "text": ""}).status_code == 400
    )
    response = _web(engagement.coachee).post(edit, {"visibility": "shared", "text": "First try"})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.text == "First try" and note.visibility == "shared"
    page = _web(engagement.coach).get(f"/coaching/sessions/{note.session_id}/").content.decode()
    assert "First try" in page and "edited" in page
    assert _web(engagement.coach).post(f"/coaching/notes/{note.pk}/withdraw/").status_code == 404
    assert _web(engagement.coachee).post(f"/coaching/notes/{note.pk}/withdraw/").status_code == 302
    assert not type(note).objects.filter(pk=note.pk).exists()


def test_the_author_edits_and_withdraws_an_action_and_the_other_gets_404(engagement) -> None:
    action = _action(engagement, engagement.coach)
    edit = f"/coaching/actions/{action.pk}/edit/"
    assert _web(engagement.coachee).get(edit).status_code == 404
    past = (timezone.localdate() - dt.timedelta(days=2)).isoformat()
    bad = _web(engagement.coach).post(edit, {"title": "Draft the rota", "due_on": past})
    assert bad.status_code == 400 and "past" in bad.content.decode()
    later = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    assert (
        _web(engagement.coach).post(edit, {"title": "Draft it", "due_on": later}).status_code == 302
    )
    action.refresh_from_db()
    assert action.title == "Draft it" and action.edited_at is not None
    api = APIClient()
    api.force_authenticate(engagement.coachee)
    assert api.patch(f"/api/v1/coaching/actions/{action.pk}/", {}, format="json").status_code == 404
    assert api.delete(f"/api/v1/coaching/actions/{action.pk}/").status_code == 404
    api.force_authenticate(engagement.coach)
    bad = api.patch(f"/api/v1/coaching/actions/{action.pk}/", {"title": ""}, format="json")
    assert bad.status_code == 400
    assert api.delete(f"/api/v1/coaching/actions/{action.pk}/").status_code == 204
    assert not type(action).objects.filter(pk=action.pk).exists()


def test_notes_and_actions_cannot_change_after_the_engagement_ends(engagement) -> None:
    note = _note(engagement, engagement.coach, visibility="private")
    action = _action(engagement, engagement.coach)
    relationship_conclude(engagement, user=engagement.coach, reason="")
    with pytest.raises(DomainError):
        services.session_note_edit(note=note, user=engagement.coach, text="Changed")
    with pytest.raises(DomainError):
        services.action_withdraw(action=action, user=engagement.coach)
    api = APIClient()
    api.force_authenticate(engagement.coach)
    response = api.patch(f"/api/v1/coaching/notes/{note.pk}/", {"text": "Changed"}, format="json")
    assert response.status_code == 400
    note.refresh_from_db()
    assert note.text == "Frist try"
