import pytest
from django.test import Client


@pytest.mark.django_db
def test_it_reports_the_database_as_healthy(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
