"""Expected refusals never become a 500 or a traceback: the admin's state edits, and 403s."""

from __future__ import annotations

import logging

import pytest
from django.contrib import admin
from django.forms import modelform_factory
from django.forms.models import model_to_dict
from django.test import Client, RequestFactory

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching.models import CoachingEngagement
from ithaca.coaching.tests.factories import proposed_engagement
from ithaca.core.admin import ConstraintCheckedForm

pytestmark = pytest.mark.django_db


def staff_client() -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def admin_post_data(obj) -> dict:
    model_admin = admin.site._registry[type(obj)]
    request = RequestFactory().get("/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    form = model_admin.get_form(request, obj)
    data = {
        name: value
        for name, value in model_to_dict(obj, fields=list(form.base_fields)).items()
        if value is not None
    }
    return {key: (value.pk if hasattr(value, "pk") else value) for key, value in data.items()}


def test_setting_a_proposed_engagement_to_active_in_the_admin_is_no_500() -> None:
    engagement = proposed_engagement()
    data = {**admin_post_data(engagement), "status": "active"}
    response = staff_client().post(
        f"/admin/coaching/coachingengagement/{engagement.pk}/change/", data
    )
    # The engagement admin is read-only (parties and states move through the services),
    # so the change is refused, never a 500.
    assert response.status_code in (200, 302, 403), response.status_code
    engagement.refresh_from_db()
    assert engagement.status == "proposed"  # states move through the services only


def test_the_admin_form_checks_constraints_that_name_read_only_fields() -> None:
    engagement = proposed_engagement()
    form_class = modelform_factory(
        CoachingEngagement, form=ConstraintCheckedForm, fields=["status"]
    )
    form = form_class({"status": "active"}, instance=engagement)
    assert not form.is_valid()
    assert "started_only_when_both_accepted" in str(form.errors) or form.non_field_errors()
    engagement.refresh_from_db()
    assert engagement.status == "proposed"


def test_an_expected_403_is_logged_as_one_line_without_a_traceback(caplog) -> None:
    client = Client()
    client.force_login(UserFactory())  # not a manager
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/console/")
    assert response.status_code == 403
    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 1
    record = records[0]
    assert record.exc_info is None and record.exc_text is None
    line = record.getMessage()
    assert "\n" not in line and "/console/" in line
    assert "program managers" in line  # the reason, on the same line
    formatted = logging.Formatter().format(record)
    assert "Traceback" not in formatted


def test_a_server_error_keeps_its_traceback() -> None:
    from ithaca.core.logging import OneLineClientErrors

    try:
        raise RuntimeError("boom")
    except RuntimeError:
        import sys

        record = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s",
            ("/x/",), sys.exc_info(),
        )  # fmt: skip
    record.status_code = 500
    OneLineClientErrors().filter(record)
    assert record.exc_info is not None
