"""The program page's lists, ten rows at a time, with how many there are in all.

A manager reads the first rows of each list; "Show more" asks for the next ten
(an htmx partial appended in place, or the list's own page without JavaScript).
Every list is one query for its rows and its total, whatever its length: the
total comes from a window count over the same rows (`COUNT(*) OVER ()`), which
PostgreSQL works out while it reads the rows it has to sort anyway; the
applications' and participants' totals come from the stage counts on the page.
People are fetched for the rows shown only, by primary key: a join under the
window count would join every row of the list before the LIMIT.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, QuerySet, Window
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from ithaca.console import selectors
from ithaca.console.display import (
    Phrases,
    prepare_applications,
    prepare_participants,
    prepare_proposals,
    prepare_stuck_applications,
    prepare_waiting,
)
from ithaca.console.stages import Stage
from ithaca.programs.models import Participation, Program

PER_PAGE = 10
# Past this a page number is a mistake, not a list (and an OFFSET PostgreSQL refuses).
LAST_PAGE = 100_000

SHOWN_OF = _("%(shown)s of %(total)s")
RANGE_OF = _("%(first)s to %(last)s of %(total)s")


@dataclass
class Chunk:
    """One page of one list: its rows, the list's total, and where the next page is."""

    name: str
    program: Program
    rows: list[Any]
    total: int
    page: int
    filters: dict[str, str] = field(default_factory=dict)

    @property
    def first(self) -> int:
        return (self.page - 1) * PER_PAGE + 1

    @property
    def last(self) -> int:
        return (self.page - 1) * PER_PAGE + len(self.rows)

    @property
    def has_more(self) -> bool:
        return bool(self.rows) and self.last < self.total

    @property
    def paged(self) -> bool:
        """Whether the list is longer than one page (the count is worth showing)."""
        return self.total > PER_PAGE

    def url(self, page: int) -> str:
        path = reverse("console:program-list", args=[self.program.slug, self.name])
        return f"{path}?{urlencode({**self.filters, 'page': page})}"

    @property
    def first_url(self) -> str:
        return self.url(1)

    @property
    def next_url(self) -> str:
        return self.url(self.page + 1)

    @property
    def previous_url(self) -> str:
        return self.url(self.page - 1)

    @property
    def shown_text(self) -> str:
        """ "20 of 3,381": everything from the first row is on the page."""
        return str(SHOWN_OF) % {"shown": _number(self.last), "total": _number(self.total)}

    @property
    def range_text(self) -> str:
        """ "11 to 20 of 3,381": this page alone (the list's own page, without JavaScript)."""
        numbers = {"first": self.first, "last": self.last, "total": self.total}
        return str(RANGE_OF) % {k: _number(v) for k, v in numbers.items()}


def _number(value: int) -> str:
    return number_format(value, force_grouping=True)


def page_number(query: Mapping[str, str]) -> int:
    """The page asked for; anything that is not a page number is the first page."""
    try:
        page = int(query.get("page", "1"))
    except ValueError:
        return 1
    return min(max(page, 1), LAST_PAGE)


def _window(queryset: QuerySet[Any], page: int, total: int | None = None) -> tuple[list[Any], int]:
    """The page's rows and the list's total, in one query (0 past the last page).

    A total the caller already knows spares the count: PostgreSQL then reads only
    the rows of the page along the list's index.
    """
    start = (page - 1) * PER_PAGE
    if total is not None:
        return list(queryset[start : start + PER_PAGE]), total
    counted = queryset.annotate(list_total=Window(Count("pk")))
    rows = list(counted[start : start + PER_PAGE])
    return rows, (rows[0].list_total if rows else 0)


@dataclass(frozen=True)
class Context:
    """What every list reads: the program, the request's moment and phrases, its query."""

    program: Program
    now: dt.datetime
    phrases: Phrases
    query: Mapping[str, str]
    counts: dict[Stage, int] | None = None


def applications(ctx: Context, page: int) -> Chunk:
    queryset = (
        ctx.program.participations.filter(state=Participation.State.PENDING)
        .order_by("created_at", "pk")
        .prefetch_related("user")
    )
    # Every pending participation is at the stage "applied", whatever its role.
    known = ctx.counts[Stage.APPLIED] if ctx.counts is not None else None
    rows, total = _window(queryset, page, known)
    prepared = prepare_applications(rows, ctx.program, ctx.phrases)
    return Chunk("applications", ctx.program, prepared, total, page)


