"""Audit events are written once: nothing in the app changes or deletes one."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import DatabaseError, connection, transaction
from django.test import Client

from ithaca.accounts.tests.factories import UserFactory
from ithaca.audit.models import AppendOnlyError, AuditEvent
from ithaca.audit.tests.factories import AuditEventFactory

pytestmark = pytest.mark.django_db


def test_a_saved_event_refuses_to_be_changed() -> None:
    entry = AuditEventFactory()
    entry.summary = "Nothing happened"
    with pytest.raises(AppendOnlyError):
        entry.save()
    assert AuditEvent.objects.get(pk=entry.pk).summary != "Nothing happened"


def test_an_event_refuses_to_be_deleted_one_by_one_or_in_bulk() -> None:
    entry = AuditEventFactory()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=entry.pk).delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=entry.pk).update(summary="rewritten")
    assert AuditEvent.objects.filter(pk=entry.pk).exists()


def test_a_person_in_the_log_cannot_be_deleted_only_erased() -> None:
    from django.db.models import ProtectedError

    entry = AuditEventFactory()
    with pytest.raises(ProtectedError):
        entry.actor.delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_postgresql_itself_refuses_an_update_or_delete_in_sql() -> None:
    entry = AuditEventFactory()
    for sql in (
        "UPDATE audit_auditevent SET summary = 'x' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [entry.pk])
    assert AuditEvent.objects.get(pk=entry.pk).summary == entry.summary


def test_the_admin_shows_events_but_cannot_add_change_or_delete_them() -> None:
    superuser = UserFactory(is_staff=True, is_superuser=True)
    entry = AuditEventFactory()
    client = Client()
    client.force_login(superuser)
    assert client.get("/admin/audit/auditevent/").status_code == 200
    assert client.get(f"/admin/audit/auditevent/{entry.pk}/change/").status_code == 200
    assert client.get("/admin/audit/auditevent/add/").status_code == 403
    assert client.get(f"/admin/audit/auditevent/{entry.pk}/delete/").status_code == 403
    posted = client.post(f"/admin/audit/auditevent/{entry.pk}/change/", {"summary": "x"})
    assert posted.status_code == 403
    model_admin = admin.site._registry[AuditEvent]
    assert "delete_selected" not in model_admin.get_actions(client.get("/").wsgi_request)
    assert AuditEvent.objects.get(pk=entry.pk).summary == entry.summary
