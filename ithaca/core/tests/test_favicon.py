"""Every page gets the icon, including those that name none."""

from __future__ import annotations

from django.test import Client


def test_favicon_ico_points_at_the_sites_icon() -> None:
    response = Client().get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith(".svg")
