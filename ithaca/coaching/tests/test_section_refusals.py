"""A sponsor refused a section the pair alone reads is told so in whole sentences, in
their language, on the pages and through the API alike."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient

from ithaca.coaching.access import SECTION_REFUSALS, require_section
from ithaca.coaching.tests.factories import active_engagement
from ithaca.core.errors import PermissionDenied

pytestmark = pytest.mark.django_db


@pytest.fixture
def engagement():
    return active_engagement()


def _page(user, path: str, language: str):
    client = Client()
    client.force_login(user)
    return client.get(path, HTTP_ACCEPT_LANGUAGE=language)


@pytest.mark.parametrize(
    ("path", "german", "english"),
    [
        ("goals", "Ziele teilen nur Coach und Coachee.", "Goals are shared"),
        ("messages", "Nachrichten teilen nur Coach und Coachee.", "Messages are shared"),
    ],
)
def test_the_page_refuses_the_sponsor_in_their_language(engagement, path, german, english):
    url = f"/coaching/{engagement.pk}/{path}/"
    refused = _page(engagement.sponsor, url, "de")
    assert refused.status_code == 403
    assert german in refused.content.decode()
    english_page = _page(engagement.sponsor, url, "en").content.decode()
    assert f"{english} between the coach and the coachee only." in english_page
    assert _page(engagement.coachee, url, "de").status_code == 200


def test_the_api_refuses_the_sponsor_in_german(engagement) -> None:
    client = APIClient()
    client.force_authenticate(engagement.sponsor)
    goals = client.get(
        f"/api/v1/coaching/engagements/{engagement.pk}/goals/", HTTP_ACCEPT_LANGUAGE="de"
    )
    actions = client.get(
        f"/api/v1/coaching/engagements/{engagement.pk}/actions/", HTTP_ACCEPT_LANGUAGE="de"
    )
    assert goals.status_code == 403 and actions.status_code == 403
    assert goals.json()["error"]["message"] == "Ziele teilen nur Coach und Coachee."
    assert actions.json()["error"]["message"] == "Maßnahmen teilen nur Coach und Coachee."
    assert set(SECTION_REFUSALS) == {"goals", "actions", "evaluation", "messages"}


def test_every_section_has_its_own_sentence_and_an_unknown_one_is_a_bug() -> None:
    with pytest.raises(PermissionDenied) as refused:
        require_section(False, "messages")
    assert refused.value.message == "Messages are shared between the coach and the coachee only."
    require_section(True, "goals")
    with pytest.raises(KeyError):
        require_section(True, "Messages")
