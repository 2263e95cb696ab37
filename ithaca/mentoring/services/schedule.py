"""What the periodic jobs create: nudges after silence and reviews when a period ends.

Each creates at most one row per relationship and silence (or period), under
a unique constraint, and e-mails only for the rows it created: running the
job twice sends nothing twice.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from ithaca.core.periodic import for_each
from ithaca.mentoring import notices
from ithaca.mentoring.health import with_last_contact
from ithaca.mentoring.models import Decision, Meeting, MentoringRelationship, Nudge, Review
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import Program
from ithaca.programs.modes import MENTORING


def _mentoring_programs() -> QuerySet[Program]:
    return Program.objects.filter(kind=MENTORING).order_by("pk")


def _meeting_ahead(now: dt.datetime) -> Exists:
    """A confirmed meeting still to come: the two are in touch, so no nudge."""
    return Exists(
        Meeting.objects.filter(status=Meeting.Status.CONFIRMED, starts_at__gt=now).filter(
            Q(relationship_id=OuterRef("pk"))
            | Q(relationship__group_id=OuterRef("group_id"), relationship__group__isnull=False)
        )
    )


def _create_once(model: type[Nudge] | type[Review], **fields: object) -> Nudge | Review | None:
    try:
        with transaction.atomic():
            return model.objects.create(**fields)
    except IntegrityError:
        return None  # another run got there first


def _relationship(pk: int) -> MentoringRelationship:
    return MentoringRelationship.objects.select_related("program", "mentor", "mentee").get(pk=pk)


def nudges_create(*, now: dt.datetime) -> int:
    """Nudge both people of every active relationship silent for the program's
    `nudge_after_days`, once per silence. A program that fails is logged; the others go on."""
    return for_each(
        _mentoring_programs(), job="mentoring.nudges", do=lambda p: _nudge_program(p, now)
    )


def _nudge_program(program: Program, now: dt.datetime) -> int:
    created = 0
    cutoff = now - dt.timedelta(days=program.nudge_after_days)
    silent = (
        with_last_contact(
            MentoringRelationship.objects.filter(program=program, status=Status.ACTIVE), now
        )
        .filter(last_contact__lte=cutoff)
        .exclude(_meeting_ahead(now))
        .values_list("pk", "last_contact")
    )
    rows = list(silent)
    done = set(
        Nudge.objects.filter(relationship_id__in=[pk for pk, _ in rows]).values_list(
            "relationship_id", "silent_since"
        )
    )
    for pk, last_contact in rows:
        if (pk, last_contact) in done:
            continue
        with transaction.atomic():
            nudge = _create_once(Nudge, relationship_id=pk, silent_since=last_contact)
            if isinstance(nudge, Nudge):
                notices.tell_silence(nudge, _relationship(pk), (now - last_contact).days)
                Nudge.objects.filter(pk=nudge.pk).update(sent_at=now)
                created += 1
    return created


def reviews_create(*, now: dt.datetime) -> int:
    """Open a review for every active relationship whose period has run out since it
    started or was last renewed; one open review at a time. A program that fails is
    logged; the others go on."""
    return for_each(
        _mentoring_programs(), job="mentoring.reviews", do=lambda p: _review_program(p, now)
    )


def _review_program(program: Program, now: dt.datetime) -> int:
    created = 0
    period = dt.timedelta(days=program.review_period_days)
    reviews = Review.objects.filter(relationship_id=OuterRef("pk"))
    renewed = reviews.filter(outcome=Decision.CONTINUE).order_by("-resolved_at")
    due = (
        MentoringRelationship.objects.filter(program=program, status=Status.ACTIVE)
        .annotate(
            renewed_at=Coalesce(
                Subquery(renewed.values("resolved_at")[:1]), "started_at", "created_at"
            ),
            last_period=Subquery(reviews.order_by("-period").values("period")[:1]),
        )
        .filter(renewed_at__lte=now - period)
        .exclude(Exists(reviews.filter(resolved_at__isnull=True)))
        .values_list("pk", "renewed_at", "last_period")
    )
    for pk, renewed_at, last_period in list(due):
        with transaction.atomic():
            review = _create_once(
                Review,
                relationship_id=pk,
                period=(last_period or 0) + 1,
                due_at=renewed_at + period,
            )
            if isinstance(review, Review):
                notices.tell_review_due(review, _relationship(pk))
                Review.objects.filter(pk=review.pk).update(notified_at=now)
                created += 1
    return created
