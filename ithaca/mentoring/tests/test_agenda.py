"""The agenda belongs to the mentee: she adds, orders and closes; the mentor suggests."""

from __future__ import annotations

import pytest

from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring import services
from ithaca.mentoring.models import AgendaTopic
from ithaca.mentoring.tests.factories import TopicFactory, active_relationship
from ithaca.programs import relationships as lifecycle

pytestmark = pytest.mark.django_db


def _add(rel, user, title="Moving into research"):
    return services.topic_add(relationship=rel, user=user, title=title)


def test_the_mentees_topic_goes_straight_on_the_agenda(rel) -> None:
    topic = _add(rel, rel.mentee)
    assert (topic.status, topic.added_by_id) == ("open", rel.mentee.pk)


def test_a_mentors_topic_is_only_a_suggestion_until_the_mentee_accepts(rel) -> None:
    topic = _add(rel, rel.mentor, "Your first conference talk")
    assert topic.status == "suggested"
    topic = services.topic_accept(relationship=rel, user=rel.mentee, topic=topic)
    assert topic.status == "open"


def test_the_mentee_may_leave_a_suggestion_aside(rel) -> None:
    topic = _add(rel, rel.mentor)
    topic = services.topic_decline(relationship=rel, user=rel.mentee, topic=topic)
    assert topic.status == "declined" and topic.closed_at is not None


def test_the_mentor_cannot_accept_his_own_suggestion(rel) -> None:
    topic = _add(rel, rel.mentor)
    with pytest.raises(PermissionDenied, match="agenda is the mentee's"):
        services.topic_accept(relationship=rel, user=rel.mentor, topic=topic)
    topic.refresh_from_db()
    assert topic.status == "suggested"


def test_the_mentor_cannot_close_or_reorder_the_mentees_topics(rel) -> None:
    topic = _add(rel, rel.mentee)
    with pytest.raises(PermissionDenied):
        services.topic_close(relationship=rel, user=rel.mentor, topic=topic)
    with pytest.raises(PermissionDenied):
        services.agenda_reorder(relationship=rel, user=rel.mentor, topic_ids=[topic.pk])


def test_the_mentee_orders_her_topics(rel) -> None:
    first, second, third = (_add(rel, rel.mentee, f"T{i}") for i in range(3))
    services.agenda_reorder(
        relationship=rel, user=rel.mentee, topic_ids=[third.pk, first.pk, second.pk]
    )
    order = list(
        AgendaTopic.objects.filter(relationship=rel).order_by("position").values_list("title")
    )
    assert order == [("T2",), ("T0",), ("T1",)]


def test_moving_a_topic_up_swaps_it_with_the_one_above(rel) -> None:
    first, second = _add(rel, rel.mentee, "A"), _add(rel, rel.mentee, "B")
    services.topic_move(relationship=rel, user=rel.mentee, topic=second, up=True)
    assert list(
        AgendaTopic.objects.filter(relationship=rel).order_by("position").values_list("pk")
    ) == [(second.pk,), (first.pk,)]


def test_reordering_must_name_every_open_topic_once(rel) -> None:
    first, second = _add(rel, rel.mentee, "A"), _add(rel, rel.mentee, "B")
    with pytest.raises(DomainError, match="exactly once"):
        services.agenda_reorder(relationship=rel, user=rel.mentee, topic_ids=[first.pk])
    with pytest.raises(DomainError, match="exactly once"):
        services.agenda_reorder(
            relationship=rel, user=rel.mentee, topic_ids=[first.pk, first.pk, second.pk]
        )


def test_a_topic_on_someone_elses_agenda_is_refused_and_nothing_changes(rel) -> None:
    mine = _add(rel, rel.mentee)
    theirs = TopicFactory(relationship=active_relationship())
    position = theirs.position
    with pytest.raises(DomainError, match="not on this relationship's agenda"):
        services.agenda_reorder(relationship=rel, user=rel.mentee, topic_ids=[theirs.pk, mine.pk])
    with pytest.raises(DomainError, match="not on this relationship's agenda"):
        services.topic_close(relationship=rel, user=rel.mentee, topic=theirs)
    theirs.refresh_from_db()
    assert theirs.status == "open" and theirs.position == position


def test_a_topic_needs_a_title(rel) -> None:
    with pytest.raises(DomainError, match="Write the topic") as caught:
        _add(rel, rel.mentee, "   ")
    assert caught.value.field == "title"
    assert not AgendaTopic.objects.exists()


def test_a_closed_topic_may_be_reopened_at_the_end(rel) -> None:
    first, second = _add(rel, rel.mentee, "A"), _add(rel, rel.mentee, "B")
    services.topic_close(relationship=rel, user=rel.mentee, topic=first)
    first = services.topic_reopen(relationship=rel, user=rel.mentee, topic=first)
    assert first.status == "open" and first.closed_at is None
    second.refresh_from_db()
    assert first.position > second.position


def test_a_paused_relationship_takes_no_new_topics(rel) -> None:
    lifecycle.relationship_pause(rel, user=rel.mentee)
    with pytest.raises(DomainError, match="paused"):
        _add(rel, rel.mentee)


def test_an_outsider_cannot_add_a_topic(rel) -> None:
    stranger = active_relationship().mentee
    with pytest.raises(PermissionDenied):
        _add(rel, stranger)
