"""Pause, resume and conclude from the workspace: swapped in place through htmx, a
question before concluding, and a plain POST and redirect without JavaScript."""

from __future__ import annotations

import pytest
from django.test import Client

from ithaca.coaching.models import CoachingEngagement
from ithaca.coaching.tests.factories import active_engagement

pytestmark = pytest.mark.django_db

IN_WORKSPACE = {"HX-Request": "true", "HX-Target": "workspace"}


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _status(engagement: CoachingEngagement) -> str:
    engagement.refresh_from_db()
    return engagement.status


def test_the_buttons_swap_the_workspace_and_concluding_asks_first() -> None:
    engagement = active_engagement()
    page = _client(engagement.coach).get(f"/coaching/{engagement.pk}/").content.decode()
    for action in ("pause", "conclude"):
        url = f"/coaching/{engagement.pk}/{action}/"
        form = page.split(f'action="{url}"', 1)[1].split(">", 1)[0]
        assert f'hx-post="{url}" hx-target="#workspace"' in form, action
    conclude = page.split(f'action="/coaching/{engagement.pk}/conclude/"', 1)[1].split(">", 1)[0]
    assert 'hx-confirm="Conclude this engagement? Sessions end' in conclude
    pause = page.split(f'action="/coaching/{engagement.pk}/pause/"', 1)[1].split(">", 1)[0]
    assert "confirm" not in pause  # pausing is undone by resuming: no question


def test_pausing_and_resuming_through_htmx_re_render_the_workspace_in_place() -> None:
    engagement = active_engagement()
    client = _client(engagement.coachee)
    paused = client.post(f"/coaching/{engagement.pk}/pause/", {"reason": ""}, headers=IN_WORKSPACE)
    body = paused.content.decode()
    assert paused.status_code == 200 and "<!doctype html>" not in body
    assert 'class="badge paused"' in body and 'class="tabs"' in body and ">Resume<" in body
    assert 'role="status" class="muted">Paused.<' in body
    assert paused["HX-Replace-Url"] == f"/coaching/{engagement.pk}/"
    assert _status(engagement) == "paused"
    resumed = client.post(f"/coaching/{engagement.pk}/resume/", headers=IN_WORKSPACE)
    assert resumed.status_code == 200 and 'class="badge active"' in resumed.content.decode()
    assert _status(engagement) == "active"


def test_concluding_through_htmx_shows_the_concluded_workspace() -> None:
    engagement = active_engagement()
    response = _client(engagement.coach).post(
        f"/coaching/{engagement.pk}/conclude/", {"reason": ""}, headers=IN_WORKSPACE
    )
    body = response.content.decode()
    assert response.status_code == 200 and 'class="badge concluded"' in body
    assert f"/coaching/{engagement.pk}/pause/" not in body
    assert _status(engagement) == "concluded"


def test_a_refused_step_answers_400_in_place_and_changes_nothing() -> None:
    engagement = active_engagement()
    response = _client(engagement.coach).post(
        f"/coaching/{engagement.pk}/resume/", headers=IN_WORKSPACE
    )
    body = response.content.decode()
    assert response.status_code == 400 and 'role="alert"' in body and 'class="tabs"' in body
    assert _status(engagement) == "active"


def test_without_javascript_a_plain_post_redirects_back_with_a_message() -> None:
    engagement = active_engagement()
    client = _client(engagement.coach)
    back = f"/coaching/{engagement.pk}/goals/"
    response = client.post(f"/coaching/{engagement.pk}/pause/", {"reason": "", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    assert _status(engagement) == "paused"
    assert "Paused." in client.get(back).content.decode()
    elsewhere = client.post(f"/coaching/{engagement.pk}/resume/", {"next": "https://evil.example/"})
    assert elsewhere.status_code == 302 and elsewhere["Location"] == "/"


def test_the_sponsor_cannot_press_the_buttons_even_through_htmx() -> None:
    engagement = active_engagement()
    response = _client(engagement.sponsor).post(
        f"/coaching/{engagement.pk}/pause/", {"reason": ""}, headers=IN_WORKSPACE
    )
    assert response.status_code == 403 and _status(engagement) == "active"


def test_a_button_on_a_card_elsewhere_still_answers_the_card() -> None:
    engagement = active_engagement()
    response = _client(engagement.coach).post(
        f"/coaching/{engagement.pk}/pause/",
        {"reason": ""},
        headers={"HX-Request": "true", "HX-Target": f"coaching-{engagement.pk}"},
    )
    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith(f'<article id="coaching-{engagement.pk}"')
