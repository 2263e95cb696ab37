"""Factories for audit events."""

from __future__ import annotations

import factory

from ithaca.accounts.tests.factories import UserFactory
from ithaca.audit.models import Action, AuditEvent


class AuditEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditEvent

    actor = factory.SubFactory(UserFactory)
    action = Action.READ_CONFIDENTIAL
    object_type = "coaching.sessionnote"
    object_id = factory.Sequence(str)
    summary = "Read a shared coaching session note"
