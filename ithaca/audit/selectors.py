"""Searching the audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from ithaca.audit.models import AuditEvent


def _person(text: str) -> Q:
    query = Q()
    for side in ("actor", "subject"):
        for field in ("email", "first_name", "last_name"):
            query |= Q(**{f"{side}__{field}__icontains": text})
    return query


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def search_events(events: QuerySet[AuditEvent], terms: Mapping[str, Any]) -> QuerySet[AuditEvent]:
    """Narrow `events` by person, action, object (type or type:id) and a date range."""
    if person := (terms.get("person") or "").strip():
        events = events.filter(_person(person))
    if action := terms.get("action"):
        events = events.filter(action=action)
    if target := (terms.get("object") or "").strip().lower():
        kind, _, pk = target.partition(":")
        events = (
            events.filter(object_type=kind)
            if "." in kind
            else events.filter(object_type__endswith=kind)
        )
        if pk:
            events = events.filter(object_id=pk.strip())
    if start := terms.get("date_from"):
        events = events.filter(created_at__gte=_start_of(start))
    if end := terms.get("date_to"):
        events = events.filter(created_at__lt=_start_of(end + dt.timedelta(days=1)))
    return events
