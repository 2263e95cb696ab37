"""The agenda: the mentee's list of topics; the mentor suggests, the mentee decides."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.core.prepared import PreparedInsert, PreparedQuery
from ithaca.mentoring import notices
from ithaca.mentoring.models import AgendaTopic, MentoringGroup, MentoringRelationship
from ithaca.mentoring.services.base import clean_text, writable
from ithaca.mentoring.workspace import Workspace

Status = AgendaTopic.Status
LIVE = (Status.SUGGESTED, Status.OPEN)


def _owner(workspace: Workspace) -> None:
    if not workspace.owns_agenda:
        raise PermissionDenied(
            _(
                "The agenda is the mentee's: suggest a topic and the mentee decides whether to "
                "take it up."
            )
        )


def _in_agenda(workspace: Workspace, topic: AgendaTopic) -> AgendaTopic:
    """The topic re-read under this space, or a clear refusal for anyone else's topic."""
    fresh = AgendaTopic.objects.filter(workspace.space(), pk=topic.pk).first()
    if fresh is None:
        raise DomainError(_("That topic is not on this relationship's agenda."), field="topic")
    return fresh


# The highest live position in one relationship's own agenda, its SQL prepared once per
# process (every topic added asks it).
_TOP_POSITION = PreparedQuery(
    lambda relationship: (
        AgendaTopic.objects.filter(relationship_id=relationship, status__in=LIVE)
        .order_by("-position")
        .values_list("position")[:1]
    ),
    relationship=int,
)


# Adding a topic is the API's most frequent write: its INSERT is built once per process.
_NEW_TOPIC = PreparedInsert(AgendaTopic)


def _next_position(workspace: Workspace) -> int:
    if workspace.relationship.group_id is None:  # the space is the relationship's own
        rows = _TOP_POSITION.rows(relationship=workspace.relationship.pk)
        return rows[0][0] + 1 if rows else 0
    top = AgendaTopic.objects.filter(workspace.space(), status__in=LIVE).aggregate(
        top=Max("position")
    )["top"]
    return 0 if top is None else top + 1


@transaction.atomic
def topic_add(
    *, relationship: MentoringRelationship, user: User, title: str, detail: str = ""
) -> AgendaTopic:
    """Add a topic to the agenda; from someone who does not own it, it is a suggestion."""
    workspace = writable(relationship, user, "add to the agenda")
    title = clean_text(title, field="title", label="topic", limit=200)
    detail = (detail or "").strip()[:2000]
    topic = _NEW_TOPIC.create(
        relationship=workspace.relationship,
        title=title,
        detail=detail,
        status=Status.OPEN if workspace.owns_agenda else Status.SUGGESTED,
        position=_next_position(workspace),
        added_by=user,
    )
    if topic.status == Status.SUGGESTED:
        notices.tell_topic_suggested(topic, workspace.relationship, user)
    return topic


def _change(
    relationship: MentoringRelationship,
    user: User,
    topic: AgendaTopic,
    *,
    allowed_from: tuple[str, ...],
    to: str,
) -> AgendaTopic:
    workspace = writable(relationship, user, "change the agenda")
    _owner(workspace)
    topic = _in_agenda(workspace, topic)
    if topic.status not in allowed_from:
        raise DomainError(
            _("This topic is %(state)s already.") % {"state": topic.get_status_display().lower()}
        )
    topic.status = to
    topic.closed_at = None if to in LIVE else timezone.now()
    if to == Status.OPEN:
        topic.position = _next_position(workspace)
    topic.save(update_fields=["status", "closed_at", "position"])
    return topic


@transaction.atomic
def topic_accept(
    *, relationship: MentoringRelationship, user: User, topic: AgendaTopic
) -> AgendaTopic:
    """The mentee takes up a suggested topic."""
    topic = _change(relationship, user, topic, allowed_from=(Status.SUGGESTED,), to=Status.OPEN)
    notices.tell_topic_answered(topic, relationship, user)
    return topic


@transaction.atomic
def topic_decline(
    *, relationship: MentoringRelationship, user: User, topic: AgendaTopic
) -> AgendaTopic:
    """The mentee leaves a suggested topic aside."""
    topic = _change(relationship, user, topic, allowed_from=(Status.SUGGESTED,), to=Status.DECLINED)
    notices.tell_topic_answered(topic, relationship, user)
    return topic


@transaction.atomic
def topic_close(
    *, relationship: MentoringRelationship, user: User, topic: AgendaTopic
) -> AgendaTopic:
    return _change(relationship, user, topic, allowed_from=(Status.OPEN,), to=Status.CLOSED)


@transaction.atomic
def topic_reopen(
    *, relationship: MentoringRelationship, user: User, topic: AgendaTopic
) -> AgendaTopic:
    return _change(relationship, user, topic, allowed_from=(Status.CLOSED,), to=Status.OPEN)


@transaction.atomic
def agenda_reorder(
    *, relationship: MentoringRelationship, user: User, topic_ids: Sequence[int]
) -> list[AgendaTopic]:
    """Put the open topics in the given order; the list must name each exactly once."""
    workspace = writable(relationship, user, "reorder the agenda")
    _owner(workspace)
    if workspace.in_group:
        # Two mentees of one group may reorder at once: serialize on the group.
        group_id = workspace.relationship.group_id
        MentoringGroup.objects.select_for_update().filter(pk=group_id or 0).get()
    topics = {t.pk: t for t in AgendaTopic.objects.filter(workspace.space(), status=Status.OPEN)}
    wanted = list(topic_ids)
    if any(pk not in topics for pk in wanted):
        raise DomainError(_("That topic is not on this relationship's agenda."), field="topics")
    if len(set(wanted)) != len(wanted) or set(wanted) != set(topics):
        raise DomainError(_("List every open topic exactly once."), field="topics")
    for position, pk in enumerate(wanted):
        topics[pk].position = position
    AgendaTopic.objects.bulk_update(list(topics.values()), ["position"])
    return [topics[pk] for pk in wanted]


def open_topic_ids(workspace: Workspace) -> list[int]:
    return list(
        AgendaTopic.objects.filter(workspace.space(), status=Status.OPEN).values_list(
            "pk", flat=True
        )
    )


@transaction.atomic
def topic_move(
    *, relationship: MentoringRelationship, user: User, topic: AgendaTopic, up: bool
) -> list[AgendaTopic]:
    """Move one open topic a place up or down (the page's buttons)."""
    workspace = writable(relationship, user, "reorder the agenda")
    topic = _in_agenda(workspace, topic)
    order = open_topic_ids(workspace)
    if topic.pk not in order:
        raise DomainError(_("Only open topics can be moved."))
    index = order.index(topic.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(order):
        order[index], order[other] = order[other], order[index]
    return agenda_reorder(relationship=relationship, user=user, topic_ids=order)
