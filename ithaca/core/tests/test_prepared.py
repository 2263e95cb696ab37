"""A prepared query answers exactly what its QuerySet answers, with new values each time."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.db.models.signals import post_save

from ithaca.accounts.models import User
from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.prepared import (
    PreparedInsert,
    PreparedQuery,
    columns,
    joined_columns,
    joined_instance,
)
from ithaca.mentoring.models import AgendaTopic, MentoringRelationship
from ithaca.mentoring.tests.factories import active_relationship
from ithaca.programs.models import Program

pytestmark = pytest.mark.django_db
JOINED = {"program": Program, "mentor": User, "mentee": User}


def people(email: str, pk: int):
    return User.objects.filter(Q(email=email) | Q(pk=pk)).order_by("pk").values_list(*columns(User))


def test_it_answers_what_the_queryset_answers_for_each_value(django_assert_num_queries) -> None:
    one, two = UserFactory(), UserFactory()
    prepared = PreparedQuery(people, email=str, pk=int)
    for email, pk in ((one.email, two.pk), (two.email, two.pk), ("nobody@example.org", 0)):
        with django_assert_num_queries(1):
            rows = prepared.rows(email=email, pk=pk)
        assert rows == list(people(email, pk))  # dates and booleans converted alike


def test_its_joined_instances_are_what_select_related_builds() -> None:
    rel = active_relationship()
    prepared = PreparedQuery(
        lambda pk: MentoringRelationship.objects.filter(pk=pk).values_list(
            *joined_columns(MentoringRelationship, JOINED)
        ),
        pk=int,
    )
    built = joined_instance(MentoringRelationship, JOINED, prepared.rows(pk=rel.pk)[0])
    orm = MentoringRelationship.objects.select_related(*JOINED).get(pk=rel.pk)
    assert built == orm and not built._state.adding
    for name in ("program", "mentor", "mentee"):
        assert getattr(MentoringRelationship, name).is_cached(built)
        assert getattr(built, name).__dict__.keys() == getattr(orm, name).__dict__.keys()
        assert [getattr(getattr(built, name), c) for c in columns(JOINED[name])] == [
            getattr(getattr(orm, name), c) for c in columns(JOINED[name])
        ]


def test_a_value_that_does_not_reach_the_sql_as_itself_is_refused() -> None:
    refused = PreparedQuery(lambda email: User.objects.filter(email=email.upper()), email=str)
    with pytest.raises(ValueError):
        refused.rows(email="a@example.org")


def test_a_number_no_column_can_hold_matches_nothing_as_in_the_orm(
    django_assert_num_queries,
) -> None:
    UserFactory()
    prepared = PreparedQuery(people, email=str, pk=int)
    for pk in (2**63, -(2**63) - 1, 265878227631453405184):
        with django_assert_num_queries(0):
            assert prepared.rows(email="nobody@example.org", pk=pk) == []
        assert list(people("nobody@example.org", pk)) == []


def _stored(topic: AgendaTopic) -> dict[str, object]:
    fresh = AgendaTopic.objects.get(pk=topic.pk)
    return {name: getattr(fresh, name) for name in columns(AgendaTopic) if name != "id"}


def test_a_prepared_insert_writes_and_answers_what_create_does(django_assert_num_queries) -> None:
    rel = active_relationship()
    values = {"relationship": rel, "title": "Café & <b>", "detail": "", "added_by": rel.mentee}
    prepared = PreparedInsert(AgendaTopic)
    for position in (0, 7):
        orm = AgendaTopic.objects.create(**values, position=position)
        with django_assert_num_queries(1):
            ours = prepared.create(**values, position=position)
        assert ours.pk > orm.pk and not ours._state.adding and ours._state.db == "default"
        assert ours.relationship is rel and ours.added_by is rel.mentee
        assert ours.created_at >= orm.created_at
        ours.created_at = orm.created_at  # set by the model's default when each was made
        AgendaTopic.objects.filter(pk=ours.pk).update(created_at=orm.created_at)
        mine = {k: v for k, v in ours.__dict__.items() if k not in ("_state", "id")}
        assert mine == {k: v for k, v in orm.__dict__.items() if k not in ("_state", "id")}
        assert _stored(ours) == _stored(orm)


def test_a_prepared_insert_leaves_to_create_what_it_does_not_prepare() -> None:
    rel = active_relationship()
    prepared = PreparedInsert(AgendaTopic)
    given = prepared.create(id=987654, relationship=rel, title="t", added_by=rel.mentee)
    assert given.pk == 987654 and AgendaTopic.objects.filter(pk=987654).exists()
    heard = []

    def listener(sender, instance, created, **kwargs):
        heard.append((instance.title, created))

    post_save.connect(listener, sender=AgendaTopic)
    try:
        prepared.create(relationship=rel, title="signalled", added_by=rel.mentee)
    finally:
        post_save.disconnect(listener, sender=AgendaTopic)
    assert heard == [("signalled", True)]
    with pytest.raises(ValueError):
        PreparedInsert(Session)  # its key is given, never made by the database
