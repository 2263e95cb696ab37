"""The admin names Ithaca's apps and models in the reader's language."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.utils.functional import Promise

pytestmark = pytest.mark.django_db


def test_the_admin_index_in_german_shows_german_app_and_model_names(admin_client) -> None:
    page = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    for name in (
        "Auswertungen, Umfragen und Berichte",  # analytics
        "Bereitstellung (SCIM)",  # scim
        "Coaching-Prozesse",
        "Matching-Runden",
        "Audit-Ereignisse",
        "SCIM-Clients (Identitätsanbieter)",
    ):
        assert name in page, name
    for english in ("Coaching engagements", "Matching rounds", "Provisioning (SCIM)"):
        assert english not in page


def test_every_app_and_model_of_ithaca_has_a_translatable_name() -> None:
    for config in apps.get_app_configs():
        if not config.name.startswith("ithaca."):
            continue
        assert isinstance(config.verbose_name, Promise), config.name
        for model in config.get_models():
            meta = model._meta.original_attrs
            assert isinstance(meta.get("verbose_name"), Promise), model._meta.label
            assert isinstance(meta.get("verbose_name_plural"), Promise), model._meta.label


@pytest.mark.django_db
def test_records_are_named_in_the_readers_language() -> None:
    import datetime as dt

    from django.utils import translation

    from ithaca.mentoring.models import Meeting
    from ithaca.mentoring.tests.factories import MeetingFactory

    meeting = Meeting.objects.get(pk=MeetingFactory().pk)
    when = f"{meeting.starts_at:%Y-%m-%d %H:%M}"
    assert isinstance(meeting.starts_at, dt.datetime)
    with translation.override("de"):
        assert str(meeting) == f"Treffen am {when}"
    with translation.override("fr"):
        assert str(meeting) == f"Rencontre du {when}"
