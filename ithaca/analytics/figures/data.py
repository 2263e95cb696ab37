"""Plain values the selectors hand to the figure builders. No database: labels are str
or lazy translations, read when a figure is built."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

Pair = tuple[int, int]  # (how many, distinct people behind it)


@dataclass(frozen=True)
class Waits:
    """Days from application to first proposal for seekers first matched in the period."""

    seekers: int
    median_days: float | None
    buckets: list[tuple[str, int]]


@dataclass(frozen=True)
class Month:
    month: dt.date
    meetings: int
    meeting_people: int
    sessions: int
    session_people: int


@dataclass(frozen=True)
class Attainment:
    buckets: dict[str, Pair]  # key -> (goals, distinct coachees)
    goals: int
    people: int
    mean: Decimal | None


@dataclass(frozen=True)
class Retention:
    """People employed at the start of the period, and those of them who left during it,
    split into participants and everyone else."""

    participants: int
    participants_left: int
    others: int
    others_left: int


@dataclass(frozen=True)
class Result:
    """One question's answers in the period: mean (1-5, or None for yes/no questions),
    how many answers were favourable (4-5, or yes), all answers, distinct people."""

    source: Any  # a str or a lazy translation of one: read when the figure is built
    question: Any
    mean: float | None
    favourable: int
    answers: int
    people: int
