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


def test_the_libraries_admin_names_read_in_german_too(admin_client) -> None:
    """django-tasks-db's app (renamed in config/apps.py) and the names libraries leave
    untranslated (config/library_names.py)."""
    page = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    for name in ("Hintergrundaufgaben", "Aufgabenergebnisse"):
        assert name in page, name
    for english in ("Tasks Database Backend", "Task Results"):
        assert english not in page, english


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


def test_every_field_of_every_ithaca_model_has_a_translatable_label() -> None:
    untranslatable = []
    for config in apps.get_app_configs():
        if not config.name.startswith("ithaca."):
            continue
        for model in config.get_models():
            fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
            for field in fields:
                if field.auto_created:  # the primary key Django adds
                    continue
                if not isinstance(field.verbose_name, Promise):
                    untranslatable.append(f"{model._meta.label}.{field.name}")
    assert untranslatable == []


def test_a_programs_change_form_and_list_in_german_show_german_field_labels(
    admin_client,
) -> None:
    from ithaca.programs.tests.factories import ProgramFactory

    program = ProgramFactory()
    form = admin_client.get(
        f"/admin/programs/program/{program.pk}/change/", HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()
    for label in ("Verantwortliche:", "Fragen zur Anmeldung:", "Modus:", "Erfordert Schulung"):
        assert f">{label}</label>" in form, label
    for english in ("Managers:</label>", "Enrolment questions:</label>", "Requires training"):
        assert english not in form, english

    listing = admin_client.get(
        "/admin/programs/program/", HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()
    assert "Modus" in listing
    assert "Erfordert Schulung" in listing
    assert "Requires training" not in listing
