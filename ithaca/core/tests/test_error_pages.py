"""Error pages speak to people in the site's own layout."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.django_db
def test_a_missing_page_is_a_friendly_404(client: Client, settings) -> None:
    settings.DEBUG = False
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert b"There is nothing here" in response.content and b"Ithaca" in response.content


@pytest.mark.django_db
def test_an_unrouted_api_path_answers_in_the_error_shape(client: Client, settings) -> None:
    settings.DEBUG = False
    response = client.get("/api/v1/programs/a:b/c/")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"status": 404, "code": "not_found", "message": "Not found."}
    }
