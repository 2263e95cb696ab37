"""Reads over programs shared by several pages."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from ithaca.programs.models import Participation


def participant_count(**filters: Any) -> Coalesce:
    """How many of each program's participations match `filters`, as a scalar subquery.

    Counting through a JOIN and GROUP BY aggregated every participation of every program
    (36,000 rows at 100,000 people, 40 ms) and, joined with the managers as well,
    multiplied each count by the number of managers; this reads one program's rows
    from the (program, role, state) index.
    """
    rows = (
        Participation.objects.filter(program=OuterRef("pk"), **filters)
        .order_by()
        .values("program")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows), Value(0), output_field=IntegerField())