def stuck_applications(ctx: Context, page: int) -> Chunk:
    queryset = (
        selectors.stuck_applications(ctx.program, ctx.now)
        .select_related(None)
        .order_by("created_at", "pk")
        .prefetch_related("user")
    )
    rows, total = _window(queryset, page)
    prepared = prepare_stuck_applications(rows, ctx.phrases)
    return Chunk("stuck-applications", ctx.program, prepared, total, page)


def stuck_waiting(ctx: Context, page: int) -> Chunk:
    start = (page - 1) * PER_PAGE
    rows, total = selectors.stuck_waiting(ctx.program, ctx.now, start, PER_PAGE)
    return Chunk("stuck-waiting", ctx.program, prepare_waiting(rows, ctx.phrases), total, page)


def stuck_proposals(ctx: Context, page: int) -> Chunk:
    # Joined, not fetched afterwards: stale proposals are few (they expire), so the
    # join under the window count stays small, and it spares two queries.
    queryset = selectors.stuck_proposals(ctx.program, ctx.now).order_by("created_at", "pk")
    rows, total = _window(queryset, page)
    prepared = prepare_proposals(rows, ctx.program, ctx.phrases)
    return Chunk("stuck-proposals", ctx.program, prepared, total, page)


def participants(ctx: Context, page: int) -> Chunk:
    """Participants by name, filtered by stage and role as the page's form asks.

    Not a window count: the rows carry correlated subqueries that PostgreSQL would
    then compute for every participant of the program, not for the ten shown.
    """
    stage, role = ctx.query.get("stage", ""), ctx.query.get("role", "")
    rows = selectors.participants(ctx.program).order_by(
        "user__first_name", "user__last_name", "user__email", "pk"
    )
    filters = {}
    counts = ctx.counts if ctx.counts is not None else selectors.stage_counts(ctx.program)
    # Without a role filter the stage counts already say how many rows there are.
    total: int | None = sum(counts.values())
    if stage in Stage.__members__.values():
        rows = rows.filter(selectors.STAGE_FILTERS[Stage(stage)])
        total, filters["stage"] = counts[Stage(stage)], stage
    if role in Participation.Role.values:
        rows = rows.filter(role=role)
        total, filters["role"] = None, role
    if total is None:
        total = rows.count()
    start = (page - 1) * PER_PAGE
    shown = list(rows[start : start + PER_PAGE])
    prepared = prepare_participants([(p, selectors.stage_of(p)) for p in shown], ctx.phrases)
    return Chunk("participants", ctx.program, prepared, total, page, filters)


@dataclass(frozen=True)
class ListKind:
    """A list of the program page: how to read a page of it and how to show it."""

    read: Callable[[Context, int], Chunk]
    title: Callable[[Program], str]
    template: str  # the table or list, with its rows: the page and the list's page include it
    rows_template: str  # the rows and the "show more" control: what htmx appends


def _title(message: Any) -> Callable[[Program], str]:
    return lambda program: str(message)


LISTS: dict[str, ListKind] = {
    "applications": ListKind(
        applications,
        _title(_("Applications to decide")),
        "console/lists/applications.html",
        "console/lists/_applications_rows.html",
    ),
    "stuck-applications": ListKind(
        stuck_applications,
        _title(_("Applied more than 14 days ago, not yet decided")),
        "console/lists/stuck_applications.html",
        "console/lists/_stuck_applications_rows.html",
    ),
    "stuck-waiting": ListKind(
        stuck_waiting,
        _title(_("Waiting for a match for more than 30 days")),
        "console/lists/stuck_waiting.html",
        "console/lists/_stuck_waiting_rows.html",
    ),
    "stuck-proposals": ListKind(
        stuck_proposals,
        lambda program: (
            str(_("Proposals unanswered for more than %(days)s days"))
            % {"days": program.request_expiry_days}
        ),
        "console/lists/stuck_proposals.html",
        "console/lists/_stuck_proposals_rows.html",
    ),
    "participants": ListKind(
        participants,
        _title(_("Participants")),
        "console/lists/participants.html",
        "console/lists/_participants_rows.html",
    ),
}
